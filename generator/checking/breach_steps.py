"""A vendor's own breach steps, checked against the Board's two-business-day notice to families
(board policy; § 10-234dd, to confirm): steps that deliver what the Board needs to notify the
families (who is affected, what was released) later than the vendor's notice defeat it.

What counts is the time between the vendor's notice and that information. Information sent
*with* the notice ("we notify the Board within 72 hours, with the list of affected students")
keeps the Board's two days whole, whenever the notice itself comes; information that follows
the notice ("the list follows within 5 days of our notice") gives the Board too little time when
it may come more than two business days later."""

from __future__ import annotations

import re

from generator.checking.periods import periods

FAMILY_NOTICE_BUSINESS_DAYS = 2
# what the Board needs from the vendor before it can tell families
_NEEDED = re.compile(r"\b(?:affected|list|names?|identit(?:y|ies)|identif(?:y|ies|ied|ying)|identification)\b", re.I)
# the information goes out with the notice itself
_WITH_NOTICE = re.compile(r"\b(?:notify|notifies|notice|inform|informs|alert|alerts|e-?mails?|tells?|calls?|reports?)\b"
                          r"[^.;]*\b(?:with|including|together with|along with|and include|which (?:will )?includes?)\b"
                          r"[^.;]*" + _NEEDED.pattern, re.I)
# ... unless the period is counted from the notice: then it comes after it
_AFTER_NOTICE = re.compile(r"\b(?:of|after|following|from)\s+(?:the\s+|our\s+|its\s+|such\s+|that\s+)?"
                           r"(?:initial\s+|first\s+)?(?:notice|notification)\b", re.I)
# sentences, and the items of a list "(1) ... (2) ..." (not the "(72)" of "seventy-two (72) hours")
_SENTENCE = re.compile(r"(?<=[.;])\s+|\(\d{1,2}\)(?!\s*(?:business |working |calendar )?(?:hours?|days?|weeks?|months?|years?)\b)\s*", re.I)


def _too_late(days: float, unit: str, working: bool) -> bool:
    """Whether a period is longer than two business days (48 hours)."""
    if unit == "hour":
        return days * 24 > 48
    if unit == "day":
        return days > FAMILY_NOTICE_BUSINESS_DAYS * (7 / 5 if working else 1)
    return True  # a week, a month or a year


def breach_step_problems(steps: str) -> list[str]:
    """The parts of ``steps`` (the vendor's breach procedure) that give the vendor longer than
    two business days (48 hours) after its notice to deliver what the Board needs to notify
    families, each as one sentence saying why; [] when none does. Never raises."""
    problems = []
    for part in _SENTENCE.split(steps or ""):
        if not part or not _NEEDED.search(part):
            continue
        if _WITH_NOTICE.search(part) and not _AFTER_NOTICE.search(part):
            continue  # the information comes with the notice
        late = next((p for p in periods(part) if _too_late(p.days, p.unit, p.working)), None)
        if late is not None:
            said = part[late.start:late.end]
            problems.append(f"“{part.strip()[:160]}” gives {said}: the Board must notify the families within two "
                            "business days of the vendor's notice (board policy; § 10-234dd, to confirm), so what "
                            "it needs must come with the notice or within two business days of it")
    return problems
