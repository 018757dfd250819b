"""The contract check: statuses with evidence, partial signals, conflicts with negation, round trip."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from generator import PROVISION_IDS, render_addendum
from generator.checking.analysis import check_contract, sentences
from generator.cli.commands import app
from generator.reading.extract import read_document

runner = CliRunner()


def check(text: str, library):
    return check_contract(read_document(text.encode(), "t.txt"), library)


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_round_trip_generated_addendum_is_compliant(addendum_files, library, kind):
    report = check_contract(read_document(addendum_files[kind]), library)
    assert [f.status for f in report.provisions] == ["present"] * 11, report.summary()
    assert report.conflicts == [] and report.compliant
    for f in report.provisions:
        # cited as the addendum numbers and titles its sections, with the page of a PDF
        assert f.evidence and f.evidence[0].location.startswith(f"§ {f.number} {f.title}, ")
        assert f.evidence[0].location.endswith(")") == (kind == "pdf")


@pytest.mark.parametrize("pid", PROVISION_IDS)
def test_round_trip_one_provision_removed(library, board, vendor, pid):
    data = render_addendum(vendor, board, library.without(pid))
    report = check_contract(read_document(data, "a.docx"), library)
    missing = [f.id for f in report.provisions if f.status != "present"]
    assert missing == [pid], report.summary()


def test_round_trip_one_removed_from_pdf(library, board, vendor, tmp_path, soffice):
    from generator import convert_to_pdf

    p = tmp_path / "a.docx"
    p.write_bytes(render_addendum(vendor, board, library.without("severability")))
    (pdf,) = convert_to_pdf([p])
    report = check_contract(read_document(pdf), library)
    assert [f.id for f in report.provisions if f.status != "present"] == ["severability"]


def test_partial_signals(library):
    r = check("""
