"""Gap analysis of a contract against the clause library: each provision present, partial or
missing with quoted evidence, and every conflicting term. All rules come from ``clauses/``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from generator.checking.frame_rules import (
    CONFIDENTIAL_ONLY,
    conflict_frame,
    frame_doubts,
    frame_gaps,
    keeps_back,
    mentions,
    sentence_gaps,
    set_aside,
)
from generator.checking.conduct import conduct_terms, with_conduct
from generator.checking.amendments import gives_way
from generator.checking.blanks import blank_procedures
from generator.checking.engine import CompiledRule, Index, PatternSet, any_of, build_index, compiled, pattern_set
from generator.checking.frames import Frame, action_forms, could_conflict, read_frame, word_set
from generator.checking.keeping import kept_briefly
from generator.checking.memo import Memo, Same
from generator.checking.parties import (boards_own, confidential_takes_in_students, contractor_names, owned_as_defined,
                                        put_on_school, school_duties, users_term)
from generator.checking.scopes import clauses_of, names_ours, section_places
from generator.findings import Conflict, Evidence, Finding, GapReport
from generator.library import default_library, provision_patterns
from generator.models import ConflictRule, Library, Limit, Provision, Rule
from generator.reading.extract import Document, with_reading_notes
from generator.reading.limits import budgeted, check_time
from generator.reading.lines import is_heading
from generator.reading.sandbox import boxed
from generator.checking.periods import UNIT_DAYS, WORK_WEEK, number_value  # noqa: F401 - number_value: public here too
from generator.reading.sentences import LEAD_SPAN, Sentence, sentences  # noqa: F401 - importable from here too

MAX_QUOTE = 400
MAX_EVIDENCE = 3


def library_patterns(library: Library) -> tuple[str, ...]:
    """Every rule and weakener pattern of ``library`` (:func:`~generator.library.provision_patterns`), each once,
    in a stable order."""
    return tuple(dict.fromkeys(pat for p in library.provisions for pat in provision_patterns(p)))


def warm_check(library: Library | None = None) -> None:
    """Get the check ready in this process (a server calls it at start-up): compile the pattern
    sets and let RE2 build the automaton states that contract prose needs, by checking the
    library's own model clauses and requirements. The first real check then runs warm."""
    from generator.reading.extract import Segment
    from generator.reading.lines import normalize

    library = library or default_library()
    prose = [normalize(t) for p in library.provisions for t in (p.requirement, p.text) if t.strip()]
    doc = Document(name="warm-up", sha256="", kind="text",
                   segments=[Segment(t, f"paragraph {i}") for i, t in enumerate(prose, 1)])
    check_contract(doc, library)


def _quote(text: str) -> str:
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rstrip() + "…"


def _as_conflict(s: Sentence) -> tuple[str, str]:
    """Sentence ``s`` as a :class:`Conflict` quoting it names it: its location and its quoted text."""
    return s.location, _quote(s.text)


def _days(m) -> float | None:
    """The time a ``NUMBER_UNIT`` match states, in calendar days."""
    groups = m.groups()
    if len(groups) >= 4:
        num, paren, working, unit = groups[:4]
    else:
        num, unit = groups[0], groups[1]
        paren = working = None
    value = number_value(paren) if paren else number_value(num or "")
    if not value or not unit:
        return None
    days = value * UNIT_DAYS.get(unit.lower().rstrip("s"), 1)
    return days * WORK_WEEK if working else days


def stated_days(text: str, limit: Limit) -> float | None:
    """The time limit ``text`` states for what ``limit`` caps, in calendar days, or None.

    Numbers in words count ("forty-five (45) days" is 45); business or working days are
    converted to calendar days. When ``limit.near`` is set, only the numbers that pattern
    precedes (within ``limit.reach`` characters) count, unless none does; the shortest that
    counts is returned."""
    found = [(m.start(), d) for m in compiled(limit.pattern).finditer(text) if (d := _days(m)) is not None]
    if limit.near:
        near = compiled(limit.near)
        attached = [d for start, d in found if near.search(text[max(0, start - limit.reach):start])]
        if attached:
            return min(attached)
    return min((d for _, d in found), default=None)


