"""The register's tables (SQLAlchemy declarative models): one class a table, each change to them
with its Alembic migration in ``migrations/versions/``."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from generator.records.database import RegisterError

MAX_TEXT = 1_000_000  # characters in one unbounded text cell (``Text``): what a backup accepts
MAX_CATEGORY = 4000   # characters of one item of a contract's data categories (a JSON list)
MAX_JSON = 5_000_000  # characters of one JSON cell written out (a check's report)


class Base(DeclarativeBase):
    pass


def utc_now() -> datetime:
    """Now, in UTC, to the second: the time stamp of every register record and log line."""
    return datetime.now(timezone.utc).replace(microsecond=0)


def column_limit(model: type[Base], column: str) -> int:
    """The most characters ``model``'s ``column`` holds: its ``String`` length, or
    :data:`MAX_TEXT` for a ``Text`` column. The one source of every length limit (input and
    backups alike)."""
    length = getattr(model.__table__.c[column].type, "length", None)
    return length or MAX_TEXT


def check_lengths(model: type[Base], label: str = "", **values: object) -> None:
    """Refuse text longer than its column of ``model`` holds, before anything is written (so the
    register never holds what a backup could not restore, and PostgreSQL never raises a
    DataError). Raises :class:`RegisterError` naming the field (``label`` when given, else the
    column), its length and the limit."""
    for column, value in values.items():
        limit = column_limit(model, column)
        if isinstance(value, str) and len(value) > limit:
            raise RegisterError(f"{label or column.replace('_', ' ')}: {len(value):,} characters; "
                                f"the limit is {limit:,}")
        if isinstance(value, dict) and len(json.dumps(value, default=str)) > MAX_JSON:
            raise RegisterError(f"{label or column.replace('_', ' ')}: more than {MAX_JSON:,} characters "
                                "of JSON, the limit")
        if column == "data_categories":
            for i, item in enumerate(value or []):
                if len(str(item)) > MAX_CATEGORY:
                    raise RegisterError(f"data category {i + 1}: {len(str(item)):,} characters; "
                                        f"the limit is {MAX_CATEGORY:,}")


class BoardRow(Base):
    """A board of education served by this register (0006): one tenant. Board 1 is the board of
    a register that has only one; every other row of the register belongs to exactly one board."""

    __tablename__ = "boards"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)


class BoardOwned:
    """A mixin: the row belongs to one board (``board_id``, not null, indexed; 0006). The session
    fills it from the board it works for (:mod:`generator.records.tenancy`)."""

    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id"), index=True)


class VendorRow(BoardOwned, Base):
    __tablename__ = "vendors"
    __table_args__ = (UniqueConstraint("board_id", "name", name="uq_vendors_board_name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    contact_email: Mapped[str] = mapped_column(String(320), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    contracts: Mapped[list[ContractRow]] = relationship(back_populates="vendor", order_by="ContractRow.id")


class ContractRow(BoardOwned, Base):
    __tablename__ = "contracts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id"), index=True)  # index: 0007
    product: Mapped[str] = mapped_column(String(300))
    title: Mapped[str] = mapped_column(String(300), default="")
    executed: Mapped[date | None] = mapped_column(Date, nullable=True)
    amended: Mapped[date | None] = mapped_column(Date, nullable=True)  # last amended (0004)
    renewed: Mapped[date | None] = mapped_column(Date, nullable=True)  # last renewed (0004)
    term_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    data_categories: Mapped[list] = mapped_column(JSON, default=list)
    # why the public page does not link the contract (e.g. "redacted copy pending"; 0004)
    withheld_reason: Mapped[str] = mapped_column(Text, default="")
    file_name: Mapped[str] = mapped_column(String(300), default="")
    file_sha256: Mapped[str] = mapped_column(String(64), default="")
    # adopted from another board's general offer (0006): the original contract's id, in the board
    # that signed it (no foreign key: one board's backup restores without the other's rows)
    adopted_from: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # deferred: listing contracts never loads the stored files; Register.contract_file does
    file_data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)
    vendor: Mapped[VendorRow] = relationship(back_populates="contracts")
    checks: Mapped[list[CheckRow]] = relationship(order_by="CheckRow.id")
    notices: Mapped[list[NoticeRow]] = relationship(order_by="NoticeRow.id")
    postings: Mapped[list[PostingRow]] = relationship(order_by="PostingRow.id")
    breaches: Mapped[list[BreachRow]] = relationship(order_by="BreachRow.id")
    reviews: Mapped[list[ReviewRow]] = relationship(order_by="ReviewRow.id")


class CheckRow(BoardOwned, Base):
    __tablename__ = "checks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"))
    checked: Mapped[date] = mapped_column(Date)
    library_version: Mapped[str] = mapped_column(String(40))
    compliant: Mapped[bool] = mapped_column(Boolean)
    report: Mapped[dict] = mapped_column(JSON)


class NoticeRow(BoardOwned, Base):
    __tablename__ = "notices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"))
    sent: Mapped[date] = mapped_column(Date)
    cure_date: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(20), default="")  # amended, void, withdrawn
    outcome_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    outcome_by: Mapped[str] = mapped_column(String(320), default="")  # who recorded it (0004)
    outcome_reason: Mapped[str] = mapped_column(Text, default="")  # why (required for void; 0004)


class ReviewRow(BoardOwned, Base):
    """Counsel's confirmation of one stored check: the verdict a person stands behind, beside the
    reading it confirms or changes (``verdict`` holds, per provision and per conflicting term,
    the reading, the confirmed status and the reason), with who confirmed it and when."""

    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"))
    check_id: Mapped[int] = mapped_column(ForeignKey("checks.id"))
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reviewer: Mapped[str] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(20))
    compliant: Mapped[bool] = mapped_column(Boolean)
    verdict: Mapped[dict] = mapped_column(JSON)


class PostingRow(BoardOwned, Base):
    __tablename__ = "postings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"))
    posted: Mapped[date] = mapped_column(Date)
    url: Mapped[str] = mapped_column(Text, default="")


class BreachRow(BoardOwned, Base):
    __tablename__ = "breaches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"))
    discovered: Mapped[date | None] = mapped_column(Date, nullable=True)
    notice_received: Mapped[date] = mapped_column(Date)
    families_notified: Mapped[date | None] = mapped_column(Date, nullable=True)
    posted: Mapped[date | None] = mapped_column(Date, nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")


class LogRow(BoardOwned, Base):
    """Append-only: who changed what, and when. Rows are only ever added."""

    __tablename__ = "log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(60))
    contract_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    details: Mapped[dict] = mapped_column(JSON, default=dict)


TABLES = [VendorRow, ContractRow, CheckRow, NoticeRow, PostingRow, BreachRow, ReviewRow, LogRow]


# ---------------------------------------------------------------- records that belong to no contract


class AnnualNoticeRow(BoardOwned, Base):
    """The yearly electronic notice to students and parents of the contracts page's address."""

    __tablename__ = "annual_notices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    sent: Mapped[date] = mapped_column(Date)


