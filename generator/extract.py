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
from typing import Callable, TypeVar

from .errors import ExtractError

T = TypeVar("T")

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
    if line[:1] in ("-", "*", "•", "+", "|") or line[:1].islower():
        return False
    if len(line) > 80 or line.rstrip().rstrip("\"')]*_").endswith((".", ":", ";", ",")):
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
# clause number ("6.", "1.2", "(a)", "A.") or a check box
_OWN_LINE = re.compile(r"^(?:[-*•|#>+]|\d{1,3}(?:\.\d+)+\s|\d{1,3}[.)]\s|\((?:[a-z]{1,2}|[ivx]{1,4}|[A-Z]|\d{1,3})\)\s"
                       r"|(?:[a-z]|[ivx]{1,4}|\d{1,3})\)\s|[A-Z]\.\s|[✅❌✓✗☐])")


def clean(text: str) -> str:
    """NFKC (ligatures such as ﬁ → fi), straight quotes and dashes, no soft hyphens, direction
    marks or control characters, tabs as spaces."""
    if not text.isascii():  # plain ASCII needs neither step, and most contract pages are
        text = unicodedata.normalize("NFKC", text)
        text = _SPECIAL.sub(lambda m: _QUOTES[ord(m.group())], text)
    return _CONTROL.sub(" ", text.replace("\t", " "))


def wrap_width(lines: list[str]) -> float:
    """The width, in characters, at which the text's lines were wrapped: the 95th percentile of
    the lengths of its lines of 40 characters or more (table rows left out). A text that is not
    wrapped (one line per paragraph) gets a large width, so few of its lines count as full."""
    lengths = sorted(len(ln) for ln in lines if len(ln) >= 40 and not ln.startswith("|"))
    return float(lengths[int(len(lengths) * 0.95)]) if lengths else 80.0


Line = tuple[str, float]  # a physical line, and the room left at its end, in characters


def with_room(lines: list[str], width: float) -> list[Line]:
    """Each line with the room a text wrapped at ``width`` characters leaves at its end (a line
    much longer than ``width`` was not wrapped: endless room). Characters differ in width in a
    PDF, so a line within 7% of the width counts as full."""
    out = []
    for ln in lines:
        n = len(ln.strip())
        # a wrapped line may end a sentence; counting characters cannot tell it from the end of
        # a paragraph, so such a line is taken as ending where its writer ended it
        full = n <= 1.25 * width and not ends_sentence(ln.rstrip())
        out.append((ln, 0.93 * width - n if full else float("inf")))
    return out


def _full(room: float, nxt: str) -> bool:
    """Whether a line with ``room`` left ended because ``nxt``'s first word did not fit on it."""
    return 1 + len(nxt.split(" ", 1)[0]) >= room


_NUMBER_WORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty"
                          r"|\w+ty-\w+|hundred|thousand)$", re.I)


def _own_line(before: str, text: str) -> bool:
    """Whether ``text`` starts its own line (see ``_OWN_LINE``); "(30)" after "thirty" does not."""
    return bool(_OWN_LINE.match(text)) and not (text[:1] == "(" and text[1:2].isdigit()
                                                 and _NUMBER_WORD.search(before))


def _is_row(text: str) -> bool:
    return text.startswith("|") or " | " in text


def _joins(prev: Line, line: Line, cells: int, row: int) -> bool:
    """Whether ``line`` continues the logical line that ``prev`` (a physical line) ends;
    ``cells`` is the number of "|" in that logical line so far, ``row`` the number in a full row
    of the table it is in (0: none known)."""
    text, before = line[0], prev[0]
    if _is_row(before):  # a table row goes on when it has fewer cells than the table's first
        if row and cells < row or text.startswith("|") and not before.startswith("|"):
            return True
        if before.startswith("|"):  # a Markdown row ends with "|"
            return not before.endswith("|")
        return _full(prev[1], text) and not _is_row(text) and not _own_line(before, text)
    if _own_line(before, text) or _is_row(text):
        return False
    if _full(prev[1], text):
        return True
    return text[:1].islower() and not ends_sentence(before) and not is_heading(before)


