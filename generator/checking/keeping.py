"""How long a term lets the contractor keep student data after the contract ends (§ 10-234bb(a)(7)): copies said
to be gone within the limit a provision allows are not kept (:func:`gone_in_time`); a term that keeps them longer,
or for a time the contractor chooses, is a retention conflict (:func:`kept_too_long`).

    kept_too_long(read_frame("The Vendor may retain Student Data for 36 months after termination."), spec) is True
"""

from __future__ import annotations

import re

from generator.checking.frames import BOARD_WORDS, Frame
from generator.checking.periods import periods

_GONE = re.compile(r"\b(?:overwritten|deleted|destroyed|purged|erased|wiped)\b", re.I)
# copies that outlast the live data: kept after the end whatever the sentence says of the contract
_COPIES = {"backup", "backups", "archive", "archives", "archived", "archival", "copies"}
_YEAR = 365  # a time longer than this outlasts the school year whenever it starts


def gone_in_time(text: str, rule) -> bool:
    """Whether ``text`` (an exception for copies, or a sentence about them) says the copies are deleted or
    overwritten, and every time it states is within the rule's ``gone_within`` days ("backups are overwritten on a
    thirty-day rotation"): they are then not kept."""
    if not rule.gone_within or not _GONE.search(text):
        return False
    days = [p.days for p in periods(text)]
    return bool(days) and max(days) <= rule.gone_within


def kept_too_long(frame: Frame, spec) -> bool:
    """Whether the term ``frame`` reads keeps data longer than ``spec`` (a ``ConflictFrame``) allows: a time beyond
    ``spec.kept_after`` days that runs after the contract ends or applies to backups and archives, or beyond a year
    from any start ("for seven years after each trip"); with no time stated, a time left to the contractor (one of
    ``spec.open_ended``: "its standard retention schedule", "such period as it determines"). A deletion counts only
    as one of copies that come too late ("backups are deleted within 13 months")."""
    if frame.disclaimed:
        return False  # "We do not warrant that data will be retained indefinitely"
    words = set(frame.words)
    days = [p.days for p in periods(frame.text)]
    copies = bool(words & _COPIES)
    if "retain" not in frame.actions:
        return copies and bool(days) and min(days) > spec.kept_after
    if days:
        return max(days) > _YEAR or (max(days) > spec.kept_after and (frame.after_end or copies))
    open_ended = {w.lower() for w in spec.open_ended}
    said = [w.removesuffix("'s") for w in frame.words]  # (a frame's words are in lower case, with ’ read as ')
    # the school's own schedule ("the District's records retention schedule") is not the contractor's choice
    named = [k for k, w in enumerate(said) if w in open_ended]
    return bool(named) and not any(BOARD_WORDS & set(said[max(0, k - 4):k]) for k in named)


def kept_briefly(frame: Frame, spec) -> bool:
    """Whether the term ``frame`` reads keeps the data only for a stated time within ``spec.kept_after`` days
    ("for sixty days after termination so that the District can export it"): no retention conflict, whatever words
    it shares with one."""
    if not spec.kept_after or "retain" not in frame.actions:
        return False  # (every conflict found by its words passes here: the periods are read only when they can count)
    days = [p.days for p in periods(frame.text)]
    return bool(days) and max(days) <= spec.kept_after
