"""Build the DOCX templates in templates/ (layout only; wording lives in clauses/).

Run ``python tools/build_templates.py`` after changing the layout here; the .docx files are
committed so that staff can also edit them by hand in Word or LibreOffice.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
SIGNATURE_ROW = Cm(2.2)  # tall enough for a handwritten signature
DATE_ROW = Cm(1.2)


def _base(header: str, footer: str) -> Document:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11)
    style.paragraph_format.space_after = Pt(6)
    for name in ("Title", "Heading 1", "Heading 2"):
        st = doc.styles[name]
        st.font.name = "Times New Roman"
        st.font.color.rgb = RGBColor(0, 0, 0)
    doc.styles["Title"].font.size = Pt(18)
    doc.styles["Heading 1"].font.size = Pt(13)
    doc.styles["Heading 2"].font.size = Pt(11.5)
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    hp.runs[0].font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # the footer's style is 8 pt too: the page numbers a word processor fills in take the
    # paragraph's size, not the field run's (they came out at 11 pt beside 8 pt text)
    doc.styles["Footer"].font.size = Pt(8)
    fp.style = doc.styles["Footer"]
    # "page N of M": Word and LibreOffice fill both fields when the document is opened or printed.
    for text, field in ((footer + " · page ", "PAGE"), (" of ", "NUMPAGES")):
        run = fp.add_run(text)
        run.font.size = Pt(8)
        _field(fp, field)
    return doc


def _field(paragraph, instruction: str) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) computed by the word processor: begin, instruction,
    separator and end, each in its own 8 pt run, with no stored result (a reader that does not
    compute fields shows nothing rather than a wrong number)."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(8)
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _keep_row_whole(row) -> None:
    """A table row never splits across two pages (``w:cantSplit``)."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def _blocks(doc: Document, loop: str) -> None:
    """The block loop shared by every template: headings, citations, bullets, paragraphs."""
    doc.add_paragraph(f"{{%p for b in {loop} %}}")
    doc.add_paragraph('{%p if b.kind == "heading" %}')
    doc.add_paragraph("{{r b.text }}", style="Heading 2")
    doc.add_paragraph('{%p elif b.kind == "cite" %}')
    p = doc.add_paragraph("{{r b.text }}")
    p.paragraph_format.space_after = Pt(2)
    doc.add_paragraph('{%p elif b.kind == "bullet" %}')
    doc.add_paragraph("{{r b.text }}", style="List Bullet")
    doc.add_paragraph("{%p else %}")
    p = doc.add_paragraph("{{r b.text }}")
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")


def build_addendum() -> Path:
    doc = _base(
        "{{ board.name }} · {{ title }}",
        "{{ board.name }} · {{ title }}, clause library {{ library.version }} "
        "(clauses {{ library.hash }}){% if draft %} · DRAFT{% endif %}",
    )
    doc.add_paragraph("{{ title }}", style="Title")
    p = doc.add_paragraph("{{r parties }}")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("{%p if draft %}")
    p = doc.add_paragraph("{{r draft_notice }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p for s in sections %}")
    doc.add_paragraph("{{ s.title }}", style="Heading 1")
    _blocks(doc, "s.blocks")
    doc.add_paragraph("{%p endfor %}")

    heading = doc.add_paragraph("Signatures", style="Heading 1")
    intro = doc.add_paragraph(
        "Each party signs this Addendum by its authorized representative, "
        "on the date written beside the signature."
    )
    for p in (heading, intro):
        p.paragraph_format.keep_with_next = True
    rows = [
        ("For the Board", "For the Contractor", None),
        ("{{ board.name }}", "{{r vendor_name }}", None),
        ("Signature:", "Signature:", SIGNATURE_ROW),
        ("Name: {{ board.signatory.name }}", "Name: {{r vendor_signatory }}", None),
        ("Title: {{ board.signatory.title }}", "Title: {{r vendor_signatory_title }}", None),
        ("Date:", "Date:", DATE_ROW),
    ]
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, (left, right, height) in enumerate(rows):
        row = table.rows[r]
        _keep_row_whole(row)
        for cell, text in zip(row.cells, (left, right)):
            cell.text = text
            cell.paragraphs[0].paragraph_format.keep_with_next = r < len(rows) - 1
            if height:  # room to sign or write by hand, the label at the foot of the box
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        if height:
            row.height, row.height_rule = height, WD_ROW_HEIGHT_RULE.AT_LEAST
    for cell in table.rows[0].cells:
        cell.paragraphs[0].runs[0].bold = True
    out = TEMPLATES / "addendum" / "addendum.docx"
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)
    return out


def build_letter(name: str) -> Path:
    """A letter on the board's letterhead: date, addressee, subject, body blocks, signature."""
    doc = _base("{{ board.name }}", "{{ board.name }} · {{ kind_label }}")
    p = doc.add_paragraph("{{ board.name }}")
    p.runs[0].bold = True
    doc.add_paragraph("{%p for line in board.address %}")
    doc.add_paragraph("{{ line }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{{ board.website }}")
    doc.add_paragraph("{{ date_words }}")
    doc.add_paragraph("{%p for line in recipient %}")
    doc.add_paragraph("{{r line }}")
    doc.add_paragraph("{%p endfor %}")
    p = doc.add_paragraph("{{r subject }}")
    p.runs[0].bold = True
    _blocks(doc, "blocks")
    doc.add_paragraph("{%p if signer %}")
    doc.add_paragraph("Sincerely,")
    doc.add_paragraph("")
    doc.add_paragraph("{{ signer.name }}")
    doc.add_paragraph("{{ signer.title }}")
    doc.add_paragraph("{{ board.name }}")
    doc.add_paragraph("{%p endif %}")
    out = TEMPLATES / "letters" / f"{name}.docx"
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)
    return out


if __name__ == "__main__":
    print(build_addendum())
    print(build_letter("letter"))
