"""A contract's sentences: list items with their lead-in, table rows with their header, headings
marked, Markdown dropped; every step linear in the length of the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.reading.extract import Document
from generator.reading.lines import abbreviated, is_heading
from generator.reading.places import Places

_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9§])")
# emphasis, code, heading and quote marks, and a link's target ("[text](target)" reads "[text]");
# a target never holds "(", so each "(" is scanned past once: linear on "](](](..."
# (two or three underscores against a word or after a sentence's end, "__bold__", "___bold
# italic.___"; a form's blank, a run that touches no word or is longer, is kept: "within ____
# days", "Name:______", "___/___/____")
_MARKUP = re.compile(r"\*\*|(?<!_)_{2,3}(?=[^\W_])|(?<=[^\W_]|[.!?)])_{2,3}(?!_)|`|^#+\s*|^>\s*|(?<=\])\([^()\s]*\)"
                     r"|(?<=\]) \((?:https?:|mailto:|/|#)[^()\s]*\)")  # a link wrapped between "]" and "("
_TABLE_RULE = re.compile(r"^\|[\s:|-]+$")
# a clause's number or a list item's marker before its words ("6.1 You agree", "Section 4.2. The
# Provider", "(b) Customer", "iv) We"): the sentence is read from its first word (the number
# stays in its location)
_NUMBERED = re.compile(r"^\s*(?:(?:(?i:section|article|clause)|§{1,2})\s*)?(?:\d{1,3}(?:\.\d{1,3}){0,4}\.?\)?"
                       r"|\(?(?:[a-zA-Z]|[ivxIVX]{1,5})\)|[a-zA-Z]\.)\s+(?=[\"'“(\[]?[A-Z])"
                       # ... not an amount ("72 Hours after ...", "34 C.F.R.", "20 U.S.C.")
                       r"(?!(?:Hours?|Days?|Business|Calendar|Working|Weeks?|Months?|Years?|Minutes?|Percent|Dollars|"
                       r"C\.\s?F\.\s?R|U\.\s?S\.\s?C|CFR|USC)\b)")
_ITEM = re.compile(r"^(?:[-*•+]\s+|\d{1,2}[.)]\s+|\(?[a-z]\)\s+|[✅❌✓✗☐]\s*)")
# a form field: a blank to fill in ("____", "[ ]", "[Date]") or a label with its value ("Vendor: Acme:")
_FIELD = re.compile(r"(?:_{3,}|\[[^\]]{0,40}\])\s*:$|^[^:]{1,40}:\s*\S[^:]*:$")
_DUTY = re.compile(r"\b(?:shall|will|must|may|agrees?|can|should|not|never|won't)\b", re.I)

# an FAQ's yes-or-no question about the one answering, and an answer that says no
_YES_NO = re.compile(r"^\W*(?:do|does|will|would|can|could|may|is|are)\s+(?:you|we|(?-i:[A-Z][\w-]*))\s+(?:ever\s+)?(.+?)\?$",
                     re.I)
_NO = re.compile(r"^\W*(?:no|never|not)\b[,.!;:]?\s*", re.I)

LEAD_SPAN = 12  # list items after a lead-in ("The Provider will not:") that are read with it
ANSWER_SPAN = 1  # sentences after a question ("Q: Who owns student data?") read with it: its answer
MAX_SENTENCE = 2000  # a longer run of text is cut at spaces: no sentence is that long


@dataclass
class Sentence:
    text: str
    location: str
    body: str = ""  # the sentence without its list lead-in
    heading: bool = False  # a heading names a topic; it states no term
    block: int = 0  # the paragraph it is in: sentences of one paragraph may be read together

    def __post_init__(self) -> None:
        self.body = self.body or self.text


def _split_sentences(line: str) -> list[str]:
    """``line`` cut into sentences; an abbreviation or clause number ("U.S.C.", "6.") ends none.
    Pieces are collected in lists and joined once, so a million "A. " stay linear."""
    parts: list[list[str]] = []
    tail = ""  # the last 40 characters of the sentence being built
    for piece in _SPLIT.split(line):
        # only a piece's end can be an abbreviation: look at its last 40 characters, not all of it
        if parts and abbreviated(tail):
            parts[-1].append(piece)
            tail = (tail + " " + piece)[-40:]
        else:
            parts.append([piece])
            tail = piece[-40:]
    return [" ".join(p) for p in parts]


def answered(question: str, answer: str) -> str:
    """``answer`` read with the ``question`` it answers. A "no" to a yes-or-no question about the one
    answering is its denial: "Do you sell my data?" / "No, never." reads "We do not sell my data,
    never."; any other "no" is read alone, the question's words denied ("Is it governed by
    Connecticut law? No, by Delaware's."); any other answer follows its question ("What if the
    company is bought? Your data moves to the new owner.")."""
    asked, no = _YES_NO.match(question), _NO.match(answer)
    if asked and no:
        rest = answer[no.end():].strip()
        return f"We do not {asked.group(1)}" + (f", {rest}" if rest.strip(" .!") else ".")
    return answer if no else f"{question} {answer}"


