"""What an amendment leaves in force. An amendment that deletes, strikes or replaces words of an
earlier agreement names the words it takes out, quoted or described: they are no longer a term, and
reading them as one calls a gap present. The patterns and the frames read a sentence with the words
it removes taken out (:func:`in_force`); the card still quotes the document's own words.

    in_force('Section 16 is amended by deleting "Connecticut" and inserting "Delaware".')
        == 'Section 16 is amended by deleting "" and inserting "Delaware".'
    in_force("Section 8, under which Vendor shall protect Student Data, is deleted in its entirety.") == ""
"""

from __future__ import annotations

import re

# every amendment this module reads names one of these (a verb of _VERB, or a participle of _PART_REMOVED but
# "withdrawn", which the first gate, a regex, left out): a sentence without any is left as it is, tested as plain
# substrings, since every sentence of a document is read here
_REMOVING = ("deleting", "striking", "removing", "replacing", "omitting", "rescinding", "deleted", "struck", "stricken",
             "removed", "repealed", "rescinded", "omitted")
_WITHIN = r"(?:[^.;]|\.(?=\d))"  # a character of the same sentence: "Section 3.1" does not end it
_VERB = r"(?:deleting|striking|striking out|removing|replacing|omitting|rescinding)"
# the quoted words an amendment takes out: 'deleting the words "within 72 hours"', 'replacing "may" with "shall"'
_QUOTED = re.compile(rf"\b{_VERB}\s+(?:(?:the|its)\s+)?(?:(?:words?|phrases?|text|language|term|clause|sentence)\s+)?"
                     r"(?:[“\"][^”\"]{1,500}[”\"])", re.I)
_QUOTE = re.compile(r"[“\"][^”\"]{1,500}[”\"]")
# a described part it takes out: "amended by deleting its second sentence, which had required ...",
# "replacing the prior reference to California with ..."; up to what it puts in its place
_DESCRIBED = re.compile(rf"\b(?P<verb>{_VERB})\s+(?:the\s+|its\s+)?(?:(?:first|second|third|fourth|last|final|prior|former|previous|existing|"
                        r"old|\w+)\s+)?(?:sentence|clause|paragraph|subsection|proviso|requirement|obligation|reference|references|"
                        r"mention)\b(?:[^“\".;]|\.(?=\d))*?(?=,?\s*(?:and\s+)?(?:insert|add|substitut|so that|to read|replac\w* (?:it|them|with))|[.;]|$)",
                        re.I)
# a part named as the subject, then removed: "Section 8 (Security), under which ..., is deleted in its
# entirety", "The sentence in Section 3.1 stating that ... is hereby struck"; what follows ("and replaced
# with ...", ", and the Vendor shall ...") stays
_PART = (r"(?:the\s+|this\s+|that\s+|its\s+)?(?:(?:first|second|third|fourth|last|final|former|prior|previous|old|existing)\s+)?"
         r"(?:section|sections|sentence|clause|paragraph|subsection|article|provision|exhibit|schedule|appendix|"
         r"language|words|phrase|text|requirement|obligation)\b")
_PART_REMOVED = re.compile(rf"^\W*{_PART}{_WITHIN}*?\b(?:is|are)\s+(?:hereby\s+)?(?:deleted|struck|stricken|"
                           r"removed|repealed|rescinded|withdrawn|omitted)\b(?:\s+in\s+(?:its|their)\s+entirety)?", re.I)
# a term about an invalid provision (severability) deletes nothing from the agreement
_INVALID = re.compile(r"\b(?:invalid|unenforceable|illegal|void|unlawful)\b", re.I)


_MARKER = re.compile(r"^\s*(?:\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,4})[.)]|§+\s*\d[\w.]*)\s+", re.I)


def without_marker(text: str) -> str:
    """``text`` without the list item's number or letter it starts with ("3. Section 7 ...", "(b) the Vendor ..."),
    so that what a sentence opens with can be read; the same text when it has none."""
    return _MARKER.sub("", text, count=1)


def _put_in_place(m: re.Match[str]) -> str:
    """What stays of a described part an amendment takes out: nothing, or for "replacing ... with ...",
    what it is replaced with."""
    cut = m.group(0).lower().find(" with ") if m.group("verb").lower().startswith("replac") else -1
    return m.group(0)[cut + 1:] if cut >= 0 else ""


def in_force(text: str) -> str:
    """``text`` with the words an amendment in it removes taken out: quoted words it deletes,
    strikes or replaces; a sentence, reference or requirement it describes and deletes; a part
    named as the subject and then deleted. What it puts in their place stays. The same text
    when it removes nothing."""
    low = text.lower()
    if not any(word in low for word in _REMOVING) or _INVALID.search(text):
        return text
    text = _QUOTED.sub(lambda m: _QUOTE.sub('""', m.group(0)), text)
    text = _DESCRIBED.sub(_put_in_place, text)
    return _PART_REMOVED.sub("", without_marker(text), count=1).lstrip(" .;,").rstrip()


# a term that prevails over another: "Notwithstanding Section 11.1, ...", "Notwithstanding anything to the contrary
# in the Agreement, ...", "Notwithstanding the foregoing, ..." (what comes before it only); the part it names
_NOTWITHSTANDING = re.compile(r"^\W*(?:[\w.()§]+\s+)?notwithstanding\s+(?:(?:section|clause|paragraph|article|§)\s*(?P<part>\d+(?:\.\d+)*)"
                              r"|(?P<before>the foregoing|the preceding)|anything|any (?:other )?(?:provision|term|section)|(?:the|this) "
                              r"(?:agreement|terms))\b", re.I)
# a term that gives way to another part: "governed by New York law, except as provided in Exhibit C"
_YIELDS = re.compile(r"\b(?:except as (?:otherwise )?(?:provided|set out|set forth|stated) in|subject to) (?:the )?"
                     r"(?P<part>(?:exhibit|schedule|section|addendum|rider|appendix|annex)\s+[\w.-]+)", re.I)


def _names(where: str, part: str) -> bool:
    """Whether a location ("§ 11.1 Governing Law", "the section “Exhibit C - Terms”, paragraph 2") is in ``part``
    ("Section 11.1", "11.1", "Exhibit C")."""
    kind, _, name = part.rpartition(" ")
    name = re.escape(name.rstrip(".,;"))
    if kind.lower() in ("", "section", "clause", "article", "paragraph", "§"):
        return bool(re.search(rf"(?:§|section|clause|article)\s*{name}(?![\d.]*\d)", where, re.I))
    return bool(re.search(rf"\b{re.escape(kind)}\s+{name}\b", where, re.I))


def gives_way(term: tuple[str, str, int], other: tuple[str, str, int]) -> bool:
    """Whether ``other``, a term that would defeat ``term`` (each its text, its location and its place in the
    document), gives way to it: ``term`` prevails notwithstanding anything else, the part ``other`` is in, or what
    comes before it when ``other`` does; or ``other`` yields to the part ``term`` is in."""
    m = _NOTWITHSTANDING.search(without_marker(term[0]))
    if m and ((m.group("part") and _names(other[1], m.group("part"))) or (m.group("before") and other[2] < term[2])
              or not (m.group("part") or m.group("before"))):
        return True
    y = _YIELDS.search(other[0])
    return bool(y and (_names(term[1], y.group("part")) or _names(term[0][:40], y.group("part"))))  # its place or label
