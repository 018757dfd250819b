"""A vendor's breach steps may not give it longer to notify the Board than the addendum that
quotes them allows (30 days after discovery; 60 for directory information, student records or
student-generated content): the addendum must not contradict itself."""

from __future__ import annotations

import pytest

from generator import VendorError, render_addendum, vendor_breach_problems
from generator.batch import run_batch

from .conftest import docx_text
from .test_batch import HEADER, _profile, read_csv, write_csv

NINETY = "Brightleaf will email the Board within 90 days of discovering a breach."


@pytest.mark.parametrize("steps, said", [
    (NINETY, "90 days"),
    ("We notify the district's privacy officer within ninety (90) days of discovery.", "ninety (90) days"),
    ("(1) We contain the incident; (2) we notify the Board within six weeks.", "six weeks"),
    ("We tell the Board about a breach of directory information within 75 days.", "75 days"),
    ("Vendor will report the breach to the Board within 45 days.", "45 days"),
    ("Vendor will notify the Board within 45 days, and will send a full report within 90 days.", "45 days"),
])
def test_a_notice_later_than_the_addendum_allows_is_named(steps, said):
    problems = vendor_breach_problems(steps)
    assert problems and f"gives {said} to notify the Board" in problems[0]
    assert "no later than thirty (30) days after discovery" in problems[0]


@pytest.mark.parametrize("steps", [
    "We notify the Board within 72 hours, with the list of affected students.",
    "We notify the Board within 30 days of discovery, including the names of affected students.",
    "We notify the Board within 45 days of a breach of directory information, with the names of those affected.",
    "We notify the Board within 24 hours with the list of affected students. A final report follows within 90 "
    "days of our notice.",
    "We keep logs for one year.",
    "Vendor will notify the Board within 48 hours, and will send a full report within 90 days.",
    "We email the Board within two days, then a written report follows within sixty days.",
])
def test_a_notice_within_the_addendum_passes(steps):
    assert vendor_breach_problems(steps) == []


def test_the_addendum_is_refused_in_one_line_naming_the_field(board, library, vendor):
    late = vendor.model_copy(update={"breach_steps": NINETY})
    with pytest.raises(VendorError) as err:
        render_addendum(late, board, library)
    assert str(err.value).startswith("breach_steps: “Brightleaf will email") and "\n" not in str(err.value)
    draft = docx_text(render_addendum(late, board, library, draft=True))
    assert "in no case later than thirty (30) days" in draft and "within 90 days" in draft  # for review only


def test_a_batch_rejects_that_row_and_writes_the_others(tmp_path):
    rows = [["Prompt Co", "P", "a@prompt.example", "2026-09-01", "Student name", "Homework", "We notify the Board "
             "within 72 hours with the list of affected students."],
            ["Slow Co", "P", "a@slow.example", "2026-09-01", "Student name", "Homework", NINETY]]
    out = run_batch(write_csv(tmp_path / "v.csv", rows, header=HEADER + ["breach_steps"]), tmp_path / "o",
                    *_profile(), jobs=1)
    manifest = read_csv(out.manifest)
    assert [(m["line"], m["outcome"]) for m in manifest] == [("2", "generated"), ("3", "rejected")]
    assert "breach_steps" in manifest[1]["reason"] and "90 days" in manifest[1]["reason"]


def test_the_addendum_page_names_the_contradiction_and_offers_no_ready_addendum(fresh_register):
    import datetime as dt

    from .test_app import page, shown

    at = page("addendum").run()
    for key, value in {"name": "Brightleaf Learning LLC", "product": "Brightleaf Reader",
                       "contact_email": "privacy@brightleaf.example", "signatory_name": "Sam Lee",
                       "signatory_title": "CEO"}.items():
        at.text_input(key=key).input(value)
    at.date_input(key="contract_date").set_value(dt.date(2026, 9, 1))
    at.text_area(key="breach_steps").input(NINETY).run()
    assert not at.exception
    assert not at.warning  # said once: as the error
    assert [shown(e.value).split(":")[0] for e in at.error] == ["Steps to notify the Board of a breach"]
    assert "90 days to notify the Board" in shown(at.error[0].value)  # one line, naming the field as labelled
    assert [b.label for b in at.get("download_button")] == []
    at.checkbox(key="draft").check().run()  # a draft, to review with the vendor, is still offered
    assert [b.label for b in at.get("download_button")] == ["Download DOCX"]
