"""Statute citations in our documents: finding them, whether each was verified against the
statute's text (``library.yaml``'s ``citations``), and marking the unverified ones "(to confirm)"
where a reader sees them. One rule for the trace, the reports and the letters."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.models import Library

_SECTION = r"§\s*(?P<sec>\d+-\d+[a-z]*)(?P<sub>(?:\([a-z0-9]+\))*)(?P<more>(?:,\s*\([a-z]\)(?:\(\d+\))*)*)"
CITATION = re.compile(
    r"§§\s*(?P<range>\d+-\d+[a-z]*\s+to\s+\d+-\d+[a-z]*)"
    rf"|{_SECTION}"
    r"|(?P<usc>\d+\s+U\.S\.C\.\s+§\s*\d+[a-z]*)"
    r"|(?P<cfr>\d+\s+C\.F\.R\.\s+(?:Part\s+\d+|§\s*\d+(?:\.\d+)?))"
    r"|(?P<act>P\.A\.\s+\d+-\d+)")

#: The words that follow a citation not checked against the statute's text.
TO_CONFIRM = "to confirm"
_ALREADY_MARKED = re.compile(r"[\s,:;(]*to confirm", re.I)


def _cites(m: re.Match) -> list[str]:
    if m.group("range"):
        return ["§§ " + " ".join(m.group("range").split())]
    if m.group("sec"):
        section, sub, more = m.group("sec"), m.group("sub"), m.group("more")
        return [f"§ {section}{sub}"] + [f"§ {section}{s}" for s in re.findall(r"\([a-z]\)(?:\(\d+\))*", more)]
    return [" ".join((m.group("usc") or m.group("cfr") or m.group("act")).split())]


def citations_in(text: str) -> list[str]:
    """Every statute or regulation cited in ``text``, normalised ("§ 10-234bb(a)(1)", "§§ 10-234aa
    to 10-234dd", "20 U.S.C. § 1232g"), in order of first appearance, each once. "§ 10-234bb(e),
    (f)" gives both subsections."""
    found: list[str] = []
    for m in CITATION.finditer(text):
        found += [c for c in _cites(m) if c not in found]
    return found


@dataclass
class CitationCheck:
    citation: str
    verified: bool
    note: str


def check_citation(library: Library, citation: str) -> CitationCheck:
    """Whether ``citation`` was verified against the statute's text (``library.yaml``'s
    ``citations``), with where it was read or why it is still to confirm."""
    if citation in library.citations.verified:
        return CitationCheck(citation, True, library.citations.verified[citation])
    note = library.citations.to_confirm.get(citation, "not checked against the statute's text")
    return CitationCheck(citation, False, note)


def mark_unconfirmed(text: str, library: Library) -> str:
    """``text`` with "(to confirm)" after each citation not verified against the statute's text
    (:func:`check_citation`), so a reader sees it where the citation is printed. A citation
    naming several subsections, only some unverified, names those: "§ 10-234bb(a), (e) (to
    confirm: (e))". A
    citation already followed by "to confirm" is left as it is, so marking twice changes nothing."""
    out: list[str] = []
    last = 0
    for m in CITATION.finditer(text):
        unverified = [c for c in _cites(m) if not check_citation(library, c).verified]
        if not unverified or _ALREADY_MARKED.match(text, m.end()):
            continue
        cites = _cites(m)
        if len(unverified) == len(cites):
            mark = f" ({TO_CONFIRM})"
        else:  # subsections of one section: named by their letters, so no "§" is marked again
            mark = f" ({TO_CONFIRM}: {', '.join(c[len('§ ' + m.group('sec')):] for c in unverified)})"
        out += [text[last:m.end()], mark]
        last = m.end()
    return "".join(out) + text[last:]
