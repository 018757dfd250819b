"""What vetting an app finds: whether an operator's own terms say it will do what the board's
policy (Conn. Gen. Stat. § 10-234cc, restated in the policy's section on operators) forbids.

The ids and values are those of ``../shared/eval/OPERATORS.md``: an ``audience`` of ``school``,
``general`` or ``unclear``, and for each of the four restrictions a status of ``prohibited``,
``limited``, ``silent`` or ``allowed``. :class:`VetReport` is what ``sdpa vet``, the *Vet an app*
page, the approved-apps list and the letter to an operator all read.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from generator.findings import Confidence, Evidence

Audience = Literal["school", "general", "unclear"]
RestrictionStatus = Literal["prohibited", "limited", "silent", "allowed"]
Verdict = Literal["may be used", "may be used with conditions", "may not be used"]

RESTRICTION_IDS = ("targeted_advertising", "profiling", "sale", "disclosure")

#: The reminder printed beside every automated verdict on an app (the Vet page, the reports).
VET_NOTE = ("This is an automated reading of the app's terms, for counsel to confirm: it can miss "
            "or misread a term. Check each restriction against the terms before relying on the verdict.")


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


class _Rules(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# ---------------------------------------------------------------- operator rules (clauses/operators.yaml)


class OperatorException(_Rules):
    """An exception a commitment may make, named by whole ``words``; ``within`` the policy's list,
    or wider, with what is ``missing`` in words. (The keys: see clauses/operators.yaml.)"""

    id: str
    words: list[str] = Field(min_length=1)
    also: list[str] = Field(default_factory=list)  # when given, one of these must be named too
    within: bool = False
    missing: str = ""


class OperatorRule(_Rules):
    """One of the policy's four restrictions on operators, as frames (clauses/operators.yaml)."""

    id: str
    title: str
    citation: str
    policy: str
    topic: list[str] = Field(min_length=1)
    actions: list[str] = Field(default_factory=list)
    permits: list[list[str]] = Field(default_factory=list)
    not_permits: list[str] = Field(default_factory=list)
    exceptions: list[str] = Field(default_factory=list)
    ask: str
    prohibited: str
    limited: str
    silent: str
    allowed: str


class PermittedUseRule(_Rules):
    """A use the policy allows an operator: a sentence names a word of each group of ``needs``."""

    id: str
    title: str
    needs: list[list[str]] = Field(min_length=1)


class AudienceRule(_Rules):
    """Who a service is designed and marketed for, and the policy's general-audience exception."""

    school: list[str] = Field(min_length=1)
    school_phrases: list[str] = Field(default_factory=list)
    general_phrases: list[str] = Field(default_factory=list)
    school_share: float = Field(default=0.1, ge=0, le=1)
    general_share: float = Field(default=0.02, ge=0, le=1)
    exception: str
    citation: str


class OperatorRules(_Rules):
    """The policy's operator section as data (clauses/operators.yaml)."""

    version: str
    citation: str
    restrictions: list[OperatorRule] = Field(min_length=1)
    exceptions: list[OperatorException] = Field(default_factory=list)
    permitted_uses: list[PermittedUseRule] = Field(default_factory=list)
    audience: AudienceRule
    statute: list[str] = Field(default_factory=list)
    merger: list[str] = Field(default_factory=list)
    successor_bound: list[str] = Field(default_factory=list)

    def restriction(self, rid: str) -> OperatorRule:
        """Return the restriction with id ``rid``; raise ``KeyError`` when there is none."""
        for r in self.restrictions:
            if r.id == rid:
                return r
        raise KeyError(rid)
