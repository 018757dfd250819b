"""Text cleaned and wrapped lines joined, the same way for a text file, a DOCX and a PDF, in time
linear in the text's length."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Callable, TypeVar

T = TypeVar("T")

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
_ABBREVIATIONS = frozenset("U.S e.g i.e etc Inc Ltd Co Corp No Sec Stat Gen Conn St Mr Ms Dr vs v seq C.F.R U.S.C".split())


def abbreviated(text: str) -> bool:
    """Whether ``text`` ends with an abbreviation or an enumerator (:data:`ABBREVIATION`). The
    common case, a single capital or a listed abbreviation as the last word, is answered
    without the regular expression, which then only sees the last 40 characters."""
    if text[-1:] != ".":
        return text[-1:] == "§"
    word = text[text.rfind(" ") + 1:-1].lstrip("\"'([")
    if word in _ABBREVIATIONS or (len(word) == 1 and "A" <= word <= "Z"):
        return True
    return bool(ABBREVIATION.search(text[-40:]))


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with a full stop, question or exclamation mark or a colon (closing
    quotes, brackets and emphasis allowed after it) that is not an abbreviation's."""
    end = line[-8:].rstrip("\"')]*_")
    return end[-1:] in ("!", "?", ":") or end[-1:] == "." and not abbreviated(line[-40:].rstrip("\"')]*_"))


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
    """The width, in characters, at which a text's lines were wrapped: the length that most of its
    lines of 40 characters or more end close to (within 20% short of it). A text whose lines end
    anywhere (one line per paragraph) was not wrapped: its width is endless, and no line is full.
    Table rows are left out."""
    lengths = sorted(len(ln) for ln in lines if len(ln) >= 40 and not ln.startswith("|"))
    best, most = float("inf"), 0
    low = 0
    for high, w in enumerate(lengths):  # lines in [0.8 w, w]: lengths[low:high + 1], and equal ones after
        while lengths[low] < 0.8 * w:
            low += 1
        if (high + 1 == len(lengths) or lengths[high + 1] != w) and high + 1 - low > most:
            best, most = float(w), high + 1 - low
    return best if most >= 0.5 * len(lengths) and lengths else float("inf")


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


def _own_line(before: str, text: str, full: bool = False) -> bool:
    """Whether ``text`` starts its own line (see ``_OWN_LINE``). "(30)" after "thirty" does not;
    nor does a number such as "2.0" or "(g)" after a full line that stops mid-sentence (on a
    word or a comma, not after "and"/"or", which introduce a list's last item)."""
    if not _OWN_LINE.match(text):
        return False
    if text[:1] == "(" and text[1:2].isdigit() and _NUMBER_WORD.search(before):
        return False
    number = text[:1].isalnum() or text[:1] == "("
    return not (full and number and before[-1:].isalnum() | (before[-1:] == ",")
                and not before.endswith((" and", " or")))


def _is_row(text: str) -> bool:
    return text.startswith("|") or " | " in text


def _joins(prev: Line, line: Line, first: str, cells: int, row: int) -> bool:
    """Whether ``line`` continues the logical line that starts with ``first`` and ends with
    ``prev`` (physical lines); ``cells`` is the number of "|" in that logical line so far,
    ``row`` the number in a full row of the table it is in (0: none known)."""
    text, before = line[0], prev[0]
    if _is_row(first):  # a table row goes on when it has fewer cells than the table's first
        if row and cells < row or text.startswith("|") and not first.startswith("|"):
            return True
        if first.startswith("|"):  # a Markdown row ends with "|"
            return not before.endswith("|")
        return _full(prev[1], text) and not _is_row(text) and not _own_line(before, text)
    full = _full(prev[1], text)
    if _own_line(before, text, full) or _is_row(text):
        return False
    if full:
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
            if pieces and _joins(prev, line, pieces[0], cells, row):
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
    kept = strip_running([p.splitlines() for p in pages], lambda ln: ln)
    return ["\n".join(lines) for lines in kept]


