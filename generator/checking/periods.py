"""Periods of time a contract states ("within 30 days", "forty-five (45) days", "seventy-two
hours", "one month"): one reading of numbers in digits or words for every rule that compares a
time limit — the check's limits, the duty frames' "when", and the vendor's breach steps."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ONES = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}
WORK_WEEK = 7 / 5  # a business or working day, in calendar days

_NUMBER_WORD = "|".join(sorted([*_ONES, *_TENS, "hundred"], key=len, reverse=True))
_PERIOD = re.compile(
    rf"\b(?P<num>\d{{1,9}}|(?:(?:{_NUMBER_WORD})(?:[- ]|\s+and\s+))*(?:{_NUMBER_WORD}))\s*"
    r"(?:\(\s*(?P<paren>\d{1,9})\s*\)\s*)?(?P<working>business |working |calendar )?"
    r"(?P<unit>hours?|days?|weeks?|months?|years?)\b", re.I)


def number_value(words: str) -> float | None:
    """The value of a number in digits or words ("45", "forty-five", "one hundred eighty"), or
    None when it is not one."""
    words = words.strip().lower()
    if words.isdigit():
        return float(words) if len(words) <= 9 else float("inf")
    total, current = 0, 0
    for w in words.replace("-", " ").split():
        if w in _ONES:
            current += _ONES[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w != "and":
            return None
    total += current
    return float(total) if total else None


@dataclass(frozen=True)
class Period:
    """One stated period: its length in calendar ``days`` (business or working days converted),
    the number and unit as written (``amount``, ``unit``, ``working``), and where it stands."""

    days: float
    amount: float
    unit: str
    working: bool
    start: int
    end: int


_UNITS = ("hour", "day", "week", "month", "year")


def periods(text: str) -> list[Period]:
    """Every period ``text`` states, in order. The number in brackets wins over the words before
    it ("seventy-two (72) hours" is 72 hours)."""
    folded = text.casefold()  # every period names its unit: most sentences need no search (the
    if not any(unit in folded for unit in _UNITS):  # pattern tries its numbers at every word)
        return []
    found = []
    for m in _PERIOD.finditer(text):
        value = number_value(m.group("paren") or m.group("num"))
        if not value:
            continue
        unit = m.group("unit").lower().rstrip("s")
        working = bool(m.group("working")) and m.group("working").strip().lower() != "calendar"
        days = value * UNIT_DAYS[unit] * (WORK_WEEK if working and unit == "day" else 1)
        found.append(Period(days, value, unit, working, m.start(), m.end()))
    return found