def _weakness(p: Provision, text: str, sid: int, index: Index, ps: PatternSet) -> tuple[str, str] | None:
    """Why a matching sentence only makes ``p`` partial, and what kind of reason it is
    (``weakener``, ``limit``, or ``elsewhere``: it does not count at all), or None."""
    for w in p.detect.weakeners:
        if sid in index.get(ps.index[w.pattern], ()) and (w.counts or not names_ours(text)) \
                and not (w.unless and sid in index.get(ps.index[w.unless], ())):
            return w.reason, "weakener" if w.counts else "elsewhere"
    for lim in p.detect.limits:
        days = stated_days(text, lim)
        if days is not None and days > lim.max_days:
            return lim.reason, "limit"
    return None


# what made a present reading partial, in the card's words (another jurisdiction's reach sets a term aside instead)
_LOWERED = {"frame": "what the sentence leaves out", "weakener": "a qualifying phrase", "limit": "the time it allows"}


def _rests_on_number(p: Provision, text: str) -> bool:
    """Whether the status rests on the number ``text`` states: within a working week's stretch of a limit (7/5),
    business days read as calendar days (or the reverse) or a number on the wrong clause would flip it."""
    return any((d := stated_days(text, lim)) is not None and d * WORK_WEEK >= lim.max_days
               for lim in p.detect.limits)


@dataclass
class _Reading:
    """The check's view of a document: for each span (1 = single sentences, 2 = pairs of
    consecutive sentences in one paragraph, ...) the texts and which patterns hit each; and which
    patterns hit each clause of a sentence (``clause_of`` gives a clause's sentence)."""

    views: dict[int, tuple[list[Sentence], Index]]
    by_clause: Index
    clause_of: list[int]
    duties: frozenset[int]  # sentences stating the user's or school's duties: no provision evidence
    answers: dict[int, frozenset[int]] = field(default_factory=dict)  # an answer's id → the patterns its own words hit
    frames: dict[int, Frame] = field(default_factory=dict)  # sentence id → its duty frame, read on demand
    confidential_students: Sentence | None = None  # its definition that takes student data into "Confidential Information"
    places: list[str] = field(default_factory=list)  # sentence id → the other place whose section it is in, or ""
    names: frozenset[str] = frozenset()  # the contractor's short names that read as another party's role ("Publisher")
    blank: frozenset[int] = frozenset()  # sentences whose procedure the document leaves blank (blanks.py)

    def frame(self, sid: int) -> Frame:
        """The duty frame of sentence ``sid`` (read once); in another place's section, that is its reach."""
        if sid not in self.frames:
            self.frames[sid] = self.placed(sid, self.read(_stated(self.sentences[sid])))
        return self.frames[sid]

    def read(self, text: str) -> Frame:
        """The frame of ``text`` in this document: the contractor's short name ("Publisher shall ...") is read as
        "Vendor" (:func:`contractor_names`); the card quotes the sentence, not the frame's text."""
        return read_frame(re.sub(rf"\b(?:{'|'.join(self.names)})\b", "Vendor", text) if self.names else text)

    def placed(self, sid: int, f: Frame) -> Frame:
        """``f``, the frame of sentence ``sid`` or of a text that begins with it, with the reach of the section it is
        in when it names none of its own: another place's ("Part B: Illinois. The Vendor shall ...")."""
        if self.places and self.places[sid] and not f.scope and not names_ours(f.text):
            return replace(f, scope=f"the section for {self.places[sid]}")
        return f

    @property
    def sentences(self) -> list[Sentence]:
        return self.views[1][0]

    @cached_property
    def order(self) -> dict[str, int]:
        """Where each sentence is in the document, by its location (a term said to prevail over what comes before)."""
        return {s.location: k for k, s in enumerate(self.sentences)}

    @cached_property
    def words(self) -> list[frozenset[str]]:
        """Each sentence's words in lower case (see :func:`word_set`)."""
        return [word_set(s.text) for s in self.sentences]


def _lead(s: Sentence) -> str:
    """The list lead-in a sentence was read with ("Parents may:"), or ""."""
    return s.text[: len(s.text) - len(s.body)] if s.text != s.body and s.text.endswith(s.body) else ""


