"""The gap report as readable HTML cards and as a DOCX/PDF on the board's letterhead."""

from __future__ import annotations

import io

import docx
import html5lib
import pytest

from generator import check_contract, read_document, report_docx, report_html, report_pdf, report_table
from generator.findings import Conflict, Evidence, Finding, GapReport

from .conftest import FIXTURES, docx_text, pdf_text

HOSTILE = "## 12. Waiver **bold** - item [link](http://evil.example) ![i](http://evil.example/i.png) <script>x()</script>"


@pytest.fixture(scope="module")
def report(library):
    return check_contract(read_document(FIXTURES / "gapwell-terms.txt"), library)


def _hostile_report() -> GapReport:
    finding = Finding(number=1, id="ownership", title="Student data belongs to the Board", citation="§ 10-234bb(a)(1)",
                      status="partial", evidence=[Evidence(text=HOSTILE, location="page 2")],
                      explanation="The vendor keeps a licence.")
    conflict = Conflict(kind="governing_law_other_state", provision="ownership", text=HOSTILE, location="page 9",
                        explanation="Another state's law would govern.")
    return GapReport(document="<b>x</b>.txt", sha256="0" * 64, library_version="2026.1",
                     provisions=[finding], conflicts=[conflict], compliant=False)


def _text(fragment: str) -> str:
    tree = html5lib.parse(fragment, namespaceHTMLElements=False)
    for style in tree.iter("style"):
        style.clear()
    return " ".join("".join(tree.itertext()).split())


def test_html_holds_every_status_whole_evidence_and_conflict(report):
    text = _text(report_html(report))
    for f in report.provisions:
        assert f"{f.number}. {f.title}" in text
        assert f.explanation in text
        for e in f.evidence:
            assert " ".join(f"“{e.text}”".split()) in text and e.location in text
    assert "✔ present" in text and "✘ missing" in text
    for c in report.conflicts:
        assert " ".join(c.text.split()) in text
    assert "for counsel to confirm" in text


def test_html_escapes_vendor_text_and_names_conflicts_in_words():
    fragment = report_html(_hostile_report())
    tree = html5lib.parse(fragment, namespaceHTMLElements=False)
    assert not list(tree.iter("script")) and not list(tree.iter("a")) and not list(tree.iter("img"))
    text = _text(fragment)
    assert text.count(HOSTILE) == 2
    assert "Another state's law governs" in text and "governing_law_other_state" not in text
    assert "against 1. Student data belongs to the Board" in text


def test_html_shows_each_findings_confidence():
    rep = _hostile_report()
    assert "confidence high" in _text(report_html(rep)) and "review this one first" not in _text(report_html(rep))
    rep.provisions[0] = rep.provisions[0].model_copy(update={"confidence": "low"})
    assert "confidence low: review this one first" in _text(report_html(rep))


def test_a_low_card_says_why_in_the_app_and_in_the_docx_report(board, library):
    rep = check_contract(read_document(b"The Provider shall delete student data at the Board's written request, "
                                       b"except copies kept in its backups.", "t.txt"), library)
    f = rep.finding("deletion")
    assert f.confidence == "low" and f.doubts
    why = f"Low confidence: {f.doubts[0]}."
    assert why in _text(report_html(rep, library))
    assert why in docx_text(report_docx(rep, board, library=library))


def test_docx_report_on_the_letterhead(report, board, library):
    data = report_docx(report, board, library=library)
    text = docx_text(data)
    assert board.name in text and board.address[0] in text and board.website in text
    assert "Contract check report: gapwell-terms.txt" in text
    for f in report.provisions:
        assert f"{f.number}. {f.title}: " in text
        for e in f.evidence:
            assert e.text in text
    for c in report.conflicts:
        assert c.text in text
    assert "for counsel to confirm" in text and "page" in docx_text(data).splitlines()[-1]


