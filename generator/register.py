"""The contracts register (SQLAlchemy: SQLite by default, PostgreSQL when shared): contracts and
their records, each contract's status, what is due, the public contract page, export/import."""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import json
import os
import threading
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterator

from sqlalchemy import (JSON, Boolean, Date, DateTime, ForeignKey, Integer, LargeBinary, String,
                        Text, create_engine, event, func, select)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from .deadlines import parent_breach_notice_due, website_notice_due
from .errors import InputError, SdpaError
from .models import Board, Library, clean_text

MAX_FILE = 50 * 1024 * 1024


class RegisterError(SdpaError):
    """The register cannot be opened, or a record asked for does not exist or is invalid."""


class Base(DeclarativeBase):
    pass


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


class VendorRow(Base):
    __tablename__ = "vendors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    contact_email: Mapped[str] = mapped_column(String(320), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    contracts: Mapped[list[ContractRow]] = relationship(back_populates="vendor", order_by="ContractRow.id")


class ContractRow(Base):
    __tablename__ = "contracts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id"))
    product: Mapped[str] = mapped_column(String(300))
    title: Mapped[str] = mapped_column(String(300), default="")
    executed: Mapped[date | None] = mapped_column(Date, nullable=True)
    term_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    data_categories: Mapped[list] = mapped_column(JSON, default=list)
    file_name: Mapped[str] = mapped_column(String(300), default="")
    file_sha256: Mapped[str] = mapped_column(String(64), default="")
    file_data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    vendor: Mapped[VendorRow] = relationship(back_populates="contracts")
    checks: Mapped[list[CheckRow]] = relationship(order_by="CheckRow.id")
    notices: Mapped[list[NoticeRow]] = relationship(order_by="NoticeRow.id")
    postings: Mapped[list[PostingRow]] = relationship(order_by="PostingRow.id")
    breaches: Mapped[list[BreachRow]] = relationship(order_by="BreachRow.id")


class CheckRow(Base):
    __tablename__ = "checks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"))
    checked: Mapped[date] = mapped_column(Date)
    library_version: Mapped[str] = mapped_column(String(40))
    compliant: Mapped[bool] = mapped_column(Boolean)
    report: Mapped[dict] = mapped_column(JSON)


class NoticeRow(Base):
    __tablename__ = "notices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"))
    sent: Mapped[date] = mapped_column(Date)
    cure_date: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(20), default="")  # amended, void, withdrawn
    outcome_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class PostingRow(Base):
    __tablename__ = "postings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"))
    posted: Mapped[date] = mapped_column(Date)
    url: Mapped[str] = mapped_column(Text, default="")


