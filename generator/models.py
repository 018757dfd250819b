"""Pydantic models: Board, Vendor, the clause library (Provision, Section, Library) and the gap report."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

PROVISION_IDS = ("ownership", "deletion", "use_limitation", "review_correction", "security", "breach_notification",
                 "no_retention", "ferpa", "governing_law", "severability", "no_advertising")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # what a non-UTF-8 command argument decodes to
_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
_US_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
MAX_FIELD = 4000


class Strict(BaseModel):
    """Base for every model: unknown keys are errors, strings are stripped."""

    # each schema is built on first use: a check never builds the board's or a vendor's
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)


MIN_YEAR, MAX_YEAR = 1900, 2199  # dates outside are typing slips (and 9999 breaks date arithmetic)


def in_range(value: date) -> date:
    """``value`` when its year is within ``MIN_YEAR``–``MAX_YEAR``; raise ``ValueError`` otherwise."""
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"{value.isoformat()} is outside the years {MIN_YEAR}-{MAX_YEAR}")
    return value


def parse_date(value: object) -> object:
    """Accept a date, an ISO ``YYYY-MM-DD`` string or a US ``M/D/YYYY`` string; pass others through.
    A date outside the years 1900–2199 raises ``ValueError``."""
    if isinstance(value, datetime):
        return in_range(value.date())
    if isinstance(value, date):
        return in_range(value)
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        m = _US_DATE.match(text)
        try:
            if m:
                month, day, year = (int(g) for g in m.groups())
                parsed = date(year, month, day)
            elif len(text) >= 10 and text[4] == "-":
                parsed = date.fromisoformat(text[:10])
            else:
                return text
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a real date ({exc})") from None
        return in_range(parsed)
    return value


def clean_text(value: object) -> object:
    """Refuse control characters (NUL and the like) in free text; keep newlines and tabs."""
    if isinstance(value, str):
        if _CONTROL.search(value):
            raise ValueError("contains a control character (such as NUL); remove it")
        if _SURROGATE.search(value):
            raise ValueError("is not valid text (bytes that are not UTF-8, or a lone surrogate)")
        if len(value) > MAX_FIELD:
            raise ValueError(f"is {len(value)} characters long; the limit is {MAX_FIELD}")
    return value


# ---------------------------------------------------------------- board and vendor


MAX_CLOSURES = 1000  # closure days in a profile: decades of them; 40,000 would slow every deadline
_LINE = 300          # a name, title or address line
_URL = 2000          # a web address or database URL


class Person(Strict):
    name: str = Field(max_length=_LINE)
    title: str = Field(default="", max_length=_LINE)
    email: str = Field(default="", max_length=320)
    phone: str = Field(default="", max_length=60)


_DOMAIN = re.compile(r"^@?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def check_email(value: str) -> str:
    """``value`` unchanged when it is empty or an email address; raises ValueError ("'x' is not an
    email address") otherwise: the one rule for a vendor's contact email, wherever it is typed."""
    if value and not _EMAIL.match(value):
        raise ValueError(f"{value!r} is not an email address")
    return value


def check_web_address(value: str) -> str:
    """``value`` (stripped) when it is empty or a whole web address: http:// or https://, a host,
    no space and no "…" left from an example. Raises ValueError saying what to give otherwise:
    the one rule for a posted contract's address, wherever it is typed."""
    from urllib.parse import urlsplit

    text = value.strip()
    if not text:
        return text
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        host, parts = None, None
    if (parts is None or parts.scheme.lower() not in ("http", "https") or not host or "…" in text
            or "..." in text or re.search(r"[\s\x00-\x1f\x7f]", text)):
        raise ValueError(f"{value!r} is not a whole web address (give it as it appears in the browser, "
                         "e.g. https://www.district.example/contracts/acme.pdf)")
    return text


def email_key(address: str) -> str:
    """``address`` as sdpa compares it: surrounding spaces removed, the domain (after the last
    ``@``) in ASCII lower case, the local part exactly as given. No Unicode case folding, so a
    look-alike such as the Kelvin sign (U+212A) never matches ``k``. Never raises."""
    local, at, domain = address.strip().rpartition("@")
    return f"{local}{at}{domain.translate(_ASCII_LOWER)}" if at else address.strip().translate(_ASCII_LOWER)


class Access(Strict):
    """Who may do what in the app once sign-in is on: each list holds email addresses
    (``pat@district.org``) or whole domains (``@district.org``); ``deny`` names addresses (or
    domains) that get no access whatever the other lists say. Entries are kept as
    :func:`email_key` gives them. See ``generator.records.access``."""

    admin: list[str] = Field(default_factory=list, max_length=500)
    counsel: list[str] = Field(default_factory=list, max_length=500)
    editor: list[str] = Field(default_factory=list, max_length=500)
    viewer: list[str] = Field(default_factory=list, max_length=500)
    deny: list[str] = Field(default_factory=list, max_length=500)

    @field_validator("admin", "counsel", "editor", "viewer", "deny", mode="after")
    @classmethod
    def _entries(cls, v: list[str]) -> list[str]:
        out = []
        for item in v:
            entry = email_key(item)
            if not (_EMAIL.match(entry) or _DOMAIN.match(entry)):
                raise ValueError(f"{item!r} is neither an email address nor a domain such as @district.org")
            out.append(entry if "@" in entry else f"@{entry}")
        return out


class Board(Strict):
    """The board of education's profile: who it is, who signs, how long a vendor has to cure.
    Every field has a length limit, and ``closures`` at most ``MAX_CLOSURES`` dates."""

    name: str = Field(max_length=_LINE)
    short_name: str = Field(default="", max_length=_LINE)
    address: list[str] = Field(default_factory=list, max_length=12)
    website: str = Field(max_length=_URL)
    contracts_page: str = Field(default="", max_length=_URL)
    privacy_officer: Person
    signatory: Person
    cure_period_days: int = Field(default=30, ge=1, le=365)
    closures: list[date] = Field(default_factory=list, max_length=MAX_CLOSURES)
    # § 1-4 makes Good Friday a legal holiday only when the Governor or the President appoints it:
    # counted only when the board says it was proclaimed (default: not counted, so no statutory
    # deadline is ever pushed past a day that may be an ordinary business day).
    good_friday_proclaimed: bool = False
    # Posting on the website is tracked for contracts executed on or after this date: default
    # July 1, 2018, since when § 10-234bb(a) requires a written contract (verified opening words);
    # the posting rule's own start date is to confirm.
    posting_from: date = date(2018, 7, 1)
    database: str = Field(default="", max_length=_URL)
    access: Access = Field(default_factory=Access)

    @field_validator("name")
    @classmethod
    def _legal_name(cls, v: str) -> str:
        if not v.strip():  # every document names the board: "made between (the "Board") and" is no contract
            raise ValueError("the board's legal name is required")
        return v

    @field_validator("address")
    @classmethod
    def _lines(cls, v: list[str]) -> list[str]:
        for line in v:
            if len(line) > _LINE:
                raise ValueError(f"an address line is {len(line):,} characters long; the limit is {_LINE}")
        return v

    @field_validator("closures", mode="before")
    @classmethod
    def _dates(cls, v: object) -> object:
        if isinstance(v, list) and len(v) > MAX_CLOSURES:  # before parsing 40,000 of them
            raise ValueError(f"{len(v):,} closure dates; the limit is {MAX_CLOSURES:,}")
        return [parse_date(x) for x in v] if isinstance(v, list) else v

    @property
    def public_page(self) -> str:
        """The address given to parents: the contracts page, or the website when none is set."""
        return self.contracts_page or self.website


class Vendor(Strict):
    """A contractor that will receive student data. Only ``name`` is required to build the model;
    which fields a document needs is checked where it is rendered (see ``render.missing_fields``)."""

    name: str = Field(min_length=1, max_length=300)
    product: str = ""
    address: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contract_date: date | None = None
    term_end: date | None = None
    purpose: str = ""
    data_collected: list[str] = Field(default_factory=list)
    deletion_method: str = ""
    review_procedure: str = ""
    breach_steps: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    contract_file: str = ""

    @field_validator("contract_date", "term_end", mode="before")
    @classmethod
    def _date(cls, v: object) -> object:
        return parse_date(v)

    @field_validator("data_collected", mode="before")
    @classmethod
    def _split(cls, v: object) -> object:
        if isinstance(v, str):
            return [p.strip() for p in re.split(r"[;\n]", v) if p.strip()]
        return v

    @field_validator(
        "name", "product", "address", "contact_name", "contact_email", "purpose",
        "deletion_method", "review_procedure", "breach_steps", "signatory_name",
        "signatory_title", "contract_file", mode="before",
    )
    @classmethod
    def _clean(cls, v: object) -> object:
        return clean_text(v)

    @field_validator("data_collected")
    @classmethod
    def _clean_items(cls, v: list[str]) -> list[str]:
        for item in v:
            clean_text(item)
        return v

    @field_validator("contact_email")
    @classmethod
    def _email(cls, v: str) -> str:
        return check_email(v)

    @model_validator(mode="after")
    def _term(self) -> Vendor:
        if self.term_end and self.contract_date and self.term_end < self.contract_date:
            raise ValueError(
                f"term_end {self.term_end} is before contract_date {self.contract_date}"
            )
        return self


# ---------------------------------------------------------------- clause library


class Rule(Strict):
    """A detection rule: a sentence matches when it matches every pattern in ``all``
    (regular expressions, case-insensitive) and none in ``none``. With ``span`` 2 or 3 the
    patterns may be met across that many consecutive sentences of one paragraph."""

    all: list[str] = Field(min_length=1)
    none: list[str] = Field(default_factory=list)
    note: str = ""
    span: int = Field(default=1, ge=1, le=3)  # consecutive sentences of one paragraph the rule may read
    confidence: Literal["high", "low"] = "high"  # low: a match alone leaves the status in doubt


class Weakener(Strict):
    """A pattern that, found in a sentence that would make a provision present, makes it partial;
    with ``counts`` false the sentence does not count at all (a term for another jurisdiction's
    people or data does not count for Connecticut: the labels' convention). ``unless``: a pattern
    that, found in the same sentence, shows the phrase is not a condition of the duty (a request that
    only hastens a deletion due at the end anyway: "or sooner at the District's request")."""

    pattern: str
    reason: str
    counts: bool = True
    unless: str = ""


class Limit(Strict):
    """A time limit a provision caps: ``pattern`` captures a number and a unit (hours, days,
    weeks, months), or four groups: the number (digits or words, "forty-five"), digits in
    parentheses that restate it ("(45)", which win), "business" or "working", and the unit.
    Business and working days count as 7/5 calendar days.

    When ``near`` is set, only the numbers it precedes within ``reach`` characters count (the
    limit for the notice to the school, not for starting an investigation), unless no number
    has it near; the shortest that counts must be at most ``max_days``."""

    pattern: str
    max_days: float
    reason: str
    near: str = ""
    reach: int = Field(default=60, ge=1, le=400)


class FrameRule(Strict):
    """Which duty frame (``checking/frames.py``) makes a provision present. A sentence the
    patterns find counts as present only when its frame binds the contractor (``bound``) with a
    binding modal (or none), names no narrower scope, is not the user's own control and names
    student data (or data in general); otherwise it makes the provision partial at most, and the
    card says what is missing. ``beneficiary``: the parties the duty may be owed to (empty: any);
    ``after_end``: a time that runs after the contract ends makes it partial (retention tails);
    ``actions``: action families one of which the frame must govern when it governs any."""

    bound: list[str] = Field(default_factory=lambda: ["contractor", ""])
    both: bool = False  # the law binds contractor and board (FERPA): terms putting it on the board alone: missing
    procedure: bool = False  # the provision is a procedure: one left blank ("[INSERT PROCEDURES]") is partial
    beneficiary: list[str] = Field(default_factory=list)
    actions: list[str] = Field(default_factory=list)
    after_end: bool = False
    other_data: bool = True  # a frame about only other data (cookies, de-identified, ...) is partial
    needs: list[list[str]] = Field(default_factory=list)  # groups of whole words; one of each must occur
    needs_reason: str = ""  # what the card says when a group is not met
    about_data: bool = True  # the provision governs student data (governing law and severability do not)
    exceptions: list[str] = Field(default_factory=list)  # whole words that, in an exception, make it partial
    allowed: list[str] = Field(default_factory=list)  # whole words of the exceptions the law allows
    mentions: list[str] = Field(default_factory=list)  # actions whose mention alone makes a missing provision partial
    mention_note: str = ""
    # the action families a whole duty of this provision governs (delete, notify, ...): a present
    # finding none of whose sentences states one completely is marked low confidence
    duty_actions: list[str] = Field(default_factory=list)
    # action families one of which a sentence must name as a whole word to be about the provision
    # at all: "deleterious" or "disposition" match a pattern's stem but name no deletion
    topic: list[str] = Field(default_factory=list)
    # a sentence whose frame binds the contractor to one of ``duty_actions`` for student data,
    # complete, makes the provision present even when no pattern found it ("The Provider shall
    # encrypt student data"); with something missing, partial
    finds: bool = False
    # a time the sentence states must be the time of one of ``duty_actions`` owed to the ``beneficiary``: a time
    # for another step ("notify its insurer within five days and notify the District") is no time limit
    timed: bool = False
    # copies an exception or a later sentence says are deleted or overwritten within this many days keep nothing back
    gone_within: int = 0


class ConflictFrame(Strict):
    """A conflict read as a frame: the contractor may (or does) do one of ``actions`` to one of
    ``objects`` (whole words; empty: anything), and none of ``unless`` (whole words) occurs.
    ``finds``: sentences with such a frame are conflicts even when no pattern matched; in any
    case a pattern match whose subject is the user or a parent ("account holders keep ...") is
    not the contractor's term and is dropped, unless ``users_terms``; the board's own act ("The
    District may use directory information to advertise school events") is always dropped."""

    actions: list[str] = Field(min_length=1)
    objects: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    finds: bool = True
    users_terms: bool = False  # a term the user must accept that lets the contractor act is still a conflict
    kept_after: int = 0  # days: only a term keeping data longer than this after the end conflicts (keeping.kept_too_long)
    open_ended: list[str] = Field(default_factory=list)  # with no time stated, words that leave it to the contractor


class Detect(Strict):
    """The signals the contract check uses for one provision."""

    present: list[Rule] = Field(default_factory=list)
    partial: list[Rule] = Field(default_factory=list)
    weakeners: list[Weakener] = Field(default_factory=list)
    limits: list[Limit] = Field(default_factory=list)
    frame: FrameRule = Field(default_factory=FrameRule)
    present_explanation: str = ""
    partial_explanation: str = ""
    missing_explanation: str = ""


class ConflictRule(Strict):
    """A contract term that defeats a provision, with the reason it is void."""

    kind: Literal[
        "advertising", "sale", "retention", "governing_law_other_state",
        "unilateral_change", "ownership", "profiling", "disclosure", "other",
    ]
    rules: list[Rule] = Field(min_length=1)
    explanation: str
    downgrades: bool = True
    frame: ConflictFrame | None = None
    #: the term puts the provision's duty on the board or the user ("Client is solely responsible for FERPA
    #: compliance"): a sentence stating it is no evidence of the provision, whatever words it shares with it
    moves_duty: bool = False
    schools_terms: bool = False  # the term binds the board by its nature (it answers for consent): its own act counts


Basis = Literal["10-234bb(a)", "policy"]


class Provision(Strict):
    """One required provision: metadata, the model clause text (Jinja) and detection signals.

    ``basis`` says where the requirement comes from: ``10-234bb(a)`` for a term § 10-234bb(a)
    requires in the contract (lacking one can void the contract under § 10-234bb(f)), ``policy``
    for a term only the board's policy requires (its absence is a policy gap, never voidness)."""

    number: int = Field(ge=1, le=99)
    id: str
    title: str
    citation: str
    requirement: str
    version: str
    basis: Basis
    basis_note: str = ""  # for a policy term: what the letter adds about the law (e.g. (d)(2))
    fills: list[str] = Field(default_factory=list)
    cure: str = ""
    detect: Detect = Field(default_factory=Detect)
    conflicts: list[ConflictRule] = Field(default_factory=list)
    text: str = ""
    source: str = ""


class Section(Strict):
    """A non-provision part of the addendum (definitions, acknowledgement, precedence, schedule)."""

    id: str
    title: str
    version: str
    citation: str = ""
    text: str = ""
    source: str = ""


class Citations(Strict):
    """What was checked against the statute's text: ``verified`` citations (each with where it
    was read) and citations ``to_confirm`` (each with why). A citation in neither list is
    shown as "to confirm" too."""

    verified: dict[str, str] = Field(default_factory=dict)
    to_confirm: dict[str, str] = Field(default_factory=dict)


class Library(Strict):
    """The whole clause library, loaded from ``clauses/``."""

    name: str
    jurisdiction: str
    statutes: list[str]
    version: str
    effective_date: date
    title: str
    sections: list[str]
    vocabulary: dict[str, str] = Field(default_factory=dict)
    ignore: list[str] = Field(default_factory=list)
    duties: list[str] = Field(default_factory=list)
    definitions: list[str] = Field(default_factory=list)
    citations: Citations = Field(default_factory=Citations)
    provisions: list[Provision]
    parts: dict[str, Section]
    operators: Any = None  # a generator.vetting.OperatorRules from clauses/operators.yaml, or None
    content_hash: str = ""
    # library_key of the folder it was read from (every file and the code that reads them), or ""
    source_key: str = ""

    def a_provisions(self) -> set[str]:
        """Ids of the provisions that are § 10-234bb(a) terms."""
        return {p.id for p in self.provisions if p.basis == "10-234bb(a)"}

    def provision(self, pid: str) -> Provision:
        """Return the provision with id ``pid``; raise ``KeyError`` when there is none."""
        for p in self.provisions:
            if p.id == pid:
                return p
        raise KeyError(pid)

    def without(self, *ids: str) -> Library:
        """A copy of the library with the named provisions left out (to draft a partial addendum)."""
        unknown = set(ids) - {p.id for p in self.provisions}
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        return self.model_copy(
            update={"provisions": [p for p in self.provisions if p.id not in ids]}
        )
