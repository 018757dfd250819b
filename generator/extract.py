"""Text with locations (page, paragraph) from PDF, DOCX, plain text and Markdown, normalised."""

from __future__ import annotations

import hashlib
import io
import logging
import re
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ExtractError
from .limits import check_pdf_streams, check_time, check_zip, read_bounded, time_budget

logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings would be a second line on stderr

MB = 1024 * 1024
MAX_BYTES = 50 * 1024 * 1024       # a contract file larger than this is refused
MAX_PAGES = 1000                    # PDF pages
MAX_DOCX_PART = 32 * MB             # document.xml and other parts: python-docx holds them as trees
MAX_CHARS = 5_000_000               # text kept from one document (the ZIP and PDF budgets: limits.py)
MIN_CHARS_PER_PAGE = 25             # below this on average a PDF is taken as scanned


@dataclass
class Segment:
    """A run of text and where it is (``page 3``, ``paragraph 12``, ``table 1``)."""

    text: str
    location: str


@dataclass
class Document:
    """A contract's text, in segments with locations, and what it was read from."""

    name: str
    sha256: str
    kind: str
    segments: list[Segment] = field(default_factory=list)
    pages: int = 0

    @property
    def text(self) -> str:
        return "\n\n".join(s.text for s in self.segments)


# ---------------------------------------------------------------- normalisation

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
                         "\u2013": "-", "\u2014": " - ", "\u2010": "-", "\u2011": "-",
                         "\u00a0": " ", "\u00ad": "", "\u200b": "", "\ufeff": "",
                         "\u200e": "", "\u200f": "", "\u202a": "", "\u202b": "", "\u202c": ""})


_SMALL = {"a", "an", "the", "of", "and", "or", "to", "for", "in", "on", "with", "by", "at", "your", "our"}