def _read(terms: list[Sentence], ps: PatternSet, spans: set[int], duties: frozenset[int],
          conduct: dict[str, str]) -> _Reading:
    """The document's views and indexes, kept by its sentences (``memo.py``): a second check does not build them again."""
    key = (tuple((s.text, s.location, s.body, s.block) for s in terms), Same(ps), frozenset(spans), tuple(conduct.items()))
    views, by_clause, clause_of, answers = _READS.get(key, lambda: _views(terms, ps, spans, conduct))
    return _Reading(views, by_clause, clause_of, duties, answers)


_READS = Memo(8)


def _views(terms: list[Sentence], ps: PatternSet, spans: set[int], conduct: dict[str, str]):
    hits = [ps.hits(with_conduct(s.text, conduct)) for s in terms]  # a defined term of conduct read with its definition
    single = build_index(hits)
    views = {1: (terms, single)}
    for k in sorted(spans - {1}):
        texts: list[Sentence] = []
        covering: list[list[int]] = [[] for _ in terms]  # sentence id → the windows that hold it
        for i in range(len(terms)):
            # sentence i and up to k - 1 that follow it in the same paragraph (list items share
            # their lead-in's)
            n = 1
            while n < k and i + n < len(terms) and terms[i + n].block == terms[i].block:
                n += 1
            group = terms[i:i + n]
            texts.append(Sentence(" ".join(s.text for s in group), terms[i].location) if n > 1 else terms[i])
            for j in range(i, i + n):
                covering[j].append(i)
        # a window hits a pattern when one of its sentences does
        views[k] = (texts, {p: frozenset().union(*map(covering.__getitem__, ids)) for p, ids in single.items()})
    clause_hits, clause_of = [], []
    for sid, s in enumerate(terms):
        for clause in ([] if _asks(s) else clauses_of(_stated(s))):
            # most sentences are one clause: their hits are already known
            clause_hits.append(hits[sid] if clause == s.text else ps.hits(clause))
            clause_of.append(sid)
    answers = {sid: ps.hits(s.body) for sid, s in enumerate(terms) if _answers(s)}
    return views, build_index(clause_hits), clause_of, answers


def _stated(s: Sentence) -> str:
    """What a sentence states, for its frame and its conflicting terms: an answer without the question
    it is read with (the question names the topic; "How long do you keep it after the contract ends?"
    keeps nothing), any other sentence whole."""
    return s.body if _answers(s) else s.text


def _answers(s: Sentence) -> bool:
    """Whether a sentence is an answer read with its question (see ``reading.sentences.answered``)."""
    return s.text != s.body and _lead(s).endswith("? ")


def _asks(s: Sentence) -> bool:
    """Whether a sentence is a question ("Do we sell student data?"): it states no term."""
    return s.body.endswith("?")


def _conflicts(rule: ConflictRule, p: Provision, rd: _Reading, ps: PatternSet) -> list[Conflict]:
    clause_ids = frozenset().union(*(CompiledRule(r, ps).ids(rd.by_clause) for r in rule.rules))
    # the board's own act ("The District will not sell the portraits") is no term of the contractor's, unless the rule
    # is about what the board answers for
    found = {rd.clause_of[c] for c in clause_ids if rule.moves_duty or rule.schools_terms or not boards_own(rd.frame(rd.clause_of[c]))}
    if rule.frame:
        # a term of the user's or a parent's ("account holders keep ...") binds no contractor, unless the rule
        # counts them ("you agree that we may show ads ..." lets the contractor act)
        found = {i for i in found if not kept_briefly(rd.frame(i), rule.frame) and (rule.frame.users_terms or not users_term(rd.frame(i)))}
        if rule.frame.finds:
            found |= {i for i in _candidates(rd, rule.frame.actions)  # words first: most need no frame
                      if i not in rd.duties and not _asks(rd.sentences[i]) and could_conflict(rd.sentences[i].text, rule.frame)
                      and conflict_frame(rd.frame(i), rule.frame)}
    return [Conflict(kind=rule.kind, provision=p.id, text=_quote(rd.sentences[i].text),
                     location=rd.sentences[i].location, explanation=rule.explanation)
            for i in sorted(found)]


def _candidates(rd: _Reading, actions: list[str]) -> list[int]:
    """Ids of the sentences naming a word of one of ``actions`` (whole words): the only ones
    whose frames can govern them, so only their frames are read."""
    forms = action_forms(tuple(actions))
    return [i for i, words in enumerate(rd.words) if words & forms]


