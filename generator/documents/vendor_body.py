"""The vendor's DOCX body as the redline sees it: its top-level blocks numbered as the contract
check numbers them, its section titles, its signature page, and where a quoted sentence lies."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from lxml import etree

from generator.documents.tracked import paragraph_text, w
from generator.errors import ExtractError
from generator.models import Provision
from generator.reading.lines import is_heading, normalize

_SIGNATURES = re.compile(r"in witness whereof|\bsignatures?\b|^\s*by:|\bsigned\b|"
                         r"accepted and agreed|agreed and accepted", re.I)
_HEADING_STYLE = re.compile(r"heading|title", re.I)
_INLINE_TITLE = re.compile(
    r"^\s*(?:[\dA-Za-z]{1,3}(?:\.\d+)*[.)]\s+)?([A-Z][\w ,&'/-]{2,60}?)[.:]\s")
_STOP = {"student", "students", "data", "board", "contract", "parents", "with", "after", "only",
         "ends", "asks", "that", "from", "their", "other", "than", "under", "this"}


# ---------------------------------------------------------------- the document's blocks


@dataclass
class VendorBody:
    """The body's top-level paragraphs and tables, numbered as the contract check numbers them."""

    root: etree._Element
    body: etree._Element
    paragraphs: dict[int, etree._Element]
    tables: dict[int, etree._Element]
    order: list[etree._Element]  # every top-level p and tbl, in order

    @classmethod
    def read(cls, root: etree._Element) -> VendorBody:
        body = root.find(w("body"))
        if body is None:
            raise ExtractError("the DOCX has no document body")
        paras: dict[int, etree._Element] = {}
        tables: dict[int, etree._Element] = {}
        order = []
        for el in body:
            if el.tag == w("p"):
                order.append(el)
                # numbered as extract.py numbers them: any text inside, a text box's included
                if "".join(t.text or "" for t in el.iter() if isinstance(t.tag, str)
                           and t.tag.endswith("}t")).strip():
                    paras[len(paras) + 1] = el
            elif el.tag == w("tbl"):
                order.append(el)
                tables[len(tables) + 1] = el
        return cls(root, body, paras, tables, order)

    def block_holding(self, p: etree._Element) -> etree._Element | None:
        """The top-level paragraph or table that holds paragraph ``p`` (None when ``p`` is in
        no block of the body, e.g. in a header)."""
        node = p
        while node is not None and node.getparent() is not self.body:
            node = node.getparent()
        return node

    def all_paragraphs(self) -> list[etree._Element]:
        return list(self.body.iter(w("p")))


def title_of(p: etree._Element) -> str:
    """The paragraph's title when it is a heading or opens with an inline title ("7. Data
    Security. The …"); else empty."""
    if p.tag != w("p"):
        return ""
    text = paragraph_text(p).strip()
    style = p.find(f"{w('pPr')}/{w('pStyle')}")
    if text and style is not None and _HEADING_STYLE.search(style.get(w("val"), "")):
        return text
    if text and is_heading(text):
        return text
    m = _INLINE_TITLE.match(text)
    return m.group(1) if m and is_heading(m.group(1)) else ""


def is_title(el: etree._Element) -> bool:
    """Whether ``el`` is a heading on a line of its own (not a paragraph with an inline title)."""
    text = paragraph_text(el).strip() if el.tag == w("p") else ""
    return bool(text) and title_of(el) == text


def past_heading(body: VendorBody, el: etree._Element) -> etree._Element:
    """Where to insert after ``el`` without parting a heading from its paragraph: ``el`` itself,
    or, when ``el`` is a heading, the last block of the section it opens."""
    if not is_title(el) or el not in body.order:
        return el
    i = body.order.index(el)
    while i + 1 < len(body.order) and not is_title(body.order[i + 1]):
        i += 1
    return body.order[i]