def _chunks(part: str) -> list[str]:
    """A run-on longer than 600 characters cut at semicolons, and anything still longer than
    ``MAX_SENTENCE`` at spaces."""
    if len(part) <= 600:
        return [part]
    out = []
    for chunk in re.split(r"(?<=;)\s+", part):
        while len(chunk) > MAX_SENTENCE:
            cut = chunk.rfind(" ", 0, MAX_SENTENCE)
            cut = cut if cut > 0 else MAX_SENTENCE
            out.append(chunk[:cut])
            chunk = chunk[cut:].lstrip()
        out.append(chunk)
    return out


def _item_kind(line: str) -> str | None:
    """The kind of list marker ``line`` starts with ("-", "1.", "(a)"), or None."""
    m = _ITEM.match(line)
    if not m:
        return None
    mark = m.group().strip()
    if mark[:1].isdigit():
        return "1" + mark[-1]
    if mark[-1:] == ")" and mark[-2:-1].isalpha():
        return "(a)" if mark.startswith("(") else "a)"
    return mark[:1]


def _is_lead(part: str) -> bool:
    """A sentence ending in a colon that introduces a list. A form field does not: a blank
    before the colon ("Term: ____:", "Date [MM/DD/YYYY]:") or a label and its value ("Vendor
    contact: Dana Reyes:") with no duty in it ("Security: The Vendor shall:" is a lead-in, and so
    is "[Vendor] shall not:")."""
    if not part.endswith(":"):
        return False
    m = _FIELD.search(part)
    return m is None or not m.group().startswith(("_", "[")) and bool(_DUTY.search(part))


@dataclass
class _Lead:
    """A lead-in and the state of the list it leads."""

    text: str
    block: int
    own_kind: str | None  # the lead-in's own marker: a line with it is the lead-in's sibling
    left: int = LEAD_SPAN
    kind: str | None = None  # the first item's marker ("" for an unmarked list)
    first_end: str = ""  # how the first unmarked item ends ("." or ":" ...): its siblings end so too
    more: bool = False  # the last item ended with ";", "," or "and"/"or": the list goes on

    def takes(self, line: str, kind: str | None, parts: list[str]) -> bool:
        """Whether ``line`` (an item of ``kind``, or unmarked) is an item of this list."""
        if self.left <= 0:
            return False
        if kind is not None:  # an item of the list or nested in it; not a sibling of the lead-in
            return kind != self.own_kind and not _titled(parts)
        if len(line) >= 400:
            return False
        if self.kind is None:  # the line right after the lead-in completes it
            return True
        return self.kind == "" and (self.more or _end(line) == self.first_end)

    def took(self, line: str, kind: str | None) -> None:
        if self.kind is None:
            self.kind, self.first_end = kind or "", _end(line)
        self.left -= 1
        self.more = line.endswith((";", ",", " and", " or"))


def _end(line: str) -> str:
    return line[-1] if line[-1:] in ".;:," else ""


def _titled(parts: list[str]) -> bool:
    """Whether a numbered line is a provision with its own title ("6. Notice of Breach. If ...")."""
    return len(parts) > 1 and is_heading(parts[0].rstrip("."))


