"""The engine the check runs detection patterns on: RE2 (linear time, so hostile input such as a
20,000-digit number or 200 KB of brackets cannot make a pattern backtrack), its options, one
filter of every pattern of a library, the index of the texts each pattern hits, a rule as pattern
indices, and what is kept by sentence text between checks."""

from __future__ import annotations

import weakref
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

from generator.checking.frames import forget_frames
from generator.checking.memo import forget as forget_memos
from generator.checking.scopes import as_read
from generator.reading.sentences import forget_sentences

if TYPE_CHECKING:
    from generator.models import Rule


@lru_cache(maxsize=1024)
def compiled(pattern: str):
    """A pattern from ``clauses/`` compiled with RE2, once per process."""
    import re2

    return re2.compile(pattern, re2_options())


def re2_options():
    """RE2's options for detection patterns: case-insensitive, "." across lines, 256 MB."""
    import re2

    opts = re2.Options()
    opts.case_sensitive = False
    opts.dot_nl = True
    opts.max_mem = 256 << 20
    opts.log_errors = False
    return opts


class PatternSet:
    """Every detection pattern of a library behind one RE2 filter: a pass of the patterns'
    literal words over a sentence (one automaton of plain strings) says which patterns could
    match, and only those are run, each on its own. The answer is the same as searching with
    every pattern.

    RE2 builds its automata lazily, state by state, as text is matched; one set of all the
    patterns (or sets of a dozen) multiplied the states of their bounded gaps of words, and the
    first check in a process paid about a second for them. The filter's automaton of words has
    few states, and each pattern's own automaton is built only on the sentences that name its
    words."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        import re2

        self.index = {p: i for i, p in enumerate(patterns)}
        self.filter = re2.Filter()
        options = re2_options()  # copied by each Add: one object for all
        for p in patterns:
            self.filter.Add(p, options)
        self.filter.Compile()
        self.seen: dict[str, frozenset[int]] = {}  # a text's hits, for the next check of the same document
        _KEPT.add(self)

    def hits(self, text: str) -> frozenset[int]:
        """The indices of the patterns that match somewhere in ``text`` (kept for the last
        ``MAX_SEEN`` texts: a document checked again, redlined or vetted is not matched again). The
        text is read as the frames read it (``scopes.as_read``): the words an amendment removes taken
        out, and a contrasting aside as "alone" ("the school, not us, owns": "the school alone owns")."""
        found = self.seen.get(text)
        if found is None:
            found = frozenset(self.filter.Match(as_read(text).encode()) or ())
            if len(self.seen) >= MAX_SEEN:
                self.seen.clear()
            self.seen[text] = found
        return found

    def cache_clear(self) -> None:
        """Forget the hits kept by text (see :func:`forget_texts`)."""
        self.seen.clear()


MAX_SEEN = 10_000  # texts whose hits a pattern set keeps (a 40-page contract has about 1,000)
_KEPT: weakref.WeakSet = weakref.WeakSet()  # each live memo kept by text, with its cache_clear (see forget_texts)


def forget_texts() -> None:
    """Empty what the check keeps by text (documents' sentences, pattern hits, list tests, words, frames),
    keeping the compiled patterns: the next check reads every sentence as new, as it does a
    document this process has not seen (``benchmarks/check_speed.py`` measures both)."""
    for memo in list(_KEPT):
        memo.cache_clear()
    forget_frames()
    forget_memos()
    forget_sentences()


@lru_cache(maxsize=8)
def pattern_set(patterns: tuple[str, ...]) -> PatternSet:
    """The compiled set for ``patterns``, built once per process."""
    return PatternSet(patterns)


@lru_cache(maxsize=32)
def any_of(patterns: tuple[str, ...]):
    """A test of whether any of ``patterns`` (a list of ``library.yaml``) matches a text: one RE2
    set, one pass."""
    if not patterns:
        return lambda text: False
    import re2

    rs = re2.Set.SearchSet(re2_options())
    for p in patterns:
        rs.Add(p)
    rs.Compile()
    test = lru_cache(maxsize=MAX_SEEN)(lambda text: bool(text) and bool(rs.Match(text)))  # kept by text: not matched again
    _KEPT.add(test)
    return test


Index = dict[int, frozenset[int]]  # pattern index → ids of the sentences (or clauses) it hits


def build_index(hit_sets: list[frozenset[int]]) -> Index:
    """Invert per-text hits: for each pattern, the ids of the texts it matched."""
    index: dict[int, list[int]] = defaultdict(list)
    for tid, hits in enumerate(hit_sets):
        for i in hits:
            index[i].append(tid)
    return {i: frozenset(ids) for i, ids in index.items()}


class CompiledRule:
    """A rule as pattern indices: it matches a text that every ``all`` pattern hits and no
    ``none`` pattern does; over an index that is one set intersection and one difference."""

    def __init__(self, rule: Rule, ps: PatternSet) -> None:
        self.all = [ps.index[p] for p in rule.all]
        self.none = [ps.index[p] for p in rule.none]
        self.note = rule.note
        self.sure = rule.confidence == "high"
        self.asks = any("\\?" in p for p in rule.all)  # written for a question and its answer ("Who owns ...? The district")

    def ids(self, index: Index) -> frozenset[int]:
        """The ids of the texts this rule matches."""
        empty: frozenset[int] = frozenset()
        found = frozenset.intersection(*(index.get(i, empty) for i in self.all))
        return found.difference(*(index.get(i, empty) for i in self.none)) if found else found
