"""The redline: the vendor's own DOCX back with tracked insertions, deletions and comments,
read back from the XML, accepted, rejected, and opened by LibreOffice."""

from __future__ import annotations

import io
import json
import os
import zipfile
from datetime import datetime, timezone

import docx
import pytest
from lxml import etree
from typer.testing import CliRunner

from generator import (
    ExtractError,
    Vendor,
    check_contract,
    read_document,
    redline,
    redline_document,
    render_addendum,
)
from generator.cli.commands import app
from generator.documents.render import section_blocks, vendor_context
from generator.documents.tracked import accept_changes, unwrap
from tests.conftest import ROOT, pdf_text
from tools.redline_sample import AD_TERM, LAW_TERM, sample_contract

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHEN = datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)
runner = CliRunner()


def part(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def replace_document(data: bytes, root: etree._Element) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            body = etree.tostring(root) if info.filename == "word/document.xml" else src.read(info)
            out.writestr(info, body)
    return buf.getvalue()


def reject_all(data: bytes) -> bytes:
    """Every change rejected: inserted paragraphs and runs removed, deleted runs restored."""
    root = part(data, "word/document.xml")
    for p in list(root.iter(W + "p")):
        if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None:
            p.getparent().remove(p)
    for i in list(root.iter(W + "ins")):
        i.getparent().remove(i)
    for d in list(root.iter(W + "del")):
        for t in d.iter(W + "delText"):
            t.tag = W + "t"
        unwrap(d)
    for tag in ("commentRangeStart", "commentRangeEnd"):
        for el in list(root.iter(W + tag)):
            el.getparent().remove(el)
    for ref in list(root.iter(W + "commentReference")):
        ref.getparent().getparent().remove(ref.getparent())
    return replace_document(data, root)


def styled_chars(data: bytes) -> list[list[tuple[str, bytes]]]:
    """Each paragraph of the body (tables included) as (character, its run formatting)."""
    out = []
    for p in part(data, "word/document.xml").iter(W + "p"):
        chars = []
        for t in p.iter(W + "t"):
            rpr = t.getparent().find(W + "rPr")
            fmt = etree.tostring(rpr, method="c14n") if rpr is not None else b""
            chars += [(c, fmt) for c in t.text or ""]
        out.append(chars)
    return out


def revisions(data: bytes, tag: str) -> list[str]:
    """The text of each ``w:ins`` or ``w:del`` around runs, in document order."""
    text = "t" if tag == "ins" else "delText"
    return ["".join(t.text or "" for t in el.iter(W + text))
            for el in part(data, "word/document.xml").iter(W + tag)
            if el.getparent().tag != W + "rPr"]


def comments(data: bytes) -> list[etree._Element]:
    return list(part(data, "word/comments.xml").iter(W + "comment"))


def model_paragraphs(library, pid: str, vendor: Vendor, board) -> list[str]:
    """The provision as the addendum renders it (citation, model clause filled for the vendor),
    one string per paragraph, under its title without the library's number (the redline never
    numbers what it adds: the vendor's numbers stay the only ones)."""
    p = library.provision(pid)
    one = library.model_copy(update={"sections": ["provisions"], "provisions": [p]})
    ctx = {"vendor": vendor_context(vendor, draft=True), "board": board.model_dump()}
    blocks = [b.raw for b in section_blocks(one, ctx)[0]["blocks"]]
    assert blocks[0] == f"{p.number}. {p.title}"
    return [p.title, *blocks[1:]]


@pytest.fixture(scope="module")
def original() -> bytes:
    return sample_contract()


@pytest.fixture(scope="module")
def marked(original, board, library) -> bytes:
    vendor = Vendor(**json.loads((ROOT / "examples" / "vendor.json").read_text()))
    return redline(original, vendor, board, when=WHEN, library=library)


def test_the_sample_lacks_4_9_11_and_has_two_conflicts(original, library):
    report = check_contract(read_document(original, "sample.docx"), library)
    assert [f.number for f in report.gaps] == [4, 9, 11]
    assert sorted(c.kind for c in report.conflicts) == ["advertising", "governing_law_other_state"]


def test_insertions_deletions_and_comments_in_the_xml(marked, board, library, vendor):
    inserted = revisions(marked, "ins")
    clauses = [model_paragraphs(library, pid, vendor, board) for pid in ("review_correction", "no_advertising")]
    for paragraphs in clauses:
        assert all(text in inserted for text in paragraphs)
    # besides the two provisions: Connecticut law in place of Texas law, the new section's
    # heading and opening, the capital letter where the struck clause opened the sentence, and
    # the draft mark (the reading is not confirmed by counsel)
    assert len(inserted) == sum(map(len, clauses)) + 5
    assert inserted[0].startswith("DRAFT — not confirmed by counsel.")
    assert any(t.startswith("The laws of the State of Connecticut govern") for t in inserted)
    assert "T" in inserted and "Student data privacy (Connecticut)" in inserted
    deleted = revisions(marked, "del")
    assert len(deleted) == 2
    assert deleted[1].strip() == LAW_TERM
    # the smallest span: the advertising clause goes, the clause after the semicolon stays
    assert "personalized ads" in deleted[0] and "improve its lessons" not in deleted[0]
    notes = comments(marked)
    assert len(notes) == 4
    text = ["".join(c.itertext()) for c in notes]
    assert not [t for t in text if any("\ue000" <= ch <= "\uf8ff" for ch in t)], "private-use characters"
    assert any(library.provision("review_correction").citation in t and t.startswith("Added") for t in text)
    assert any(library.provision("no_advertising").citation in t and t.startswith("Added") for t in text)
    assert any("§ 10-234bb(a)(9)" in t and "conflicts" in t and "Connecticut" in t for t in text)
    assert any("advertising" in t and "§ 10-234bb(d)(2)" in t for t in text)
    root = part(marked, "word/document.xml")
    marks = [*root.iter(W + "ins"), *root.iter(W + "del"), *notes]
    assert {m.get(W + "author") for m in marks} == {board.name}
    assert {m.get(W + "date") for m in marks} == {"2026-12-01T09:30:00Z"}
    ids = [int(m.get(W + "id")) for m in [*root.iter(W + "ins"), *root.iter(W + "del")]]
    assert len(ids) == len(set(ids))
    refs = {r.get(W + "id") for r in root.iter(W + "commentReference")}
    assert refs == {c.get(W + "id") for c in notes}
    assert {s.get(W + "id") for s in root.iter(W + "commentRangeStart")} == refs


def test_each_change_is_where_a_reader_expects_it(marked):
    d = docx.Document(io.BytesIO(accept_changes(marked)))
    texts = [p.text for p in d.paragraphs]

    def at(start: str) -> int:
        return next(i for i, t in enumerate(texts) if t.startswith(start))

    # no advertising is partial (a purpose limit without advertising words): the clause follows the
    # sentence the check quoted for it
    assert at("The Company uses student information only") + 1 == at("No advertising with")
    assert at("No advertising with") < at("No advertising.") < at("9. General Terms")
    # review and correction has no section of its own: the board's section, before the signatures
    section = texts.index("Student data privacy (Connecticut)")
    assert texts[section + 1].startswith("The Board adds the provisions")
    assert texts[section + 2] == "Review and correction by students and parents"
    assert section + 2 < at("Review and correction.") < at("IN WITNESS WHEREOF")
    assert d.paragraphs[section].style.name == "Heading 1"
    assert texts[at("9. General Terms") + 1].startswith("The laws of the State of Connecticut govern")


def test_accepting_every_change_makes_the_contract_compliant(marked, library):
    report = check_contract(read_document(accept_changes(marked), "accepted.docx"), library)
    assert [f.status for f in report.provisions] == ["present"] * 11, report.summary()
    assert report.conflicts == [] and report.compliant


def test_rejecting_every_change_gives_back_the_original_text_and_formatting(original, marked):
    before, after = styled_chars(original), styled_chars(reject_all(marked))
    assert len(before) == len(after)
    for i, (a, b) in enumerate(zip(before, after)):
        assert a == b, f"paragraph {i + 1} differs"


def test_other_parts_of_the_package_are_untouched(original, marked):
    src, out = zipfile.ZipFile(io.BytesIO(original)), zipfile.ZipFile(io.BytesIO(marked))
    changed = {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels",
               "[Content_Types].xml"}
    for name in src.namelist():
        if name not in changed:
            assert out.read(name) == src.read(name), name
    types = out.read("[Content_Types].xml").decode()
    assert 'PartName="/word/comments.xml"' in types and "comments+xml" in types
    rels = out.read("word/_rels/document.xml.rels").decode()
    assert 'Target="comments.xml"' in rels and rels.count("relationships/comments") == 1


def test_libreoffice_opens_the_redline_and_shows_the_changes(marked, tmp_path, soffice):
    from generator import convert_to_pdf

    path = tmp_path / "redline.docx"
    path.write_bytes(marked)
    (pdf,) = convert_to_pdf([path])
    text = " ".join(pdf_text(pdf).split())
    assert "Student data privacy (Connecticut)" in text
    assert "Review and correction." in text and "No advertising." in text
    assert "The laws of the State of Connecticut govern" in text
    assert "State of Texas" in text  # a deletion is shown struck through, not removed
    if os.environ.get("SDPA_SCREENSHOTS"):
        from tools.redline_sample import screenshot

        screenshot(ROOT / "docs" / "redline.png")


def test_vendor_text_is_inserted_literally(original, board, library):
    odd = "Write to <w:b/>privacy@x.example</w:b> & {{ board.name }} {% if 1 %}at once{% endif %}"
    vendor = Vendor(name="Odd & <Co>", review_procedure=odd)
    data = redline(original, vendor, board, library=library)
    inserted = " ".join(revisions(data, "ins"))
    assert odd in inserted and '"Contractor" means Odd & <Co>' in inserted
    assert b"<w:b/>privacy" not in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def test_list_items_partial_provisions_and_split_runs(board, library, vendor):
    d = docx.Document()
    d.add_paragraph("Learning Portal Terms")
    d.add_paragraph("The Provider will notify the District of a security breach within 90 days after it is found.")
    d.add_paragraph("The Provider may:")
    d.add_paragraph("pass student data to its advertising partners;", style="List Bullet")
    d.add_paragraph("publish usage counts that identify nobody.", style="List Bullet")
    p = d.add_paragraph("These terms are governed by California law and disputes go to ")
    p.add_run("the courts of Santa Clara County").bold = True
    p.add_run(". Each party pays its own costs.")
    buf = io.BytesIO()
    d.save(buf)
    original = buf.getvalue()
    before = check_contract(read_document(original, "terms.docx"), library)
    assert before.finding("breach_notification").status == "partial"
    result = redline_document(original, vendor, board, library=library)
    assert result.unplaced == []
    data = result.docx
    deleted = revisions(data, "del")
    assert "pass student data to its advertising partners;" in deleted
    # the governing-law sentence is struck across its plain and bold runs, and replaced
    assert any("California law" in t and "Santa Clara County" in t for t in deleted)
    assert not any("own costs" in t for t in deleted)
    texts = [p.text for p in docx.Document(io.BytesIO(accept_changes(data))).paragraphs]
    # the partial provision's clause follows the sentence the check quoted for it
    assert texts[texts.index("Notice to the Board of a breach") - 1].startswith("The Provider will notify")
    assert "publish usage counts that identify nobody." in texts and "" not in texts
    after = check_contract(read_document(accept_changes(data), "a.docx"), library)
    assert [f.status for f in after.provisions] == ["present"] * 11, after.summary()
    assert after.conflicts == []
    assert styled_chars(reject_all(data)) == styled_chars(original)


def test_a_term_repeated_word_for_word_is_struck_each_time(board, library, vendor):
    d = docx.Document(io.BytesIO(sample_contract()))
    d.paragraphs[3].insert_paragraph_before(AD_TERM)
    buf = io.BytesIO()
    d.save(buf)
    report = check_contract(read_document(buf.getvalue(), "terms.docx"), library)
    assert [c.kind for c in report.conflicts].count("advertising") == 1  # quoted once
    result = redline_document(buf.getvalue(), vendor, board, library=library)
    assert sum("personalized ads" in t for t in revisions(result.docx, "del")) == 2
    report = check_contract(read_document(accept_changes(result.docx), "a.docx"), library)
    assert report.conflicts == []


def test_a_table_cell_term_is_struck_inside_its_cell(board, library, vendor):
    d = docx.Document(io.BytesIO(sample_contract()))
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Topic", "Term"
    t.cell(1, 0).text = "Promotions"
    t.cell(1, 1).text = "The Company may send marketing offers to students using their data."
    buf = io.BytesIO()
    d.save(buf)
    data = redline(buf.getvalue(), vendor, board, library=library)
    cell = docx.Document(io.BytesIO(data)).tables[-1].cell(1, 1)._tc
    assert "marketing offers" in "".join(x.text or "" for x in cell.iter(W + "delText"))
    report = check_contract(read_document(accept_changes(data), "a.docx"), library)
    assert report.conflicts == []


def test_existing_comments_are_kept_and_ids_stay_unique(board, library, vendor):
    d = docx.Document(io.BytesIO(sample_contract()))
    d.add_comment(d.paragraphs[2].runs, text="Vendor's own note", author="Vendor counsel")
    buf = io.BytesIO()
    d.save(buf)
    data = redline(buf.getvalue(), vendor, board, library=library, author="J. Counsel")
    notes = comments(data)
    assert [c.get(W + "author") for c in notes].count("Vendor counsel") == 1
    assert [c.get(W + "author") for c in notes].count("J. Counsel") == 4
    assert len({c.get(W + "id") for c in notes}) == 5
    rels = zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels").decode()
    assert rels.count("relationships/comments") == 1


def test_the_same_contract_and_date_give_the_same_bytes(original, marked, board, library):
    vendor = Vendor(**json.loads((ROOT / "examples" / "vendor.json").read_text()))
    assert redline(original, vendor, board, when=WHEN, library=library) == marked


def test_a_compliant_contract_gets_no_changes(board, library, vendor):
    result = redline_document(render_addendum(vendor, board, library), vendor, board, library=library)
    assert (result.supplied, result.struck, result.insertions, result.deletions) == ([], [], 0, 0)


def test_pdf_or_text_input_points_to_the_amendment_letter(board, library, vendor, tmp_path):
    with pytest.raises(ExtractError, match="sdpa letter amendment"):
        redline(b"%PDF-1.4\n%fake\n", vendor, board, library=library)
    terms = tmp_path / "terms.txt"
    terms.write_text("The Company may show ads to students.\n")
    r = runner.invoke(app, ["redline", str(terms), "--vendor", str(ROOT / "examples" / "vendor.json"),
                            "--out", str(tmp_path / "out.docx")])
    assert r.exit_code == 2
    assert "terms.txt" in r.output and "sdpa letter amendment" in r.output
    assert not (tmp_path / "out.docx").exists()


def test_a_damaged_comments_part_is_one_clear_error(original, board, library, vendor):
    src = zipfile.ZipFile(io.BytesIO(original))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        out.writestr("word/comments.xml", b"<w:comments><unclosed>")
    with pytest.raises(ExtractError, match=r"^terms\.docx: the DOCX's XML is damaged"):
        redline_document(buf.getvalue(), vendor, board, library=library, name="terms.docx")


def test_every_hostile_contract_is_one_clear_error(tmp_path, board, library, vendor, soffice):
    from generator import SdpaError
    from tests.hostile.corpus import contracts
    from tests.hostile.docx import hostile_docx

    readable = set(hostile_docx())  # Word documents that hide or carry things: read and marked up
    for case, (name, data) in contracts(tmp_path).items():
        if case in readable:
            assert redline_document(data, vendor, board, library=library, name=name).docx.startswith(b"PK")
            continue
        with pytest.raises(SdpaError) as err:
            redline_document(data, vendor, board, library=library, name=name)
        message = str(err.value)
        assert message.startswith(f"{name}: ") and "\n" not in message, case
        assert "TOP-SECRET" not in message, case


def test_cli_writes_the_redline_and_says_what_changed(original, tmp_path):
    src = tmp_path / "northwind.docx"
    src.write_bytes(original)
    out = tmp_path / "out" / "northwind-redline.docx"
    r = runner.invoke(app, ["redline", str(src), "--vendor", str(ROOT / "examples" / "vendor.json"),
                            "--out", str(out), "--author", "Privacy Office"])
    assert r.exit_code == 0, r.output
    assert "8 of 11 present" in r.output and "3 provisions inserted, 2 conflicting terms struck" in r.output
    assert {c.get(W + "author") for c in comments(out.read_bytes())} == {"Privacy Office"}
    same = runner.invoke(app, ["redline", str(src), "--vendor", str(ROOT / "examples" / "vendor.json"),
                               "--out", str(src)])
    assert same.exit_code == 2 and "itself" in same.output and src.read_bytes() == original
    missing = runner.invoke(app, ["redline", str(tmp_path / "nope.docx"), "--vendor",
                                  str(ROOT / "examples" / "vendor.json"), "--out", str(out)])
    assert missing.exit_code == 2 and "nope.docx" in missing.output


def test_many_distinct_conflicting_terms_are_each_struck_once(board, library, vendor):
    from tests.hostile.docx import package, para, run

    terms = [f"The Provider may sell student data to partner number {i}." for i in range(200)]
    body = "".join(para(run(f"Clause {i}. {t}")) for i, t in enumerate(terms))
    body += para(run(f"Clause 200. {terms[7]} Again: {terms[7]}"))  # a term twice in one paragraph
    result = redline_document(package(body), vendor, board, library=library, name="many.docx")
    assert len(result.report.conflicts) >= 200 and not result.unplaced
    assert result.deletions >= 201  # every paragraph loses its term
