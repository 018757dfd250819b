"""The hostile corpus, made by code: every case a name and the bytes a file would hold.

Contracts (for `sdpa check`, the check page and `register record check`), vendor spreadsheets
(for `sdpa batch` and the batch page) and vendor names (for every document sdpa writes)."""

from __future__ import annotations

import codecs
import io
import zipfile
from functools import lru_cache
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from . import round23
from .docx import hostile_docx
from .pdfs import hostile_pdfs, write_pdf

ROOT = Path(__file__).resolve().parents[2]
HEADER = "vendor_name,product,contact_email,contract_date\n"


@lru_cache(maxsize=1)
def text_pdf() -> bytes:
    """A small real PDF with a text layer, made by LibreOffice (cached for the session)."""
    import tempfile

    from generator import convert_to_pdf

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "contract.docx"
        import docx

        d = docx.Document()
        d.add_paragraph("The Provider will delete student data at the District's written request. "
                        "Connecticut law governs this agreement.")
        d.save(src)
        (pdf,) = convert_to_pdf([src])
        return pdf.read_bytes()


def _pdf_writer_bytes(w: PdfWriter) -> bytes:
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def encrypted_pdf(user_password: str) -> bytes:
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    w.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-256")
    return _pdf_writer_bytes(w)


def blank_pdf(pages: int) -> bytes:
    w = PdfWriter()
    for _ in range(pages):
        w.add_blank_page(612, 792)
    return _pdf_writer_bytes(w)


def docx_with(document_xml: bytes | list[bytes], compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal DOCX package; ``document_xml`` may be a list of chunks, streamed into the ZIP."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                   '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        if isinstance(document_xml, list):
            with z.open("word/document.xml", "w", force_zip64=True) as part:
                for chunk in document_xml:
                    part.write(chunk)
        else:
            z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def zip_bomb_docx() -> bytes:
    """A few hundred kilobytes that expand to about 400 MB."""
    filler = (b"<w:p><w:r><w:t>" + b"A" * 1000 + b"</w:t></w:r></w:p>") * 1000
    head = b"<?xml version='1.0'?><w:document " + W.encode() + b"><w:body>"
    return docx_with([head, *([filler] * 400), b"</w:body></w:document>"])


def xxe_docx(secret: Path) -> bytes:
    """document.xml that declares an external entity pointing at a local file."""
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
           f"<w:document {W}><w:body><w:p><w:r><w:t>before &x; after</w:t></w:r></w:p></w:body></w:document>")
    return docx_with(xml.encode())


def billion_laughs_docx() -> bytes:
    ents = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [{ents}]>'
           f"<w:document {W}><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>")
    return docx_with(xml.encode())


def contracts(tmp: Path) -> dict[str, tuple[str, bytes]]:
    """name → (file name, bytes) of hostile contract files."""
    secret = tmp / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    pdf = text_pdf()
    return {
        "zero-byte pdf": ("empty.pdf", b""),
        "zero-byte docx": ("empty.docx", b""),
        "truncated pdf": ("cut.pdf", pdf[: len(pdf) // 3]),
        "truncated docx": ("cut.docx", docx_with(b"<w:document/>")[:200]),
        "encrypted pdf, empty user password": ("open.pdf", encrypted_pdf("")),
        "encrypted pdf, user password": ("locked.pdf", encrypted_pdf("s3cret")),
        "pdf without text layer": ("scan.pdf", blank_pdf(3)),
        "pdf with 5,000 empty pages": ("long.pdf", blank_pdf(5000)),
        "docx zip bomb": ("bomb.docx", zip_bomb_docx()),
        "docx with external entity": ("xxe.docx", xxe_docx(secret)),
        "docx with entity expansion": ("laughs.docx", billion_laughs_docx()),
        "pdf named .docx": ("terms.docx", pdf),
        "docx named .pdf": ("terms.pdf", docx_with(f"<w:document {W}/>".encode())),
        "text named .pdf": ("terms.pdf", b"plain words, not a PDF"),
        "zip that is not word": ("x.docx", _zip({"a.txt": b"hi"})),
        "old binary .doc": ("old.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 512),
        "image": ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        "binary named .txt": ("bin.txt", bytes(range(256)) * 4),
        "random bytes named .md": ("r.md", bytes((i * 7919) % 256 for i in range(4096))),
        "text with NUL bytes": ("nul.txt", b"hello\x00world"),
        "utf-16 text": ("u16.txt", "Connecticut law governs.".encode("utf-16")),
        "right-to-left marks": ("rtl.txt", "\u202eConnecticut law governs.\u202c".encode()),
        **bounded_contracts(),
        **hostile_pdfs(),   # issue 23: budgets bypassed by filter chains; pdfium's 5 GB of forms
        **hostile_docx(),   # issue 23: terms hidden from the check; macros and remote templates
        "jpeg named .pdf": ("photo.pdf", round23.jpeg_named_pdf()),
    }


# ---------------------------------------------------------------- issue 15 (hard): bounded reading
# Small files that would cost gigabytes or hours, and damage that used to end in a traceback.


def raw_pdf(streams: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF written byte by byte: one page per Flate-compressed content stream in ``streams``."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(len(streams)))
            + b"] /Count %d >>" % len(streams),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, data in enumerate(streams):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                    b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i))
        objs.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + o + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, trailer_extra, xref))
    return out.getvalue()


