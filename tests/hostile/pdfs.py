"""Small PDFs, written byte by byte, that would cost gigabytes: a content stream whose budget
check was once bypassed by its filter chain or its dictionary, and nested Form XObjects that make
pdfium allocate gigabytes from a few kilobytes (issue 23)."""

from __future__ import annotations

import binascii
import zlib

TEXT = b"BT /F1 12 Tf 72 720 Td (Connecticut law governs this agreement.) Tj ET\n"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def write_pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (object 1 the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def spaces_deflated(megabytes: int) -> bytes:
    """The text line, then ``megabytes`` MB of spaces, deflated (about 1 KB per MB)."""
    z = zlib.compressobj(9)
    block = b" " * (1 << 20)
    return z.compress(TEXT) + b"".join(z.compress(block) for _ in range(megabytes)) + z.flush()


def one_stream_pdf(data: bytes, dictionary: bytes, eol: bytes = b"\n") -> bytes:
    """A one-page PDF whose content stream holds ``data`` under ``dictionary`` (its filters and
    anything else), the keyword ``stream`` followed by ``eol``."""
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        FONT,
        b"<< /Length %d %s >>\nstream%s" % (len(data), dictionary, eol) + data + b"\nendstream",
    ])


def double_flate_pdf(megabytes: int = 2048) -> bytes:
    """A content stream deflated twice: a few KB that decode to ``megabytes`` MB."""
    return one_stream_pdf(zlib.compress(spaces_deflated(megabytes), 9), b"/Filter [/FlateDecode /FlateDecode]")


def hex_then_flate_pdf(megabytes: int = 600) -> bytes:
    """ASCIIHex before Flate: the deflated stream written as hexadecimal digits."""
    return one_stream_pdf(binascii.hexlify(spaces_deflated(megabytes)) + b">",
                          b"/Filter [/ASCIIHexDecode /FlateDecode]")


def image_subtype_pdf(megabytes: int = 600) -> bytes:
    """A content stream whose dictionary says it is an image (which pdfium ignores for content)."""
    return one_stream_pdf(spaces_deflated(megabytes), b"/Subtype /Image /Filter /FlateDecode")


def cr_stream_pdf(megabytes: int = 600) -> bytes:
    """The keyword ``stream`` followed by a carriage return alone."""
    return one_stream_pdf(spaces_deflated(megabytes), b"/Filter /FlateDecode", eol=b"\r")


def nested_forms_pdf(depth: int = 5, fanout: int = 10) -> bytes:
    """A page that draws a tiny Form XObject nested ``depth`` deep, ``fanout`` times at each
    level, the innermost drawing 120 squares and a letter: every stream a few hundred bytes,
    ``121 * fanout ** depth`` objects in all (about 5 GB in pdfium for the defaults)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
               b"/Resources << /Font << /F1 4 0 R >> /XObject << /X 6 0 R >> >> /Contents 5 0 R >>",
               FONT]
    draw = b"q /X Do Q " * fanout
    objects.append(b"<< /Length %d >>\nstream\n" % (len(TEXT) + len(draw)) + TEXT + draw + b"\nendstream")
    for level in range(depth):
        inner = 7 + level
        last = level == depth - 1
        body = b"0 0 1 1 re f " * 120 + b"BT /F1 1 Tf (x) Tj ET " if last else draw
        res = b"<< /Font << /F1 4 0 R >> >>" if last else b"<< /XObject << /X %d 0 R >> >>" % inner
        objects.append(b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources %s /Length %d >>\nstream\n"
                       % (res, len(body)) + body + b"\nendstream")
    return write_pdf(objects)


def hostile_pdfs() -> dict[str, tuple[str, bytes]]:
    """name → (file name, bytes): the PDFs of issue 23, each answered by a one-line error."""
    return {
        "pdf with a stream deflated twice": ("twice.pdf", double_flate_pdf()),
        "pdf with ASCIIHex before Flate": ("hex.pdf", hex_then_flate_pdf()),
        "pdf content stream calling itself an image": ("image.pdf", image_subtype_pdf()),
        "pdf with 'stream' ending in CR": ("cr.pdf", cr_stream_pdf()),
        "pdf with Form XObjects nested 5 deep, 10 per level": ("forms.pdf", nested_forms_pdf()),
    }
