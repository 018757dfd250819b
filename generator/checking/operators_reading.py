"""How one sentence of an operator's terms bears on a restriction of the policy: a commitment
not to do it (with the exceptions it makes), a permission to do it, a transfer of the business
(its successor bound or not), or nothing. Each sentence is read as a duty frame
(``frames.py``): who is bound, whether it is negated, what data; the restriction's words come
from ``clauses/operators.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from generator.checking.frames import Frame, read_frame
from generator.vetting import OperatorRule, OperatorRules

_NEGATION = {"not", "never", "no", "neither", "nor", "cannot", "won't", "don't", "doesn't", "didn't",
             "shan't", "nothing", "without"}
_FORBIDS = {"prohibited", "prohibit", "prohibits", "forbidden", "forbid", "forbids", "refrain", "refrains"}
# a negation that is the user's, not the operator's ("if you do not want us to share ...")
_USERS_NEGATION = {"you", "if", "users", "user", "parents", "students"}
_EXCEPT = re.compile(r"\b(?:unless|except|excluding|other than|but|apart from|save|aside from|without)\b", re.I)
_DATA_WORDS = {"information", "data", "records", "record", "details", "content", "pii", "info"}
_SHARE_FORMS = {"share", "shares", "shared", "sharing", "disclose", "discloses", "disclosed", "disclosing",
                "disclosure", "disclosures", "release", "releases", "released", "transfer", "transfers",
                "transferred", "rent", "sell", "sold"}
_LEARNER_PROFILE = {"learning", "learner", "educational", "school", "academic", "progress", "adaptive"}


@dataclass
class Reading:
    """What one sentence says about one restriction. ``kind``: ``commitment`` (the operator
    will not), ``permission`` (it or a third party may), ``wide`` (a permission whose purpose is
    outside the policy's list but names no advertising or marketing: consent, affiliates, its
    own rights), ``transfer`` (a sale of the business that leaves the successor unbound),
    ``statute`` (the law named as a whole). ``missing``: what the exceptions add beyond the
    policy's list, in words."""

    kind: str
    frame: Frame
    missing: list[str] = field(default_factory=list)


def _words(frame: Frame) -> set[str]:
    return set(frame.words)


def negated_near(frame: Frame, topic: set[str]) -> bool:
    """True when the operator's own negation governs the first word of ``topic`` in the
    sentence: a negation up to eight words before it ("we do not and will not sell"), not the
    user's ("if you do not want us to share"), or a word of prohibition anywhere ("selling
    student data is prohibited"); the frame's own negation ("will only share") counts too."""
    words = list(frame.words)
    first = next((i for i, w in enumerate(words) if w in topic), None)
    if first is None:
        return False
    if _FORBIDS & set(words):
        return True
    for j in range(max(0, first - 8), first):
        if words[j] in _NEGATION or words[j].endswith("n't"):
            if set(words[max(0, j - 3):j]) & _USERS_NEGATION and frame.bound not in ("contractor",):
                return False
            return True
    return frame.negated and frame.bound in ("contractor", "")


def exception_text(frame: Frame) -> str:
    """The words of the sentence's exceptions: its unless / except / other-than clauses and, for
    a list item read with its lead-in, the item itself."""
    parts = list(frame.conditions)
    m = _EXCEPT.search(frame.text)
    if m:
        parts.append(frame.text[m.start():])
    return " ".join(parts)


def exception_ids(words: set[str], rules: OperatorRules, allowed: list[str] | None = None) -> tuple[set[str], list[str]]:
    """The exceptions ``words`` name: the ids inside the policy's list, and the ``missing``
    texts of the wider ones (only those of ``allowed`` ids when given)."""
    within, missing = set(), []
    for exc in rules.exceptions:
        if not words & {w.lower() for w in exc.words}:
            continue
        if exc.within:
            within.add(exc.id)
        elif allowed is None or exc.id in allowed:
            if exc.missing not in missing:
                missing.append(exc.missing)
    return within, missing


