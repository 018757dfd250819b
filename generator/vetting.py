"""What vetting an app finds: whether an operator's own terms say it will do what the board's
policy (Conn. Gen. Stat. § 10-234cc, restated in the policy's section on operators) forbids.

The ids and values are those of ``../shared/eval/OPERATORS.md``: an ``audience`` of ``school``,
``general`` or ``unclear``, and for each of the four restrictions a status of ``prohibited``,
``limited``, ``silent`` or ``allowed``. :class:`VetReport` is what ``sdpa vet``, the *Vet an app*
page, the approved-apps list and the letter to an operator all read.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from generator.findings import Confidence, Evidence

Audience = Literal["school", "general", "unclear"]
RestrictionStatus = Literal["prohibited", "limited", "silent", "allowed"]
Verdict = Literal["may be used", "may be used with conditions", "may not be used"]

RESTRICTION_IDS = ("targeted_advertising", "profiling", "sale", "disclosure")


class RestrictionReading(BaseModel):
    """One restriction as the operator's terms treat it, with the sentences that decided it and
    the policy's own wording beside them. ``missing`` says, in words, what keeps a commitment
    from being as strict as the policy (e.g. "sale to affiliates is excepted")."""

    id: str
    title: str
    status: RestrictionStatus
    confidence: Confidence = "high"
    evidence: list[Evidence] = Field(default_factory=list)
    policy: str
    explanation: str
    missing: list[str] = Field(default_factory=list)


class PermittedUse(BaseModel):
    """A use the policy allows (maintenance and support, adaptive learning, de-identified use to
    improve the service, aggregated de-identified sharing), recognised so it never counts
    against the operator."""

    id: str
    title: str
    evidence: list[Evidence] = Field(default_factory=list)


class VettedDocument(BaseModel):
    """One document of the service that was read: its name and the SHA-256 of its bytes (a new
    hash means the operator's terms changed and the app is vetted again)."""

    name: str
    sha256: str


class VetReport(BaseModel):
    """The whole reading of one service's documents: audience, the four restrictions, the
    permitted uses, and a verdict in plain words with the policy's reason and, for silent or
    limited items, what to ask the operator to confirm."""

    documents: list[VettedDocument]
    library_version: str
    audience: Audience
    audience_evidence: list[Evidence] = Field(default_factory=list)
    restrictions: dict[str, RestrictionReading]
    permitted_uses: list[PermittedUse] = Field(default_factory=list)
    verdict: Verdict
    reason: str
    conditions: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    def restriction(self, rid: str) -> RestrictionReading:
        """Return the reading of restriction ``rid`` (one of :data:`RESTRICTION_IDS`)."""
        return self.restrictions[rid]

    def to_json_dict(self) -> dict:
        """Return the ``--format json`` shape: ``{"audience", "restrictions": {id: {"status",
        "confidence", "evidence"}}, "verdict", ...}`` with the ids and values of OPERATORS.md."""
        data = self.model_dump()
        data["restrictions"] = {rid: self.restrictions[rid].model_dump() for rid in RESTRICTION_IDS
                                if rid in self.restrictions}
        return data