def sentences(doc: Document) -> list[Sentence]:
    """The document's sentences (list items and table rows count as sentences), with locations.

    Headings are kept but marked: they name a topic and state no term. A table row is read
    with the table's header row.

    A lead-in ("The Provider shall not:") is read together with the items of its list, up to
    ``LEAD_SPAN`` of them, so an item keeps its lead-in's negation. Its items are the lines that
    follow it with a list marker ("-", "1.", "(a)") other than the lead-in's own (a line with the
    lead-in's marker is its sibling and ends the list), or, when the first line after it has no
    marker, the unmarked lines that end as that first one does ("." or ":") or follow one ending
    in ";" or ",". An item ending in a colon leads a nested list. A heading, a line that is no
    item, and a numbered provision with its own title ("6. Notice of Breach. If ...") end the
    list; a form field ending in a colon ("Term: ____:") leads nothing. An item is in its
    lead-in's paragraph (``block``).

    A question ("Q: Who owns student data?", a FAQ's heading) is read with the sentence that
    answers it (``ANSWER_SPAN``), before the next question or heading: "The district does." says
    who owns what only with its question (see :func:`answered`; the check counts an answer only
    where its own words meet the rule, so the question names the topic, not the duty).

    Markdown emphasis and link targets are dropped; abbreviations such as ``U.S.C.`` do not end
    a sentence; a run-on longer than 600 characters is cut at semicolons.

    The sentences of the last few documents are kept by their text (a document checked again,
    redlined or vetted is not cut again; :func:`forget_sentences` empties them): the list is the
    caller's, the sentences in it are shared and must not be changed.
    """
    return list(_sentences(tuple((seg.text, seg.location) for seg in doc.segments)))


def forget_sentences() -> None:
    """Empty the sentences kept by document text (see :func:`sentences`)."""
    _sentences.cache_clear()


@lru_cache(maxsize=8)
def _sentences(segments: tuple[tuple[str, str], ...]) -> tuple[Sentence, ...]:
    """:func:`sentences` of a document given as its segments' (text, location)."""
    out: list[Sentence] = []
    leads: list[_Lead] = []  # the lead-ins in force, outermost first
    header = ""  # a table's header row, read with each of its rows
    block = 0
    places = Places()  # where each sentence is, as the vendor would cite it
    question, answers = "", 0  # the question in force and how many of its answer's sentences are still to come
    for seg_text, seg_location in segments:
        row = 0
        for raw in seg_text.split("\n"):
            line = raw.strip()
            if not line:
                continue
            row += 1
            block += 1  # a logical line is a paragraph (a list item joins its lead-in's)
            heading = line.startswith("#")
            if "*" in line or "_" in line or "`" in line or "](" in line or line[:1] in ("#", ">"):
                line = _MARKUP.sub("", line).strip()
            if not line:
                continue
            heading = heading or is_heading(line)
            if heading and not line.endswith("?"):
                answers = 0  # a heading ends the answer
            if line.startswith("|"):
                if _TABLE_RULE.match(line):
                    continue
                if not header:
                    header = line
                else:
                    places.line(line, seg_location, block, heading=False, item=True, row=row)
                    places.sentence(block)
                    out.append(Sentence(f"{header} {line}", seg_location, line, block=block))
                    continue
            else:
                header = ""
            parts = _split_sentences(line)
            kind = _item_kind(line)
            if heading:
                leads.clear()
            while leads and not leads[-1].takes(line, kind, parts):
                leads.pop()
            prefix = ""
            if leads:
                leads[-1].took(line, kind)
                prefix, block = leads[-1].text + " ", leads[-1].block
            places.line(line, seg_location, block, heading=heading, item=bool(prefix), row=row)
            if _is_lead(parts[-1]) and not heading:
                lead = parts[-1] if len(parts) > 1 else _NUMBERED.sub("", parts[-1], count=1)
                leads.append(_Lead((prefix + lead).strip(), block, kind))
            for n, part in enumerate(parts):
                for k, c in enumerate(_chunks(part)):
                    if c.strip():
                        places.sentence(block, c.strip())
                        if n == k == 0:  # the line's own number or marker is where it is (its location), not what it says
                            c = _NUMBERED.sub("", c, count=1)
                        c = c.strip()
                        asked = bool(answers) and not c.endswith("?")
                        text = answered(question, prefix + c) if asked else prefix + c
                        out.append(Sentence(text, seg_location, c, heading, block))
                        if c.endswith("?"):
                            question, answers = c, ANSWER_SPAN
                        elif asked:
                            answers -= 1
    for s, label in zip(out, places.labels()):
        s.location = label
    return tuple(out)
