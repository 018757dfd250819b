"""Vetting an app: a service's own terms read against the policy's four restrictions on
operators. Every text here is written for these tests (a made-up reading app, "Owlbook")."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from generator import vet_documents, vet_texts
from generator.cli.commands import app
from generator.errors import ExtractError
from generator.vetting import RESTRICTION_IDS

FOR_SCHOOLS = ("Owlbook is a reading app designed for teachers and their students in K-12 schools. "
               "Teachers create classes and invite students; students read and answer questions. ")


def vet(*texts: str):
    """Vet one or more plain-text documents of the made-up service."""
    return vet_texts([(f"owlbook-{i}.txt", FOR_SCHOOLS + t) for i, t in enumerate(texts)])


def status(report, rid: str) -> str:
    return report.restriction(rid).status


# ---------------------------------------------------------------- each restriction's four statuses

@pytest.mark.parametrize("rid, prohibited, limited, allowed", [
    ("targeted_advertising",
     "We will not use student information to show students targeted advertising.",
     "We will not use student information for targeted advertising unless a parent consents.",
     "Our advertising partners may use cookies to show users personalized ads based on their activity."),
    ("profiling",
     "We will never build a profile of a student except for school purposes.",
     "We will never build a profile of a student, except with the consent of the user.",
     "We may build profiles of users' interests for marketing."),
    ("sale",
     "We do not sell, rent or trade student information.",
     "We do not sell student information, except to our affiliates.",
     "We may sell personal information we collect to other companies."),
    ("disclosure",
     "We will not disclose student information to anyone, except to comply with the law or a court order.",
     "We will not disclose student information to third parties except with the user's consent or to our affiliates.",
     "We may share your personal information with advertisers and marketing partners."),
])
def test_each_restriction_reads_prohibited_limited_silent_and_allowed(rid, prohibited, limited, allowed):
    assert status(vet(prohibited), rid) == "prohibited"
    assert status(vet(limited), rid) == "limited"
    assert status(vet("Students can read stories and answer questions about them."), rid) == "silent"
    assert status(vet(allowed), rid) == "allowed"


def test_a_commitment_quotes_its_sentence_with_the_policys_wording_beside_it():
    r = vet("We do not sell, rent or trade student information.").restriction("sale")
    assert r.evidence and "do not sell" in r.evidence[0].text
    assert "owlbook-0.txt" in r.evidence[0].location
    assert "merger" in r.policy  # the policy's own exception, in our words
    assert r.confidence == "high"


def test_a_limited_commitment_says_what_is_missing():
    r = vet("We do not sell student information, except to our affiliates.").restriction("sale")
    assert r.status == "limited"
    assert any("affiliates" in m for m in r.missing)
    assert r.confidence == "low"  # it rests on an exception


def test_an_exception_on_the_policys_list_keeps_a_commitment_prohibited():
    report = vet("We will not disclose student information except to comply with law, under a court order, "
                 "or to protect the safety of our users.")
    assert status(report, "disclosure") == "prohibited"


def test_an_exception_that_swallows_the_promise_makes_it_limited():
    report = vet("We will not share student information with third parties, except as described in this policy.")
    r = report.restriction("disclosure")
    assert r.status == "limited"
    assert r.missing


def test_a_sale_of_the_business_that_keeps_the_buyer_bound_is_within_the_policy():
    bound = vet("We never sell student information. If we are acquired, the successor will be bound by this "
                "policy's commitments for the information it receives.")
    unbound = vet("We never sell student information. If we are acquired or merge, user information may be "
                  "transferred to the buyer as one of our business assets.")
    alone = vet("If we are acquired or merge, user information may be transferred to the buyer as one of our "
                "business assets.")
    assert status(bound, "sale") == "prohibited"
    assert status(unbound, "sale") == "limited"
    assert status(alone, "sale") == "allowed"


# ---------------------------------------------------------------- permitted uses, duties of others

def test_a_permitted_use_is_recognised_and_never_counts_against_the_operator():
    report = vet("We may use de-identified information to improve our reading lessons. "
                 "We use student information to maintain and support the app and for adaptive learning.")
    ids = {u.id for u in report.permitted_uses}
    assert {"deidentified_improvement", "maintenance", "adaptive_learning"} <= ids
    assert all(status(report, rid) != "allowed" for rid in RESTRICTION_IDS)


def test_sharing_aggregated_de_identified_information_is_not_a_disclosure():
    report = vet("We may share aggregated, de-identified information with researchers and partners.")
    assert status(report, "disclosure") != "allowed"


def test_a_duty_the_user_owes_binds_no_operator():
    report = vet("You agree not to sell or rent any information you obtain through the app.")
    assert status(report, "sale") == "silent"


def test_a_promise_the_school_makes_binds_no_operator():
    report = vet("The school district shall not disclose student information to anyone.")
    assert status(report, "disclosure") == "silent"


def test_a_disclaimer_is_no_promise_not_to_disclose():
    report = vet("We are not responsible for any disclosure of information by other users.")
    assert status(report, "disclosure") == "silent"


def test_naming_the_connecticut_law_as_a_whole_commits_to_all_four():
    report = vet("We will comply with Conn. Gen. Stat. §§ 10-234aa to 10-234dd for every student in Connecticut.")
    for rid in RESTRICTION_IDS:
        assert status(report, rid) == "prohibited"
        assert report.restriction(rid).confidence == "low"


# ---------------------------------------------------------------- audience and verdict

def test_a_service_for_schools_with_every_restriction_committed_may_be_used():
    report = vet("We will not use student information for targeted advertising. "
                 "We will not build a profile of a student except for school purposes. "
                 "We do not sell, rent or trade student information. "
                 "We will not disclose student information except to comply with the law.")
    assert report.audience == "school"
    assert report.verdict == "may be used"
    assert report.conditions == []


def test_silent_terms_may_be_used_with_conditions_one_line_each():
    report = vet("We do not sell, rent or trade student information.")
    assert report.verdict == "may be used with conditions"
    assert len(report.conditions) == 3  # advertising, profiles, disclosure
    assert all(c.startswith("Confirm in writing") for c in report.conditions)
    assert "policy" in report.reason.lower()


def test_an_allowed_restriction_means_the_app_may_not_be_used():
    report = vet("We may sell personal information we collect to other companies.")
    assert report.verdict == "may not be used"
    assert "sell" in report.reason.lower()


def test_a_general_audience_service_is_outside_the_operator_restrictions():
    text = ("Paperkite is a note-taking app for anyone, of all ages, at home or at work. "
            "We may share your personal information with advertisers and marketing partners.")
    report = vet_texts([("paperkite.txt", text)])
    assert report.audience == "general"
    assert report.audience_evidence
    assert report.verdict == "may be used"
    assert "individuals generally" in report.reason
    assert "item 7" in report.reason  # the policy's own item is cited
    assert any("disclosing" in n.lower() for n in report.notes)  # what it allows is still said


def test_two_documents_are_read_together_each_with_its_hash(tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text(FOR_SCHOOLS + "We do not sell, rent or trade student information.", encoding="utf-8")
    privacy = tmp_path / "privacy.html"
    privacy.write_text("<!doctype html><html><head><script>var ads = 'sell everything';</script></head><body>"
                       "<h1>Privacy</h1><p>We may share your personal information with advertisers.</p>"
                       "<p style='display:none'>We never share anything.</p></body></html>", encoding="utf-8")
    report = vet_documents([terms, privacy])
    assert [d.name for d in report.documents] == ["terms.txt", "privacy.html"]
    assert all(len(d.sha256) == 64 for d in report.documents)
    assert status(report, "sale") == "prohibited"  # from the terms
    assert status(report, "disclosure") == "allowed"  # from the page's visible text
    assert report.restriction("disclosure").evidence[0].location.startswith("privacy.html")
    assert any("hidden" in n for n in report.notes)


# ---------------------------------------------------------------- the shape, bad input, the command

def test_json_has_the_ids_and_values_of_the_operator_labels():
    data = vet("We do not sell, rent or trade student information.").to_json_dict()
    assert data["audience"] in ("school", "general", "unclear")
    assert list(data["restrictions"]) == list(RESTRICTION_IDS)
    for rid, item in data["restrictions"].items():
        assert item["status"] in ("prohibited", "limited", "silent", "allowed")
        assert item["confidence"] in ("high", "low")
        assert isinstance(item["evidence"], list)
    assert data["verdict"] in ("may be used", "may be used with conditions", "may not be used")
    json.dumps(data)  # it is JSON as it stands


def test_a_file_that_cannot_be_read_is_one_error_naming_it(tmp_path):
    bad = tmp_path / "terms.pdf"
    bad.write_bytes(b"this is not a PDF at all")
    with pytest.raises(ExtractError, match="terms.pdf"):
        vet_documents([bad])


def test_the_command_prints_the_verdict_and_exits_as_check_does(tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text(FOR_SCHOOLS + "We may sell personal information we collect to other companies.", encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(app, ["vet", str(terms)])
    assert out.exit_code == 0
    assert "MAY NOT BE USED" in out.output
    assert "We may sell personal information" in out.output
    strict = runner.invoke(app, ["vet", str(terms), "--fail-on-conditions"])
    assert strict.exit_code == 1
    data = json.loads(runner.invoke(app, ["vet", str(terms), "--format", "json"]).output)
    assert data["restrictions"]["sale"]["status"] == "allowed"
    md = runner.invoke(app, ["vet", str(terms), "--format", "markdown"]).output
    assert md.startswith("# Vetting: terms.txt")


def test_the_command_names_a_missing_file_and_exits_2(tmp_path):
    out = CliRunner().invoke(app, ["vet", str(tmp_path / "nowhere.pdf")])
    assert out.exit_code == 2
    assert "nowhere.pdf" in out.output
    assert len(out.output.strip().splitlines()) == 1


def test_the_command_refuses_an_unknown_format(tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text(FOR_SCHOOLS, encoding="utf-8")
    out = CliRunner().invoke(app, ["vet", str(terms), "--format", "yaml"])
    assert out.exit_code == 2


def test_the_library_trace_shows_the_operator_rules_as_frames_in_words():
    out = CliRunner().invoke(app, ["library", "--trace", "--format", "json"])
    assert out.exit_code == 0
    ops = {o["id"]: o for o in json.loads(out.output)["operators"]}
    assert set(RESTRICTION_IDS) <= set(ops)
    assert "affiliates" in ops["sale"]["frame"]  # a wider exception, in words
    assert "successor" in ops["sale"]["frame"]
    assert "individuals generally" in ops["audience"]["frame"]
    assert {"maintenance", "adaptive_learning", "deidentified_improvement", "aggregated_sharing"} <= set(ops)


def test_a_saved_web_page_is_read_as_its_visible_text_only(tmp_path):
    from generator.reading.extract import read_document

    page = tmp_path / "privacy.htm"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Owlbook privacy</title><style>p { color: red }</style>"
        "<script>document.write('We sell everything')</script></head><body>"
        "<nav>Home | Pricing</nav><h2>Sharing</h2><p>We will not share student information except:</p>"
        "<ul><li>to comply with the law;</li><li>under a court order.</li></ul>"
        "<div hidden>We share it with everyone.</div><img src='http://203.0.113.9/pixel.gif'>"
        "<!-- a comment --></body></html>", encoding="utf-8")
    doc = read_document(page)
    assert doc.kind == "html"
    assert "We will not share student information except:" in doc.text
    assert "- to comply with the law;" in doc.text
    for never in ("We sell everything", "color: red", "We share it with everyone", "Pricing", "a comment"):
        assert never not in doc.text
    assert status(vet_documents([page]), "disclosure") == "prohibited"  # the items read with their lead-in


def test_excepting_service_providers_that_nothing_binds_makes_a_promise_limited():
    unbound = vet("We will not disclose student information to third parties except to our service providers.")
    bound = vet("We will not disclose student information to third parties except to our service providers. "
                "Our service providers are bound by contract to use student information only to provide the "
                "service and to keep it confidential.")
    assert status(unbound, "disclosure") == "limited"
    assert any("bind" in m for m in unbound.restriction("disclosure").missing)
    assert status(bound, "disclosure") == "prohibited"


def test_an_item_under_its_own_sub_heading_is_read_with_the_lead_in_above_it():
    text = ("We disclose personal information to others in the following circumstances:\n\n"
            "Research\n\nTo universities studying how children learn.\n\n"
            "Mergers\n\nTo a buyer or acquirer as part of a merger or sale of our company or its assets.\n")
    assert status(vet(text), "sale") == "allowed"


def test_an_unclear_audience_is_read_as_if_for_schools_with_a_note():
    filler = " ".join(f"Paragraph {n} of our terms says nothing of who uses the app." for n in range(14))
    report = vet_texts([("notes.txt", "A student or two might use this. We may sell personal information "
                                      "to other companies. " + filler)])
    assert report.audience == "unclear"
    assert report.verdict == "may not be used"
    assert any("as if it were for schools" in n for n in report.notes)


def test_no_document_at_all_is_an_input_error():
    from generator.errors import InputError

    with pytest.raises(InputError, match="no document"):
        vet_documents([])


@pytest.mark.parametrize("promise, reason", [
    ("If your browser sends a do-not-track signal, we will not sell your personal information.", "condition"),
    ("We do not sell the content that you post.", "content"),
])
def test_a_promise_narrower_than_the_policy_is_limited(promise, reason):
    r = vet(promise).restriction("sale")
    assert r.status == "limited"
    assert any(reason in m for m in r.missing)


def test_a_page_nested_deeper_than_the_parser_allows_is_one_error_naming_it(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<!doctype html><html><body>" + "<div>" * 5000 + "We never sell data." + "</div>" * 5000
                    + "</body></html>", encoding="utf-8")
    out = CliRunner().invoke(app, ["vet", str(page)])
    assert out.exit_code == 2
    assert "deep.html" in out.output and len(out.output.strip().splitlines()) == 1


def test_the_operator_called_provider_in_its_own_agreement_is_not_a_service_provider_bound_by_it():
    # "Provider" and "Processor" name the operator itself in a data agreement: that it signs the
    # agreement binds none of the service providers it may pass student data to
    report = vet('This agreement is between the school and Owlbook Inc. ("Provider"). '
                 "Provider obligations are listed in section 4. "
                 "Provider will not share student data outside its list of subprocessors without the school's consent.")
    r = report.restriction("disclosure")
    assert r.status == "limited"
    assert any("bind" in m for m in r.missing)
    assert "bound_providers" not in {u.id for u in report.permitted_uses}


def test_an_exception_for_service_providers_that_binds_them_itself_keeps_a_promise_prohibited():
    report = vet("We will not disclose student data except:\n"
                 "- to service providers under written confidentiality agreements;\n"
                 "- as required by law.")
    assert status(report, "disclosure") == "prohibited"


def test_each_exception_clause_is_read_on_its_own():
    # "outside the school" excepts the school; "without the user's permission" is the user's
    # consent, wider than the policy's list, though the school is named in the sentence
    r = vet("We will not share student data outside the school without the user's permission.").restriction("disclosure")
    assert r.status == "limited"
    assert any("consent of the user" in m for m in r.missing)


def test_an_exception_as_authorized_that_names_no_one_leaves_the_list_open():
    open_ = vet("We will not disclose student data to third parties except as authorized.").restriction("disclosure")
    assert open_.status == "limited"
    assert any("by whom" in m for m in open_.missing)
    school = vet("We will not disclose student data to third parties except as authorized by the school.")
    assert status(school, "disclosure") == "prohibited"
    own_list = vet("We will not disclose student data to third parties except as authorized in this agreement.")
    assert status(own_list, "disclosure") == "prohibited"  # the agreement's own list is read on its own


def test_as_ferpa_permits_alone_is_wider_than_the_policy_but_with_the_agreement_it_is_not():
    alone = vet("We will not disclose student data except as FERPA permits.").restriction("disclosure")
    assert alone.status == "limited" and any("FERPA" in m for m in alone.missing)
    # both must permit it: the agreement's own list, read on its own, is the narrower
    both = vet("We will not disclose student data except as permitted by this agreement and FERPA.")
    assert status(both, "disclosure") == "prohibited"


def test_a_narrower_promise_beside_a_complete_one_takes_nothing_away():
    # a promise about some recipients only, or a restatement of FERPA's own rule, is limited on
    # its own; beside a promise that covers every recipient it leaves that promise whole
    complete = "We will not disclose student data to anyone except to comply with the law. "
    some = "We will never share student data with data brokers."
    ferpa = ("We agree to comply with FERPA as a school official, including not disclosing education records "
             "without the school's written consent except as FERPA permits.")
    assert status(vet(some), "disclosure") == "limited"
    assert status(vet(ferpa), "disclosure") == "limited"
    assert status(vet(complete + some), "disclosure") == "prohibited"
    assert status(vet(complete + ferpa), "disclosure") == "prohibited"
    # an exception is an opening, not a narrower promise: it still makes the whole limited
    assert status(vet(complete + "We will not disclose student data except to our affiliates."), "disclosure") == "limited"


def test_who_answers_for_a_disclosure_is_no_permission_to_disclose():
    text = ("We will not disclose student data to anyone except to comply with the law. "
            "Each party is responsible for, and will indemnify the other against, any claims arising from "
            "its own release of student data.")
    assert status(vet(text), "disclosure") == "prohibited"


def test_the_school_named_by_its_defined_short_name_is_still_the_school():
    text = ('This agreement is between Lakeview Regional School District (called "LRSD" below) and Owlbook. '
            "Owlbook shall not disclose student data without the written authorization of LRSD.")
    assert status(vet(text), "disclosure") == "prohibited"
    other = ('This agreement is between Lakeview Regional School District and Owlbook Research ("OR"). '
             "Owlbook shall not disclose student data without the written authorization of OR.")
    assert status(vet(other), "disclosure") == "limited"  # a short name of someone else is not the school's


def test_authorized_users_of_the_school_are_no_open_exception():
    text = ("We will not disclose student data to anyone except to comply with the law. "
            "We keep student data on a drive shared with authorized users.")
    assert status(vet(text), "disclosure") == "prohibited"


@pytest.mark.parametrize("promise", [
    "We will not disclose student data in response to a request from a government agency unless the law requires it.",
    "We do not share student data with our subprocessors beyond what they need to run the service.",
])
def test_a_promise_about_recipients_on_the_policys_list_only_says_nothing_of_the_others(promise):
    # how the operator answers the authorities, or how much its bound providers get, are the
    # policy's own exceptions in use: to anyone else the terms may still disclose
    assert status(vet(promise), "disclosure") == "silent"
    assert status(vet("We will not disclose student data to third parties. " + promise), "disclosure") == "prohibited"


def test_answering_a_subpoena_as_an_exception_keeps_the_promise_whole():
    text = "We will not disclose student data to third parties, except in response to a subpoena or court order."
    assert status(vet(text), "disclosure") == "prohibited"


def test_a_promise_never_to_share_with_vendors_is_still_a_promise():
    assert status(vet("We do not share student information with third-party vendors."), "disclosure") != "silent"


def test_a_paragraph_that_opens_for_people_in_another_country_is_set_aside_whole():
    abroad = ("\n\nWe follow Canada's privacy law with respect to Canadian users. "
              "We disclose personal information only for the purposes identified in this policy.\n")
    assert status(vet(abroad), "disclosure") == "silent"
    here = "\n\nWe disclose personal information only for the purposes identified in this policy.\n"
    assert status(vet(here), "disclosure") != "silent"


def test_a_trade_secret_or_trademark_is_no_trading_of_information():
    text = "We promise that the information in our materials will not infringe any copyright or trade secret."
    assert status(vet(text), "sale") == "silent"


def test_a_successor_bound_unless_the_user_agrees_otherwise_is_limited_not_allowed():
    text = ("If we are acquired, student information may be transferred to the buyer as part of the sale, "
            "and this policy will continue to apply unless you agree to changes.")
    r = vet(text).restriction("sale")
    assert r.status == "limited"
    assert any("unless the user agrees" in m for m in r.missing)


def test_a_promise_not_to_name_the_other_party_in_publicity_is_not_about_advertising_to_students():
    text = ("Neither party will use the other's name, logo or trademarks in publicity or advertising "
            "without its prior written consent.")
    assert status(vet(text), "targeted_advertising") == "silent"
    ours = "We do not use student data for advertising, and our logo never appears in ads shown to students."
    assert status(vet(ours), "targeted_advertising") == "prohibited"


def test_a_profile_page_shown_to_others_is_not_profiling():
    text = ("A restricted account limits sharing of information about a child in several ways, including: "
            "the profile is not shown publicly, and only approved coaches can see the child's profile.")
    assert status(vet(text), "profiling") == "silent"
    assert status(vet("We will not build a profile of a student that others can see."), "profiling") == "prohibited"


@pytest.mark.parametrize("text", [
    "Gleamwork may disclose student information to other companies for any purpose.",
    "We may share pupil information with our partners and affiliates for business purposes.",
    "Student information may be disclosed to third parties for their own purposes.",
])
def test_a_permission_to_disclose_for_a_purpose_without_bounds_is_allowed_not_limited(text):
    """No promise at all, and a purpose with no limit: the terms permit what the policy forbids
    (found by a new user's walk: 'for any purpose' was read as a limited promise)."""
    report = vet("Gleamwork is a spelling game built for K-12 classrooms and sold to schools.", text)
    assert status(report, "disclosure") == "allowed"
    assert report.verdict == "may not be used"


def test_an_open_purpose_inside_the_policys_own_exception_stays_within_it():
    report = vet("Gleamwork is a spelling game built for K-12 classrooms and sold to schools.",
                 "We will not disclose student information, except where a court order or the law requires it "
                 "for any purpose.")
    assert status(report, "disclosure") == "prohibited"


# ---------------------------------------------------------------- read by concept (the challenge set's round)

def test_an_faq_answer_is_read_with_its_question():
    assert status(vet("Will you ever rent my child's data to anyone?\n\nNo."), "sale") == "prohibited"
    assert status(vet("What if the business is purchased?\n\nAccount information passes to the new owner."),
                  "sale") == "allowed"


@pytest.mark.parametrize("rid, text", [
    ("sale", "We never trade personal information unless you ask us to."),
    ("disclosure", "We share student data with outside companies only if the parent agrees."),
])
def test_the_users_say_so_is_their_consent_in_any_words(rid, text):
    r = vet(text).restriction(rid)
    assert r.status == "limited"
    assert any("consent" in m for m in r.missing)


def test_a_promise_that_lets_the_operator_do_it_on_consent_is_limited():
    text = ("Upon a parent's permission we may personalise offers for the student; otherwise we never use "
            "student information for advertising.")
    assert status(vet(text), "targeted_advertising") == "limited"


def test_a_negation_of_what_students_are_shown_is_the_operators_promise():
    assert status(vet("Students never receive advertising chosen from their information."),
                  "targeted_advertising") == "prohibited"


def test_a_party_named_earlier_in_the_clause_is_not_the_subject_of_its_negation():
    assert status(vet("Student records are sent to the teacher and are never sold to anyone."), "sale") == "prohibited"


@pytest.mark.parametrize("text", [
    "Should our company be sold, user information would be handed over to the new owner.",
    "We may assign our rights, including the personal data we hold, to a successor to our company.",
])
def test_the_business_changing_hands_in_plain_words_is_a_transfer(text):
    assert status(vet(text), "sale") == "allowed"


def test_a_law_replaced_by_its_successor_is_no_sale_of_the_business():
    text = ("Any mention of the Data Protection Act includes its successor law and the data rules under it. "
            "We do not sell personal data.")
    assert status(vet(text), "sale") == "prohibited"


def test_a_buyer_that_keeps_honoring_the_promises_keeps_the_sale_within_the_policy():
    text = ("We do not sell student data. If we merge with another company, the new entity will keep honoring "
            "the commitments of this policy for student data.")
    assert status(vet(text), "sale") == "prohibited"


def test_a_purpose_the_operator_sets_at_will_is_no_bound():
    assert status(vet("We may disclose user information to third parties at our discretion."), "disclosure") == "allowed"


def test_the_operator_limiting_sharing_to_providers_bound_by_contract_is_its_promise():
    text = "We disclose student data only to processors that are bound by contract to use it solely for our service."
    assert status(vet(text), "disclosure") == "prohibited"


@pytest.mark.parametrize("text", [
    "We may give your details to sponsors for their own marketing.",
    "Members' names and photos may be shown to the public on their pages.",
])
def test_handing_information_over_or_making_it_public_is_disclosure_in_other_words(text):
    assert status(vet(text), "disclosure") == "allowed"


def test_a_public_document_is_no_disclosure_of_anyones_information():
    assert status(vet("Our privacy notice is publicly available on our website."), "disclosure") == "silent"


def test_advertising_chosen_by_the_page_and_not_by_the_student_is_a_promise():
    text = "Sponsored links are picked from the topic of the lesson, never from a student's personal data."
    assert status(vet(text), "targeted_advertising") == "prohibited"


def test_a_short_text_that_does_not_say_who_it_is_for_is_unclear_not_general():
    report = vet_texts([("terms.txt", "Sign in to keep your drafts. We store them on our servers.")])
    assert report.audience == "unclear"
    assert any("Confirm with the operator" in n for n in report.notes)


def test_long_terms_that_never_name_a_school_are_for_anyone():
    text = " ".join(f"Rule {i}: keep your map of trip number {i} tidy." for i in range(60))
    assert vet_texts([("terms.txt", text)]).audience == "general"


def test_students_named_among_anyone_make_no_school_service():
    text = "Travellers, students and retirees of all ages use Wayfarer to plan their trips."
    assert vet_texts([("terms.txt", text)]).audience == "general"


@pytest.mark.parametrize("rid, text, why", [
    ("sale", "We never rent student data unless the member agrees.", "consent"),
    ("disclosure", "We disclose student information only as FERPA permits.", "FERPA"),
    ("sale", "We do not sell personal information except to our sister companies.", "affiliates"),
    ("disclosure", "We will not share student data outside our corporate group.", "affiliates"),
    # a promise undone later in its own sentence
    ("sale", "We never sell student data, but if the company closes, its assets, including student records, may be "
             "sold to a buyer.", "merger"),
])
def test_an_exception_outside_the_list_is_read_by_its_kind_in_other_words(rid, text, why):
    r = vet(text).restriction(rid)
    assert r.status == "limited"
    assert any(why in m for m in r.missing)


def test_profiles_built_by_the_operators_advertisers_are_its_doing():
    text = "Advertisers we work with may build interest profiles from what users do on our site."
    assert status(vet(text), "profiling") == "allowed"


def test_advertising_that_depends_only_on_the_page_is_a_complete_promise():
    r = vet("Ads shown in the app depend only on the content of the lesson page on screen.").restriction(
        "targeted_advertising")
    assert (r.status, r.missing) == ("prohibited", [])


def test_selling_anonymized_statistics_sells_no_student_information():
    assert status(vet("We may sell anonymized usage statistics."), "sale") == "silent"


@pytest.mark.parametrize("text", ["Everyone can join Wayfarer for free.",
                                  "Wayfarer is made for people who want to plan trips together."])
def test_a_service_open_to_anyone_in_other_words_is_general(text):
    assert vet_texts([("terms.txt", text)]).audience == "general"


def test_disclosure_as_the_law_permits_is_wider_than_as_the_law_requires():
    assert status(vet("We do not disclose student data except as permitted by law."), "disclosure") == "limited"
    assert status(vet("We do not disclose student data except as required by law."), "disclosure") == "prohibited"


def test_publishing_students_work_is_disclosure():
    assert status(vet("We may publish pupils' drawings on a public website."), "disclosure") == "allowed"


def test_what_the_student_chooses_to_show_is_not_the_operators_disclosure():
    text = "Students' projects may be published in a public gallery at the discretion of the student."
    assert status(vet(text), "disclosure") == "silent"