def _tail(p: Provision, rd: _Reading, sid: int) -> str:
    """What one of the two sentences after sentence ``sid``, in its paragraph, keeps back from its
    duty (see :func:`keeps_back`), or ""."""
    if not p.detect.frame.exceptions:  # a provision with no copies to keep back (security, FERPA, ...)
        return ""
    terms = rd.sentences
    for j in (sid + 1, sid + 2):
        if j >= len(terms) or terms[j].block != terms[sid].block:
            break
        if said := keeps_back(rd.frame(j), p.detect.frame, terms[j].text):
            return said
    return ""


def _duties_by_frame(p: Provision, rd: _Reading, matched: set[int]) -> list[tuple[Sentence, list[str]]]:
    """The sentences no pattern matched whose frame binds the contractor to one of the
    provision's duty actions for student data ("The Provider shall encrypt student data at rest"),
    each with what its frame lacks (nothing: the duty is stated whole)."""
    rule = p.detect.frame
    out = []
    for i in _candidates(rd, rule.duty_actions):
        if i in matched or i in rd.duties:
            continue
        f = rd.frame(i)
        if (f.bound == "contractor" and f.binding is not None and not f.negated and f.data == "student"
                and set(f.actions) & set(rule.duty_actions)):
            out.append((rd.sentences[i], frame_gaps(f, rule)))
    return out


