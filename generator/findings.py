"""What a check finds: each provision's status with its evidence (a :class:`Finding`), each
conflicting term (a :class:`Conflict`), and the whole :class:`GapReport` of DESIGN.md."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from generator.models import Library

Status = Literal["present", "partial", "missing"]

# The mark on anything that acts on a check counsel has not confirmed (a reading): the letters,
# the redline and the register all use this one wording.
DRAFT_MARK = "DRAFT — not confirmed by counsel"


class Evidence(BaseModel):
    text: str
    location: str


Confidence = Literal["high", "low"]


class Finding(BaseModel):
    """One provision's status with its evidence and reason. ``confidence`` is ``low`` when the
    evidence is thin, the rules disagree, or the status rested on a weakener, a number or a
    conflicting term: staff review those first."""

    number: int
    id: str
    title: str
    citation: str
    status: Status
    confidence: Confidence = "high"
    evidence: list[Evidence] = Field(default_factory=list)
    explanation: str
    doubts: list[str] = Field(default_factory=list, exclude=True)


class Conflict(BaseModel):
    kind: str
    provision: str
    text: str
    location: str
    explanation: str


class GapReport(BaseModel):
    document: str
    sha256: str
    library_version: str
    provisions: list[Finding]
    conflicts: list[Conflict] = Field(default_factory=list)
    compliant: bool
    notes: list[str] = Field(default_factory=list)  # what the reader left out (hidden text), one line each

    def finding(self, pid: str) -> Finding:
        """Return the finding for provision id ``pid``."""
        for f in self.provisions:
            if f.id == pid:
                return f
        raise KeyError(pid)

    @property
    def gaps(self) -> list[Finding]:
        """The provisions that are not present (missing or partial), in order."""
        return [f for f in self.provisions if f.status != "present"]

    def a_gaps(self, library: Library) -> list[Finding]:
        """The gaps in provisions that § 10-234bb(a) requires (the only gaps that can make a
        contract void under § 10-234bb(f)), in order."""
        required = library.a_provisions()
        return [f for f in self.gaps if f.id in required]

    def policy_gaps(self, library: Library) -> list[Finding]:
        """The gaps in provisions only the board's policy requires (or that ``library`` does not
        know), in order: never grounds to call the contract void."""
        required = library.a_provisions()
        return [f for f in self.gaps if f.id not in required]

    def summary(self) -> str:
        """One line, e.g. ``7 of 11 present, 2 partial, 2 missing, 1 conflict``."""
        n = len(self.provisions)
        present = sum(f.status == "present" for f in self.provisions)
        partial = sum(f.status == "partial" for f in self.provisions)
        missing = n - present - partial
        c = len(self.conflicts)
        return (
            f"{present} of {n} present, {partial} partial, {missing} missing, "
            f"{c} conflict{'s' if c != 1 else ''}"
        )
