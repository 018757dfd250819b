"""Text with locations (page, paragraph) from PDF, DOCX, plain text and Markdown, normalised."""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

from generator.errors import ExtractError
from generator.reading.hidden import Styles
from generator.reading.limits import (
    check_pdf_streams,
    check_time,
    check_zip,
    read_bounded,
    time_budget,
)
from generator.reading.lines import (  # noqa: F401 - is_heading, normalize, strip_running_lines: importable from here too
    PlacedLine,
    clean,
    is_heading,
    normalize,
    pdf_rooms,
    placed_lines,
    reflow,
    reflow_text,
    strip_running,
    strip_running_lines,
)
from generator.reading.numbering import ListNumbers
from generator.reading.sandbox import run_boxed
from generator.reading.webpage import html_text, looks_like_html

logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings would be a second line on stderr

MB = 1024 * 1024
MAX_BYTES = 50 * 1024 * 1024       # a contract file larger than this is refused
MAX_PAGES = 1000                    # PDF pages
MAX_DOCX_PART = 32 * MB             # document.xml and other parts: python-docx holds them as trees
MAX_CHARS = 5_000_000               # text kept from one document (the ZIP and PDF budgets: limits.py)
MIN_CHARS_PER_PAGE = 25             # below this on average a PDF is taken as scanned
F = TypeVar("F", bound=Callable[..., Any])


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
    notes: list[str] = field(default_factory=list)  # what the reader found and left out (hidden text)

    @property
    def text(self) -> str:
        return "\n\n".join(s.text for s in self.segments)


# ---------------------------------------------------------------- readers


def _sniff(data: bytes) -> str:
    head = data[:8]
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    for magic, kind in _IMAGES.items():
        if head.startswith(magic) and (kind != "a WebP image" or data[8:12] == b"WEBP"):
            return kind
    return "text"


# what a file is, by its first bytes, when it is an image (a photo renamed .pdf is not "text")
_IMAGES = {b"\xff\xd8\xff": "a JPEG image", b"\x89PNG\r\n\x1a\n": "a PNG image", b"GIF87a": "a GIF image",
           b"GIF89a": "a GIF image", b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image",
           b"RIFF": "a WebP image"}
_EXPECT = {".pdf": "pdf", ".docx": "zip", ".docm": "zip", ".txt": "text", ".md": "text", ".markdown": "text",
           ".text": "text", ".html": "text", ".htm": "text"}  # an HTML page saved from the web: read by webpage.py
_KIND_NAMES = {"pdf": "a PDF", "zip": "a ZIP/DOCX file", "ole": "an old binary Word (.doc) file", "text": "text"}


def read_document(source: str | Path | bytes, name: str | None = None, *,
                  max_bytes: int = MAX_BYTES, max_pages: int = MAX_PAGES) -> Document:
    """Read a contract from a path or bytes (``name`` gives the file name for messages).

    Returns a :class:`Document` of normalised segments with page or paragraph locations.
    Raises :class:`ExtractError` naming the file for an unreadable, encrypted, corrupt,
    scanned, mislabelled, unsupported or oversize file, and :class:`TooComplex` for one that
    passes the box's memory, CPU or time limit (the parsing runs in a box: sandbox.py).
    """
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        name = name or "document"
    else:
        path = Path(source)
        name = name or path.name
        data = read_bounded(path, max_bytes, name)
    return run_boxed(read_data, data, name, max_bytes, max_pages, what=name)


def read_data(data: bytes, name: str, max_bytes: int = MAX_BYTES, max_pages: int = MAX_PAGES) -> Document:
    """:func:`read_document`'s work on the file's bytes, inside the check's wall-clock budget, in
    this process (:func:`read_document` runs it in a box). Raises :class:`ExtractError`."""
    with time_budget(name):
        return _read_data(data, name, max_bytes, max_pages)


def with_reading_notes(fn: F) -> F:
    """Decorate ``fn(document, ...)`` → report so that the report carries the document's
    reading notes (hidden text left out) in its ``notes``."""
    @functools.wraps(fn)
    def wrapper(document: Any, *args: Any, **kwargs: Any) -> Any:
        report = fn(document, *args, **kwargs)
        found = getattr(document, "notes", None)
        return report.model_copy(update={"notes": [*report.notes, *found]}) if found else report

    return wrapper  # type: ignore[return-value]


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
        raise ExtractError(f"{name}: {suffix} files are not supported; use PDF, DOCX, TXT, MD or HTML")
    if kind in _IMAGES.values():
        what = _KIND_NAMES.get(expected, f"a {suffix} file") if suffix else "a document"
        raise ExtractError(f"{name}: not {what} (looks like {kind}); send the contract as PDF, DOCX or text")
    if expected and expected != kind:
        raise ExtractError(f"{name}: the name says {suffix} but the file is {_KIND_NAMES[kind]}")
    sha = hashlib.sha256(data).hexdigest()
    notes: list[str] = []
    if kind == "pdf":
        segments, pages = _read_pdf(data, name, max_pages)
    elif kind == "zip":
        segments, pages = _read_docx(data, name, notes), 0
    elif kind == "ole":
        raise ExtractError(f"{name}: old binary Word (.doc) files are not supported; save it as DOCX or PDF")
    elif suffix in (".html", ".htm") or (not suffix and looks_like_html(data)):
        segments, pages = _read_text(html_text(data, name, notes).encode("utf-8"), name), 0
        kind = "html"
    else:
        segments, pages = _read_text(data, name), 0
    segments = [s for s in segments if s.text.strip()]
    check_chars(sum(len(s.text) for s in segments), name)
    if not segments:
        raise ExtractError(f"{name}: no text found in the file")
    return Document(name=name, sha256=sha, kind=kind if kind != "zip" else "docx", segments=segments, pages=pages,
                    notes=notes)


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
            texts.append(placed_lines(tp))
            total += sum(len(line[0]) for line in texts[-1][1])
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