def assess(p: Provision, rd: _Reading, ps: PatternSet) -> tuple[Finding, list[Conflict]]:
    """The finding for one provision, and the conflicting terms that defeat it."""
    def matched(rules: list[Rule]) -> dict[int, tuple[CompiledRule, Sentence, Index]]:
        """Sentence id → (the first rule it meets, the text it met it in, that view's index)."""
        out: dict[int, tuple[CompiledRule, Sentence, Index]] = {}
        for rule in rules:
            c = CompiledRule(rule, ps)
            for span in sorted({rule.span, 1}, reverse=True):
                # a rule that may read several sentences may also be met by one alone
                texts, index = rd.views[span]
                for i in c.ids(index) - rd.duties:
                    # an answer counts when its own words meet one of the rule's patterns: its question
                    # names the topic, it does not state the duty ("Will you delete ...? We keep it.")
                    if i in rd.answers and not c.asks and (span > 1 or not rd.answers[i] & set(c.all)):
                        continue
                    out.setdefault(i, (c, texts[i], index))
        return out

    present, partial = matched(p.detect.present), matched(p.detect.partial)
    if p.detect.frame.topic:  # a stem inside another word ("deleterious") names no such action
        forms = action_forms(tuple(p.detect.frame.topic))
        present = {i: m for i, m in present.items() if word_set(m[1].text) & forms}
        partial = {i: m for i, m in partial.items() if word_set(m[1].text) & forms}
    strong: list[Sentence] = []
    weak: list[tuple[Sentence, str]] = []
    weakened_by: set[str] = set()  # "weakener" or "limit": what made a present match partial
    numbers = False  # a present match stated a time limit that was checked
    sure = False  # some match came from a rule that is sure of itself
    doubts_frame: list[str] = []
    aside: list[tuple[Sentence, str]] = []
    defined: list[Sentence] = []  # sentences counted only by the document's definition of "Confidential Information"
    for i in sorted(present.keys() | partial.keys()):
        rule, s, index = present.get(i) or partial[i]
        sure = sure or rule.sure
        found = _weakness(p, s.text, i, index, ps)
        reason = found[0] if found else None
        gaps = sentence_gaps(frame := rd.placed(i, rd.read(_stated(s))), p.detect.frame) if not found else []
        if p.detect.frame.procedure and i in rd.blank and not found:
            gaps = [*gaps, "the procedure it gives is left blank, a placeholder in the document"]
        if CONFIDENTIAL_ONLY in gaps and rd.confidential_students is not None:  # its own definition takes them in
            gaps.remove(CONFIDENTIAL_ONLY)
            defined.append(s)
        said = set_aside(frame, gaps) if not found else ""  # another jurisdiction's, or business secrets
        if found and found[1] == "elsewhere":  # a weakener that does not count: another jurisdiction's term
            said = f" for Connecticut: {reason.replace('the term ', 'it ', 1)}"
        if said:  # no term on the provision at all
            aside.append((s, said))
            continue
        if gaps and i in present:  # the patterns found the topic, the frame says no complete duty is stated
            weak.append((s, "; ".join(gaps)))
            weakened_by.add("frame")
        elif gaps:  # a partial match: the card says what its frame lacks
            weak.append((s, "; ".join(gaps)))
        elif i in present and not found and (tail := _tail(p, rd, i)):
            weak.append((s, tail))
            weakened_by.add("frame")
        elif i in present and not found:
            strong.append(s)
            numbers = numbers or _rests_on_number(p, s.text)
        elif i in present:
            weak.append((s, reason))
            weakened_by.add(found[1])
        else:
            weak.append((s, reason or rule.note or p.detect.partial_explanation))
            weakened_by.update([found[1]] if found else [])
    if p.detect.frame.finds and not strong:
        found_by_frame = _duties_by_frame(p, rd, present.keys() | partial.keys())
        strong += [s for s, gaps in found_by_frame if not gaps]
        weak += [(s, "; ".join(gaps)) for s, gaps in found_by_frame if gaps]
        if found_by_frame:
            sure = True
            doubts_frame = ["it rests on how a sentence is built, not on any wording the check knows"]
    per_rule = [(rule, _conflicts(rule, p, rd, ps)) for rule in p.conflicts]
    conflicts = [c for _, found in per_rule for c in found]
    # a conflicting term that gives way to the provision's own ("Notwithstanding Section 11.1, ...") is listed, not defeating
    downgrading = [c for rule, found in per_rule if rule.downgrades for c in found]
    at = rd.order
    defeating = [c for c in downgrading if not any(gives_way((s.text, s.location, at.get(s.location, -1)),
                                                             (c.text, c.location, at.get(c.location, -1))) for s in strong)]

    def ev(items: list[Sentence]) -> list[Evidence]:
        # whole sentences before headings and fragments, otherwise in document order; a sentence
        # quoted once, without the heading or the next sentence a wider reading joined to it
        kept: list[Sentence] = []
        for s in sorted(items, key=lambda s: len(s.body) < 60):
            same = next((k for k in kept if k.location == s.location and (s.text in k.text or k.text in s.text)), None)
            if same is None:
                kept.append(s)
            elif len(s.text) < len(same.text):
                kept[kept.index(same)] = s
        return [Evidence(text=_quote(s.text), location=s.location) for s in kept[:MAX_EVIDENCE]]

    doubts: list[str] = list(doubts_frame)
    shifting = {(c.location, c.text) for c in defeating}  # a term that puts the duty on the board or user
    moved = {(c.location, c.text) for rule, found in per_rule if rule.moves_duty for c in found}
    if moved:  # "Client is solely responsible for ... complying with FERPA": no commitment of the contractor's
        strong = [s for s in strong if _as_conflict(s) not in moved]
        weak = [(s, why) for s, why in weak if _as_conflict(s) not in moved]
    shifted = not strong and weak and all((_as_conflict(s) in shifting or (p.detect.frame.both and put_on_school(_stated(s))))
                                          and rd.read(_stated(s)).bound in ("board", "user") for s, _ in weak)
    if shifted:  # the card names the term that put the duty on the board
        aside, weak = [(weak[0][0], f" as the contractor's: {weak[0][1]}")], []
    if not strong and not weak and (moved or shifted):
        doubts.append("its only term puts the duty on the board or the user" + (", a conflict" if moved or shifting else ""))
    if strong and not defeating:
        status, evidence, why = "present", ev(strong), p.detect.present_explanation
        if len(defeating) < len(downgrading):
            doubts.append("a conflicting term gives way to the term it rests on (\"notwithstanding\", \"except as provided in\")")
        if numbers:
            doubts.append("it rests on a time close to the limit allowed, read from the text")
    elif strong:
        status, evidence = "partial", ev(strong)
        why = f"Addressed, but a conflicting term at {defeating[0].location} undercuts it: {defeating[0].kind}."
        doubts.append("a conflicting term lowered it from present")
    elif weak:
        # the card's reason is that of the first sentence it quotes (ev ranks whole sentences first)
        weak.sort(key=lambda w: len(w[0].body) < 60)
        status, evidence = "partial", ev([s for s, _ in weak])
        why = weak[0][1]
        if why != p.detect.partial_explanation:
            why = f"Addressed only in part: {why}."
        if weakened_by:
            doubts.append(" and ".join(_LOWERED[w] for w in sorted(weakened_by)) + " made it partial")
        if any(not frame_gaps(f, p.detect.frame) and f.binding and f.bound == "contractor" and f.data == "student"
               for f in (rd.read(_stated(s)) for s, _ in weak)):
            doubts.append("a sentence it quotes may state the whole duty: it could be present")
    else:
        status, evidence, why = "missing", [], p.detect.missing_explanation
        named = [i for i in _candidates(rd, p.detect.frame.mentions)
                 if i not in rd.duties and mentions(rd.frame(i), p.detect.frame.mentions)]
        if named:  # the topic is named in a frame, but no rule found a duty
            status, evidence = "partial", ev([rd.sentences[i] for i in named])
            why = p.detect.frame.mention_note or p.detect.partial_explanation
            doubts.append("the topic is named, but no duty was found")
    if (strong or weak) and not sure:
        doubts.append("it rests only on wordings the check is unsure of")
    doubts += frame_doubts([rd.read(e.text) for e in evidence], status, p.detect.frame)
    if status == "present" and all(any(s is d for d in defined) for s in strong):  # it rests on the definition
        doubts.insert(0, "it reads \"Confidential Information\" as student data by the document's own definition")
        evidence = [*evidence, *ev([rd.confidential_students])]
    if status != "present" and aside:  # the card says what was set aside; only a missing status rests on it
        why += f" The term at {aside[0][0].location} does not count{aside[0][1]}."
        doubts += ["a term for another jurisdiction, or about business secrets, was set aside"] if status == "missing" and not shifted else []
    finding = Finding(number=p.number, id=p.id, title=p.title, citation=p.citation, status=status,
                      confidence="low" if doubts else "high", evidence=evidence, explanation=why, doubts=doubts)
    return finding, conflicts