def reflow(units: list[list[Line]]) -> list[list[str]]:
    """Join wrapped lines, the same way for every format.

    ``units`` are the pages of a PDF, the paragraphs of a DOCX or a text file's blocks, each a
    list of physical lines with the room left at their ends ("" is a break, as a blank line or
    an empty DOCX paragraph is). A line continues the one before when that one had no room left
    for this one's first word (it was wrapped), or when this one starts with a small letter and
    the one before ends no sentence and is no heading; never across a break, and never when
    this line starts its own (a list item, a clause number, a table row, a heading mark). A
    table row goes on until it has as many cells as the table's first row. A logical line
    belongs to the unit it starts in: a sentence over a PDF page break stays whole.

    Returns for each unit its logical lines. Runs in time linear in the text's length.
    """
    out: list[list[str]] = [[] for _ in units]
    pieces: list[str] = []   # the logical line being built
    owner = 0                # the unit it started in
    prev: Line = ("", 0.0)   # its last physical line
    cells = row = 0          # "|" in it so far; "|" in a full row of its table (0: no table)

    def flush() -> None:
        nonlocal row
        if pieces:
            text = "".join(pieces)
            out[owner].append(text)
            row = (max(row, cells) if row else cells) if _is_row(text) else 0
            pieces.clear()

    for u, lines in enumerate(units):
        for raw, room in lines:
            text = _SPACES.sub(" ", raw.strip()) if "  " in raw else raw.strip()
            if not text:
                flush()
                prev, row = ("", 0.0), 0
                continue
            line = (text, room)
            if pieces and _joins(prev, line, cells, row):
                before = prev[0]
                hyphen = before.endswith("-") and before[-2:-1].isalnum() and text[:1].isalnum()
                pieces.append(text if hyphen else " " + text)
                cells += text.count("|")
            else:
                flush()
                pieces.append(text)
                owner, cells = u, text.count("|")
            prev = line
    flush()
    return out


def reflow_text(units: list[list[str]]) -> list[list[str]]:
    """:func:`reflow` for lines whose wrap width is measured on the lines themselves."""
    width = wrap_width([ln.strip() for lines in units for ln in lines])
    return reflow([with_room(lines, width) for lines in units])




def normalize(text: str) -> str:
    """Clean ``text`` (see :func:`clean`) and join its wrapped lines (see :func:`reflow`), one
    logical line (a paragraph, a list item, a table row, a heading) a line."""
    return "\n".join(reflow_text([clean(text).split("\n")])[0])


_PAGE_NO = re.compile(r"^\s*(page\s*)?\d+(\s*(of|/)\s*\d+)?\s*$|^\s*-\s*\d+\s*-\s*$", re.I)


def strip_running_lines(pages: list[str]) -> list[str]:
    """Remove page numbers, and header or footer lines repeated on most pages."""
    kept = _strip_running([p.splitlines() for p in pages], lambda ln: ln)
    return ["\n".join(lines) for lines in kept]