The Provider will notify the District of any data breach within 90 days of discovery.
The parties agree that Connecticut law applies to this contract where required.
The Provider aims to comply with FERPA.
The District may request deletion of student data by written notice; Provider deletes within [TBD] days.
""", library)
    assert r.finding("breach_notification").status == "partial"
    assert "longer than the 30 days" in r.finding("breach_notification").explanation
    assert r.finding("governing_law").status == "partial"
    assert r.finding("ferpa").status == "partial"
    assert r.finding("deletion").status == "partial"
    assert "blank" in r.finding("deletion").explanation


def test_present_with_quoted_evidence(library):
    r = check("Section 9. Connecticut law governs every right and duty under this contract.", library)
    f = r.finding("governing_law")
    assert f.status == "present"
    # the quote is the clause's words; its number is its location
    assert f.evidence[0].text == "Connecticut law governs every right and duty under this contract."
    assert "9" in f.evidence[0].location
    assert f.evidence[0].location == "§ 9"  # the contract's own section number
    assert r.finding("severability").status == "missing" and r.finding("severability").explanation


def test_placeholder_state_is_not_connecticut(library):
    r = check("Governing law: the law of [STATE] applies to these terms.", library)
    assert r.finding("governing_law").status == "missing"


def test_negation_decides_conflicts(library):
    r = check("Pupil information will never be sold, nor used to target advertising.", library)
    assert r.conflicts == []
    assert r.finding("no_advertising").status == "present"
    r = check("Pupil information will never be sold, but the company may pass it to advertising partners.", library)
    assert [c.kind for c in r.conflicts] == ["advertising"]
    assert r.conflicts[0].provision == "no_advertising"


def test_list_items_keep_their_lead_in(library):
    r = check("The Provider shall not:\n\n- sell student data\n- use student data for targeted advertising", library)
    assert r.conflicts == []
    r = check("The Provider may:\n\n- sell student data to partners", library)
    assert [c.kind for c in r.conflicts] == ["sale"]


@pytest.mark.parametrize(("text", "kind"), [
    ("Disputes under these terms are decided under California law in the courts of Santa Clara County.",
     "governing_law_other_state"),
    ("We may retain your information indefinitely.", "retention"),
    ("You grant us a perpetual, irrevocable, worldwide license to use any content you upload.", "ownership"),
    ("The Company can revise this agreement whenever it likes and will note the new date online.",
     "unilateral_change"),
    ("We may sell student information to third parties.", "sale"),
])
def test_conflict_kinds(library, text, kind):
    assert kind in [c.kind for c in check(text, library).conflicts]


def test_definitions_are_not_terms(library):
    r = check('"Sale" refers to when a company sells pupil information for anything of value.', library)
    assert r.conflicts == []


def test_sentences_keep_abbreviations():
    doc = read_document(b"Provider complies with 20 U.S.C. 1232g. Next sentence.", "t.txt")
    assert [s.text for s in sentences(doc)] == ["Provider complies with 20 U.S.C. 1232g.", "Next sentence."]


def test_cli_check_json_matches_design(addendum_files):
    res = runner.invoke(app, ["check", str(addendum_files["docx"]), "--format", "json"])
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert set(data) == {"document", "sha256", "library_version", "provisions", "conflicts", "compliant", "notes"}
    assert set(data["provisions"][0]) == {"number", "id", "title", "citation", "status", "confidence",
                                        "evidence", "explanation"}
    assert {p["confidence"] for p in data["provisions"]} <= {"high", "low"}
    assert data["compliant"] is True and len(data["sha256"]) == 64


def test_cli_check_exit_codes(tmp_path):
    weak = tmp_path / "weak.md"
    weak.write_text("# Terms\n\nWe may sell student information to third parties.\n")
    assert runner.invoke(app, ["check", str(weak)]).exit_code == 0
    res = runner.invoke(app, ["check", str(weak), "--fail-on-gaps", "--format", "markdown"])
    assert res.exit_code == 1 and "✘ missing" in res.stdout and "Conflicting terms" in res.stdout
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7 broken")
    res = runner.invoke(app, ["check", str(bad)])
    assert res.exit_code == 2 and res.stderr.startswith("sdpa: error: bad.pdf:")
    assert len(res.stderr.strip().splitlines()) == 1


def test_cli_check_stdin():
    res = runner.invoke(app, ["check", "-", "--format", "json"],
                        input=b"Connecticut law governs this contract.")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["provisions"][8]["status"] == "present"


def test_rule_spanning_two_sentences_of_one_paragraph(library):
    r = check("If any provision is held invalid, it is reformed. The remaining provisions continue in full force.",
              library)
    assert r.finding("severability").status == "present"
    r = check("If any provision is held invalid, it is reformed.\n\nThe remaining provisions continue in full force.",
              library)
    assert r.finding("severability").status == "missing"  # two paragraphs: not one term


def test_headings_state_no_term(library):
    r = check("# Severability\n\nThe parties agree to cooperate.\n\n## Data Retention After Termination", library)
    assert r.finding("severability").status == "missing" and r.conflicts == []


def test_bulleted_title_case_item_does_not_end_the_list(library):
    r = check("The Provider will not:\n\n- Violations of FERPA or COPPA\n- Sell student data to third parties", library)
    assert r.conflicts == []


def test_table_rows_are_read_with_their_header(library):
    r = check("| Data | Retention period |\n|---|---|\n| Student work | 3 years after the account closes |", library)
    assert [c.kind for c in r.conflicts] == ["retention"]
    assert r.conflicts[0].text.startswith("| Data | Retention period |")


def test_link_targets_are_not_words(library):
    r = check("For more, see our [export rules](/policies/github-and-trade-controls) for student data.", library)
    assert r.conflicts == []


def test_user_duties_are_not_vendor_terms(library):
    r = check("You agree not to use the Service to send advertising. You must keep your password secure.", library)
    assert r.finding("no_advertising").status == "missing"
    assert r.finding("security").status == "missing"
    r = check("Schools using the Service agree to:\n\n- notify the Company of any data breach within 24 hours", library)
    assert r.finding("breach_notification").status == "missing"


def test_deletion_only_at_termination_is_partial(library):
    r = check("The District may request deletion of student data upon termination of the Agreement.", library)
    assert r.finding("deletion").status == "partial"
    r = check("The District may at any time request that the Provider delete student data.", library)
    assert r.finding("deletion").status == "present"


def test_review_and_correction_as_two_list_items(library):
    r = check("Parents and eligible students may ask the Provider to:\n\n- review the student's records\n"
              "- correct inaccurate information", library)
    assert r.finding("review_correction").status == "present"


@pytest.mark.parametrize(("text", "kind"), [
    ("Should the business be sold, pupil records will pass to the buyer along with other assets.", "sale"),
    ("Members license the Company to copy and adapt their uploads for any purpose.", "ownership"),
    ("Analytics gathered while pupils use the app shall belong exclusively to the Publisher.", "ownership"),
    ("Content a learner has posted to class discussions cannot be removed by us.", "retention"),
    ("Pupil records are purged five years after an account goes inactive.", "retention"),
    ("The provider is free to process learner data in whatever manner it sees fit.", "other"),
    ("Student work posted to the gallery is publicly visible to everyone.", "other"),
    ("Student data may be provided to affiliates in exchange for payment.", "sale"),
])
def test_more_conflict_concepts(library, text, kind):
    assert kind in [c.kind for c in check(text, library).conflicts]


@pytest.mark.parametrize("text", [
    "If the Company is acquired, student data may be transferred to the successor, which remains bound by these terms.",
    "We will not delete records that state law requires us to keep.",
    "We keep student data for as long as the Agreement is in force and delete it within 30 days after.",
])
def test_lawful_terms_are_not_conflicts(library, text):
    assert check(text, library).conflicts == []


def test_a_use_ban_on_advertising_is_present(library):
    r = check("The Vendor will not use a student's personal information from school records to target "
              "ads at that student.", library)
    assert r.finding("no_advertising").status == "present"
    r = check("Our company never hands pupil data to outside firms so they can send marketing to families.",
              library)
    assert r.finding("no_advertising").status == "partial"  # a promise about others, not a use ban


def test_retention_the_school_directs_is_not_a_conflict(library):
    kept = "Dormant student profiles are stored for three years following the final sign-in"
    assert [c.kind for c in check(kept + ".", library).conflicts] == ["retention"]
    assert check(kept + ", unless the District directs otherwise.", library).conflicts == []


def test_parents_rights_are_not_ownership(library):
    r = check("Parents retain the right to review and delete their child's records.", library)
    assert r.finding("ownership").status == "missing"
    r = check("Students retain ownership of the work they create.", library)
    assert r.finding("ownership").status == "partial"


def test_definition_of_several_terms(library):
    r = check('"Member," "Account Holder" and "You" refer to any person who signs in to view or amend a '
              "student's account.", library)
    assert r.finding("review_correction").status == "missing"


def test_board_ownership_stated_passively_is_no_conflict(library):
    r = check("Every pupil record belongs to, and is controlled by, the local educational agency.", library)
    assert r.conflicts == [] and r.finding("ownership").status == "present"


def test_connecticut_law_applies_is_governing_law(library):
    assert check("Connecticut law applies to this contract.", library).finding("governing_law").status == "present"


def test_a_sentence_under_a_run_in_heading_is_quoted_once(library):
    text = ("1. Services. The Vendor provides reading lessons.\n\n"
            "7. Review. A parent or guardian may ask the District to review the student records the Vendor holds "
            "and to have any error in them corrected.\n")
    f = check(text, library).finding("review_correction")
    assert f.status == "present"
    quotes = [e.text for e in f.evidence]
    assert len(quotes) == 1 and quotes[0].startswith("A parent or guardian"), quotes