def test_docx_report_keeps_vendor_text_literal(board, library):
    data = report_docx(_hostile_report(), board, library=library)
    assert docx_text(data).count(HOSTILE) == 2
    d = docx.Document(io.BytesIO(data))
    for p in d.paragraphs:
        if HOSTILE in p.text:
            assert not p.style.name.startswith("Heading")


def test_pdf_report(report, board, library, soffice):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.pdf"
        path.write_bytes(report_pdf(report, board, library=library))
        text = " ".join(pdf_text(path).split())
    assert "Contract check report" in text and board.name in text


def test_html_table_escapes_every_cell_and_header():
    from generator import html_table

    fragment = html_table([{"Vendor <b>": HOSTILE, "n": None}], caption="<i>c</i>")
    tree = html5lib.parse(fragment, namespaceHTMLElements=False)
    assert not list(tree.iter("script")) and not list(tree.iter("a")) and not list(tree.iter("b"))
    assert HOSTILE in _text(fragment) and "Vendor <b>" in _text(fragment) and "<i>c</i>" in _text(fragment)
    assert html_table([]) == ""


def test_the_verdict_calls_a_contract_void_only_for_a_10_234bb_a_gap(library, board, vendor):
    """The check page and the report document say what § 10-234bb(f) says: a missing advertising
    ban (the Board's policy) or a conflicting term never makes the contract void."""
    from generator import law_verdict, render_addendum

    full = check_contract(read_document(render_addendum(vendor, board, library), "addendum.docx"), library)
    assert full.compliant and law_verdict(full, library).startswith("Compliant")

    def lacking(pid: str):
        provisions = [f.model_copy(update={"status": "missing"}) if f.id == pid else f for f in full.provisions]
        return full.model_copy(update={"provisions": provisions, "compliant": False})

    policy_only = law_verdict(lacking("no_advertising"), library)
    assert "not void" in policy_only and "§ 10-234bb(f)" not in policy_only
    a_gap = law_verdict(lacking("governing_law"), library)
    assert "void if the vendor" in a_gap and "July 1, 2018" in a_gap and "§ 10-234bb(f)" in a_gap
    words = docx_text(report_docx(lacking("no_advertising"), board, library=library))
    assert "not void" in words and "void unless" not in words


def test_a_partial_card_shows_a_drawn_half_mark_and_the_word():
    """The ◐ character fell back to a font that drew it as a speck in the app: a partial card's
    mark is a half-filled circle the page's style draws, beside the word "partial"."""
    fragment = report_html(_hostile_report())  # its one provision is partial
    tree = html5lib.parse(fragment, namespaceHTMLElements=False)
    status = next(s for s in tree.iter("span") if s.get("class") == "sdpa-status")
    assert "".join(status.itertext()).strip() == "partial" and "◐" not in fragment
    assert [m.get("class") for m in status.iter("span")][1:] == ["sdpa-half"]
    assert ".sdpa-half{" in fragment and "border-radius:50%" in fragment.split(".sdpa-half{")[1].split("}")[0]


def test_the_terminal_table_cuts_nothing_and_names_conflicts_in_words(library):
    text = ("7. Review. A parent or guardian may ask the District to review the student records the Vendor holds "
            "and to have any error in them corrected.\n\n"
            "3. Security. The Vendor shall protect Confidential Information with administrative, technical and physical "
            "safeguards. \"Confidential Information\" includes all student records.\n\n"
            "9. Law. This Agreement is governed by the laws of the State of Delaware.\n")
    rep = check_contract(read_document(text.encode(), "t.txt"), library)
    table = " ".join(report_table(rep, 100, library).split())
    assert "4. Review and correction by students and parents ✔ present" in table  # the whole title
    assert "“\"Confidential Information\" includes all student records.”" in table  # every quote, not the first
    assert "Low confidence: it reads \"Confidential Information\" as student data" in table
    assert "⚠ conflict: Another state's law governs, against 9. Connecticut law governs" in table
    assert "governing_law_other_state" not in table
