"""A citation not checked against the statute's text reads "(to confirm)" where a reader sees
it: the check's cards, its reports (DOCX, Markdown, the terminal's table) and the letters; the
reports and the Vet verdict carry the "automated reading, for counsel to confirm" line."""

from __future__ import annotations

from datetime import date

import pytest

from generator import (
    amendment_letter,
    check_contract,
    read_document,
    report_docx,
    report_html,
    report_markdown,
    report_table,
)
from generator.documents.citations import mark_unconfirmed
from generator.documents.vet_report import vet_markdown, vet_text

from .conftest import docx_text
from .test_apps import vet_report
from .test_report_views import _text as _html_text

# Only ownership and use are stated: breach notice (a)(6), (a)(9), (a)(10) and § 10-234dd are gaps.
SHORT = ("Student data provided by the District remains the property of the District and under its control.\n\n"
         "The vendor shall use student data only to provide the service to the District.\n")
COUNSEL_LINE = "automated reading of the contract, for counsel to confirm"


@pytest.fixture(scope="module")
def report(library):
    return check_contract(read_document(SHORT.encode(), "short.txt"), library)


def test_marking_names_only_the_unverified_and_is_done_once(library):
    assert mark_unconfirmed("Conn. Gen. Stat. § 10-234bb(a)(6); § 10-234dd", library) == \
        "Conn. Gen. Stat. § 10-234bb(a)(6) (to confirm); § 10-234dd (to confirm)"
    assert mark_unconfirmed("§ 10-234bb(a)(1) and § 10-234bb(a)(4)", library) == "§ 10-234bb(a)(1) and § 10-234bb(a)(4)"
    mixed = mark_unconfirmed("Conn. Gen. Stat. § 10-234bb(a), (e), (f); the policy", library)
    assert mixed == "Conn. Gen. Stat. § 10-234bb(a), (e), (f) (to confirm: (e), (f)); the policy"
    assert mark_unconfirmed(mixed, library) == mixed
    assert mark_unconfirmed("(§ 10-234cc, to confirm)", library) == "(§ 10-234cc, to confirm)"


def test_the_cards_mark_each_unverified_citation(report, library):
    text = _html_text(report_html(report, library))
    assert "§ 10-234bb(a)(6) (to confirm); § 10-234dd (to confirm)" in text  # the breach card
    assert "§ 10-234bb(a)(9) (to confirm)" in text and "§ 10-234bb(a)(10) (to confirm)" in text
    assert "§ 10-234bb(a)(2) (to confirm)" not in text and "§ 10-234bb(a)(2)" in text  # verified: no mark


def test_the_docx_report_marks_them_and_says_counsel_confirms(report, library, board):
    text = docx_text(report_docx(report, board, library=library, when=date(2026, 12, 7)))
    assert "§ 10-234bb(a)(6) (to confirm); § 10-234dd (to confirm)" in text
    assert "§ 10-234bb(a)(3)\n" in text + "\n"  # the use card's verified citation stands alone
    assert COUNSEL_LINE in text


def test_the_markdown_report_and_the_table_say_counsel_confirms(report, library):
    md = report_markdown(report, library)
    assert "§ 10-234bb(a)(6) (to confirm); § 10-234dd (to confirm)" in md
    assert COUNSEL_LINE in md.split("| # |")[0]  # before the table, under the summary
    assert COUNSEL_LINE in report_table(report).splitlines()[1]


def test_the_amendment_letter_marks_what_counsel_must_confirm(report, library, board, vendor):
    text = docx_text(amendment_letter(report, vendor, board, sent=date(2027, 1, 13), library=library,
                                      contract_date=date(2019, 3, 1)))
    assert "Breach" in text or "breach" in text
    assert "(Conn. Gen. Stat. § 10-234bb(a)(6) (to confirm); § 10-234dd (to confirm))" in text
    assert "Conn. Gen. Stat. §§ 10-234aa to 10-234dd (to confirm)" in text
    assert "void under Conn. Gen. Stat. § 10-234bb(f) (to confirm)" in text
    assert "Conn. Gen. Stat. § 10-234bb(a) requires" in text  # verified: printed as it is


def test_the_vetting_report_says_counsel_confirms(library):
    report = vet_report(profiling="silent")
    for text in (vet_text(report), vet_markdown(report)):
        lines = text.splitlines()
        verdict = next(i for i, ln in enumerate(lines) if ln.startswith("Verdict:"))
        assert "automated reading of the app's terms, for counsel to confirm" in " ".join(lines[verdict:verdict + 3])


def test_the_redline_comments_mark_what_counsel_must_confirm(board, library, vendor):
    from generator import redline
    from tools.redline_sample import sample_contract

    from .test_redline import WHEN, comments

    notes = ["".join(c.itertext()) for c in comments(redline(sample_contract(), vendor, board, when=WHEN,
                                                             library=library))]
    added = next(t for t in notes if t.startswith("Added") and "item 11" in t)
    assert "Conn. Gen. Stat. § 10-234bb(d)(2) (to confirm) requires" in added
    assert any("§ 10-234bb(a)(9) (to confirm)" in t for t in notes)  # the governing-law conflict


def test_the_explanations_mark_the_citations_they_make(library, board):
    """The check's own words cite the statute too (a conflict's "why", a partial breach notice's
    reason): each unverified citation there reads "(to confirm)" in every report."""
    text = SHORT + ("\nThe vendor may use student data to show students targeted advertising.\n\n"
                    "The vendor will notify the District promptly of any breach of security involving student data.\n")
    report = check_contract(read_document(text.encode(), "ads.txt"), library)
    assert any(c.kind == "advertising" for c in report.conflicts)
    ads = "§ 10-234bb(d)(2) (to confirm), § 10-234cc(b)(1) (to confirm)"
    breach = "where § 10-234dd (to confirm) sets a limit"  # "promptly": no time stated
    views = {"cards": _html_text(report_html(report, library)), "markdown": report_markdown(report, library),
             "docx": docx_text(report_docx(report, board, library=library, when=date(2026, 12, 7)))}
    for name, view in views.items():
        flat = " ".join(view.split())
        assert ads in flat and breach in flat, name
    assert "(§ 10-234bb(f) (to confirm))" in " ".join(views["docx"].split())  # the result's law, too
    assert breach in " ".join(report_table(report, 200, library).split())


def test_the_registers_reasons_and_due_items_mark_what_is_to_confirm(fresh_register, library):
    """What the register says is due, and why a contract has its status, cite the law with the
    same marks as the documents: marking them again changes nothing."""
    from generator.records.register import Register
    from generator.records.status import contract_status, due_items
    from generator import load_board

    with Register(fresh_register) as reg:
        cid = reg.add_contract(vendor="Acme", product="Reader", executed=date(2026, 11, 2))
        reg.record_breach(cid, notice_received=date(2026, 11, 20))
        reg.record_notice(cid, sent=date(2026, 11, 23), cure_date=date(2027, 1, 6))
        items = due_items(reg, date(2026, 11, 24), load_board(), library)
        why = contract_status(reg.contract(cid), date(2027, 3, 1), library).why
    said = [i.citation for i in items] + [why]
    assert "§ 10-234dd (to confirm)" in " ".join(said) and "§ 10-234bb(f) (to confirm)" in why
    for text in said:
        assert mark_unconfirmed(text, library) == text, text
