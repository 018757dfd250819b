"""Build the DOCX templates in templates/ (layout only; wording lives in clauses/).

Run ``python tools/build_templates.py`` after changing the layout here; the .docx files are
committed so that staff can also edit them by hand in Word or LibreOffice.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"


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
    run = fp.add_run(footer + "  ·  page ")
    run.font.size = Pt(8)
    _page_field(fp)
    return doc


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(8)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


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
        "sdpa clause library {{ library.version }} · clauses {{ library.hash }}"
        "{% if draft %} · DRAFT{% endif %}",
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

    doc.add_paragraph("Signatures", style="Heading 1")
    doc.add_paragraph(
        "Each party signs this Addendum by its authorized representative, "
        "on the date written beside the signature."
    )
    table = doc.add_table(rows=6, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    rows = [
        ("For the Board", "For the Contractor"),
        ("{{ board.name }}", "{{r vendor_name }}"),
        ("Signature: ______________________", "Signature: ______________________"),
        ("Name: {{ board.signatory.name }}", "Name: {{r vendor_signatory }}"),
        ("Title: {{ board.signatory.title }}", "Title: {{r vendor_signatory_title }}"),
        ("Date: ____________________", "Date: ____________________"),
    ]
    for r, (left, right) in enumerate(rows):
        table.cell(r, 0).text = left
        table.cell(r, 1).text = right
    for cell in table.rows[0].cells:
        cell.paragraphs[0].runs[0].bold = True
    out = TEMPLATES / "addendum" / "addendum.docx"
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)
    return out


def build_letter(name: str) -> Path:
    """A letter on the board's letterhead: date, addressee, subject, body blocks, signature."""
    doc = _base("{{ board.name }}", "sdpa · {{ kind_label }}")
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
