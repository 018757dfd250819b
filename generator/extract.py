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

logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings would be a second line on stderr

MB = 1024 * 1024
MAX_BYTES = 50 * 1024 * 1024       # a contract file larger than this is refused
MAX_PAGES = 1000                    # PDF pages
MAX_UNZIPPED = 200 * 1024 * 1024   # total uncompressed size of a DOCX package
MAX_RATIO = 200                     # a DOCX part may not expand more than this many times
MAX_CHARS = 5_000_000               # text kept from one document
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
                         "\u200e": "", "\u200f": "", "\ufffe": "-", "\u202a": "", "\u202b": "", "\u202c": ""})


_SMALL = {"a", "an", "the", "of", "and", "or", "to", "for", "in", "on", "with", "by", "at", "your", "our"}
_ENUM = re.compile(r"^(?:\d{1,3}(?:\.\d+)*|[A-Z]|[ivxlIVXL]{1,5})[.)]\s+|^\(?[a-zA-Z0-9]{1,4}\)\s+")
_INNER_STOP = re.compile(r"[.!?]\s+[A-Z]")


def is_heading(line: str) -> bool:
    """A Markdown heading, or a short Title Case line without closing punctuation (never a
    bulleted list item, never a line that holds a sentence: "6. Notice. If the vendor ...")."""
    if line.startswith("#"):
        return True
    if line[:1] in ("-", "*", "•", "+", "|"):
        return False
    if len(line) > 80 or line.rstrip().endswith((".", ":", ";", ",")):
        return False
    title = _ENUM.sub("", line, count=1)
    if _INNER_STOP.search(title):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", title) if w.lower() not in _SMALL]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


# an abbreviation or an enumerator at the end of a text ("U.S.C.", "e.g.", "Inc.", "6.") does not end a sentence
ABBREVIATION = re.compile(r"(?:^\W*[\dA-Za-z]{1,3}(?:\.\d+)*\.$|\b(?:Section|Article|Clause|Paragraph|Part)\s+[\w.()]+\.$|\b(?:[A-Z]|U\.S|e\.g|i\.e|etc|Inc|Ltd|Co|Corp|No|Sec|Stat|Gen|Conn|St|Mr|Ms|Dr|vs|v|seq|C\.F\.R|U\.S\.C)\.|§)$")
_STOP = re.compile(r"[.!?:][\"')\]*_]*$")


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with a full stop, question or exclamation mark or a colon (closing
    quotes, brackets and emphasis allowed after it) that is not an abbreviation's."""
    if not _STOP.search(line[-8:]):
        return False
    return not ABBREVIATION.search(line[-40:].rstrip("\"')]*_"))


