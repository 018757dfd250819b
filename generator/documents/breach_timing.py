"""A vendor's breach steps against the addendum that quotes them: the addendum promises notice
to the Board no later than 30 days after discovery (60 for directory information, student
records or student-generated content; § 10-234dd, to confirm), so steps that give the vendor
longer to notify the Board would make it contradict itself. With the families' two business
days (:mod:`generator.checking.breach_steps`), the one list of what is wrong with breach steps."""

from __future__ import annotations

import re

from generator.checking.breach_steps import breach_step_problems
from generator.checking.periods import periods
from generator.deadlines import VENDOR_BREACH_DAYS, VENDOR_BREACH_DAYS_DIRECTORY

# a step that tells the Board of the breach; "report" only as a verb ("will report the breach"):
# "a full report within 90 days" is a later step, not the notice
_TELLS = re.compile(r"\b(?:notif(?:y|ies|ied|ication)|notice|inform(?:s|ed)?|alerts?|e-?mails?|tells?|calls?"
                    r"|contacts?)\b|\b(?:will|shall|must|to|promptly|immediately)\s+report\b|\breports\s+(?:the|any|a|each)\b",
                    re.I)
# ... but a period counted from that notice ("a final report within 90 days of our notice") is another step
_FROM_NOTICE = re.compile(r"\s*(?:of|after|following|from)\s+(?:the\s+|our\s+|its\s+|such\s+|that\s+|this\s+)?"
                          r"(?:initial\s+|first\s+)?(?:notice|notification)\b", re.I)
_LONGER_LIMIT = re.compile(r"\b(?:directory information|student records|student-generated content)\b", re.I)
_STEP = re.compile(r"(?<=[.;])\s+")
# one step's clauses: "…within 48 hours, and will send a full report within 90 days" is two
_CLAUSE = re.compile(r",?\s+(?:and|then)\s+(?=(?:will|shall|must|then|thereafter|afterwards)\b)|,\s*then\s+", re.I)


def breach_timing_problems(steps: str) -> list[str]:
    """The parts of ``steps`` (each step's clauses read apart, so a later report's period is not
    the notice's) that give the vendor longer to notify the Board than the addendum allows: more than 30 days after discovery (60 where the step names directory information,
    student records or student-generated content), each as one sentence saying why; [] when
    none does. Never raises."""
    problems = []
    for part in (c for step in _STEP.split(steps or "") for c in _CLAUSE.split(step)):
        if not _TELLS.search(part):
            continue
        limit = VENDOR_BREACH_DAYS_DIRECTORY if _LONGER_LIMIT.search(part) else VENDOR_BREACH_DAYS
        late = next((p for p in periods(part) if p.days > limit and not _FROM_NOTICE.match(part, p.end)), None)
        if late is not None:
            problems.append(f"“{part.strip()[:160]}” gives {part[late.start:late.end]} to notify the Board: the "
                            "addendum says no later than thirty (30) days after discovery (sixty (60) for directory "
                            "information, student records or student-generated content; § 10-234dd, to confirm), "
                            "so the steps must not allow longer")
    return problems


def vendor_breach_problems(steps: str) -> list[str]:
    """Everything wrong with a vendor's breach steps (``steps``), one sentence each: a notice to
    the Board later than the addendum allows (:func:`breach_timing_problems`), and what the Board
    needs to notify families coming later than two business days after the vendor's notice
    (:func:`generator.checking.breach_steps.breach_step_problems`); [] when nothing is. Never raises."""
    return breach_timing_problems(steps) + breach_step_problems(steps)