class BreachRow(Base):
    __tablename__ = "breaches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"))
    discovered: Mapped[date | None] = mapped_column(Date, nullable=True)
    notice_received: Mapped[date] = mapped_column(Date)
    families_notified: Mapped[date | None] = mapped_column(Date, nullable=True)
    posted: Mapped[date | None] = mapped_column(Date, nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")


class LogRow(Base):
    """Append-only: who changed what, and when. Rows are only ever added."""

    __tablename__ = "log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(60))
    contract_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    details: Mapped[dict] = mapped_column(JSON, default=dict)


TABLES = [VendorRow, ContractRow, CheckRow, NoticeRow, PostingRow, BreachRow, LogRow]


# ---------------------------------------------------------------- opening


def database_url(board: Board | None = None, url: str | None = None) -> str:
    """The register's URL: ``url``, else ``$SDPA_DATABASE_URL``, else the board profile's
    ``database`` (a SQLite path or a URL), else ``sdpa-register.sqlite3``."""
    value = url or os.environ.get("SDPA_DATABASE_URL") or (board.database if board else "") or "sdpa-register.sqlite3"
    return value if "://" in value else f"sqlite:///{Path(value).expanduser()}"


_MIGRATE_LOCK = threading.Lock()  # Alembic's context is global: one migration at a time


def _migrate(engine: Engine) -> None:
    """Bring the schema to Alembic's head; a database already there is left alone."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    head = ScriptDirectory.from_config(cfg).get_current_head()

    def current() -> str | None:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    if current() == head:
        return
    with _MIGRATE_LOCK:
        if current() == head:  # another thread migrated while this one waited
            return
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")


def _wal(cur) -> None:
    """Put a SQLite database in WAL mode (kept in the file, so usually already done). Switching
    fails at once, without waiting, while another connection writes: retry for a while."""
    import sqlite3
    import time

    for _ in range(200):
        cur.execute("PRAGMA journal_mode")
        if cur.fetchone()[0].lower() == "wal":
            return
        try:
            cur.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:
            time.sleep(0.05)
    raise RegisterError("the SQLite register stayed locked; is another program writing to it?")


def open_register(url: str) -> Engine:
    """Connect to the register at ``url`` and bring its schema up to date (Alembic).

    Raises :class:`RegisterError` when the database cannot be reached or migrated.
    """
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": 30})

            @event.listens_for(engine, "connect")
            def _pragmas(dbapi, _):  # WAL: readers and a writer at once; FKs enforced
                cur = dbapi.cursor()
                cur.execute("PRAGMA foreign_keys=ON")
                _wal(cur)
                cur.close()
        else:
            engine = create_engine(url, pool_pre_ping=True)
        try:
            _migrate(engine)
        except BaseException:
            engine.dispose()
            raise
        return engine
    except SQLAlchemyError as exc:
        raise RegisterError(f"cannot open the register at {_redact(url)}: {str(exc).splitlines()[0]}") from None


def _redact(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001
        return "the configured URL"


class Register:
    """The register over one database; every write is one transaction with its log line."""

    def __init__(self, url: str, actor: str | None = None) -> None:
        self.url = url
        self.engine = open_register(url)
        self.actor = actor or os.environ.get("SDPA_USER") or os.environ.get("USER") or "sdpa"

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def close(self) -> None:
        """Close every connection to the database."""
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _log(self, s: Session, action: str, contract_id: int | None, **details: object) -> None:
        s.add(LogRow(at=_now(), actor=self.actor, action=action, contract_id=contract_id,
                     details=json.loads(json.dumps(details, default=str))))

    # -------------------------------------------------------- writing

    def add_contract(self, *, vendor: str, product: str, executed: date | None = None,
                     term_end: date | None = None, title: str = "", description: str = "",
                     purpose: str = "", data_categories: list[str] | None = None,
                     contact_email: str = "", address: str = "", file: Path | None = None) -> int:
        """Add a contract (and its vendor if new); store the signed file with its sha256.
        Returns the contract's id."""
        if not vendor.strip() or not product.strip():
            raise RegisterError("a contract needs a vendor and a product")
        fields = {"vendor": vendor, "product": product, "title": title, "description": description,
                  "purpose": purpose, "contact_email": contact_email, "address": address,
                  **{f"data category {i + 1}": x for i, x in enumerate(data_categories or [])}}
        for field, value in fields.items():
            try:
                clean_text(value)
            except ValueError as exc:
                raise RegisterError(f"{field}: {exc}") from None
        if len(vendor) > 300 or len(product) > 300:
            raise RegisterError("vendor and product are limited to 300 characters")
        blob, name, sha = None, "", ""
        if file:
            file = Path(file)
            try:
                if file.stat().st_size > MAX_FILE:
                    raise RegisterError(f"{file.name}: the file is larger than {MAX_FILE // 2**20} MB")
                blob = file.read_bytes()
            except OSError as exc:
                raise RegisterError(f"{file}: cannot read the contract file ({exc.strerror})") from None
            name, sha = file.name, hashlib.sha256(blob).hexdigest()
        with self.session() as s, s.begin():
            v = s.scalar(select(VendorRow).where(VendorRow.name == vendor.strip()))
            if v is None:
                v = VendorRow(name=vendor.strip(), contact_email=contact_email, address=address)
                s.add(v)
                s.flush()
            c = ContractRow(vendor_id=v.id, product=product.strip(), title=title, executed=executed,
                            term_end=term_end, description=description, purpose=purpose,
                            data_categories=list(data_categories or []), file_name=name,
                            file_sha256=sha, file_data=blob)
            s.add(c)
            s.flush()
            self._log(s, "add contract", c.id, vendor=vendor, product=product, executed=executed,
                      file=name, sha256=sha)
            return c.id

    def _contract(self, s: Session, cid: int) -> ContractRow:
        c = s.get(ContractRow, cid)
        if c is None:
            raise RegisterError(f"no contract with id {cid}")
        return c

    def add_row(self, row: Base, action: str, **details: object) -> int:
        """Add ``row``, a record of the board's that belongs to no contract, and its log line in
        one transaction; return the new record's id."""
        with self.session() as s, s.begin():
            s.add(row)
            s.flush()
            self._log(s, action, None, **details)
            return row.id

    def _add_record(self, cid: int, row: Base, action: str, **details: object) -> int:
        """Add ``row`` for existing contract ``cid`` and its log line in one transaction;
        return the new record's id."""
        with self.session() as s, s.begin():
            self._contract(s, cid)
            s.add(row)
            s.flush()
            self._log(s, action, cid, **details)
            return row.id

    def record_executed(self, cid: int, executed: date) -> None:
        """Record the date the contract was signed by both parties."""
        with self.session() as s, s.begin():
            self._contract(s, cid).executed = executed
            self._log(s, "record executed", cid, executed=executed)

    def record_check(self, cid: int, report: dict, when: date) -> int:
        """Store a contract check's JSON report for contract ``cid``."""
        row = CheckRow(contract_id=cid, checked=when, library_version=str(report.get("library_version", "")),
                       compliant=bool(report.get("compliant")), report=report)
        return self._add_record(cid, row, "record check", compliant=row.compliant, document=report.get("document"))

    def record_notice(self, cid: int, sent: date, cure_date: date) -> int:
        """Record a reasonable-notice amendment letter sent to the vendor."""
        return self._add_record(cid, NoticeRow(contract_id=cid, sent=sent, cure_date=cure_date),
                                "record notice", sent=sent, cure_date=cure_date)

    def record_outcome(self, cid: int, outcome: str, when: date) -> None:
        """Close the contract's latest open notice as ``amended``, ``void`` or ``withdrawn``."""
        if outcome not in ("amended", "void", "withdrawn"):
            raise RegisterError(f"outcome {outcome!r} must be amended, void or withdrawn")
        with self.session() as s, s.begin():
            c = self._contract(s, cid)
            open_ = [n for n in c.notices if not n.outcome]
            if not open_:
                raise RegisterError(f"contract {cid} has no open amendment notice")
            open_[-1].outcome, open_[-1].outcome_date = outcome, when
            self._log(s, "record outcome", cid, outcome=outcome, date=when)

    def record_posting(self, cid: int, posted: date, url: str = "") -> int:
        """Record that the contract's notice was posted on the board's website."""
        return self._add_record(cid, PostingRow(contract_id=cid, posted=posted, url=url),
                                "record posting", posted=posted, url=url)

    def record_breach(self, cid: int, *, notice_received: date, discovered: date | None = None,
                      description: str = "") -> int:
        """Record a vendor's breach notice for contract ``cid``."""
        row = BreachRow(contract_id=cid, discovered=discovered, notice_received=notice_received,
                        description=description)
        return self._add_record(cid, row, "record breach", notice_received=notice_received,
                                discovered=discovered)

    def update_breach(self, bid: int, *, families_notified: date | None = None, posted: date | None = None) -> None:
        """Record when families were notified of breach ``bid``, and when it was posted."""
        with self.session() as s, s.begin():
            b = s.get(BreachRow, bid)
            if b is None:
                raise RegisterError(f"no breach with id {bid}")
            if families_notified:
                b.families_notified = families_notified
            if posted:
                b.posted = posted
            self._log(s, "update breach", b.contract_id, breach=bid, families_notified=families_notified,
                      posted=posted)

    # -------------------------------------------------------- reading

    def contracts(self) -> list[ContractRow]:
        """Every contract with its vendor and records, in id order."""
        from sqlalchemy.orm import selectinload

        with self.session() as s:
            q = select(ContractRow).order_by(ContractRow.id).options(
                selectinload(ContractRow.vendor), selectinload(ContractRow.checks),
                selectinload(ContractRow.notices), selectinload(ContractRow.postings),
                selectinload(ContractRow.breaches))
            return list(s.scalars(q))

    def contract(self, cid: int) -> ContractRow:
        for c in self.contracts():
            if c.id == cid:
                return c
        raise RegisterError(f"no contract with id {cid}")

    def log(self, cid: int | None = None) -> list[LogRow]:
        with self.session() as s:
            q = select(LogRow).order_by(LogRow.id)
            if cid is not None:
                q = q.where(LogRow.contract_id == cid)
            return list(s.scalars(q))

    def count(self, table: type[Base]) -> int:
        with self.session() as s:
            return s.scalar(select(func.count()).select_from(table)) or 0

    # -------------------------------------------------------- editing and duplicates (app)

    EDITABLE = ("vendor", "product", "title", "executed", "term_end", "description", "purpose",
                "data_categories")

    def update_contract(self, cid: int, **changes: object) -> dict[str, list]:
        """Change the contract's descriptive fields (any of :attr:`EDITABLE`; ``vendor`` moves
        it to the vendor of that name, created if new) and log each change as ``[old, new]``
        in one "edit contract" line. Returns the changes made ({} when nothing changed, and
        then nothing is logged). Raises :class:`RegisterError` for an unknown contract or
        field, an empty vendor or product, or text the register refuses."""
        unknown = set(changes) - set(self.EDITABLE)
        if unknown:
            raise RegisterError(f"cannot edit {', '.join(sorted(unknown))} (editable: {', '.join(self.EDITABLE)})")
        for field, value in changes.items():
            if field in ("vendor", "product") and not str(value or "").strip():
                raise RegisterError(f"{field}: a contract needs a {field}")
            for item in value if isinstance(value, list) else [value]:
                try:
                    clean_text(item)
                except ValueError as exc:
                    raise RegisterError(f"{field}: {exc}") from None
            if field in ("vendor", "product", "title") and len(str(value)) > 300:
                raise RegisterError(f"{field}: limited to 300 characters")
        done: dict[str, list] = {}
        with self.session() as s, s.begin():
            c = self._contract(s, cid)
            for field, value in changes.items():
                value = value.strip() if isinstance(value, str) else value
                old = c.vendor.name if field == "vendor" else getattr(c, field)
                if field == "data_categories":
                    value = [str(x).strip() for x in value or [] if str(x).strip()]
                if (old or None) == (value or None):
                    continue
                if field == "vendor":
                    v = s.scalar(select(VendorRow).where(VendorRow.name == value))
                    if v is None:
                        v = VendorRow(name=value)
                        s.add(v)
                        s.flush()
                    c.vendor_id = v.id
                else:
                    setattr(c, field, value)
                done[field] = [old, value]
            if done:
                self._log(s, "edit contract", cid, **done)
        return done

    def find_duplicates(self, vendor: str, product: str) -> list[ContractRow]:
        """The contracts already registered for this vendor and product, compared without
        case, spacing or punctuation ("Acme, Inc." and "ACME Inc" match), in id order."""
        key = (_fold(vendor), _fold(product))
        return [c for c in self.contracts() if (_fold(c.vendor.name), _fold(c.product)) == key]


def _fold(text: str) -> str:
    """``text`` lower-cased with everything but letters and digits removed (for duplicates)."""
    return "".join(ch for ch in str(text).casefold() if ch.isalnum())


# ---------------------------------------------------------------- status and what is due


@dataclass
class Status:
    """A contract's status, derived from its records, and the dates that make it so."""

    status: str  # draft, executed, posted, gaps found, notice sent, cure date passed, void, amended, ended
    why: str


def void_applies(c: ContractRow, library: Library | None = None) -> bool:
    """True when § 10-234bb(f) can void contract ``c`` once its cure date passes: its latest check
    found a § 10-234bb(a) provision lacking and it was executed on or after July 1, 2018
    (:func:`generator.voidness.stored_report_voidness`); never without a check on record."""
    from .voidness import stored_report_voidness

    return bool(c.checks) and stored_report_voidness(c.checks[-1].report, c.executed, library) == "void"


def contract_status(c: ContractRow, today: date, library: Library | None = None) -> Status:
    """Derive the status of contract ``c`` on ``today`` from its records (``library`` tells
    which provisions are § 10-234bb(a) terms; default: the shipped library)."""
    if c.term_end and c.term_end < today:
        return Status("ended", f"the term ended on {c.term_end}")
    for n in reversed(c.notices):
        if n.outcome == "withdrawn":
            continue
        if n.outcome == "amended":
            return Status("amended", f"amended on {n.outcome_date} after the notice of {n.sent}")
        if n.outcome == "void":
            return Status("void", f"recorded void on {n.outcome_date} after the notice of {n.sent}")
        if n.cure_date < today:
            if void_applies(c, library):
                return Status("void", f"notice to amend sent {n.sent}; the cure date {n.cure_date} passed "
                                      "without amendment, and a § 10-234bb(a) provision is lacking in a "
                                      "contract executed on or after 2018-07-01 (§ 10-234bb(f))")
            return Status("cure date passed", f"notice to amend sent {n.sent}; the cure date {n.cure_date} "
                                              "passed without amendment; § 10-234bb(f) does not make it void "
                                              "(no § 10-234bb(a) provision lacking, or executed before "
                                              "2018-07-01 or not known): counsel to decide")
        return Status("notice sent", f"notice to amend sent {n.sent}; the vendor must amend by {n.cure_date}")
    if c.checks and not c.checks[-1].compliant:
        gaps = [p["id"] for p in c.checks[-1].report.get("provisions", []) if p.get("status") != "present"]
        return Status("gaps found", f"check of {c.checks[-1].checked}: not present: {', '.join(gaps) or 'conflicting terms'}")
    if c.postings:
        return Status("posted", f"posted on the website on {c.postings[0].posted}")
    if c.executed:
        return Status("executed", f"executed on {c.executed}; not yet posted")
    return Status("draft", "no execution date recorded")


@dataclass
class DueItem:
    """Something the board must do, by when, and whether that date has passed."""

    contract_id: int | None
    vendor: str
    what: str
    due: date
    overdue: bool
    citation: str


def _breach_items(c: ContractRow, today: date) -> list[DueItem]:
    """Each breach's notice to families and website notice: due whatever the contract's status."""
    items = []
    for b in c.breaches:
        d = parent_breach_notice_due(b.notice_received)
        if not b.families_notified:
            items.append(DueItem(c.id, c.vendor.name, "notify the affected students and parents of the breach",
                                 d, today > d, "board policy; § 10-234dd: 2 business days"))
        if not b.posted:
            items.append(DueItem(c.id, c.vendor.name, "post notice of the breach on the website", d, today > d,
                                 "board policy"))
    return items


def due_items(reg: Register, today: date, board: Board, library: Library | None = None) -> list[DueItem]:
    """What is due or overdue on ``today``: overdue items first, then by date. A breach is due
    whatever the contract's status (an ended contract included); the annual notice is due by
    September 1 and overdue after it until that year's notice is recorded."""
    from .duties import annual_notice_due

    items: list[DueItem] = []
    for c in reg.contracts():
        name = c.vendor.name
        items += _breach_items(c, today)
        st = contract_status(c, today, library)
        if st.status == "ended":
            continue
        if c.executed and not c.postings:
            d = website_notice_due(c.executed)
            items.append(DueItem(c.id, name, "post notice of the executed contract on the website",
                                 d, today > d, "board policy; § 10-234bb: 5 business days"))
        open_ = [n for n in c.notices if not n.outcome]
        if open_:
            n = open_[-1]
            if n.cure_date >= today:
                items.append(DueItem(c.id, name, "vendor must amend the contract", n.cure_date, False,
                                     "§ 10-234bb(f)" if void_applies(c, library) else "board policy"))
            elif st.status == "void":
                items.append(DueItem(c.id, name, "cure date passed without amendment: the contract is void; "
                                     "stop sharing student data and record the outcome", n.cure_date, True,
                                     "§ 10-234bb(f)"))
            else:
                items.append(DueItem(c.id, name, "cure date passed without amendment: counsel to decide "
                                     "whether to keep sharing student data; record the outcome", n.cure_date,
                                     True, "§ 10-234bb(a); board policy"))
        elif st.status == "gaps found":
            items.append(DueItem(c.id, name, "send the vendor notice to amend",
                                 c.checks[-1].checked, False,
                                 "§ 10-234bb(f)" if void_applies(c, library) else "board policy"))
    due, overdue = annual_notice_due(reg, today)
    items.append(DueItem(None, "", f"annual notice to students and parents of {board.public_page}",
                         due, overdue, "board policy: by September 1"))
    return sorted(items, key=lambda i: (not i.overdue, i.due, i.contract_id or 0))


# ---------------------------------------------------------------- the public page


def _safe_cell(value: object) -> str:
    from .batch import safe_cell

    return safe_cell(value)


def _standing(c: ContractRow, today: date) -> str:
    """"In effect", or "Ended on <date>" once the term has ended (the public page's column)."""
    from .render import long_date

    if c.term_end and c.term_end < today:
        return f"Ended on {long_date(c.term_end)}"
    return "In effect"


def publish(reg: Register, out: Path, board: Board, today: date) -> tuple[Path, Path]:
    """Write the public contracts page (``index.html``), ``contracts.csv`` and the contract files
    under ``out/contracts/``. Lists every executed contract, those whose term has ended marked
    as ended (the website keeps information on all contracts), with the notice fields the
    policy requires; holds no personal data about students; escapes every field."""
    from .render import long_date, safe_filename

    out.mkdir(parents=True, exist_ok=True)
    files = out / "contracts"
    files.mkdir(exist_ok=True)
    rows = []
    for c in reg.contracts():
        if not c.executed:
            continue
        link = ""
        if c.file_data is not None:
            suffix = Path(c.file_name).suffix.lower()
            suffix = suffix if suffix in (".pdf", ".docx", ".txt", ".md") else ".bin"
            link = f"contracts/{c.id}-{safe_filename(c.vendor.name)}{suffix}"
            (out / link).write_bytes(c.file_data)
        rows.append((c, link))
    e = html.escape
    body = []
    for c, link in rows:
        data = "".join(f"<li>{e(x)}</li>" for x in c.data_categories) or "<li>See the contract.</li>"
        kind = Path(link).suffix[1:].upper()
        cell = f'<a href="{e(link)}">Contract ({e(kind)})</a>' if link else "On request"
        body.append(
            f'<tr><th scope="row">{e(c.vendor.name)}</th><td>{e(c.product)}</td>'
            f'<td><time datetime="{c.executed.isoformat()}">{e(long_date(c.executed))}</time></td>'
            f"<td>{e(_standing(c, today))}</td>"
            f"<td>{e(c.description or c.title or c.product)}</td><td>{e(c.purpose)}</td><td><ul>{data}</ul></td>"
            f"<td>{cell}</td></tr>")
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Student data contracts: {e(board.name)}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}
table{{border-collapse:collapse;width:100%}}th,td{{border:1px solid #777;padding:.4rem;text-align:left;vertical-align:top}}
caption{{text-align:left;font-weight:bold;margin-bottom:.5rem}}a{{color:#0645ad}}</style>
</head>
<body>
<main>
<h1>Student data contracts</h1>
<p>{e(board.name)} lists here every contract under which a company receives student information,
student records or student-generated content, as Connecticut law requires (Conn. Gen. Stat. § 10-234bb).
Each contract is posted within five business days of being signed. Questions: {e(board.privacy_officer.name)}{f", {e(board.privacy_officer.email)}" if board.privacy_officer.email else ""}.</p>
<p>The address of this page, which we send to students and parents each year by September 1:
<a href="{e(board.public_page)}">{e(board.public_page)}</a></p>
<table>
<caption>Executed contracts ({len(rows)}, those that have ended marked so), updated {e(today.isoformat())}</caption>
<thead><tr><th scope="col">Company</th><th scope="col">Product or service</th><th scope="col">Executed</th>
<th scope="col">In effect</th>
<th scope="col">Description</th><th scope="col">Purpose</th><th scope="col">Student information that may be collected</th>
<th scope="col">Contract</th></tr></thead>
<tbody>
{chr(10).join(body)}
</tbody>
</table>
</main>
</body>
</html>
"""
    page_path = out / "index.html"
    page_path.write_text(page, encoding="utf-8")
    csv_path = out / "contracts.csv"
    with csv_path.open("w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["company", "product", "executed", "in_effect", "description", "purpose", "data_collected",
                    "contract"])
        for c, link in rows:
            w.writerow([_safe_cell(x) for x in (c.vendor.name, c.product, c.executed.isoformat(), _standing(c, today),
                                                  c.description or c.title or c.product, c.purpose,
                                                  "; ".join(c.data_categories), link)])
    return page_path, csv_path


# ---------------------------------------------------------------- export and import


def _encode(value: object) -> object:
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    return value


def export_register(reg: Register) -> dict:
    """The whole register as JSON-ready data, each table in id order (files base64)."""
    out: dict = {"format": "sdpa-register", "version": 1, "tables": {}}
    with reg.session() as s:
        for model in TABLES:
            cols = [col.name for col in model.__table__.columns]
            rows = s.scalars(select(model).order_by(model.id))
            out["tables"][model.__tablename__] = [{k: _encode(getattr(r, k)) for k in cols} for r in rows]
    return out


def _decode(column, value: object) -> object:
    if value is None:
        return None
    if isinstance(column.type, LargeBinary):
        return base64.b64decode(value["base64"])
    if isinstance(column.type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


def import_register(reg: Register, data: dict) -> int:
    """Load an export into an empty register, keeping ids; returns the rows loaded. Raises
    :class:`RegisterError` when the register is not empty or the data is not an export."""
    if not isinstance(data, dict) or data.get("format") != "sdpa-register":
        raise RegisterError("not an sdpa register export (format 'sdpa-register')")
    if reg.count(ContractRow) or reg.count(VendorRow) or reg.count(LogRow):
        raise RegisterError("the register is not empty; import into a new register")
    n = 0
    try:
        with reg.session() as s, s.begin():
            for model in TABLES:
                table = model.__table__
                for row in data["tables"].get(table.name, []):
                    s.execute(table.insert().values({k: _decode(table.c[k], v) for k, v in row.items()}))
                    n += 1
            if reg.engine.dialect.name == "postgresql":
                from sqlalchemy import text

                for model in TABLES:
                    t = model.__tablename__
                    s.execute(text(f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), "
                                   f"COALESCE((SELECT MAX(id) FROM {t}), 0) + 1, false)"))
    except (SQLAlchemyError, KeyError, TypeError, ValueError) as exc:
        raise RegisterError(f"the export cannot be imported: {str(exc).splitlines()[0]}") from None
    return n


def _from_manifest(reader, keys: dict, path: Path) -> Iterator[dict]:
    """A batch manifest: each generated row becomes a draft contract with its addendum attached
    (record the execution date when it is signed)."""
    for raw in reader:
        row = {keys[k]: (v or "").strip() for k, v in raw.items() if k in keys}
        if row.get("outcome") == "rejected" or not row.get("files"):
            continue
        vendor = row["vendor_name"].removeprefix("'") if row["vendor_name"].startswith("'=") else row["vendor_name"]
        yield {"vendor": vendor, "product": row.get("product") or "(see addendum)", "executed": None,
               "title": "Student Data Privacy Addendum", "file": path.parent / row["files"].split()[0]}


def contracts_from_csv(path: Path) -> Iterator[dict]:
    """Rows of a CSV of existing contracts: vendor_name, product, executed, term_end, description,
    purpose, data_collected (; separated), contact_email, contract_file (relative to the CSV); or
    the ``manifest.csv`` of a batch run (see :func:`_from_manifest`)."""
    from .batch import column_key
    from .models import parse_date

    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        reader = csv.DictReader(fh)
        keys = {h: column_key(h) for h in reader.fieldnames or []}
        if {"outcome", "files", "vendor_name"} <= set(keys.values()):
            yield from _from_manifest(reader, keys, path)
            return
        for missing in ("vendor_name", "product"):
            if missing not in keys.values():
                raise InputError(f"{path.name}: required column missing: {missing}")
        for i, raw in enumerate(reader, start=2):
            row = {keys[k]: (v or "").strip() for k, v in raw.items() if k in keys}
            try:
                executed = parse_date(row.get("executed") or row.get("contract_date") or "")
                term_end = parse_date(row.get("term_end", ""))
            except ValueError as exc:
                raise InputError(f"{path.name}: line {i}: {exc}") from None
            file = row.get("contract_file", "")
            yield {"vendor": row["vendor_name"], "product": row["product"], "executed": executed or None,
                   "term_end": term_end or None, "description": row.get("description", ""),
                   "purpose": row.get("purpose", ""), "contact_email": row.get("contact_email", ""),
                   "data_categories": [x.strip() for x in row.get("data_collected", "").split(";") if x.strip()],
                   "file": (path.parent / file) if file else None}