def before_heading(el: etree._Element) -> etree._Element:
    """Where to insert before ``el`` without parting a heading from its paragraph: ``el``, or the
    heading (or run of headings) right before it."""
    prev = el.getprevious()
    while prev is not None and is_title(prev):
        el, prev = prev, prev.getprevious()
    return el


def _stems(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", text.lower())
    return {x[:5] for x in words if len(x) >= 4 and x not in _STOP}


def signature_block(body: VendorBody) -> etree._Element | None:
    """The first block of the signature page (``IN WITNESS WHEREOF``, ``By:``, a signature
    table) in the last third of the body, or None."""
    start = len(body.order) * 2 // 3
    for el in body.order[start:]:
        text = " ".join(paragraph_text(p) for p in el.iter(w("p")))
        if _SIGNATURES.search(text):
            return el
    return None


def section_end(body: VendorBody, p: Provision, stop: etree._Element | None) -> etree._Element | None:
    """The last block of the section whose title shares words with the provision's title."""
    want = _stems(p.title)
    best, best_score = None, 0
    for i, el in enumerate(body.order):
        if el is stop:
            break
        score = len(want & _stems(title_of(el)))
        if score > best_score:
            best, best_score = i, score
    if best is None:
        return None
    end = best
    for j in range(best + 1, len(body.order)):
        el = body.order[j]
        if el is stop or title_of(el):
            break
        end = j
    return body.order[end]


# ---------------------------------------------------------------- finding a quoted sentence


def _squash(text: str) -> tuple[str, list[int]]:
    """The text as the check normalises it, lower case and without spaces, with the index in
    ``text`` of each character kept."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        norm = normalize(ch) if not ch.isascii() else ch
        for c in norm.lower():
            if not c.isspace():
                out.append(c)
                where.append(i)
    return "".join(out), where


class Quotes:
    """Paragraphs indexed for :meth:`find`: their text squashed once, so each quote costs one
    search of the joined text rather than a pass over every paragraph."""

    def __init__(self, paragraphs: list[etree._Element]) -> None:
        self.paragraphs = paragraphs
        self.texts = [paragraph_text(p) for p in paragraphs]
        squashed = [_squash(t) for t in self.texts]
        self.wheres = [where for _, where in squashed]
        self.starts: list[int] = []
        pos = 0
        for sq, _ in squashed:
            self.starts.append(pos)
            pos += len(sq) + 1
        self.joined = "\n".join(sq for sq, _ in squashed)  # "\n" is never in a squashed text

    def _hit(self, needle: str) -> tuple[int, int] | None:
        """(paragraph index, offset in its squashed text) of the first copy of ``needle``."""
        i = self.joined.find(needle)
        if i < 0:
            return None
        k = bisect.bisect_right(self.starts, i) - 1
        return k, i - self.starts[k]

    def find(self, quote: str) -> tuple[etree._Element, int, int] | None:
        """Where the check's quote lies in one of the paragraphs: (paragraph, start, end) in the
        paragraph's text. A list item is quoted with its lead-in and a table row with its
        header, so the longest tail of the quote found in a single paragraph is taken."""
        truncated = quote.endswith("…")
        q = unicodedata.normalize("NFKC", quote.rstrip("…")).replace("*", "")
        starts = [0] + [m.end() for m in re.finditer(r"[:|]\s+|\s+", q)]
        for s in starts:
            needle, _ = _squash(q[s:])
            if len(needle) < 12 and s:
                break
            hit = self._hit(needle) if needle else None
            if hit is None:
                continue
            k, i = hit
            text, where = self.texts[k], self.wheres[k]
            a, b = where[i], where[i + len(needle) - 1] + 1
            if truncated:
                m = re.search(r"[.!?](?=\s|$)", text[b:])
                b = b + m.end() if m else len(text)
            return self.paragraphs[k], a, b
        return None


def find_quote(quote: str, paragraphs: list[etree._Element]) -> tuple[etree._Element, int, int] | None:
    """:meth:`Quotes.find` over ``paragraphs``."""
    return Quotes(paragraphs).find(quote)
