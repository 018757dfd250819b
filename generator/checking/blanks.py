"""Procedures left blank. A term may give its procedure as "the following:" or in a named schedule or exhibit
("by following the procedure set out in Schedule B-2"); where the document holds only a placeholder there
("[INSERT PROCEDURES]", "[Contractor to furnish the procedure before go-live.]"), the procedure is blank: a
provision that is a procedure (review and correction) is then only partly there."""

from __future__ import annotations

import re

# a bracketed instruction standing alone, or a paragraph that says the text is still to come
_PLACEHOLDER = re.compile(r"^\W*\[[^\]]{1,300}\]\W*$|^\W*(?:to be (?:provided|furnished|supplied|attached|completed|"
                          r"inserted|added|agreed)|tbd|\[?reserved\]?)\W*$", re.I)
# a part of the document named as where a procedure is: "Schedule B-2", "Exhibit C", "Appendix 3"
_PART = re.compile(r"\b(schedule|exhibit|appendix|annex|attachment)\s+([A-Z0-9]+(?:[.-][A-Z0-9]+)*)\b", re.I)
_POINTS = re.compile(r"\b(?:set out|set forth|described|contained|provided|specified|stated|found)\s+in\b|"
                     r"\b(?:follow|following|under|per|pursuant to|in accordance with)\s+(?:the\s+)?(?:\w+\s+){0,3}?"
                     r"(?:procedures?|process|protocols?)\s+(?:in|of|at)\b|\bshall\s+describe\s+in\b", re.I)


def _part_of(text: str) -> tuple[str, str] | None:
    """The part a heading opens ("SCHEDULE B-2", "Exhibit C - Procedures"), as (kind, name) in lower case."""
    m = _PART.match(text.strip())
    return (m.group(1).lower(), m.group(2).lower()) if m else None


def _bracketed(rows: list[tuple[str, bool]]) -> str:
    """The text at the start of ``rows``: up to the sentence that closes a bracket it opens (at most five), or
    the first sentence."""
    if not rows:
        return ""
    if not rows[0][0].lstrip().startswith("["):
        return rows[0][0]
    taken = []
    for text, _ in rows[:5]:
        taken.append(text)
        if "]" in text:
            break
    return " ".join(taken)


def blank_procedures(rows: list[tuple[str, bool]]) -> set[int]:
    """The indices of ``rows`` (a document's sentences in order, each with whether it is a heading) whose
    procedure is blank: a sentence that ends in a colon followed by a placeholder, or one that points to a
    named schedule or exhibit whose body holds only placeholders (or nothing)."""
    blank_parts: set[tuple[str, str]] = set()
    for i, (text, heading) in enumerate(rows):
        part = _part_of(text) if heading else None
        if part is None:
            continue
        body = []
        for later, is_heading in rows[i + 1:]:
            if is_heading and _part_of(later):
                break  # the next part begins
            if not is_heading:
                body.append(later)
        if not body or _PLACEHOLDER.search(" ".join(body)):  # a bracket the reader cut into sentences is one
            blank_parts.add(part)
    out = set()
    for i, (text, heading) in enumerate(rows):
        if heading:
            continue
        if text.rstrip().endswith(":") and _PLACEHOLDER.search(_bracketed(rows[i + 1:])):
            out.add(i)
        elif blank_parts and _POINTS.search(text) and any((k.lower(), n.lower()) in blank_parts for k, n in _PART.findall(text)):
            out.add(i)
    return out
