"""Gap analysis of a contract against the clause library: each provision present, partial or
missing with quoted evidence, and every conflicting term. All rules come from ``clauses/``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .extract import Document, is_heading
from .library import default_library
from .models import Conflict, ConflictRule, Evidence, Finding, GapReport, Library, Provision, Rule

MAX_QUOTE = 400
MAX_EVIDENCE = 3
_FLAGS = re.I | re.S
_ABBREV = re.compile(r"(?:^\W*[\dA-Za-z]{1,3}(?:\.\d+)*\.$|\b(?:Section|Article|Clause|Paragraph|Part)\s+[\w.()]+\.$|\b(?:[A-Z]|U\.S|e\.g|i\.e|etc|Inc|Ltd|Co|Corp|No|Sec|Stat|Gen|Conn|St|Mr|Ms|Dr|vs|v|seq|C\.F\.R|U\.S\.C)\.|§)$")
_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9§])")
_CLAUSE = re.compile(r";|\s(?:but|however|although|whereas|except that|provided,? however)\b,?", re.I)
_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30}
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10,
          "fourteen": 14, "fifteen": 15, "twenty": 20, "twenty-four": 24, "thirty": 30,
          "forty-eight": 48, "sixty": 60, "seventy-two": 72, "ninety": 90}


@dataclass
class Sentence:
    text: str
    location: str
    body: str = ""  # the sentence without its list lead-in

    def __post_init__(self) -> None:
        self.body = self.body or self.text


_ITEM = re.compile(r"^(?:[-*•+]\s+|\d{1,2}[.)]\s+|\(?[a-z]\)\s+|[✅❌✓✗☐]\s*)")


LEAD_SPAN = 12  # lines after a lead-in ("The Provider will not:") that are read with it


def _split_sentences(line: str) -> list[str]:
    parts: list[str] = []
    for piece in _SPLIT.split(line):
        if parts and _ABBREV.search(parts[-1]):
            parts[-1] += " " + piece
        else:
            parts.append(piece)
    return parts


def sentences(doc: Document) -> list[Sentence]:
    """The document's sentences (list items and table rows count as sentences), with locations.

    The lines that follow a lead-in ("The Provider shall not:"), bulleted or not, are read
    together with it, so an item keeps its lead-in's negation; a heading, a long paragraph or
    ``LEAD_SPAN`` lines end the list. Markdown emphasis is dropped; abbreviations such as
    ``U.S.C.`` do not end a sentence; a run-on longer than 600 characters is cut at semicolons.
    """
    out: list[Sentence] = []
    lead, left = "", 0
    for seg in doc.segments:
        for raw in seg.text.split("\n"):
            heading = is_heading(raw.strip())
            line = re.sub(r"\*\*|__(?=\w)|(?<=\w)__|`|^#+\s*|^>\s*", "", raw.strip()).strip()
            if not line:
                continue
            inherits = bool(lead) and not heading and left > 0 and (len(line) < 400 or _ITEM.match(line))
            prefix = f"{lead} " if inherits else ""
            left = left - 1 if inherits else 0
            if not inherits:
                lead = ""
            parts = _split_sentences(line)
            if line.endswith(":") and not heading:
                lead, left = (prefix + parts[-1]).strip(), LEAD_SPAN
            for part in parts:
                chunks = [part] if len(part) <= 600 else re.split(r"(?<=;)\s+", part)
                out += [Sentence(prefix + c.strip(), seg.location, c.strip()) for c in chunks if c.strip()]
    return out


def clauses_of(text: str) -> list[str]:
    """A sentence cut at semicolons and contrasting conjunctions (``but``, ``however``): the
    scope within which a negation counts. Colons do not cut, so a list item keeps its lead-in."""
    return [c.strip() for c in _CLAUSE.split(text) if c and c.strip()]


@lru_cache(maxsize=1024)
def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


class _Compiled:
    """A rule's patterns, shortest first: a short pattern is usually a selective keyword, so a
    sentence that fails is dropped before the costly ``(?:\\w+\\W+){0,n}`` patterns run."""

    def __init__(self, rule: Rule) -> None:
        self.all = sorted((_re(p) for p in rule.all), key=lambda r: len(r.pattern))
        self.none = [_re(p) for p in rule.none]
        self.note = rule.note

    def match(self, text: str, memo: dict | None = None) -> bool:
        if memo is None:
            memo = {}

        def hit(r: re.Pattern[str]) -> bool:
            key = (r.pattern, text)
            if key not in memo:
                memo[key] = r.search(text) is not None
            return memo[key]

        return all(hit(r) for r in self.all) and not any(hit(r) for r in self.none)


@lru_cache(maxsize=2048)
def _compile_rule(rule_json: str) -> _Compiled:
    return _Compiled(Rule.model_validate_json(rule_json))


def _rules(rules: list[Rule]) -> list[_Compiled]:
    return [_compile_rule(r.model_dump_json()) for r in rules]


def _quote(text: str) -> str:
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rstrip() + "…"


def shortest_days(text: str, pattern: str) -> float | None:
    """The shortest time the text states, in days (hours count as fractions), or None."""
    best = None
    for m in _re(pattern).finditer(text):
        num, unit = m.group(1).lower(), m.group(2).lower().rstrip("s")
        value = float(num) if num.isdigit() else float(_WORDS.get(num, 0) or 0)
        if not value:
            continue
        days = value * _UNIT_DAYS.get(unit, 1)
        best = days if best is None else min(best, days)
    return best


def _weakness(p: Provision, text: str) -> str | None:
    for w in p.detect.weakeners:
        if _re(w.pattern).search(text):
            return w.reason
    for lim in p.detect.limits:
        days = shortest_days(text, lim.pattern)
        if days is not None and days > lim.max_days:
            return lim.reason
    return None


def _conflicts(rule: ConflictRule, p: Provision, sents: list[Sentence], memo: dict) -> list[Conflict]:
    compiled = _rules(rule.rules)
    found = []
    for s in sents:
        if any(c.match(clause, memo) for clause in clauses_of(s.text) for c in compiled):
            found.append(Conflict(kind=rule.kind, provision=p.id, text=_quote(s.text),
                                  location=s.location, explanation=rule.explanation))
    return found


def assess(p: Provision, sents: list[Sentence], memo: dict | None = None
           ) -> tuple[Finding, list[Conflict]]:
    """The finding for one provision from ``sents``, and the conflicting terms among them.
    ``memo`` shares pattern results between provisions of one check."""
    memo = {} if memo is None else memo
    present_rules, partial_rules = _rules(p.detect.present), _rules(p.detect.partial)
    strong: list[Sentence] = []
    weak: list[tuple[Sentence, str]] = []
    for s in sents:
        if any(r.match(s.text, memo) for r in present_rules):
            reason = _weakness(p, s.text)
            if reason:
                weak.append((s, reason))
            else:
                strong.append(s)
        else:
            rule = next((r for r in partial_rules if r.match(s.text, memo)), None)
            if rule:
                weak.append((s, _weakness(p, s.text) or rule.note or p.detect.partial_explanation))
    per_rule = [(rule, _conflicts(rule, p, sents, memo)) for rule in p.conflicts]
    conflicts = [c for _, found in per_rule for c in found]
    defeating = [c for rule, found in per_rule if rule.downgrades for c in found]

    def ev(items: list[Sentence]) -> list[Evidence]:
        # whole sentences before headings and fragments, otherwise in document order
        ranked = sorted(items, key=lambda s: len(s.body) < 60)
        return [Evidence(text=_quote(s.text), location=s.location) for s in ranked[:MAX_EVIDENCE]]

    if strong and not defeating:
        status, evidence, why = "present", ev(strong), p.detect.present_explanation
    elif strong:
        status, evidence = "partial", ev(strong)
        why = f"Addressed, but a conflicting term at {defeating[0].location} undercuts it: {defeating[0].kind}."
    elif weak:
        status, evidence = "partial", ev([s for s, _ in weak])
        why = weak[0][1]
        if why != p.detect.partial_explanation:
            why = f"Addressed only in part: {why}."
    else:
        status, evidence, why = "missing", [], p.detect.missing_explanation
    finding = Finding(number=p.number, id=p.id, title=p.title, citation=p.citation,
                      status=status, evidence=evidence, explanation=why)
    return finding, conflicts


def check_contract(document: Document, library: Library | None = None) -> GapReport:
    """Check ``document`` against every provision of ``library`` (default: the shipped one).

    Returns a :class:`GapReport`: one finding per provision, in library order, each with its
    evidence or its reason, and the conflicting terms found. ``compliant`` is true only when
    every provision is present and nothing conflicts.
    """
    library = library or default_library()
    ignore = [_re(p) for p in library.ignore]
    sents = [s for s in sentences(document) if not any(r.search(s.text) for r in ignore)]
    definitions = [_re(p) for p in library.definitions]
    terms = [s for s in sents if not any(r.search(s.body) for r in definitions)]
    findings: list[Finding] = []
    conflicts: list[Conflict] = []
    seen: set[tuple[str, str]] = set()
    memo: dict = {}  # (pattern, text) → matched, shared by every rule in this check
    for p in library.provisions:
        finding, found = assess(p, terms, memo=memo)
        findings.append(finding)
        for c in found:
            if (c.kind, c.text) not in seen:
                seen.add((c.kind, c.text))
                conflicts.append(c)
    compliant = all(f.status == "present" for f in findings) and not conflicts
    return GapReport(document=document.name, sha256=document.sha256, library_version=library.version,
                     provisions=findings, conflicts=conflicts, compliant=compliant)
