"""Locations a vendor recognises: the vendor's own section numbers and headings where the document
has them, a PDF's page, a table's row, and the reader's own paragraph or line count only where
the document has no structure to cite."""

from __future__ import annotations

import io
from datetime import date

import docx

from generator import check_contract, read_document
from generator.reading.places import Place, describe
from generator.reading.sentences import sentences

from .conftest import docx_text
from .test_redline_shapes import list_numbering, numbered_headings, two_sentence_law


def where(doc, start: str) -> str:
    """The location of the first sentence that starts with ``start``."""
    return next(s.location for s in sentences(doc) if s.body.startswith(start))


def test_docx_with_numbered_headings_cites_the_section_and_its_heading(library):
    doc = read_document(numbered_headings(), "lumen.docx")
    assert where(doc, "This Agreement is governed by the laws of the State of Ohio") == "§ 8 Law"
    report = check_contract(doc, library)
    assert [c.location for c in report.conflicts] == ["§ 8 Law"]
    # "When this Agreement ends, Lumen will not keep student information" is the promise itself
    assert report.finding("no_retention").evidence[0].location == "§ 6 End of Agreement"


def test_a_clause_of_two_sentences_cites_which_sentence(library):
    doc = read_document(two_sentence_law(), "tally.docx")
    assert where(doc, "This Agreement is governed") == "the section “Governing Law”, first sentence"
    assert where(doc, "Any dispute under it") == "the section “Governing Law”, second sentence"
    # a section of several paragraphs: the paragraph too
    assert where(doc, "Tally uses student information only") == "the section “Data”, paragraph 2"


def test_docx_with_word_list_numbering_cites_the_number_word_draws(library):
    doc = read_document(list_numbering(), "canopy.docx")
    # the numbers are not in the text: Word draws them from the list definition
    assert where(doc, "Canopy keeps student data for twelve months") == "§ 6 Term"
    assert where(doc, "Canopy uses student information only") == "§ 2 Customer Data, paragraph 2"
    kinds = {c.kind: c.location for c in check_contract(doc, library).conflicts}
    assert kinds == {"ownership": "§ 2 Customer Data, paragraph 1", "retention": "§ 6 Term"}


def test_sub_numbers_and_items_of_a_section():
    d = docx.Document()
    d.add_paragraph("7. Data Protection")
    d.add_paragraph("7.1 Acme encrypts student data at rest.")
    d.add_paragraph("7.2 Acme may keep student data for two years after the contract ends. Backups last longer.")
    d.add_paragraph("8. Fees. The District pays within thirty days.")
    buf = io.BytesIO()
    d.save(buf)
    doc = read_document(buf.getvalue(), "acme.docx")
    assert where(doc, "Acme encrypts") == "§ 7.1"  # the number is the location, not part of the sentence
    assert where(doc, "Backups last longer") == "§ 7.2, second sentence"
    # "8. Fees." is the section's title, not a sentence of it
    assert where(doc, "The District pays") == "§ 8 Fees"


def test_a_table_row_is_cited_by_table_and_row():
    d = docx.Document()
    d.add_heading("5. Retention", 1)
    t = d.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate([("Data", "Kept for"), ("Grades", "one year"), ("Logs", "ninety days")]):
        t.cell(r, 0).text, t.cell(r, 1).text = a, b
    buf = io.BytesIO()
    d.save(buf)
    doc = read_document(buf.getvalue(), "acme.docx")
    assert where(doc, "Logs") == "§ 5 Retention, table 1, row 3"


def test_pdf_pages(addendum_files, tmp_path, soffice):
    from generator import convert_to_pdf

    structured = read_document(addendum_files["pdf"])
    located = where(structured, "Student information, student records and student-generated content that")
    assert located.startswith("§ 1 ") and located.endswith("(page 2)")
    d = docx.Document()  # no headings, no numbers: the page is what a reader can find
    for i in range(60):
        d.add_paragraph(f"The parties will meet in week {i} of the school year to review how the service is used.")
    d.add_paragraph("Acme may sell student data to its partners.")
    path = tmp_path / "plain.docx"
    path.write_bytes(_saved(d))
    (pdf,) = convert_to_pdf([path])
    doc = read_document(pdf)
    assert doc.pages > 1 and where(doc, "Acme may sell student data") == f"page {doc.pages}"
    assert where(doc, "The parties will meet in week 0 ") == "page 1"