def _strip_running(pages: list[list[T]], text_of: Callable[[T], str]) -> list[list[T]]:
    edges: Counter[str] = Counter()
    for lines in pages:
        nonblank = [text_of(ln).strip() for ln in lines if text_of(ln).strip()]
        edges.update(set(nonblank[:2] + nonblank[-2:]))
    threshold = max(3, len(pages) // 2 + 1)
    running = {ln for ln, n in edges.items() if n >= threshold and len(pages) >= 3}
    return [[ln for ln in lines if text_of(ln).strip() not in running and not _PAGE_NO.match(text_of(ln))]
            for lines in pages]


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
            texts.append(_placed_lines(tp))
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


# a PDF line: its text, left and right edges, mean character width, and the bottoms of its first
# and of its last printed line (0 when pdfium gave no places)
PlacedLine = tuple[str, float, float, float, float, float]


def _placed_lines(tp) -> tuple[float, list[PlacedLine]]:
    """A pdfium text page's width and lines, with where each starts and ends on the page, so that
    a wrapped line can be told from one that ends short, and a paragraph's space from a line's
    (the text's character offsets are pdfium's character indices, its line breaks included)."""
    text = tp.get_text_range()
    placed = tp.count_chars() == len(text)
    out: list[PlacedLine] = []
    pos = 0
    for ln in re.split(r"(\r\n|\r|\n)", text):
        if ln in ("\r\n", "\r", "\n"):
            pos += len(ln)
            continue
        body = ln.rstrip()
        # pdfium joins a line that ends in a hyphen to the next (marked U+FFFE): measure the last
        lead = body.rfind("\ufffe") + 1 or len(body) - len(body.lstrip())
        left = right = width = top = bottom = 0.0
        if placed and len(body) > lead:
            left = tp.get_charbox(pos + lead)[0]
            bottom = tp.get_charbox(pos + lead, loose=True)[1]
            top = tp.get_charbox(pos, loose=True)[1] if lead else bottom
            right = tp.get_charbox(pos + len(body) - 1)[2]
            width = (right - left) / (len(body) - lead)
        out.append((ln, left, right, width, top, bottom))
        pos += len(ln)
    return tp.page.get_width(), out


def _rooms(pages: list[tuple[float, list[PlacedLine]]]) -> list[list[Line]]:
    """Each line with the room left at its end, in characters: the distance from its right edge
    to the text's right margin over its mean character width. The margin is where full lines
    end: the rightmost line end, but no further right than the left margin's mirror image (a URL
    can overrun it), and no further left than where one line in ten ends. A gap between lines
    well over the usual line spacing is a paragraph break (a blank line)."""
    placed = [(t, left, r) for _, lines in pages for t, left, r, w, *_ in lines if w > 0 and len(t.strip()) >= 20]
    if len(placed) < 3:
        return [with_room([t for t, *_ in lines], wrap_width([t.strip() for t, *_ in lines]))
                for _, lines in pages]
    rights = sorted(r for _, _, r in placed)
    lefts = sorted(left for _, left, _ in placed)
    mirror = max(w for w, _ in pages) - lefts[len(lefts) // 10]
    margin = max(rights[int(len(rights) * 0.9)], min(rights[-1], mirror))
    lengths = sorted(len(t.strip()) for t, _, _ in placed if len(t.strip()) >= 40)
    capacity = sorted((margin - left) / w for _, lines in pages for t, left, _, w, *_ in lines
                      if w > 0 and len(t.strip()) >= 40)
    gaps = sorted(a[5] - b[4] for _, lines in pages for a, b in zip(lines, lines[1:]) if a[5] > b[4] > 0)
    pitch = gaps[len(gaps) // 2] if gaps else 0.0
    if lengths and lengths[len(lengths) // 2] >= 0.85 * lengths[int(len(lengths) * 0.95)] \
            and lengths[int(len(lengths) * 0.95)] <= 0.95 * capacity[len(capacity) // 2]:
        # lines of one length well short of the margin: a text hard-wrapped before it was printed
        width = lengths[int(len(lengths) * 0.95)]
        roomed = [with_room([t for t, *_ in lines], width) for _, lines in pages]
    else:
        roomed = [[(t, (margin - r) / w - 0.5 if w > 0 else float("inf")) for t, _, r, w, *_ in lines]
                  for _, lines in pages]
    out = []
    for (_, lines), rl in zip(pages, roomed):
        page: list[Line] = []
        for i, line in enumerate(rl):
            if i and pitch and lines[i - 1][5] - lines[i][4] > 1.4 * pitch:
                page.append(("", 0.0))
            page.append(line)
        out.append(page)
    return out


def _pdf_segments(texts: list[str] | list[tuple[float, list[PlacedLine]]], name: str, n: int) -> list[Segment]:
    if texts and isinstance(texts[0], str):  # pypdf's text: no places; measure the wrap width
        texts = [(0.0, [(ln, 0.0, 0.0, 0.0, 0.0, 0.0) for ln in t.replace("\r\n", "\n").replace("\r", "\n").split("\n")])
                 for t in texts]
    total = sum(len(t.strip()) for _, lines in texts for t, *_ in lines)
    if total < MIN_CHARS_PER_PAGE * max(1, min(n, 3)) and total < 200:
        raise ExtractError(f"{name}: the PDF has no text layer (it looks scanned); "
                           "run it through OCR first, then check the OCR'd file")
    kept = _strip_running([lines for _, lines in texts], lambda line: line[0])
    pages = _rooms([(w, lines) for (w, _), lines in zip(texts, kept)])
    pages = [[(clean(t), room) for t, room in lines] for lines in pages]
    # a sentence that runs over a page break belongs to the page it starts on
    return [Segment("\n".join(paras), f"page {i + 1}") for i, paras in enumerate(reflow(pages))]


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
    return [Segment("\n".join(found), f"paragraph {num}")
            for (num, _), found in zip(paras, reflow_text(units)) if found]


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
    return [Segment("\n".join(paras), f"paragraph {i}")
            for i, paras in enumerate(reflow_text(units), 1) if paras]