class ExceptionRow(BoardOwned, Base):
    """A service used without a contract because it is unique and necessary to a child's IEP or
    Section 504 plan and cannot comply: who (a reference, never the name), which plan, what
    service, the evidence of the board's effort to contract, and when the agreement was signed."""

    __tablename__ = "iep_exceptions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_ref: Mapped[str] = mapped_column(String(40))
    plan: Mapped[str] = mapped_column(String(3))
    service: Mapped[str] = mapped_column(String(300))
    operator: Mapped[str] = mapped_column(String(300), default="")
    effort: Mapped[str] = mapped_column(Text)  # the effort to contract with the operator
    # the facts the documents state, as recorded (0004): the service's FERPA / HIPAA / § 10-234cc
    # assurances and where they come from, the search for an equivalent, the PPT member who signed
    assurances: Mapped[str] = mapped_column(Text, default="")
    assurance_source: Mapped[str] = mapped_column(Text, default="")
    equivalent_search: Mapped[str] = mapped_column(Text, default="")
    ppt_member: Mapped[str] = mapped_column(String(200), default="")
    signed: Mapped[date] = mapped_column(Date)  # the parent's signed acknowledgement
    ended: Mapped[date | None] = mapped_column(Date, nullable=True)


# ---------------------------------------------------------------- the district's setup


class BoardProfileRow(BoardOwned, Base):
    """One saved board profile; the newest row is the one in use (older rows are its history)."""

    __tablename__ = "board_profiles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    saved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    saved_by: Mapped[str] = mapped_column(String(320))
    data: Mapped[dict] = mapped_column(JSON)