PDF_TEXT = b"BT /F1 12 Tf 72 720 Td (Connecticut law governs this agreement.) Tj ET\n"


@lru_cache(maxsize=2)
def inflating_pdf(megabytes: int = 1024) -> bytes:
    """About 1 MB of PDF whose one content stream inflates to ``megabytes`` MB of spaces."""
    import zlib

    z = zlib.compressobj(9)
    spaces = b" " * (1 << 20)
    data = z.compress(PDF_TEXT) + b"".join(z.compress(spaces) for _ in range(megabytes)) + z.flush()
    return raw_pdf([data])


def certificate_pdf() -> bytes:
    """A PDF protected with public-key (certificate) security, which pypdf does not implement."""
    import zlib

    return raw_pdf([zlib.compress(PDF_TEXT)],
                   b"/Encrypt << /Filter /Adobe.PubSec /V 4 /R 4 /SubFilter /adbe.pkcs7.s5 /Length 128 "
                   b"/Recipients [<3082>] >> /ID [<0102> <0102>] ")


@lru_cache(maxsize=1)
def shared_strings_xlsx(megabytes: int = 1024) -> bytes:
    """About 1 MB of XLSX whose sharedStrings.xml part is ``megabytes`` MB."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["vendor_name", "product", "contact_email", "contract_date"])
    wb.active.append(["Acme", "Reader", "a@acme.example", "2026-09-01"])
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename != "xl/sharedStrings.xml":
                z.writestr(info, src.read(info.filename))
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                       b'2006/main"><si><t>')
            block = b"A" * (1 << 20)
            for _ in range(megabytes):
                part.write(block)
            part.write(b"</t></si></sst>")
    return out.getvalue()


def declared_dimension_xlsx() -> bytes:
    """A few KB of XLSX that declares A1:XFD1048576 and has one cell in the last row."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["vendor_name", "product", "contact_email", "contract_date"])
    ws.append(["Acme", "Reader", "a@acme.example", "2026-09-01"])
    ws.cell(row=1_048_576, column=16_384, value="x")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def bounded_contracts() -> dict[str, tuple[str, bytes]]:
    """name → (file name, bytes): contracts that must be refused quickly, in little memory, or read."""
    body = "Connecticut law governs this agreement. ".encode("utf-16-le")
    return {
        "pdf inflating to 1 GB": ("inflate.pdf", inflating_pdf()),
        "certificate-encrypted pdf": ("cert.pdf", certificate_pdf()),
        "docx without a body": ("nobody.docx", docx_with(f"<w:document {W}/>".encode())),
        "docx with a wrong root": ("root.docx", docx_with(b"<html><body>Hello</body></html>")),
        "utf-16 text, odd byte count": ("odd.txt", codecs.BOM_UTF16_LE + body + b"A"),
        "utf-16 text, lone surrogate": ("lone.txt", codecs.BOM_UTF16_LE + body + b"\x00\xd8" + "x".encode("utf-16-le")),
    }


def bounded_spreadsheets() -> dict[str, tuple[str, bytes]]:
    """name → (file name, bytes): vendor lists that must be refused quickly, in little memory."""
    return {
        "xlsx with 1 GB of shared strings": ("strings.xlsx", shared_strings_xlsx()),
        "xlsx declaring A1:XFD1048576": ("wide.xlsx", declared_dimension_xlsx()),
    }


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for k, v in files.items():
            z.writestr(k, v)
    return buf.getvalue()


GOOD = ["Acme Learning", "Reader", "a@acme.example", "2026-09-01"]


