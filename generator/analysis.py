"""Gap analysis of a contract against the clause library: each provision present, partial or
missing with quoted evidence, and every conflicting term. All rules come from ``clauses/``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .extract import Document, is_heading
from .library import default_library
from .limits import budgeted, check_time
from .models import Conflict, ConflictRule, Evidence, Finding, GapReport, Library, Provision, Rule

MAX_QUOTE = 400
MAX_EVIDENCE = 3
_FLAGS = re.I | re.S
_ABBREV = re.compile(r"(?:^\W*[\dA-Za-z]{1,3}(?:\.\d+)*\.$|\b(?:Section|Article|Clause|Paragraph|Part)\s+[\w.()]+\.$|\b(?:[A-Z]|U\.S|e\.g|i\.e|etc|Inc|Ltd|Co|Corp|No|Sec|Stat|Gen|Conn|St|Mr|Ms|Dr|vs|v|seq|C\.F\.R|U\.S\.C)\.|§)$")
_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9§])")
_MARKUP = re.compile(r"\*\*|__(?=\w)|(?<=\w)__|`|^#+\s*|^>\s*|(?<=\])\([^)\s]*\)")
_TABLE_RULE = re.compile(r"^\|[\s:|-]+$")
_CLAUSE_WORDS = ("but", "however", "although", "whereas", "except that")  # each in _CLAUSE
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
    heading: bool = False  # a heading names a topic; it states no term

    def __post_init__(self) -> None:
        self.body = self.body or self.text


_ITEM = re.compile(r"^(?:[-*•+]\s+|\d{1,2}[.)]\s+|\(?[a-z]\)\s+|[✅❌✓✗☐]\s*)")


LEAD_SPAN = 12  # lines after a lead-in ("The Provider will not:") that are read with it


def _split_sentences(line: str) -> list[str]:
    parts: list[str] = []
    for piece in _SPLIT.split(line):
        # only a piece's end can be an abbreviation: search its last 40 characters, not all of it
        if parts and _ABBREV.search(parts[-1][-40:]):
            parts[-1] += " " + piece
        else:
            parts.append(piece)
    return parts


def sentences(doc: Document) -> list[Sentence]:
    """The document's sentences (list items and table rows count as sentences), with locations.

    Headings are kept but marked: they name a topic and state no term. A table row is read
    with the table's header row.

    The lines that follow a lead-in ("The Provider shall not:"), bulleted or not, are read
    together with it, so an item keeps its lead-in's negation; a heading, a long paragraph or
    ``LEAD_SPAN`` lines end the list. Markdown emphasis is dropped; abbreviations such as
    ``U.S.C.`` do not end a sentence; a run-on longer than 600 characters is cut at semicolons.
    """
    out: list[Sentence] = []
    lead, left = "", 0
    header = ""  # a table's header row, read with each of its rows
    for seg in doc.segments:
        for raw in seg.text.split("\n"):
            line = raw.strip()
            heading = line.startswith("#")
            if "*" in line or "_" in line or "`" in line or "](" in line or line[:1] in ("#", ">"):
                line = _MARKUP.sub("", line).strip()
            if not line:
                continue
            heading = heading or is_heading(line)
            if line.startswith("|"):
                if _TABLE_RULE.match(line):
                    continue
                if not header:
                    header = line
                else:
                    out.append(Sentence(f"{header} {line}", seg.location, line))
                    continue
            else:
                header = ""
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
                out += [Sentence(prefix + c.strip(), seg.location, c.strip(), heading)
                        for c in chunks if c.strip()]
    return out


def clauses_of(text: str) -> list[str]:
    """A sentence cut at semicolons and contrasting conjunctions (``but``, ``however``): the
    scope within which a negation counts. Colons do not cut, so a list item keeps its lead-in."""
    low = text.lower()
    if ";" not in text and not any(w in low for w in _CLAUSE_WORDS):
        return [text.strip()] if text.strip() else []
    return [c.strip() for c in _CLAUSE.split(text) if c and c.strip()]


@lru_cache(maxsize=1024)
def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


def _re2_options():
    import re2

    opts = re2.Options()
    opts.case_sensitive = False
    opts.dot_nl = True
    opts.max_mem = 256 << 20
    opts.log_errors = False
    return opts


class PatternSet:
    """Every detection pattern of a library compiled into one RE2 set: one linear pass over a
    sentence tells which patterns match it (Python's ``re`` tries each pattern at every
    position; on a 30-page contract that was about 500 ms, the set takes a few)."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        import re2

        self.index = {p: i for i, p in enumerate(patterns)}
        self._set = re2.Set.SearchSet(_re2_options())
        for p in patterns:
            self._set.Add(p)
        self._set.Compile()

    def hits(self, text: str) -> frozenset[int]:
        """The indices of the patterns that match somewhere in ``text``."""
        return frozenset(self._set.Match(text) or ())