class DirectoryVendorRow(BoardOwned, Base):
    """A vendor's standing details (name, contacts, procedures), saved once for every page."""

    __tablename__ = "directory_vendors"
    __table_args__ = (UniqueConstraint("board_id", "name", name="uq_directory_vendors_board_name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    details: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str] = mapped_column(String(320))


# ---------------------------------------------------------------- the approved-apps list (0005)


class AppRow(BoardOwned, Base):
    """An app a teacher asked to use on its own terms: who runs it, who asked, and when the board
    looks at it again. Its readings and counsel's confirmations hang below it."""

    __tablename__ = "apps"
    __table_args__ = (UniqueConstraint("board_id", "name", name="uq_apps_board_name"),)  # 0006
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    operator: Mapped[str] = mapped_column(String(300), default="")
    asked_by: Mapped[str] = mapped_column(String(320), default="")
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    review_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    readings: Mapped[list[AppReadingRow]] = relationship(order_by="AppReadingRow.id")
    confirmations: Mapped[list[AppConfirmationRow]] = relationship(order_by="AppConfirmationRow.id")


class AppReadingRow(BoardOwned, Base):
    """One vetting of an app: the documents read (``[{name, sha256, date}]``) and the whole
    :class:`generator.vetting.VetReport` as JSON, with the verdict it read."""

    __tablename__ = "app_readings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("apps.id"))
    read_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    read_by: Mapped[str] = mapped_column(String(320))
    documents: Mapped[list] = mapped_column(JSON)
    verdict: Mapped[str] = mapped_column(String(40))
    report: Mapped[dict] = mapped_column(JSON)


class AppConfirmationRow(BoardOwned, Base):
    """Counsel's verdict on one reading of an app: it holds only for that reading's documents."""

    __tablename__ = "app_confirmations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("apps.id"))
    reading_id: Mapped[int] = mapped_column(ForeignKey("app_readings.id"))
    confirmed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    confirmer: Mapped[str] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(20))
    verdict: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text, default="")
    conditions: Mapped[list] = mapped_column(JSON, default=list)


APP_TABLES = [AppRow, AppReadingRow, AppConfirmationRow]


# every table whose rows belong to one board: scoped by generator.records.tenancy, and on
# PostgreSQL kept to the board's sessions by row-level security (0006)
BOARD_OWNED = [*TABLES, AnnualNoticeRow, ExceptionRow, BoardProfileRow, DirectoryVendorRow, *APP_TABLES]


class OfferRow(Base):
    """A general offer (0006): one board's signed agreement with a vendor, offered to the region's
    other boards on the same terms. Not a board's own record: every board of the register reads
    the offers (a copy of what an adopting board needs), only the offering board writes them."""

    __tablename__ = "offers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id"), index=True)  # the offering board
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), unique=True)
    vendor: Mapped[str] = mapped_column(String(300))
    product: Mapped[str] = mapped_column(String(300))
    executed: Mapped[date] = mapped_column(Date)
    term_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    purpose: Mapped[str] = mapped_column(Text, default="")
    data_categories: Mapped[list] = mapped_column(JSON, default=list)
    offered: Mapped[date] = mapped_column(Date)
    offered_by: Mapped[str] = mapped_column(String(320))
    withdrawn: Mapped[date | None] = mapped_column(Date, nullable=True)


# ---------------------------------------------------------------- what is due, kept beside the records (0007)
# Derived from a contract's records, never exported (a restore rebuilds it), each row of its
# contract's board (kept to it like the records): the register deletes
# a contract's state on every write to it, and generator.records.status rebuilds what is missing.


class DueStateRow(BoardOwned, Base):
    """A contract's due items are up to date for ``basis`` (the library they were derived with);
    its status as of no particular day (``status_base``), which the day turns into "ended" after
    the term's end or into the cure-date-passed status after ``status_cure``; the sentence saying
    why, for each of the three (``why_base``, ``why_cure``, ``why_ended``)."""

    __tablename__ = "due_state"
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), primary_key=True)
    basis: Mapped[str] = mapped_column(String(80))
    status_base: Mapped[str] = mapped_column(String(40), index=True)
    status_cure: Mapped[date | None] = mapped_column(Date, nullable=True)
    why_base: Mapped[str | None] = mapped_column(Text, nullable=True)  # 0008: each status's sentence
    why_cure: Mapped[str | None] = mapped_column(Text, nullable=True)
    why_ended: Mapped[str | None] = mapped_column(Text, nullable=True)


class DueRow(BoardOwned, Base):
    """One thing the board must do for a contract, with the days it applies: shown when the day
    is after ``shown_after`` and not after ``shown_until`` (each when set), and, for the posting,
    only when ``posting_executed`` is on or after the profile's ``posting_from``; overdue when
    ``can_be_overdue`` and the day is after the due date (``due_good_friday`` when the Governor
    proclaimed Good Friday a holiday)."""

    __tablename__ = "due_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), index=True)
    what: Mapped[str] = mapped_column(Text)
    citation: Mapped[str] = mapped_column(String(200))
    due: Mapped[date] = mapped_column(Date, index=True)
    due_good_friday: Mapped[date] = mapped_column(Date)
    can_be_overdue: Mapped[bool] = mapped_column(Boolean)
    shown_after: Mapped[date | None] = mapped_column(Date, nullable=True)
    shown_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    posting_executed: Mapped[date | None] = mapped_column(Date, nullable=True)


# the derived rows: owned by a board like the records, but rebuilt, never backed up
DERIVED_OWNED = [DueStateRow, DueRow]
