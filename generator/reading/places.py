"""Where a sentence is, said as the vendor would find it: its own section number and heading
("§ 7 Governing Law, second sentence"), a table's row, a PDF's page; the reader's own count of
paragraphs (or a text's lines) only when the document has no structure to cite. The one place
that decides how a location reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.reading.lines import is_heading

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# a section's number at the start of a line: "7.", "7.2", "7)", "Section 7.", "Article 7 -", "§ 7", "7 "
_NUMBER = re.compile(r"^(?:(?:section|article|clause|§)\s*)?(\d{1,3}(?:\.\d{1,3})*)(?:[.):]|\s+[-–—:]?)\s*(?=\S)",
                     re.I)
_TITLE_END = re.compile(r"\.\s+(?=\S)")  # "Governing Law. This Agreement …": the title ends at the stop


@dataclass
class Place:
    """What is known of where a sentence is.

    ``where`` is the reader's own position of its text (``page 3``, ``paragraph 12``,
    ``table 2``, ``line 40``, ``footnote 1``); ``number`` and ``title`` the vendor's section
    it is in (either may be empty); ``paragraph`` / ``paragraphs`` its paragraph within that
    section and how many the section has; ``sentence`` / ``sentences`` the same for its
    sentence within its paragraph; ``row`` its row in a table (the header row is row 1)."""

    where: str
    number: str = ""
    title: str = ""
    paragraph: int = 0
    paragraphs: int = 0
    sentence: int = 0
    sentences: int = 0
    row: int = 0
    heading: bool = False


def section_of(line: str, heading: bool) -> tuple[str, str] | None:
    """The section a line opens, as (number, title), or None when it opens none.

    A heading opens a section ("7. Governing Law" → ("7", "Governing Law"); "Governing Law" →
    ("", "Governing Law")); so does a numbered paragraph, with the title it opens with when it
    has one ("7. Governing Law. This Agreement …" → ("7", "Governing Law"); "7. The Vendor
    shall …" → ("7", ""))."""
    m = _NUMBER.match(line)
    number = m.group(1) if m else ""
    rest = line[m.end():] if m else line
    if heading:
        return number, rest.strip().rstrip(".:").strip()
    if not number:
        return None
    cut = _TITLE_END.search(rest)
    if cut is None and len(rest) <= 80 and not rest.rstrip().endswith((".", ";", ":", ",")):
        return number, rest.strip()  # "1. Student data is not the contractor's": a title on its own line
    title = rest[:cut.start()].strip() if cut else ""
    return number, title if title and len(title) <= 60 and is_heading(title) else ""


def _ordinal(n: int) -> str:
    return _ORDINALS[n - 1] if 0 < n <= len(_ORDINALS) else f"number {n}"


def describe(place: Place) -> str:
    """The location a vendor recognises.

    In a section: ``§ 7 Governing Law`` (or ``§ 7``, or ``the section “Governing Law”``), then
    the paragraph when the section has several (``paragraph 2``), the sentence when its
    paragraph has several (``second sentence``) or the table row (``table 1, row 3``), and for
    a PDF the page (``(page 3)``). Outside any section: the page of a PDF, a table's row, else
    the reader's paragraph. A text without paragraphs is cited by line (``§ 7 Law, line 40``,
    ``line 40, second sentence``): a line number is exact where headings may be running
    headers."""
    page = place.where if place.where.startswith("page ") else ""
    table = place.where if place.where.startswith("table ") else ""
    parts: list[str] = []
    if place.where.startswith("line "):  # a text without paragraphs: its line numbers are exact
        parts = [f"§ {place.number}" + (f" {place.title}" if place.title else "")] if place.number else []
        parts.append(place.where)
        if place.sentences > 1 and place.sentence and not place.heading:
            parts.append(f"{_ordinal(place.sentence)} sentence")
        return ", ".join(parts)
    if place.number or place.title:
        if place.number:
            parts.append(f"§ {place.number}" + (f" {place.title}" if place.title else ""))
        else:
            parts.append(f"the section “{place.title}”")
        if place.heading:
            return parts[0] + (f" ({page})" if page else "")
        if table:
            parts.append(f"{table}, row {place.row}" if place.row else table)
        elif place.paragraphs > 1:
            parts.append(f"paragraph {place.paragraph}")
    elif table:
        parts.append(f"{table}, row {place.row}" if place.row else table)
    elif page:
        return page  # a page holds many paragraphs: the page alone is what a reader can use
    else:
        parts.append(place.where)
    if not table and place.sentences > 1 and place.sentence:
        parts.append(f"{_ordinal(place.sentence)} sentence")
    text = ", ".join(parts)
    return f"{text} ({page})" if page and (place.number or place.title) else text


def _opens(number: str, current: str) -> bool:
    """Whether a numbered paragraph "``number``." opens a section of its own after section
    ``current``: the first numbered one, a later top-level number ("8" after "7") or a
    subsection of the current one ("7.2" in "7"); a "1." inside § 5 is an item of § 5."""
    if not current:
        return True
    top, cur = number.split(".")[0], current.split(".")[0]
    return int(top) > int(cur) or ("." in number and top == cur and number != current)


class Places:
    """The places of a document's sentences, built as :func:`generator.reading.sentences.sentences`
    reads its lines in order: :meth:`line` for each logical line, :meth:`sentence` for each
    sentence of it, and :meth:`labels` at the end."""

    def __init__(self) -> None:
        self.number = self.title = self.inline = ""
        self.lines = 0  # logical lines read
        self.section = 0  # sections seen, to count each one's paragraphs
        self.blocks: dict[int, tuple[int, int]] = {}  # block → (its section, its paragraph there)
        self.in_section: dict[int, int] = {}  # section → paragraphs so far
        self.per_block: dict[int, int] = {}  # block → sentences so far
        self.current = Place("")
        self.places: list[tuple[Place, int]] = []  # each sentence's place and block

    def line(self, text: str, where: str, block: int, *, heading: bool, item: bool, row: int = 0) -> None:
        """A logical line ``text`` at ``where`` in paragraph ``block``; ``item`` when it is an
        item of a lead-in's list (it opens no section); ``row`` its row in a table."""
        opened = None if item or where.startswith(("table ", "footnote", "endnote", "header", "footer")) \
            else section_of(text, heading)
        if opened and heading and not opened[0] and not self.lines:
            opened = None  # the document's own title opens no section
        self.lines += 1
        self.inline = ""
        if opened and (heading or _opens(opened[0], self.number)):
            # a numbered title on a line of its own is the section's heading, not a paragraph
            heading = heading or bool(opened[1]) and text.rstrip().endswith(opened[1])
            self.number, self.title = opened
            self.section += 1
            # "7. Governing Law. This …": the title is read as a sentence of its own; it is no sentence to cite
            self.inline = "" if heading or not opened[1] else f"{opened[0]}. {opened[1]}."
        if not heading and block not in self.blocks:
            n = self.in_section.get(self.section, 0) + 1
            self.in_section[self.section] = n
            self.blocks[block] = (self.section, n)
        self.current = Place(where, self.number, self.title, row=row, heading=heading)

    def sentence(self, block: int, text: str = "") -> None:
        """One more sentence, ``text``, of the current line, in paragraph ``block``."""
        if self.inline and " ".join(text.split()) == self.inline:
            self.inline = ""
            self.places.append((Place(**{**self.current.__dict__, "heading": True}), block))
            return
        n = self.per_block.get(block, 0) + 1
        self.per_block[block] = n
        self.places.append((Place(**{**self.current.__dict__, "sentence": n}), block))

    def labels(self) -> list[str]:
        """Each sentence's location, in order (see :func:`describe`)."""
        out = []
        for place, block in self.places:
            section, paragraph = self.blocks.get(block, (0, 0))
            place.paragraph, place.paragraphs = paragraph, self.in_section.get(section, 0)
            place.sentences = self.per_block.get(block, 0)
            out.append(describe(place))
        return out