@boxed  # in a child process with memory, CPU and time limits (reading/sandbox.py)
@with_reading_notes  # hidden text the reader left out, reported
@budgeted  # a wall-clock budget: past it, "this document is too complex" (limits.py)
def check_contract(document: Document, library: Library | None = None) -> GapReport:
    """Check ``document`` against every provision of ``library`` (default: the shipped one).

    Returns a :class:`GapReport`: one finding per provision, in library order, each with its
    evidence or its reason, and the conflicting terms found. ``compliant`` is true only when
    every provision is present and nothing conflicts.
    """
    library = library or default_library()
    ignore = any_of(tuple(library.ignore))
    sents = [s for s in sentences(document) if not ignore(s.text)]
    definitions = any_of(tuple(library.definitions))
    where = section_places([(s.text, s.heading, s.block) for s in sents])
    kept, terms = [], []
    # a definition states no term, nor do the items of a list it introduces, but for a clause of one that says who owns
    # the data (owned_as_defined); a heading run into its clause ("FERPA. If a School ...") is a heading too
    defining = [bool(definitions(s.body) or definitions(_lead(s))) for s in sents]
    for i, s in enumerate(sents):
        said = s.text if not defining[i] else owned_as_defined(s.text)
        if said and not s.heading and not (said.endswith(".") and len(said.split()) <= 6 and is_heading(said[:-1])):
            kept.append(i)
            terms.append(s if said == s.text else Sentence(said, s.location, block=s.block))
    ps = pattern_set(library_patterns(library))
    spans = {r.span for p in library.provisions for r in (*p.detect.present, *p.detect.partial)}
    duty = any_of(tuple(library.duties))
    duties = school_duties([(s.text, s.block) for s in terms], duty)
    rd = _read(terms, ps, spans | {1}, duties, conduct_terms([(s.text, d) for s, d in zip(sents, defining)]))
    rd.places = [where[i] for i in kept]
    blank = blank_procedures([(s.text, s.heading) for s in sents])
    rd.blank = frozenset(k for k, i in enumerate(kept) if i in blank)
    rd.names = contractor_names([s.text for s in sents])
    if (defines := confidential_takes_in_students([s.text for s in sents])) is not None:
        rd.confidential_students = sents[defines]
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