def _pdf_segments(texts: list[str] | list[tuple[float, list[PlacedLine]]], name: str, n: int) -> list[Segment]:
    if texts and isinstance(texts[0], str):  # pypdf's text: no places; measure the wrap width
        texts = [(0.0, [(ln, 0.0, 0.0, 0.0, 0.0, 0.0) for ln in t.replace("\r\n", "\n").replace("\r", "\n").split("\n")])
                 for t in texts]
    total = sum(len(t.strip()) for _, lines in texts for t, *_ in lines)
    if total < MIN_CHARS_PER_PAGE * max(1, min(n, 3)) and total < 200:
        raise ExtractError(f"{name}: the PDF has no text layer (it looks scanned); "
                           "run it through OCR first, then check the OCR'd file")
    kept = strip_running([lines for _, lines in texts], lambda line: line[0])
    pages = pdf_rooms([(w, lines) for (w, _), lines in zip(texts, kept)])
    pages = [[(clean(t), room) for t, room in lines] for lines in pages]
    # a sentence that runs over a page break belongs to the page it starts on
    return [Segment("\n".join(paras), f"page {i + 1}") for i, paras in enumerate(reflow(pages))]


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


def _read_docx(data: bytes, name: str, notes: list[str]) -> list[Segment]:
    """The DOCX's text as Word shows it: paragraphs and tables of the body, inside content
    controls too (text boxes and inline controls are read with their paragraph), then headers,
    footers, footnotes and endnotes. Hidden text (``w:vanish``), white text and text under
    3 points is left out, and each paragraph holding some gets a line in ``notes``."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from generator.reading.active_content import active_content, without_active_content  # lxml: DOCX only

    check_zip(data, name, "DOCX", "word/document.xml", max_part=MAX_DOCX_PART)
    try:
        # macros, a macro-enabled content type and a remote template are taken out before
        # python-docx opens it (it refuses a .docm); they are noted below, never run
        d = docx.Document(io.BytesIO(without_active_content(data)))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ExtractError(f"{name}: the DOCX cannot be opened ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # lxml XMLSyntaxError and friends
        raise ExtractError(f"{name}: the DOCX's XML is damaged ({type(exc).__name__})") from None
    body = getattr(d.element, "body", None)
    if body is None:
        raise ExtractError(f"{name}: the DOCX has no document body (its main part is not a Word document)")
    try:  # the run formatting styles and defaults give: hidden text may come from there too
        styles = Styles(d.styles.element)
    except Exception:  # noqa: BLE001 - damaged styles: the runs' own formatting still counts
        styles = _NO_STYLES
    segs: list[Segment] = []
    paras: list[tuple[int, str]] = []  # (paragraph number, text) since the last table
    n = n_tbl = total = every = 0
    numbers = ListNumbers.of(d)  # the numbers Word draws before list paragraphs
    for block in _docx_blocks(body):
        check_time()
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            every += 1  # hidden text is placed by Word's own count, empty paragraphs included
            text = _docx_text(block, notes, f"paragraph {every} of the body", styles)
            label = numbers.label(block)
            if text.strip() and label and label != "•":
                text = f"{label} {text.lstrip()}"  # Word draws "7."; the reader must see it to cite it
            elif text.strip() and _docx_list_item(block):
                text = "- " + text.lstrip()  # Word draws the bullet; the reader must still see an item
            n += bool(text.strip())
            paras.append((n, text))
            total += len(text)
            check_chars(total, name)
        else:
            segs += _docx_paragraph_segments(paras)
            paras = []
            n_tbl += 1
            rows = []
            for tr in block.iter(_W + "tr"):
                cells = [" ".join(_docx_text(p, notes, f"table {n_tbl}", styles) for p in tc.iter(_W + "p"))
                         for tc in tr.iterchildren(_W + "tc")]
                rows.append(" | ".join(" ".join(clean(c).split()) for c in cells))
            segs.append(Segment("\n".join(r for r in rows if r.strip(" |")), f"table {n_tbl}"))
    segs += _docx_paragraph_segments(paras)
    for section in d.sections:
        for part, label in ((section.header, "header"), (section.footer, "footer")):
            try:
                text = "\n".join(_docx_text(p._p, notes, label, styles) for p in part.paragraphs)
            except Exception:  # noqa: BLE001 - a broken header never stops the check
                continue
            if text.strip():
                segs.append(Segment(normalize(text), label))
    notes += [f"the DOCX carries {what}; sdpa never runs it, and a redline leaves it out"
              for what in active_content(data)]
    return segs + _docx_notes(data, notes, styles)


def _docx_blocks(parent):
    """The paragraphs and tables of ``parent`` in order, those inside content controls
    (``w:sdt``), custom XML and tracked insertions included."""
    for block in parent.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1] if isinstance(block.tag, str) else ""
        if tag in ("p", "tbl"):
            yield block
        elif tag in ("sdt", "sdtContent", "customXml", "ins", "smartTag"):
            yield from _docx_blocks(block)


def _docx_notes(data: bytes, notes: list[str], styles: Styles) -> list[Segment]:
    """Footnotes and endnotes, one segment each (``footnote 2``)."""
    from docx.oxml import parse_xml  # python-docx's parser: no entities, no network

    segs = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for part, kind in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
            if part not in z.namelist():
                continue
            try:
                root = parse_xml(z.read(part))
            except Exception:  # noqa: BLE001 - broken notes never stop the check
                continue
            for note in root.iterchildren(_W + kind):
                if note.get(_W + "type") not in (None, "normal"):
                    continue  # the separator lines
                label = f"{kind} {note.get(_W + 'id')}"
                text = "\n".join(_docx_text(p, notes, label, styles) for p in note.iter(_W + "p"))
                if text.strip():
                    segs.append(Segment(normalize(text), label))
    return segs


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NO_STYLES = Styles()  # direct formatting only
_DOCX_TEXT = {_W + "t": None, _W + "tab": " ", _W + "br": "\n", _W + "cr": "\n"}


def _docx_list_item(p) -> bool:
    """Whether a DOCX paragraph is a list item: numbered or bulleted by Word (``w:numPr``) or in a
    list style, and not a heading. Each item is its own line, never joined to the next."""
    ppr = p.find(_W + "pPr")
    if ppr is None:
        return False
    style = ppr.find(_W + "pStyle")
    name = (style.get(_W + "val") or "") if style is not None else ""
    if name.lower().startswith(("heading", "title")):
        return False
    return ppr.find(_W + "numPr") is not None or name.lower().startswith("list")


def _docx_text(p, notes: list[str] | None = None, where: str = "", styles: Styles | None = None) -> str:
    """A DOCX paragraph's visible text: its runs' text (in text boxes and content controls
    too), a tab as a space, a line break as a new line. A run that would not show (by its own
    formatting, or by ``styles``: hidden.py) is left out, and noted in ``notes`` as "hidden text
    in ``where``"."""
    styles = styles or _NO_STYLES
    out, hidden, kinds = [], [], set()
    for run in p.iter(_W + "r"):
        pieces = []
        for el in run.iterchildren(*_DOCX_TEXT):
            fixed = _DOCX_TEXT[el.tag]
            pieces.append(el.text or "" if fixed is None else fixed)
        why = styles.hidden(run) if pieces else None
        (hidden if why else out).append("".join(pieces))
        if why:
            kinds.add(why)
    quoted = " ".join(" ".join(hidden).split())
    if quoted and notes is not None:
        notes.append(f"hidden text in {where} ({', '.join(sorted(kinds))}): “{quoted[:120]}"
                     f"{'…' if len(quoted) > 120 else ''}”; not counted toward any provision")
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
    text = clean(text.replace("\r\n", "\n").replace("\r", "\n"))
    units = [block.split("\n") + [""] for block in re.split(r"\n\s*\n", text)]
    found = reflow_text(units)
    if sum(len(paras) for paras in found) <= 2 * sum(1 for paras in found if paras):
        return [Segment("\n".join(paras), f"paragraph {i}") for i, paras in enumerate(found, 1) if paras]
    # few blank lines: "paragraph 1" would name the whole text; each line is cited by its number
    return [Segment(line, f"line {n}") for line, n in _first_lines(text, found)]


def _first_lines(text: str, found: list[list[str]]) -> list[tuple[str, int]]:
    """Each logical line of ``found`` (a text's blocks, wrapped lines joined) with the number of
    the physical line of ``text`` it starts on, counted from 1."""
    physical = [(i, "".join(ln.split()).replace("-", "")) for i, ln in enumerate(text.split("\n"), 1)]
    physical = [(i, sq) for i, sq in physical if sq]
    out, k = [], 0
    for paras in found:
        for line in paras:
            want = len("".join(line.split()).replace("-", ""))
            start = physical[k][0] if k < len(physical) else (physical[-1][0] if physical else 1)
            got = 0
            while k < len(physical) and got < want:
                got += len(physical[k][1])
                k += 1
            out.append((line, start))
    return out