def library_patterns(library: Library) -> tuple[str, ...]:
    """Every rule and weakener pattern of ``library``, each once, in a stable order."""
    pats: dict[str, None] = {}
    for p in library.provisions:
        rules = [*p.detect.present, *p.detect.partial, *(r for c in p.conflicts for r in c.rules)]
        for r in rules:
            pats.update(dict.fromkeys([*r.all, *r.none]))
        pats.update(dict.fromkeys(w.pattern for w in p.detect.weakeners))
    return tuple(pats)


@lru_cache(maxsize=8)
def pattern_set(patterns: tuple[str, ...]) -> PatternSet:
    """The compiled set for ``patterns``, built once per process."""
    return PatternSet(patterns)


Index = dict[int, frozenset[int]]  # pattern index → ids of the sentences (or clauses) it hits


def build_index(hit_sets: list[frozenset[int]]) -> Index:
    """Invert per-text hits: for each pattern, the ids of the texts it matched."""
    index: dict[int, set[int]] = {}
    for tid, hits in enumerate(hit_sets):
        for i in hits:
            index.setdefault(i, set()).add(tid)
    return {i: frozenset(ids) for i, ids in index.items()}


class _Compiled:
    """A rule as pattern indices: it matches a text that every ``all`` pattern hits and no
    ``none`` pattern does; over an index that is one set intersection and one difference."""

    def __init__(self, rule: Rule, ps: PatternSet) -> None:
        self.all = [ps.index[p] for p in rule.all]
        self.none = [ps.index[p] for p in rule.none]
        self.note = rule.note

    def ids(self, index: Index) -> frozenset[int]:
        """The ids of the texts this rule matches."""
        empty: frozenset[int] = frozenset()
        found = frozenset.intersection(*(index.get(i, empty) for i in self.all))
        return found.difference(*(index.get(i, empty) for i in self.none)) if found else found


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


def _weakness(p: Provision, text: str, sid: int, index: Index, ps: PatternSet) -> str | None:
    for w in p.detect.weakeners:
        if sid in index.get(ps.index[w.pattern], ()):
            return w.reason
    for lim in p.detect.limits:
        days = shortest_days(text, lim.pattern)
        if days is not None and days > lim.max_days:
            return lim.reason
    return None


@dataclass
class _Reading:
    """The check's view of a document: for each span (1 = single sentences, 2 = pairs of
    consecutive sentences in one paragraph, ...) the texts and which patterns hit each; and which
    patterns hit each clause of a sentence (``clause_of`` gives a clause's sentence)."""

    views: dict[int, tuple[list[Sentence], Index]]
    by_clause: Index
    clause_of: list[int]
    duties: frozenset[int]  # sentences stating the user's or school's duties: no provision evidence

    @property
    def sentences(self) -> list[Sentence]:
        return self.views[1][0]


