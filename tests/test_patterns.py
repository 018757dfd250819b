"""How the detection patterns are compiled (one RE2 filter of their words, built once) never
changes what the check finds: compared with the simplest reference, each pattern searched on
its own, on every sentence and clause of every labelled agreement."""

from __future__ import annotations

import pytest
import re2

import generator as g
from generator.checking import analysis
from generator.checking.analysis import clauses_of, library_patterns, sentences
from generator.checking.engine import PatternSet, re2_options
from generator.checking.scopes import as_read
from generator.reading.extract import read_document
from generator.reading.sandbox import unboxed

from .conftest import EVAL

DOCS = sorted((EVAL / "docs").glob("*.txt")) if (EVAL / "docs").is_dir() else []


class OnePatternAtATime:
    """The reference: every pattern compiled alone and searched for in the text as the check reads it
    (``scopes.as_read``: an amendment's removed words taken out, a negation before the modal moved after
    it, an aside as "alone"), which is what the filter is given too."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        self.index = {p: i for i, p in enumerate(patterns)}
        self._res = [re2.compile(p, re2_options()) for p in patterns]

    def hits(self, text: str) -> frozenset[int]:
        read = as_read(text)
        return frozenset(i for i, r in enumerate(self._res) if r.search(read))


@pytest.fixture(scope="module")
def texts() -> list[str]:
    if not DOCS:
        pytest.skip(f"the evaluation set is not at {EVAL}")
    out = []
    for doc in DOCS:
        for s in sentences(read_document(doc)):
            out += [s.text, *clauses_of(s.text)]
    return out


def test_sets_find_what_each_pattern_finds_alone(library, texts):
    patterns = library_patterns(library)
    sets, reference = PatternSet(patterns), OnePatternAtATime(patterns)
    for text in texts:
        assert sets.hits(text) == reference.hits(text), text[:200]


def test_reports_are_the_same_with_the_reference(library, monkeypatch):
    if not DOCS:
        pytest.skip(f"the evaluation set is not at {EVAL}")
    docs = [read_document(d) for d in DOCS]
    fast = [g.check_contract(d, library).model_dump() for d in docs]
    monkeypatch.setattr(analysis, "pattern_set", OnePatternAtATime)
    with unboxed():  # the replaced function lives in this process only
        assert [g.check_contract(d, library).model_dump() for d in docs] == fast


def test_warm_check_leaves_later_reports_unchanged(library):
    doc = read_document(b"The Provider shall delete student data within 30 days of the Board's written request.",
                        "c.txt")
    before = g.check_contract(doc, library)
    g.warm_check(library)
    assert g.check_contract(doc, library) == before