def is_heading(line: str) -> bool:
    """A Markdown heading, or a short Title Case line without closing punctuation (never a
    bulleted list item)."""
    if line.startswith("#"):
        return True
    if line[:1] in ("-", "*", "•", "+", "|"):
        return False
    if len(line) > 80 or line.rstrip().endswith((".", ":", ";", ",")):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", re.sub(r"^[\d.]+\s*", "", line))
             if w.lower() not in _SMALL]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_SPECIAL = re.compile("[" + re.escape("".join(chr(c) for c in _QUOTES)) + "]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(" {2,}")
_HYPHEN = re.compile(r"(?<=[a-z])-\n\s*(?=[a-z])")
_OWN_LINE = re.compile(r"^([-*•|#>]|\d+[.)]\s|\(?[a-z0-9]{1,3}\)\s|[A-Z][A-Z .,&'-]{3,}$)")


def normalize(text: str) -> str:
    """NFKC (ligatures such as ﬁ → fi), straight quotes and dashes, no soft hyphens or
    direction marks, words hyphenated across line ends re-joined, lines inside a paragraph
    joined, runs of spaces folded. Blank lines (paragraph breaks) are kept."""
    if not text.isascii():  # plain ASCII needs neither step, and most contract pages are
        text = unicodedata.normalize("NFKC", text)
        text = _SPECIAL.sub(lambda m: _QUOTES[ord(m.group())], text)
    text = _CONTROL.sub(" ", text)
    if "-\n" in text:
        text = _HYPHEN.sub("", text)
    paras = []
    for para in re.split(r"\n\s*\n", text.replace("\t", " ")):
        lines = [ln.strip() for ln in para.splitlines()]
        out: list[str] = []
        for ln in lines:
            if not ln:
                continue
            # a list item, a table row or a heading starts its own line; other lines continue
            if out and not _OWN_LINE.match(ln) and not out[-1].startswith(("|", "#")) \
                    and not is_heading(out[-1]):
                out[-1] += " " + ln
            else:
                out.append(ln)
        if out:
            paras.append("\n".join(_SPACES.sub(" ", x) if "  " in x else x for x in out))
    return "\n\n".join(paras)


_PAGE_NO = re.compile(r"^\s*(page\s*)?\d+(\s*(of|/)\s*\d+)?\s*$|^\s*-\s*\d+\s*-\s*$", re.I)


def strip_running_lines(pages: list[str]) -> list[str]:
    """Remove page numbers, and header or footer lines repeated on most pages."""
    split = [[ln for ln in p.splitlines()] for p in pages]
    edges: Counter[str] = Counter()
    for lines in split:
        nonblank = [ln.strip() for ln in lines if ln.strip()]
        edges.update(set(nonblank[:2] + nonblank[-2:]))
    threshold = max(3, len(pages) // 2 + 1)
    running = {ln for ln, n in edges.items() if n >= threshold and len(pages) >= 3}
    out = []
    for lines in split:
        kept = [ln for ln in lines if ln.strip() not in running and not _PAGE_NO.match(ln)]
        out.append("\n".join(kept))
    return out


# ---------------------------------------------------------------- readers


def _sniff(data: bytes) -> str:
    head = data[:8]
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    return "text"


_EXPECT = {".pdf": "pdf", ".docx": "zip", ".txt": "text", ".md": "text", ".markdown": "text", ".text": "text"}
_KIND_NAMES = {"pdf": "a PDF", "zip": "a ZIP/DOCX file", "ole": "an old binary Word (.doc) file", "text": "text"}


def read_document(source: str | Path | bytes, name: str | None = None, *,
                  max_bytes: int = MAX_BYTES, max_pages: int = MAX_PAGES) -> Document:
    """Read a contract from a path or bytes (``name`` gives the file name for messages).

    Returns a :class:`Document` of normalised segments with page or paragraph locations.
    Raises :class:`ExtractError` naming the file for an unreadable, encrypted, corrupt,
    scanned, mislabelled, unsupported or oversize file.
    """
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        name = name or "document"
    else:
        path = Path(source)
        name = name or path.name
        data = read_bounded(path, max_bytes, name)
    with time_budget(name):
        return _read_data(data, name, max_bytes, max_pages)


def check_chars(count: int, name: str) -> None:
    """Raise :class:`ExtractError` when ``count`` characters of text exceed ``MAX_CHARS``
    (readers call it as they go, so an oversize document stops early)."""
    if count > MAX_CHARS:
        raise ExtractError(f"{name}: the document holds more than {MAX_CHARS:,} characters of text, "
                           "the limit; check it in parts")


def _read_data(data: bytes, name: str, max_bytes: int, max_pages: int) -> Document:
    if len(data) > max_bytes:
        raise ExtractError(f"{name}: the file is {len(data) / MB:.1f} MB; the limit is {max_bytes / MB:.0f} MB")
    if not data.strip():
        raise ExtractError(f"{name}: the file is empty")
    kind = _sniff(data)
    suffix = Path(name).suffix.lower()
    expected = _EXPECT.get(suffix)
    if suffix and expected is None:
        raise ExtractError(f"{name}: {suffix} files are not supported; use PDF, DOCX, TXT or MD")
    if expected and expected != kind:
        raise ExtractError(f"{name}: the name says {suffix} but the file is {_KIND_NAMES[kind]}")
    sha = hashlib.sha256(data).hexdigest()
    if kind == "pdf":
        segments, pages = _read_pdf(data, name, max_pages)
    elif kind == "zip":
        segments, pages = _read_docx(data, name), 0
    elif kind == "ole":
        raise ExtractError(f"{name}: old binary Word (.doc) files are not supported; save it as DOCX or PDF")
    else:
        segments, pages = _read_text(data, name), 0
    segments = [s for s in segments if s.text.strip()]
    check_chars(sum(len(s.text) for s in segments), name)
    if not segments:
        raise ExtractError(f"{name}: no text found in the file")
    return Document(name=name, sha256=sha, kind=kind if kind != "zip" else "docx", segments=segments, pages=pages)


def _read_pdf(data: bytes, name: str, max_pages: int) -> tuple[list[Segment], int]:
    """Pages of text from pdfium (about twenty times faster than pypdf, and it opens files
    with an empty user password, AES included). When pdfium cannot open the file, pypdf says
    why: a password, missing AES support, or damage."""
    import pypdfium2 as pdfium

    check_pdf_streams(data, name)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return _read_pdf_pypdf(data, name, max_pages)
    try:
        n = len(pdf)
        _check_pages(n, name, max_pages)
        texts, total = [], 0
        for i in range(n):
            check_time()
            page = pdf[i]
            tp = page.get_textpage()
            texts.append(tp.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            total += len(texts[-1])
            check_chars(total, name)
            tp.close()
            page.close()
    except pdfium.PdfiumError as exc:
        raise ExtractError(f"{name}: the PDF is damaged or truncated ({exc})") from None
    finally:
        pdf.close()
    return _pdf_segments(texts, name, n), n


def _check_pages(n: int, name: str, max_pages: int) -> None:
    if n > max_pages:
        raise ExtractError(f"{name}: the PDF has {n} pages; the limit is {max_pages}")
    if n == 0:
        raise ExtractError(f"{name}: the PDF has no pages")


def _pdf_segments(texts: list[str], name: str, n: int) -> list[Segment]:
    total = sum(len(t.strip()) for t in texts)
    if total < MIN_CHARS_PER_PAGE * max(1, min(n, 3)) and total < 200:
        raise ExtractError(f"{name}: the PDF has no text layer (it looks scanned); "
                           "run it through OCR first, then check the OCR'd file")
    texts = strip_running_lines(texts)
    return [Segment(normalize(t), f"page {i + 1}") for i, t in enumerate(texts)]


def _read_pdf_pypdf(data: bytes, name: str, max_pages: int) -> tuple[list[Segment], int]:
    """pypdf's reading of a PDF that pdfium refused: its errors name the cause."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except DependencyError:
                raise ExtractError(f"{name}: the PDF is AES-encrypted and cannot be opened "
                                   "(install pypdf's crypto support: pip install 'pypdf[crypto]')") from None
            if not ok:
                raise ExtractError(f"{name}: the PDF is encrypted with a password; "
                                   "ask the vendor for an unprotected copy")
        n = len(reader.pages)
        _check_pages(n, name, max_pages)
        texts = [p.extract_text() or "" for p in reader.pages]
    except ExtractError:
        raise
    except NotImplementedError as exc:  # certificate (public-key) security and other handlers
        raise ExtractError(f"{name}: the PDF uses a kind of encryption sdpa cannot open "
                           f"({str(exc)[:120]}); ask the vendor for an unprotected copy") from None
    except Exception as exc:  # noqa: BLE001 - PdfReadError, and whatever else damage trips
        raise ExtractError(f"{name}: the PDF is damaged or truncated ({type(exc).__name__}: "
                           f"{str(exc)[:120]})") from None
    return _pdf_segments(texts, name, n), n


def _read_docx(data: bytes, name: str) -> list[Segment]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    check_zip(data, name, "DOCX", "word/document.xml", max_part=MAX_DOCX_PART)
    try:
        d = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ExtractError(f"{name}: the DOCX cannot be opened ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # lxml XMLSyntaxError and friends
        raise ExtractError(f"{name}: the DOCX's XML is damaged ({type(exc).__name__})") from None
    body = getattr(d.element, "body", None)
    if body is None:
        raise ExtractError(f"{name}: the DOCX has no document body (its main part is not a Word document)")
    segs: list[Segment] = []
    n = total = counted = 0
    for block in body.iterchildren():
        check_time()
        total += sum(len(x.text) for x in segs[counted:])
        counted = len(segs)
        check_chars(total, name)
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(t.text or "" for t in block.iter() if isinstance(t.tag, str) and t.tag.endswith("}t"))
            if text.strip():
                n += 1
                segs.append(Segment(normalize(text), f"paragraph {n}"))
        elif tag == "tbl":
            n_tbl = sum(1 for s in segs if s.location.startswith("table")) + 1
            rows = []
            for tr in block.iter():
                if isinstance(tr.tag, str) and tr.tag.endswith("}tr"):
                    cells = []
                    for tc in tr.iterchildren():
                        if isinstance(tc.tag, str) and tc.tag.endswith("}tc"):
                            cells.append(" ".join("".join(t.text or "" for t in p.iter() if isinstance(t.tag, str) and t.tag.endswith("}t"))
                                                  for p in tc.iter() if isinstance(p.tag, str) and p.tag.endswith("}p")))
                    rows.append(" | ".join(c.strip() for c in cells))
            segs.append(Segment(normalize("\n".join(r for r in rows if r.strip(" |"))), f"table {n_tbl}"))
    for si, section in enumerate(d.sections, 1):
        for part, label in ((section.header, "header"), (section.footer, "footer")):
            try:
                text = "\n".join(p.text for p in part.paragraphs)
            except Exception:  # noqa: BLE001 - a broken header never stops the check
                continue
            if text.strip():
                segs.append(Segment(normalize(text), label))
    return segs


def _read_text(data: bytes, name: str) -> list[Segment]:
    if b"\x00" in data[:4096]:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            # an odd byte count or a lone surrogate is damage: show it as U+FFFD, keep the rest
            text = data.decode("utf-16", errors="replace")
        else:
            raise ExtractError(f"{name}: this is a binary file, not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    check_chars(len(text), name)  # refused, as a PDF or DOCX is, rather than silently cut
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    segs = []
    for i, para in enumerate(re.split(r"\n\s*\n", text), 1):
        check_time()
        if para.strip():
            segs.append(Segment(normalize(para), f"paragraph {i}"))
    return segs