def _read(terms: list[Sentence], ps: PatternSet, spans: set[int], duties: frozenset[int]) -> _Reading:
    hits = [ps.hits(s.text) for s in terms]
    views = {1: (terms, build_index(hits))}
    for k in sorted(spans - {1}):
        texts, window_hits = [], []
        for i in range(len(terms)):
            # sentence i and up to k - 1 that follow it in the same paragraph, page or table
            n = 1
            while n < k and i + n < len(terms) and terms[i + n].location == terms[i].location:
                n += 1
            group = terms[i:i + n]
            texts.append(Sentence(" ".join(s.text for s in group), terms[i].location) if n > 1 else terms[i])
            window_hits.append(frozenset().union(*hits[i:i + n]))
        views[k] = (texts, build_index(window_hits))
    clause_hits, clause_of = [], []
    for sid, s in enumerate(terms):
        for clause in clauses_of(s.text):
            # most sentences are one clause: their hits are already known
            clause_hits.append(hits[sid] if clause == s.text else ps.hits(clause))
            clause_of.append(sid)
    return _Reading(views, build_index(clause_hits), clause_of, duties)


def _conflicts(rule: ConflictRule, p: Provision, rd: _Reading, ps: PatternSet) -> list[Conflict]:
    clause_ids = frozenset().union(*(_Compiled(r, ps).ids(rd.by_clause) for r in rule.rules))
    return [Conflict(kind=rule.kind, provision=p.id, text=_quote(rd.sentences[i].text),
                     location=rd.sentences[i].location, explanation=rule.explanation)
            for i in sorted({rd.clause_of[c] for c in clause_ids})]


def assess(p: Provision, rd: _Reading, ps: PatternSet) -> tuple[Finding, list[Conflict]]:
    """The finding for one provision, and the conflicting terms that defeat it."""
    def matched(rules: list[Rule]) -> dict[int, tuple[_Compiled, Sentence, Index]]:
        """Sentence id → (the first rule it meets, the text it met it in, that view's index)."""
        out: dict[int, tuple[_Compiled, Sentence, Index]] = {}
        for rule in rules:
            c = _Compiled(rule, ps)
            texts, index = rd.views[rule.span]
            for i in c.ids(index) - rd.duties:
                out.setdefault(i, (c, texts[i], index))
        return out

    present, partial = matched(p.detect.present), matched(p.detect.partial)
    strong: list[Sentence] = []
    weak: list[tuple[Sentence, str]] = []
    for i in sorted(present.keys() | partial.keys()):
        rule, s, index = present.get(i) or partial[i]
        reason = _weakness(p, s.text, i, index, ps)
        if i in present and not reason:
            strong.append(s)
        elif i in present:
            weak.append((s, reason))
        else:
            weak.append((s, reason or rule.note or p.detect.partial_explanation))
    per_rule = [(rule, _conflicts(rule, p, rd, ps)) for rule in p.conflicts]
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


@budgeted  # a wall-clock budget: past it, "this document is too complex" (limits.py)
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
    terms = [s for s in sents if not s.heading and not any(r.search(s.body) for r in definitions)]
    ps = pattern_set(library_patterns(library))
    spans = {r.span for p in library.provisions for r in (*p.detect.present, *p.detect.partial)}
    duty = [_re(p) for p in library.duties]
    duties = frozenset(i for i, s in enumerate(terms) if any(r.search(s.text) for r in duty))
    rd = _read(terms, ps, spans | {1}, duties)
    findings: list[Finding] = []
    conflicts: list[Conflict] = []
    seen: set[tuple[str, str]] = set()
    for p in library.provisions:
        check_time()
        finding, found = assess(p, rd, ps)
        findings.append(finding)
        for c in found:
            if (c.kind, c.text) not in seen:
                seen.add((c.kind, c.text))
                conflicts.append(c)
    compliant = all(f.status == "present" for f in findings) and not conflicts
    return GapReport(document=document.name, sha256=document.sha256, library_version=library.version,
                     provisions=findings, conflicts=conflicts, compliant=compliant)