@lru_cache(maxsize=64)
def _forms(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _data_named(frame: Frame) -> bool:
    return bool(_words(frame) & _DATA_WORDS) or frame.data == "student"


def transfer_of_business(frame: Frame, rules: OperatorRules) -> bool | None:
    """For a sentence about a merger, acquisition or sale of the business that moves users'
    information: True when it keeps the successor bound, False when it does not; None for any
    other sentence."""
    words = _words(frame)
    if not words & _forms(tuple(rules.merger)) or not _data_named(frame):
        return None
    if not words & (_SHARE_FORMS | {"acquired", "assets", "asset", "pass", "passed", "assign", "assigned",
                                    "part", "included", "among"}):
        return None
    if negated_near(frame, _SHARE_FORMS):
        return None
    return any(re.search(p, frame.text, re.I) for p in rules.successor_bound)


def read_sentence(text: str, rule: OperatorRule, rules: OperatorRules, duty_of_user: bool = False) -> Reading | None:
    """How the sentence ``text`` bears on restriction ``rule``, or None when it does not.
    ``duty_of_user``: the sentence states the user's own duty ("you agree not to sell ..."),
    which binds no operator."""
    frame = read_frame(text)
    words = _words(frame)
    topic = _forms(tuple(rule.topic))
    if duty_of_user or frame.scope or (frame.pointer and frame.binding is None):
        return None
    if any(re.search(p, text, re.I) for p in rules.statute) and not negated_near(frame, {"comply", "complies"}):
        if words & {"comply", "complies", "compliance", "compliant", "accordance", "conform", "adhere", "abide"}:
            return Reading("statute", frame)
    if not words & topic:
        return None
    if frame.bound in ("user", "parent", "board") and frame.binding is not None:
        return None  # the user, a parent or the school may do it: not the operator's act
    rid = rule.id
    if rid == "sale" and words & _forms(tuple(rules.merger)):
        bound = transfer_of_business(frame, rules)
        if bound is False:
            return Reading("transfer", frame, [rules.exceptions[-1].missing] if rules.exceptions else [])
        if bound is True:
            return None  # within the policy's exception
    if rid == "profiling" and not _profile_of_person(frame):
        return None
    negated = negated_near(frame, topic) or (rid == "disclosure" and _kept_confidential(frame))
    if negated:
        if rid in ("sale", "disclosure", "profiling") and not _data_named(frame) and not words & {"it", "them"}:
            return None
        except_words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", exception_text(frame))}
        _, missing = exception_ids(except_words, rules, rule.exceptions)
        if frame.data == "de-identified data" and not except_words & {"de-identified", "deidentified", "aggregate",
                                                                      "aggregated", "anonymized", "anonymised"}:
            return None  # a promise about de-identified data only says nothing of student data
        return Reading("commitment", frame, missing)
    if frame.binding is None and frame.bound == "" and rid != "disclosure" and not words & {"we", "our", "us"}:
        return None  # a statement of no one's act ("advertising is everywhere")
    if words & _forms(tuple(rule.not_permits)):
        return None
    if rule.permits and not all(words & _forms(tuple(g)) for g in rule.permits):
        return _wide_disclosure(frame, rule, rules) if rid == "disclosure" else None
    if rid == "disclosure":
        return _wide_disclosure(frame, rule, rules, strong=True)
    if rid == "sale" and not words & {"sell", "sells", "sold", "selling", "rent", "rents", "renting", "rented",
                                      "trade", "trades", "trading", "monetize", "monetise"}:
        return None
    return Reading("permission", frame)


def _profile_of_person(frame: Frame) -> bool:
    """A profile of a person built by the operator, not the user's own account page ("your
    profile") nor a learner profile used for learning."""
    words = list(frame.words)
    for i, w in enumerate(words):
        if w in ("profile", "profiles"):
            before = set(words[max(0, i - 3):i])
            if before & {"your", "their", "public", "user", "account", "school", "district"} and not before & {"a", "build"}:
                continue
            if before & _LEARNER_PROFILE:
                continue
            return True
        if w == "profiling":
            return True
    return False


def _kept_confidential(frame: Frame) -> bool:
    """The operator binds itself to keep student data confidential (a duty not to disclose)."""
    words = _words(frame)
    return (bool(words & {"confidential", "confidentiality"}) and frame.bound in ("contractor", "")
            and bool(frame.binding) and _data_named(frame) and not frame.negated
            and bool(words & {"keep", "kept", "maintain", "maintained", "treat", "treated", "hold", "held", "remain"}))


def _wide_disclosure(frame: Frame, rule: OperatorRule, rules: OperatorRules, strong: bool = False) -> Reading | None:
    """A permission to disclose: ``permission`` when the recipients or purposes are advertising,
    marketing, partners or the public (``strong``: one of the rule's ``permits`` is named),
    ``wide`` when they are outside the policy's list otherwise (consent, affiliates, the
    operator's own rights), None when they are within it (law, court order, safety, bound
    service providers, the school)."""
    words = _words(frame)
    if not words & _SHARE_FORMS or frame.data == "de-identified data" or not _data_named(frame):
        return None
    if frame.binding is None and frame.bound not in ("contractor",) and not words & {"we", "our", "us"}:
        return None
    within, missing = exception_ids(words, rules, rule.exceptions)
    if strong and words & {"advertisers", "advertising", "marketing", "sponsors", "publicly", "anyone"}:
        return Reading("permission", frame, missing)
    if missing:
        return Reading("wide", frame, missing)
    if within:
        return None
    if strong:
        return Reading("wide", frame, ["disclosure to third parties the terms neither name nor bind"])
    return None
