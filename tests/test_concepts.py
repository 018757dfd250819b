"""The contract check reads the law's concepts, not phrases: who owes the duty, numbers and time
limits, scope and carve-outs, conflicts, and how confident each status is. Every sentence here
is our own wording."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator import check_contract, number_value, stated_days
from generator.models import Limit
from generator.reading.extract import read_document

from .test_duty_phrasings import report as check
from .test_duty_phrasings import status


# ---------------------------------------------------------------- numbers and time limits


@pytest.mark.parametrize(("words", "value"), [
    ("45", 45), ("forty-five", 45), ("seventy two", 72), ("ninety", 90), ("one hundred eighty", 180),
    ("ten", 10), ("lunch", None),
])
def test_number_words(words, value):
    assert number_value(words) == value


def test_breach_limit_reads_the_whole_number(library):
    lim = library.provision("breach_notification").detect.limits[0]
    assert stated_days("The Vendor tells the Board within forty-five (45) days.", lim) == 45
    assert stated_days("The Vendor tells the Board within sixty days.", lim) == 60
    text = "Within forty-five (45) days of learning of a data breach, the Vendor will notify the District."
    f = check(text, library).finding("breach_notification")
    assert f.status == "partial" and "30 days" in f.explanation


def test_business_days_count_as_calendar_days(library):
    lim = library.provision("breach_notification").detect.limits[0]
    assert stated_days("The Vendor informs the Board within ten business days.", lim) == 14
    assert status("After a security breach is confirmed the Vendor shall inform the District within "
                  "twenty-five working days.", library, "breach_notification") == "partial"  # 35 days
    assert status("After a security breach is confirmed the Vendor shall inform the District within "
                  "twenty working days.", library, "breach_notification") == "present"  # 28 days


def test_the_limit_for_the_notice_counts_not_the_shortest_number(library):
    text = ("Upon discovering unauthorized access to student records the Company shall open an inquiry "
            "within 12 hours and shall notify the Board no later than ninety days afterwards.")
    f = check(text, library).finding("breach_notification")
    assert f.status == "partial" and f.confidence == "low"
    text = ("Upon discovering unauthorized access to student records the Company shall open an inquiry "
            "within five days and shall notify the Board no later than 48 hours afterwards.")
    assert status(text, library, "breach_notification") == "present"


def test_a_huge_number_is_not_a_short_limit():
    lim = Limit(pattern=r"(\d+)\s*(days?)", max_days=30, reason="")
    assert stated_days("notice within " + "9" * 5000 + " days", lim) == float("inf")


@pytest.mark.parametrize(("text", "pid"), [
    ("The Vendor shall delete all student data within ____ days after this Agreement terminates.", "no_retention"),
    ("The Vendor shall notify the District of any data breach within ____ hours of discovering it.",
     "breach_notification"),
    ("On the Board's written request, the Vendor shall delete the student data within ______ days.", "deletion"),
])
def test_a_slot_of_underscores_left_blank_is_partial(library, text, pid):
    # a form's blank ("within ____ days") is a slot to fill in, as "[X] days" is: not Markdown
    # emphasis to drop, which left "within  days", a duty with no blank in it
    f = check(text, library).finding(pid)
    assert f.status == "partial" and "blank" in f.explanation, (f.status, f.explanation)


# ---------------------------------------------------------------- word order and lists


def test_request_before_the_deletion_verb_is_a_means_to_request(library):
    text = "Upon a written request from the District or at the end of the term, Vendor shall erase all pupil records."
    assert status(text, library, "deletion") == "present"
    text = "On the Agency's written request the contractor destroys the student data it holds within 20 days."
    assert status(text, library, "deletion") == "present"


def test_items_of_one_list_are_read_together(library):
    text = ("The Vendor honours these rights of families:\n\n- Guardians may inspect what the Vendor "
            "holds on their child\n\n- Guardians may ask for inaccurate entries to be corrected\n")
    assert status(text, library, "review_correction") == "present"


# ---------------------------------------------------------------- ownership


@pytest.mark.parametrize("text", [
    "All pupil records stay the Board's property at all times.",
    "Every student record remains the sole property of the District.",
])
def test_the_school_owns_the_data(library, text):
    assert status(text, library, "ownership") == "present"


@pytest.mark.parametrize("text", [
    "Vendor contact | Customer success owner | name and email to be supplied",
    "The District decides whether a deletion request belongs to a parent or to a school official "
    "before any education records are released.",
    "The Customer may upload personal data, the amount of which is decided and controlled by the Customer.",
])
def test_words_near_ownership_are_not_ownership(library, text):
    assert status(text, library, "ownership") != "present"


def test_processor_role_alone_is_partial(library):
    text = "For these purposes the school is the data controller and the Vendor acts as a data processor."
    assert status(text, library, "ownership") == "partial"


# ---------------------------------------------------------------- use limitation


@pytest.mark.parametrize("text", [
    "The Vendor processes pupil data only on the written instructions of the District.",
    "The Vendor will only process personal data of students in accordance with this Agreement.",
    "The Contractor uses the school's student data only to: deliver the reading lessons the school ordered.",
    "Purpose of processing: running the approved tutoring service for the school and nothing else.",
])
def test_use_limited_to_authorized_purposes(library, text):
    assert status(text, library, "use_limitation") == "present"


def test_carve_out_for_own_products_is_a_conflict(library):
    r = check("The Vendor uses student data solely to provide the Service to the school, except as needed "
              "to build and advertise our other products.", library)
    assert r.finding("use_limitation").status != "present"
    assert "other" in [c.kind for c in r.conflicts]


def test_a_limit_that_binds_others_is_not_the_contractors(library):
    text = "Our analytics partners may only use student data to provide their services to us, as our contract with them says."
    assert status(text, library, "use_limitation") != "present"
    text = "Schoolwise uses student data only to improve the Schoolwise app."  # a name is not a school
    assert status(text, library, "use_limitation") != "present"


# ---------------------------------------------------------------- security, FERPA, severability


def test_safeguards_the_contractor_maintains(library):
    text = "The Vendor maintains administrative, technical and physical safeguards."
    assert status(text, library, "security") == "present"
    text = "Before sending personal data abroad, the Vendor will put in place appropriate safeguards for the transfer."
    assert status(text, library, "security") != "present"


def test_naming_ferpa_is_not_a_commitment(library):
    text = "The app gathers nothing from a pupil's education records as the Family Educational Rights and Privacy Act defines them."
    assert status(text, library, "ferpa") != "present"
    text = "The Vendor is a school official under FERPA and will comply with it."
    assert status(text, library, "ferpa") == "present"


def test_a_liability_cap_is_not_severability(library):
    text = ("The parties' liability under this addendum is capped in the aggregate, and it shall not be read "
            "to apply separately to each order. Any claim is void if not brought within a year.")
    assert status(text, library, "severability") == "missing"


# ---------------------------------------------------------------- scope and carve-outs


def test_deletion_at_the_end_only_on_request_is_partial(library):
    text = "When the contract ends, the Vendor will return or erase student data at the District's direction."
    f = check(text, library).finding("no_retention")
    assert f.status == "partial" and f.confidence == "low"


@pytest.mark.parametrize(("days", "expected"), [("180 days", "partial"), ("sixty (60) days", "present")])
def test_deletion_long_after_termination_is_partial(library, days, expected):
    text = f"The Vendor deletes all student data within {days} after termination of the agreement."
    assert status(text, library, "no_retention") == expected


def test_self_service_account_settings_are_partial(library):
    text = "Parents can review and correct their child's details on the settings page of their account."
    assert status(text, library, "review_correction") == "partial"


def test_law_of_the_state_where_the_school_is_is_partial(library):
    text = "This agreement is governed by the laws of the state in which the district is located."
    r = check(text, library)
    assert r.finding("governing_law").status == "partial"
    assert "governing_law_other_state" not in [c.kind for c in r.conflicts]


# ---------------------------------------------------------------- breach notice


@pytest.mark.parametrize("text", [
    "The Processor will notify the Controller within 48 hours after it learns of a personal data breach.",
    "If a breach occurs:\n\n- Notice to the school: no later than 24 hours after discovery",
    "The Vendor shall notify the District of any security incident without undue delay. The notification "
    "will follow this procedure: a call to the privacy officer, then a written report of what was exposed.",
])
def test_breach_notice_to_the_school(library, text):
    assert status(text, library, "breach_notification") == "present"


# ---------------------------------------------------------------- conflicts


@pytest.mark.parametrize("text", [
    "The Vendor is forbidden to use pupil records to market products, and pupil records are never sold, "
    "rented, or handed to outside firms for commercial gain.",
    "The Vendor shall not:\n\n- use student information for any commercial end unrelated to the school's service",
    '"Targeted advertising" does not include ads chosen only from what a student is viewing at that moment.',
    'The following words have these meanings:\n\n- "Sale" means trading student data for money or anything of value',
])
def test_prohibitions_and_definitions_are_never_conflicts(library, text):
    assert check(text, library).conflicts == []


@pytest.mark.parametrize(("text", "kind"), [
    ("Your licence to us lets the Company show, copy and share the projects pupils upload anywhere it likes.", "ownership"),
    ("The teacher confirms that she has obtained the parental permission needed for pupils under 13.", "other"),
    ("We depend on the district to gather any consent that a parent must give.", "other"),
    ("If you keep using the app once a revised policy is out, that counts as accepting it.", "unilateral_change"),
    ("This addendum may be updated from time to time.", "unilateral_change"),
    ("Removing an account hides the learner's profile, but archived copies of pupil data stay on our servers.",
     "retention"),
    ("We show members offers tailored to what they did in the app.", "advertising"),
])
def test_conflict_classes(library, text, kind):
    assert kind in [c.kind for c in check(text, library).conflicts]


def test_consent_shifted_to_school_does_not_lower_ferpa(library):
    text = ("The Vendor acts as a school official under FERPA and complies with it. The school warrants "
            "that it has obtained every parental consent that COPPA needs.")
    r = check(text, library)
    assert "other" in [c.kind for c in r.conflicts]
    assert r.finding("ferpa").status == "present"


def test_school_notice_duties_are_not_shifted_duties(library):
    text = "The District is responsible for listing the Vendor in its annual FERPA notice to families."
    assert check(text, library).conflicts == []


def test_word_order_does_not_matter_for_deletion(library):
    text = "Upon written request from the District, the Provider will delete the student records it holds."
    assert status(text, library, "deletion") == "present"


def test_deletion_at_termination_on_request_is_not_a_means_to_request(library):
    text = "After the services end, the Vendor shall, on the Customer's request, return or erase the student data."
    assert status(text, library, "deletion") == "partial"


@pytest.mark.parametrize("text", [
    "If you are located in the European Union, the Vendor deletes your personal data when the contract ends.",
    "Where the district is a New York educational agency, the Vendor deletes student data when the contract ends.",
])
def test_terms_for_another_jurisdiction_do_not_count_for_connecticut(library, text):
    f = check(text, library).finding("no_retention")
    assert f.status == "missing" and f.confidence == "low"
    assert "does not count for Connecticut" in f.explanation


def test_another_states_law_is_a_conflict_even_beside_connecticut_consumers(library):
    text = ("These terms are governed by the laws of the State of Texas; residents of Connecticut "
            "may also have rights under their own state's consumer laws.")
    r = check(text, library)
    assert "governing_law_other_state" in [c.kind for c in r.conflicts]


# ---------------------------------------------------------------- confidence in every report


def test_every_report_shows_confidence(library):
    import json

    from generator import report_json, report_markdown, report_table

    text = ("The Vendor will notify the District of any data breach within forty-five (45) days. "
            "Connecticut law governs this agreement.")
    r = check(text, library)
    data = json.loads(report_json(r))
    assert [p["confidence"] for p in data["provisions"]] == [f.confidence for f in r.provisions]
    breach = r.finding("breach_notification")
    assert breach.status == "partial" and breach.confidence == "low"
    md = report_markdown(r)
    assert "| confidence |" in md and "Review first (low confidence): 6." in md
    row = next(line for line in report_table(r).splitlines() if line.startswith(" 6."))
    assert " low" in row
    law = next(line for line in report_table(r).splitlines() if line.startswith(" 9."))
    assert " high" in law


# ---------------------------------------------------------------- the CET model form


CET_FORM = Path(__file__).parent / "fixtures" / "cet-model-addendum.txt"


def _cet_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    for para in CET_FORM.read_text(encoding="utf-8").split("\n\n"):
        d.add_paragraph(para.strip())
    out = path / "cet-model-addendum.docx"
    d.save(str(out))
    return out


def _assert_compliant(report) -> None:
    assert [f.status for f in report.provisions] == ["present"] * 11, report.summary()
    assert report.conflicts == [] and report.compliant


def test_cet_model_form_is_compliant_as_text(library):
    _assert_compliant(check_contract(read_document(CET_FORM), library))


def test_cet_model_form_is_compliant_as_docx(library, tmp_path):
    _assert_compliant(check_contract(read_document(_cet_docx(tmp_path)), library))


def test_cet_model_form_is_compliant_as_pdf(library, tmp_path, soffice):
    from generator import convert_to_pdf

    (pdf,) = convert_to_pdf([_cet_docx(tmp_path)])
    _assert_compliant(check_contract(read_document(pdf), library))


# ---------------------------------------------------------------- every clause pattern on RE2


def test_every_clause_pattern_compiles_on_re2(library):
    import re2

    opts = re2.Options()
    opts.case_sensitive = False
    opts.log_errors = False
    pats = [*library.ignore, *library.duties, *library.definitions]
    for p in library.provisions:
        pats += [x for lim in p.detect.limits for x in (lim.pattern, lim.near) if x]
    for pat in pats:
        re2.compile(pat, opts)  # raises on lookarounds and backreferences


HOSTILE = {
    "a 20,000-digit number with no unit": "The Vendor will notify the District of any data breach within "
                                          + "9" * 20000 + " of discovery.",
    "a 20,000-digit time limit": "The Vendor will notify the District of any data breach within "
                                 + "9" * 20000 + " days.",
    "200 KB of brackets": "[" * 200_000,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_runs_in_linear_time(name, tmp_path):
    # Python's re took one to two minutes on each (backtracking); RE2 takes well under a second.
    # The 30 s timeout only guards against a hang; it is not a timing assertion.
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE[name])
    code = ("import sys\nfrom generator import check_contract, read_document\n"
            "r = check_contract(read_document(sys.argv[1]))\n"
            "print(r.finding('breach_notification').status)")
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          timeout=30, cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ("missing" if name == "200 KB of brackets" else "partial")


# ---------------------------------------------------------------- more concepts


@pytest.mark.parametrize(("text", "pid", "expected"), [
    ("The Vendor does not permit any advertising in the app that pupils use.", "no_advertising", "present"),
    ("The Vendor gets no rights of any kind in the student records it hosts.", "ownership", "present"),
    ("Our service gathers nothing that FERPA covers, so FERPA does not apply to it.", "ferpa", "missing"),
    ("The Vendor completes each erasure within ten working days of the District's instruction.", "deletion", "present"),
    ("Pupil data is returned or destroyed at the direction of the District.", "deletion", "partial"),
    ("If the contract is terminated, the Vendor erases pupil data within 20 days upon the Board's request.",
     "deletion", "partial"),
])
def test_concept(library, text, pid, expected):
    assert status(text, library, pid) == expected


def test_school_answering_for_ferpa_is_a_conflict_that_only_sole_responsibility_lowers(library):
    joint = "The Vendor is a school official under FERPA and will comply with it. "
    r = check(joint + "The District warrants that it follows FERPA when it sends records.", library)
    assert "other" in [c.kind for c in r.conflicts] and r.finding("ferpa").status == "present"
    r = check(joint + "The District is solely responsible for meeting FERPA for all records.", library)
    assert r.finding("ferpa").status == "partial" and r.finding("ferpa").confidence == "low"


# ---------------------------------------------------------------- which data: one source only


def test_a_promise_about_data_from_one_source_is_not_a_promise_about_student_data(library):
    # data the service receives from one sign-in partner is a slice of what it holds; the rest
    # may still be used for advertising
    narrow = check("We do not use Apple user data for advertising and do not sell it.", library).finding("no_advertising")
    assert narrow.status == "partial" and "one source" in narrow.explanation
    whole = check("We will not use student data for advertising and will not sell it.", library).finding("no_advertising")
    assert whole.status == "present"


# ---------------------------------------------------------------- a disclaimer owes nothing


def test_a_disclaimer_that_the_service_is_secure_is_no_security_duty(library):
    # saying what the company does not promise names security, but binds it to nothing
    disclaimed = check("The Company does not warrant that the service will be secure or that student data will be "
                       "protected from loss.", library).finding("security")
    assert disclaimed.status == "partial" and "disclaims" in disclaimed.explanation
    owed = check("The Company shall protect student data with reasonable security safeguards.", library)
    assert owed.finding("security").status == "present"
    # a disclaimer after the duty, about something else, leaves the duty whole
    both = check("The Company shall protect student data with reasonable security safeguards; the Company does "
                 "not warrant that the service will be uninterrupted.", library)
    assert both.finding("security").status == "present"


# ---------------------------------------------------------------- acc7: smaller wordings of the same concepts


def kinds_of(text: str, library) -> set[str]:
    return {c.kind for c in check(text, library).conflicts}


@pytest.mark.parametrize(("pid", "text", "want"), [
    # records named by what they hold are student records
    ("security", "Only for the two pilot schools, the Vendor shall encrypt attendance records at rest.", "partial"),
    # a verb in a later lettered item is a duty the lead-in states
    ("security", "The Vendor shall: (a) keep pupil records in data centres in the United States; (b) encrypt "
                 "pupil records at rest.",
     "present"),
    # observing or abiding by the law named by its full title is complying with it
    ("ferpa", "The Vendor will abide by every applicable law, including the Family Educational Rights and Privacy "
              "Act.", "present"),
    # the rest "unaffected" is the rest staying in force
    ("severability", "Where a court holds a clause void, the remaining clauses are unaffected.", "present"),
    # a candidate's own right to ask for deletion is a user's right: partial, not missing
    ("deletion", "A candidate may ask the Vendor to erase his or her exam video, which the Vendor will do within "
                 "a week.", "partial"),
    # a subscription that lapses is a contract that ends; two years later is too late
    ("no_retention", "Pupil records are erased three years after the Board's licence lapses.", "partial"),
    # a request received from the board, after the time limit
    ("deletion", "The Vendor shall erase student data within ten days after receiving the Board's request.",
     "present"),
    # a use forbidden except for the contract's purposes is the use limitation itself
    ("use_limitation", "The Vendor shall not process pupil records except to perform the Services or as the Board "
                       "directs.", "present"),
    ("use_limitation", "The Vendor shall not process pupil records except to perform the Services or to develop new "
                       "products of its own.", "partial"),
    # deletion of what the board names in its request
    ("deletion", "The Vendor shall destroy, within ten days, any pupil records the Board identifies in a written "
                 "notice.", "present"),
    # a duty only where another place's law applies
    ("security", "Where the EU GDPR applies, the Vendor shall protect pupil records with encryption.", "missing"),
    # no ownership passes to the contractor
    ("ownership", "No title in any student record is conveyed to or acquired by the Vendor under this contract.",
     "present"),
])
def test_smaller_wordings_of_the_same_concepts_acc7(library, pid, text, want):
    assert status(text, library, pid) == want


@pytest.mark.parametrize(("text", "kind"), [
    ("Pupils' reading lists may be used to suggest sponsored books from partner presses.", "advertising"),
    ("The Vendor may pass pupil contact details to its affiliates so they can market their services to parents.",
     "advertising"),
    ("Pupil home addresses may be sold to map makers.", "sale"),
    ("The Vendor keeps pupil logs for as long as it finds them helpful.", "retention"),
    ("The Vendor may vary this contract at any time by posting the new text online.", "unilateral_change"),
    ("The Vendor may email parents offers chosen based on their child's activity in the app.", "advertising"),
    ("The Board alone answers for meeting FERPA when it shares education records.", "other"),
])
def test_conflicts_in_other_words_acc7(library, text, kind):
    assert kind in kinds_of(text, library)


def test_a_promotion_that_is_a_contest_is_not_advertising(library):
    assert "advertising" not in kinds_of("We reserve the right to cancel a promotion or a contest at any time.", library)