def _saved(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_plain_text_with_numbered_sections():
    text = ("Acme Terms\n\n1. Scope. Acme hosts reading games for the school.\n\n"
            "2. Law. These terms follow the laws of Texas. Disputes go to Austin.\n")
    doc = read_document(text.encode(), "acme.txt")
    assert where(doc, "These terms follow") == "§ 2 Law, first sentence"
    assert where(doc, "Disputes go to Austin") == "§ 2 Law, second sentence"


def test_plain_text_with_blank_lines_but_no_headings_cites_paragraphs():
    text = "Acme hosts reading games. It keeps scores.\n\nAcme may show ads to pupils.\n"
    doc = read_document(text.encode(), "acme.txt")
    assert where(doc, "It keeps scores") == "paragraph 1, second sentence"
    assert where(doc, "Acme may show ads") == "paragraph 2"


def test_plain_text_without_blank_lines_cites_lines_not_paragraph_one():
    text = ("Acme hosts reading games for the school and keeps\n"  # wrapped: one sentence, two lines
            "scores for each pupil who plays.\n"
            "Acme may show ads to pupils.\n"
            "Acme deletes data on request. Backups are kept.\n")
    doc = read_document(text.encode(), "acme.txt")
    places = [s.location for s in sentences(doc)]
    assert "paragraph 1" not in places
    assert places == ["line 1", "line 3", "line 4, first sentence", "line 4, second sentence"]


def test_the_wording_of_a_location():
    assert describe(Place("paragraph 4", "7", "Governing Law", 1, 1, 2, 2)) == "§ 7 Governing Law, second sentence"
    assert describe(Place("page 3", "7", "", 2, 3, 1, 1)) == "§ 7, paragraph 2 (page 3)"
    assert describe(Place("page 3")) == "page 3"
    assert describe(Place("paragraph 19", sentence=1, sentences=1)) == "paragraph 19"
    assert describe(Place("table 2", row=4)) == "table 2, row 4"


def test_the_letter_cites_the_vendors_own_sections(library, board, vendor):
    from generator import amendment_letter

    report = check_contract(read_document(two_sentence_law(), "tally.docx"), library)
    letter = " ".join(docx_text(amendment_letter(report, vendor, board, sent=date(2027, 1, 13),
                                                 library=library)).split())
    assert "(the section “Governing Law”, second sentence)" in letter
    lumen = check_contract(read_document(numbered_headings(), "lumen.docx"), library)
    letter = " ".join(docx_text(amendment_letter(lumen, vendor, board, sent=date(2027, 1, 13),
                                                 library=library)).split())
    assert "(§ 8 Law)" in letter and "paragraph" not in letter.split("(§ 8 Law)")[0][-200:]


def test_numbers_drawn_by_a_heading_style_and_a_hostile_start_value():
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from .test_redline_shapes import _decimal_list

    d = docx.Document()
    num = _decimal_list(d)
    numpr = OxmlElement("w:numPr")
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num))
    numpr.append(nid)
    d.styles["Heading 1"].element.get_or_add_pPr().append(numpr)  # the style numbers every heading
    for title, text in (("Scope", "Acme hosts games."), ("Law", "Texas law governs these terms.")):
        d.add_heading(title, 1)
        d.add_paragraph(text)
    start = d.part.numbering_part.element.find(f"{{{NS}}}abstractNum/{{{NS}}}lvl/{{{NS}}}start")
    start.set(qn("w:val"), "9" * 40)  # no number, no crash: the start is taken as 1
    doc = read_document(_saved(d), "acme.docx")
    assert where(doc, "Texas law governs") == "§ 2 Law"


NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