_SPECIAL = re.compile("[" + re.escape("".join(chr(c) for c in _QUOTES)) + "]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(" {2,}")
# a line that starts its own line: a list item, a table row, a quote, a heading, bold text, a
# clause number ("6.", "1.2", "(a)", "A."), a check box or a line in capitals
_OWN_LINE = re.compile(r"^(?:[-*•|#>+]|\d{1,3}(?:\.\d+)*[.)]?\s|\(?[a-zA-Z0-9]{1,4}\)\s|[A-Z]\.\s|[✅❌✓✗☐]"
                       r"|[A-Z][A-Z .,&'-]{3,}$)")


def clean(text: str) -> str:
    """NFKC (ligatures such as ﬁ → fi), straight quotes and dashes, no soft hyphens, direction
    marks or control characters, tabs as spaces."""
    if not text.isascii():  # plain ASCII needs neither step, and most contract pages are
        text = unicodedata.normalize("NFKC", text)
        text = _SPECIAL.sub(lambda m: _QUOTES[ord(m.group())], text)
    return _CONTROL.sub(" ", text.replace("\t", " "))


def wrap_width(lines: list[str]) -> float:
    """The width, in characters, at which the text's lines were wrapped: the 90th percentile of
    their lengths (table rows left out). Unwrapped text gets a large width, so few of its lines
    count as full."""
    lengths = sorted(len(ln) for ln in lines if ln and not ln.startswith("|"))
    return float(lengths[int(len(lengths) * 0.9)]) if lengths else 80.0


def _full(line: str, nxt: str, width: float) -> bool:
    """Whether ``line`` ended because the next word did not fit on it (it was wrapped)."""
    word = nxt.split(" ", 1)[0]
    return len(line) + 1 + len(word) >= 0.9 * width and len(line) <= 1.25 * width


def _joins(prev: str, line: str, width: float) -> bool:
    """Whether ``line`` continues the logical line that ``prev`` (a physical line) ends."""
    if _OWN_LINE.match(line) or ends_sentence(prev):
        return False
    if prev.startswith("|"):  # a table row continues only when it was wrapped before its last cell
        return not prev.endswith("|")
    if _full(prev, line, width):
        return True
    return line[:1].islower() and not is_heading(prev)


Paragraphs = list[list[str]]  # paragraphs of logical lines


def reflow(units: list[list[str]], width: float) -> list[Paragraphs]:
    """Join wrapped lines, the same way for every format.

    ``units`` are the pages of a PDF, the paragraphs of a DOCX or a text file's blocks, each a
    list of stripped physical lines ("" is a paragraph break, as a blank line or an empty DOCX
    paragraph is). A line continues the one before unless that one ends a sentence (a full stop
    that is no abbreviation's, a colon), or it starts its own line (a list item, a clause number,
    a table row, a heading mark), or the one before was short for the text's wrap ``width`` and
    this one starts with a capital. A logical line belongs to the unit it starts in.

    A paragraph ends at a break, at a short line, or before a line that starts its own line: so
    a PDF page, which has no blank lines, is cut into the same paragraphs as the text it was made
    from. Returns for each unit its paragraphs, each a list of logical lines.
    Runs in time linear in the text's length.
    """
    out: list[Paragraphs] = [[] for _ in units]
    pieces: list[str] = []   # the logical line being built
    owner = 0                # the unit its paragraph started in
    starts = True            # whether it starts a paragraph
    prev = ""                # its last physical line

    def flush() -> None:
        if pieces:
            paras = out[owner]
            if starts or not paras:
                paras.append([])
            paras[-1].append("".join(pieces))
            pieces.clear()

    for u, lines in enumerate(units):
        for raw in lines:
            line = _SPACES.sub(" ", raw.strip()) if "  " in raw else raw.strip()
            if not line:
                flush()
                prev = ""
                continue
            if pieces and _joins(prev, line, width):
                hyphen = prev.endswith("-") and prev[-2:-1].isalnum() and line[:1].isalnum()
                pieces.append(line if hyphen else " " + line)
            else:
                # after a blank line a paragraph starts; after a wrapped line that ends a
                # sentence the paragraph goes on, unless this line starts its own
                new = not prev or is_heading(prev) or bool(_OWN_LINE.match(line)) \
                    or not (_full(prev, line, width) and ends_sentence(prev))
                flush()
                pieces.append(line)
                starts = new
                if new:
                    owner = u
            prev = line
    flush()
    return out


def _paragraphs_text(paras: Paragraphs) -> str:
    return "\n\n".join("\n".join(p) for p in paras if p)


def normalize(text: str, width: float | None = None) -> str:
    """Clean ``text`` (see :func:`clean`) and join its wrapped lines (see :func:`reflow`); blank
    lines become paragraph breaks. ``width`` is the wrap width (default: measured on the text)."""
    lines = clean(text).split("\n")
    if width is None:
        width = wrap_width([ln.strip() for ln in lines])
    return _paragraphs_text(reflow([lines], width)[0])


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
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise ExtractError(f"{name}: the file is {size / MB:.1f} MB; the limit is {max_bytes / MB:.0f} MB")
            data = path.read_bytes()
        except OSError as exc:
            raise ExtractError(f"{name}: cannot read the file ({exc.strerror})") from None
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
    if not segments:
        raise ExtractError(f"{name}: no text found in the file")
    return Document(name=name, sha256=sha, kind=kind if kind != "zip" else "docx", segments=segments, pages=pages)


def _read_pdf(data: bytes, name: str, max_pages: int) -> tuple[list[Segment], int]:
    """Pages of text from pdfium (about twenty times faster than pypdf, and it opens files
    with an empty user password, AES included). When pdfium cannot open the file, pypdf says
    why: a password, missing AES support, or damage."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return _read_pdf_pypdf(data, name, max_pages)
    try:
        n = len(pdf)
        _check_pages(n, name, max_pages)
        texts = []
        for i in range(n):
            page = pdf[i]
            tp = page.get_textpage()
            texts.append(tp.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
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
    units = [clean(t).split("\n") for t in strip_running_lines(texts)]
    width = wrap_width([ln.strip() for lines in units for ln in lines])
    # a sentence that runs over a page break belongs to the page it starts on
    return [Segment(_paragraphs_text(paras), f"page {i + 1}")
            for i, paras in enumerate(reflow(units, width))]


def _read_pdf_pypdf(data: bytes, name: str, max_pages: int) -> tuple[list[Segment], int]:
    """pypdf's reading of a PDF that pdfium refused: its errors name the cause."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

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
    except (PdfReadError, FileNotDecryptedError, ValueError, KeyError, TypeError,
            AttributeError, IndexError, RecursionError, OSError, AssertionError) as exc:
        raise ExtractError(f"{name}: the PDF is damaged or truncated ({type(exc).__name__}: "
                           f"{str(exc)[:120]})") from None
    return _pdf_segments(texts, name, n), n


def _check_zip(data: bytes, name: str) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ExtractError(f"{name}: the DOCX is damaged or truncated ({exc})") from None
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        raise ExtractError(f"{name}: this ZIP file is not a Word document (no word/document.xml)")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED:
        raise ExtractError(f"{name}: the DOCX would expand to {total / MB:.0f} MB; "
                           f"the limit is {MAX_UNZIPPED / MB:.0f} MB (a ZIP bomb?)")
    for i in infos:
        if i.compress_size and i.file_size / i.compress_size > MAX_RATIO and i.file_size > 10_000_000:
            raise ExtractError(f"{name}: {i.filename} expands {i.file_size // i.compress_size} times; "
                               "refused as a possible ZIP bomb")


def _read_docx(data: bytes, name: str) -> list[Segment]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _check_zip(data, name)
    try:
        d = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ExtractError(f"{name}: the DOCX cannot be opened ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # lxml XMLSyntaxError and friends
        raise ExtractError(f"{name}: the DOCX's XML is damaged ({type(exc).__name__})") from None
    segs: list[Segment] = []
    paras: list[tuple[int, str]] = []  # (paragraph number, text) since the last table
    n = n_tbl = 0
    for block in d.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1] if isinstance(block.tag, str) else ""
        if tag == "p":
            text = _docx_text(block)
            n += bool(text.strip())
            paras.append((n, text))
        elif tag == "tbl":
            segs += _docx_paragraph_segments(paras)
            paras = []
            n_tbl += 1
            rows = []
            for tr in block.iter(_W + "tr"):
                cells = [" ".join(_docx_text(p) for p in tc.iter(_W + "p")) for tc in tr.iterchildren(_W + "tc")]
                rows.append(" | ".join(_SPACES.sub(" ", clean(c)).strip() for c in cells))
            segs.append(Segment("\n".join(r for r in rows if r.strip(" |")), f"table {n_tbl}"))
    segs += _docx_paragraph_segments(paras)
    for si, section in enumerate(d.sections, 1):
        for part, label in ((section.header, "header"), (section.footer, "footer")):
            try:
                text = "\n".join(p.text for p in part.paragraphs)
            except Exception:  # noqa: BLE001 - a broken header never stops the check
                continue
            if text.strip():
                segs.append(Segment(normalize(text), label))
    return segs


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_TEXT = {_W + "t": None, _W + "tab": " ", _W + "br": "\n", _W + "cr": "\n"}


def _docx_text(p) -> str:
    """A DOCX paragraph's text: its runs' text, a tab as a space, a line break as a new line."""
    out = []
    for el in p.iter(*_DOCX_TEXT):
        fixed = _DOCX_TEXT[el.tag]
        out.append(el.text or "" if fixed is None else fixed)
    return "".join(out)


def _docx_paragraph_segments(paras: list[tuple[int, str]]) -> list[Segment]:
    """Segments from consecutive DOCX paragraphs, wrapped lines joined as in a text file (a
    contract converted from PDF often has one paragraph per printed line; an empty paragraph is
    a blank line). Each segment is named after the paragraph it starts in."""
    units = [clean(text).split("\n") if text.strip() else [""] for _, text in paras]
    width = wrap_width([ln.strip() for lines in units for ln in lines])
    return [Segment(_paragraphs_text(found), f"paragraph {num}")
            for (num, _), found in zip(paras, reflow(units, width)) if found]


def _read_text(data: bytes, name: str) -> list[Segment]:
    if b"\x00" in data[:4096]:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            text = data.decode("utf-16")
        else:
            raise ExtractError(f"{name}: this is a binary file, not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    text = clean(text[:MAX_CHARS].replace("\r\n", "\n").replace("\r", "\n"))
    units = [block.split("\n") + [""] for block in re.split(r"\n\s*\n", text)]
    width = wrap_width([ln.strip() for lines in units for ln in lines])
    return [Segment(_paragraphs_text(paras), f"paragraph {i}")
            for i, paras in enumerate(reflow(units, width), 1) if paras]
