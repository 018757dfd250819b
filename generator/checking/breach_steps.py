"""A vendor's own breach steps, checked against the Board's two-business-day notice to families
(board policy; § 10-234dd, to confirm): steps that deliver what the Board needs to notify the
families (who is affected, what was released) later than that defeat the notice."""

from __future__ import annotations

import re

FAMILY_NOTICE_BUSINESS_DAYS = 2
# what the Board needs from the vendor before it can tell families
_NEEDED = re.compile(r"\b(?:affected|list|names?|identit\w*|identif\w*)\b", re.I)
_PERIOD = re.compile(
    r"\b(?:within|in|up to|no later than|not later than|after|of)\s+(?:\w+\s+)?\(?(\d{1,4})\)?\s*"
    r"(business |working |calendar )?(days?|hours?|weeks?)\b", re.I)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10,
          "fourteen": 14, "fifteen": 15, "thirty": 30}
_WORD_PERIOD = re.compile(r"\b(?:within|in|up to|no later than|not later than)\s+(" + "|".join(_WORDS)
                          + r")\s+(business |working |calendar )?(days?|hours?|weeks?)\b", re.I)


def _too_long(amount: int, kind: str, unit: str) -> bool:
    unit = unit.lower()
    if unit.startswith("hour"):
        return amount > 48
    if unit.startswith("week"):
        return True
    return amount > FAMILY_NOTICE_BUSINESS_DAYS


def breach_step_problems(steps: str) -> list[str]:
    """The parts of ``steps`` (the vendor's breach procedure) that give the vendor longer than
    two business days (48 hours) to deliver what the Board needs to notify families, each as
    one sentence saying why; [] when none does. Never raises."""
    problems = []
    for part in re.split(r"(?<=[.;,])\s+|\(\d\)\s*|\s+and\s+", steps or ""):
        if not _NEEDED.search(part):
            continue
        found = [(int(m.group(1)), m.group(2) or "", m.group(3)) for m in _PERIOD.finditer(part)]
        found += [(_WORDS[m.group(1).lower()], m.group(2) or "", m.group(3)) for m in _WORD_PERIOD.finditer(part)]
        for amount, kind, unit in found:
            if _too_long(amount, kind, unit):
                problems.append(f"“{part.strip()[:160]}” gives {amount} {kind}{unit}: the Board must notify the "
                                "families within two business days of the vendor's notice (board policy; "
                                "§ 10-234dd, to confirm), so what it needs must come with the notice")
                break
    return problems
