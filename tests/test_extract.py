"""Reading contracts: text with locations, normalisation, and one clear error per bad file."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from generator import ExtractError
from generator.reading.extract import normalize, read_document, strip_running_lines


def test_normalize_repairs_extraction_damage():
    # a word broken at a line-end hyphen keeps its hyphen: "student-\ngenerated" is one word, and
    # a PDF made by a word processor breaks lines at real hyphens, not inside words
    text = "The con\ufb01dential student-\ngenerated work is \u201cprotected\u201d and\nkept safe.\n\n- item one\n- item two"
    assert normalize(text) == ('The confidential student-generated work is "protected" and kept safe.'
                               '\n- item one\n- item two')


def test_running_headers_and_page_numbers_removed():
    pages = [f"ACME Terms of Service\nClause {i} text here.\nPage {i} of 4" for i in range(1, 5)]
    out = strip_running_lines(pages)
    assert out[2] == "Clause 3 text here."


def test_pdf_pages_are_locations(addendum_files):
    doc = read_document(addendum_files["pdf"])
    assert doc.kind == "pdf" and doc.pages >= 3
    assert doc.segments[0].location == "page 1"
    assert any("Connecticut govern" in s.text for s in doc.segments)


def test_docx_paragraphs_tables_headers(tmp_path):
    d = docx.Document()
    d.add_paragraph("First paragraph.")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Data", "Student names"
    d.sections[0].header.paragraphs[0].text = "ACME header"
    p = tmp_path / "c.docx"
    d.save(p)
    doc = read_document(p)
    locs = {s.location: s.text for s in doc.segments}
    assert locs["paragraph 1"] == "First paragraph."
    assert locs["table 1"] == "Data | Student names"
    assert locs["header"] == "ACME header"


def _pdf_bytes(addendum_files) -> bytes:
    return addendum_files["pdf"].read_bytes()


def _encrypt(data: bytes, user: str, algorithm: str = "AES-256") -> bytes:
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    w.encrypt(user_password=user, owner_password="owner", algorithm=algorithm)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def test_encrypted_with_empty_password_is_read(addendum_files):
    doc = read_document(_encrypt(_pdf_bytes(addendum_files), ""), "open.pdf")
    assert any("Severability" in s.text for s in doc.segments)


def test_encrypted_with_password_is_refused(addendum_files):
    with pytest.raises(ExtractError, match=r"^locked.pdf: the PDF is encrypted with a password"):
        read_document(_encrypt(_pdf_bytes(addendum_files), "secret"), "locked.pdf")


def test_truncated_pdf(addendum_files):
    data = _pdf_bytes(addendum_files)
    with pytest.raises(ExtractError, match=r"^cut.pdf: .*(damaged|truncated|text)"):
        read_document(data[: len(data) // 3], "cut.pdf")


def test_scanned_pdf_needs_ocr():
    w = PdfWriter()
    for _ in range(3):
        w.add_blank_page(612, 792)
    buf = io.BytesIO()
    w.write(buf)
    with pytest.raises(ExtractError, match=r"scan.pdf: the PDF has no text layer .*OCR"):
        read_document(buf.getvalue(), "scan.pdf")


def test_page_limit(addendum_files):
    with pytest.raises(ExtractError, match=r"the PDF has \d+ pages; the limit is 2"):
        read_document(_pdf_bytes(addendum_files), "long.pdf", max_pages=2)


def test_mislabelled_file(addendum_files):
    with pytest.raises(ExtractError, match=r"^terms.docx: the name says .docx but the file is a PDF"):
        read_document(_pdf_bytes(addendum_files), "terms.docx")
    with pytest.raises(ExtractError, match=r"^terms.pdf: the name says .pdf but the file is text"):
        read_document(b"plain words", "terms.pdf")


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"", "the file is empty"),
    ("blank.md", b"   \n\n ", "the file is empty"),
    ("terms.rtf", b"{\\rtf1 hello}", ".rtf files are not supported"),
    ("old.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 100, ".doc files are not supported"),
    ("bin.txt", b"\x00\x01\x02binary", "this is a binary file"),
    ("zip.docx", b"PK\x03\x04garbage", "damaged or truncated"),
])
def test_bad_files(name, data, message):
    with pytest.raises(ExtractError, match=f"^{name}: .*{message}"):
        read_document(data, name)


def test_zip_that_is_not_word(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ExtractError, match="not a Word document"):
        read_document(buf.getvalue(), "x.docx")


def test_size_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 2000)
    with pytest.raises(ExtractError, match=r"^big.txt: the file is larger than 1,000 bytes, the limit"):
        read_document(p, max_bytes=1000)


def test_windows_1252_and_utf16_text():
    assert "café" in read_document("Caf\xe9 terms".encode("cp1252"), "a.txt").text.lower()
    assert "Terms" in read_document("Terms here".encode("utf-16"), "b.txt").text


def test_word_list_items_stay_items_and_end_their_lead_in():
    """Word draws bullets and numbers itself: the text holds none. The reader writes the number
    Word draws (a bullet as "-"); each list paragraph is still one item, read with its lead-in,
    and the paragraph after the list is not part of it."""
    from generator.reading.sentences import sentences

    d = docx.Document()
    d.add_paragraph("The Supplier will not:")
    d.add_paragraph("rent pupil records to anyone;", style="List Bullet")
    d.add_paragraph("keep pupil records after the services end.", style="List Number")
    d.add_paragraph("Fees are due within thirty days.")
    buf = io.BytesIO()
    d.save(buf)
    read = [s.text for s in sentences(read_document(buf.getvalue(), "terms.docx"))]
    assert read == ["The Supplier will not:",
                    "The Supplier will not: - rent pupil records to anyone;",
                    "The Supplier will not: 1. keep pupil records after the services end.",
                    "Fees are due within thirty days."]