def spreadsheets() -> dict[str, tuple[str, bytes]]:
    """name → (file name, bytes) of hostile vendor lists."""
    rows = ["Acme Learning,Reader,a@acme.example,2026-09-01", "Beta;Co,Math,b@beta.example,9/1/2026"]
    plain = HEADER + "\n".join(rows) + "\n"
    return {
        "csv utf-16": ("u16.csv", plain.encode("utf-16")),
        "csv windows-1252": ("w.csv", (HEADER + "Café Ölund,Reader,c@cafe.example,2026-09-01\n").encode("cp1252")),
        "csv with BOM": ("bom.csv", codecs.BOM_UTF8 + plain.encode()),
        "csv with semicolons": ("semi.csv", plain.replace(",", ";").encode()),
        "csv with quoted newlines": ("nl.csv", (HEADER + '"Acme\nLearning",Reader,a@acme.example,2026-09-01\n').encode()),
        "csv with duplicate headers": ("dup.csv", ("vendor_name,vendor_name,product,contact_email,contract_date\n"
                                                   "A,B,P,a@a.example,2026-09-01\n").encode()),
        "csv formula cells": ("f.csv", (HEADER + '"=1+1",+cmd,-2,@SUM(A1)\n' + '"=HYPERLINK(""x"")",P,a@a.example,2026-09-01\n').encode()),
        "csv header only": ("h.csv", HEADER.encode()),
        "csv empty": ("e.csv", b""),
        "csv binary": ("b.csv", bytes(range(256))),
        "csv ragged rows": ("r.csv", (HEADER + "A,P\nB,P,b@b.example,2026-09-01,extra,cells\n").encode()),
        "xlsx that is not": ("x.xlsx", b"PK\x03\x04 not really"),
        "csv missing a required column": ("m.csv", b"vendor_name,product\nA,P\n"),
        **bounded_spreadsheets(),
        "xlsx cut off mid-sheet": ("cut.xlsx", round23.truncated_sheet_xlsx()),
    }


NAMES = {
    "path traversal": "../../etc/passwd",
    "slash": "Acme/Beta",
    "NUL": "Acme\x00Evil",
    "300 characters": "A" * 300,
    "301 characters": "A" * 301,
    "right-to-left": "\u202eevil.exe\u202c Learning",
    "emoji": "Reading 📚 Rocket 🚀",
    "jinja": "{{ 7*7 }} {% for x in range(3) %}x{% endfor %}",
    "xml": "</w:t></w:r><w:r><w:t>injected",
    "html": "<script>alert(1)</script>",
    "formula": '=HYPERLINK("http://x","click")',
    "windows reserved": "CON",
    "dots": "...",
    "whitespace": "   ",
}


# ---------------------------------------------------------------- text that once took minutes
# Tiny files whose text drove quadratic loops or backtracking patterns (issue 15): each must be
# read and checked in time linear in its length. Kept apart from the cases above.

def _pdf_of_lines(n: int, word: bytes = b"word") -> bytes:
    """A one-page PDF whose content stream prints ``word`` on ``n`` lines (compressed: small)."""
    import zlib

    stream = zlib.compress(b"BT /F1 10 Tf 72 720 Td 12 TL " + (b"(" + word + b") ' ") * n + b"ET", 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>"
               b" /Contents 5 0 R >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    return write_pdf(objects)


def _docx_of_blocks(block: bytes, n: int) -> bytes:
    head = b"<?xml version='1.0'?><w:document " + W.encode() + b"><w:body>"
    return docx_with([head, block * n, b"</w:body></w:document>"])


def slow_text() -> dict[str, tuple[str, bytes]]:
    """name → (file name, bytes) of contracts whose text once took minutes of CPU."""
    return {
        "80 KB of '](' (link stripping)": ("links.md", b"](" * 40_000),
        "1 M lines of 'word' (line joining)": ("words.txt", b"word\n" * 1_000_000),
        "1 M 'A. ' (abbreviations in the sentence splitter)": ("initials.txt", b"A. " * 1_000_000),
        "DOCX with 40,000 tiny tables (table numbering)": (
            "tables.docx", _docx_of_blocks(b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>"
                                           b"</w:tbl>", 40_000)),
        "DOCX with 200,000 one-word paragraphs (line joining)": (
            "paragraphs.docx", _docx_of_blocks(b"<w:p><w:r><w:t>word</w:t></w:r></w:p>", 200_000)),
        "PDF with 100,000 one-word lines (line joining)": ("lines.pdf", _pdf_of_lines(100_000)),
    }