def strip_running(pages: list[list[T]], text_of: Callable[[T], str]) -> list[list[T]]:
    """:func:`strip_running_lines` for pages of lines of any kind (``text_of`` gives a line's text)."""
    edges: Counter[str] = Counter()
    for lines in pages:
        nonblank = [text_of(ln).strip() for ln in lines if text_of(ln).strip()]
        edges.update(set(nonblank[:2] + nonblank[-2:]))
    threshold = max(3, len(pages) // 2 + 1)
    running = {ln for ln, n in edges.items() if n >= threshold and len(pages) >= 3}
    return [[ln for ln in lines if text_of(ln).strip() not in running and not _PAGE_NO.match(text_of(ln))]
            for lines in pages]


MAX_PLACED_LINES = 2000  # lines of one PDF page that are measured (a page has a hundred or so)
# a PDF line: its text, left and right edges, mean character width, and the bottoms of its first
# and of its last printed line (0 when pdfium gave no places)
PlacedLine = tuple[str, float, float, float, float, float]


class CharBoxes:
    """Where a pdfium text page's characters are, as ``tp.get_charbox(i)`` (tight) and
    ``tp.get_charbox(i, loose=True)`` give them, asked of pdfium directly with one set of
    buffers for the page: a page of a hundred lines asks some four hundred times. Raises
    ``PdfiumError`` for a character pdfium cannot place, as ``get_charbox`` does."""

    def __init__(self, tp) -> None:
        import ctypes

        import pypdfium2.raw as pdfium_c

        self.raw = tp.raw
        self.tight, self.loose = pdfium_c.FPDFText_GetCharBox, pdfium_c.FPDFText_GetLooseCharBox
        self.l, self.r, self.b, self.t = (ctypes.c_double() for _ in range(4))
        self.rect = pdfium_c.FS_RECTF()

    def _failed(self) -> Exception:
        from pypdfium2 import PdfiumError

        return PdfiumError("Failed to get charbox.")

    def left(self, i: int) -> float:
        """The left edge of character ``i``'s tight box."""
        if not self.tight(self.raw, i, self.l, self.r, self.b, self.t):  # pdfium's order: left, right, bottom, top
            raise self._failed()
        return self.l.value

    def right(self, i: int) -> float:
        """The right edge of character ``i``'s tight box."""
        if not self.tight(self.raw, i, self.l, self.r, self.b, self.t):
            raise self._failed()
        return self.r.value

    def loose_bottom(self, i: int) -> float:
        """The bottom of character ``i``'s loose box (its font's, not its glyph's)."""
        if not self.loose(self.raw, i, self.rect):
            raise self._failed()
        return self.rect.bottom


def placed_lines(tp) -> tuple[float, list[PlacedLine]]:
    """A pdfium text page's width and lines, with where each starts and ends on the page, so that
    a wrapped line can be told from one that ends short, and a paragraph's space from a line's
    (the text's character offsets are pdfium's character indices, its line breaks included)."""
    text = tp.get_text_range()
    # a printed page holds a hundred lines or so; one with thousands is not worth measuring
    placed = tp.count_chars() == len(text) and text.count("\n") <= MAX_PLACED_LINES
    box = CharBoxes(tp)
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
            left = box.left(pos + lead)
            bottom = box.loose_bottom(pos + lead)
            top = box.loose_bottom(pos) if lead else bottom
            right = box.right(pos + len(body) - 1)
            width = (right - left) / (len(body) - lead)
        out.append((ln, left, right, width, top, bottom))
        pos += len(ln)
    return tp.page.get_width(), out


def pdf_rooms(pages: list[tuple[float, list[PlacedLine]]]) -> list[list[Line]]:
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
    capacity = sorted((margin - left) / w for _, lines in pages for t, left, _, w, *_ in lines
                      if w > 0 and len(t.strip()) >= 40)
    gaps = sorted(a[5] - b[4] for _, lines in pages for a, b in zip(lines, lines[1:]) if a[5] > b[4] > 0)
    pitch = gaps[len(gaps) // 2] if gaps else 0.0
    width = wrap_width([t.strip() for t, _, _ in placed])
    if capacity and width <= 0.95 * capacity[len(capacity) // 2]:
        # most lines end near one length well short of the margin: a text hard-wrapped before printing
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
