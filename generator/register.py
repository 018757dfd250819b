"""The contracts register (SQLAlchemy: SQLite by default, PostgreSQL when shared): contracts and
their records, each contract's status, what is due, the public contract page, export/import."""

from __future__ import annotations

import csv
import hashlib
import html
import json
import os
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import (JSON, Boolean, Date, DateTime, ForeignKey, Integer, LargeBinary, String,
                        Text, func, select)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from .database import RegisterError, database_url, open_register  # noqa: F401 - database_url: re-exported
from .deadlines import parent_breach_notice_due, website_notice_due
from .errors import InputError, SdpaError
from .models import Board, Library, clean_text

MAX_FILE = 50 * 1024 * 1024


class Base(DeclarativeBase):
    pass


def utc_now() -> datetime:
    """Now, in UTC, to the second: the time stamp of every register record and log line."""
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
    # deferred: listing contracts never loads the stored files; Register.contract_file does
    file_data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)
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


def read_contract_file(path: Path) -> tuple[bytes, str, str]:
    """The bytes, name and sha256 of a contract file to store: a regular file of at most
    ``MAX_FILE`` bytes actually read. Raises :class:`RegisterError` naming it otherwise."""
    from .limits import read_bounded

    try:
        blob = read_bounded(path, MAX_FILE, str(path))
    except SdpaError as exc:
        raise RegisterError(str(exc)) from None
    return blob, path.name, hashlib.sha256(blob).hexdigest()


def vendor_id(s: Session, name: str, contact_email: str = "", address: str = "") -> int:
    """The id of vendor ``name``, created if new, inside the caller's transaction. Safe when
    many processes add one new vendor at once: the insert does nothing on a name already taken
    (``ON CONFLICT DO NOTHING``), then the row is read back."""
    if s.bind.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    s.execute(insert(VendorRow).values(name=name, contact_email=contact_email, address=address)
              .on_conflict_do_nothing(index_elements=["name"]))
    return s.scalar(select(VendorRow.id).where(VendorRow.name == name))


class Register:
    """The register over one database; every write is one transaction with its log line."""

    def __init__(self, url: str, actor: str | None = None) -> None:
        self.url = url
        self.engine = open_register(url)
        self.actor = actor or os.environ.get("SDPA_USER") or os.environ.get("USER") or "sdpa"

    def session(self) -> Session:
        """A session; each ``with s.begin()`` is one transaction (on SQLite it holds the write
        lock from its start)."""
        return Session(self.engine, expire_on_commit=False)

    def snapshot(self) -> Session:
        """A read-only session whose one transaction sees one consistent state of the register
        (SQLite: a deferred ``BEGIN`` in WAL mode; PostgreSQL: ``REPEATABLE READ``)."""
        options = ({"isolation_level": "REPEATABLE READ"} if self.engine.dialect.name == "postgresql"
                   else {"sdpa_snapshot": True})
        return Session(self.engine.execution_options(**options), expire_on_commit=False)

    def contract_file(self, cid: int) -> bytes | None:
        """The stored file of contract ``cid`` (None when it has none); raises
        :class:`RegisterError` when there is no such contract. Only this loads a file."""
        with self.snapshot() as s:  # a read: never waits for the write lock
            c = self._contract(s, cid)
            return c.file_data

    def close(self) -> None:
        """Close every connection to the database."""
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def log_change(self, s: Session, action: str, contract_id: int | None = None, **details: object) -> None:
        """Add the log line for a change made in session ``s`` (its caller's transaction), signed
        with this register's actor (cut to the column's 120 characters)."""
        s.add(LogRow(at=utc_now(), actor=self.actor[:120], action=action, contract_id=contract_id,
                     details=json.loads(json.dumps(details, default=str))))

    # -------------------------------------------------------- writing

    def add_contract(self, **fields: Any) -> int:
        """Add a contract (and its vendor if new); store the signed file with its sha256. Takes
        the keyword arguments of :meth:`insert_contract`; returns the contract's id."""
        with self.session() as s, s.begin():
            return self.insert_contract(s, **fields)

    def insert_contract(self, s: Session, *, vendor: str, product: str, executed: date | None = None,
                        term_end: date | None = None, title: str = "", description: str = "",
                        purpose: str = "", data_categories: list[str] | None = None,
                        contact_email: str = "", address: str = "", file: Path | None = None) -> int:
        """:meth:`add_contract` inside the caller's transaction ``s`` (for imports that add many
        contracts all-or-nothing). Raises :class:`RegisterError` naming the bad field."""
        from .models import in_range

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
        for field, day in (("executed", executed), ("term_end", term_end)):
            try:
                if day is not None:
                    in_range(day)
            except ValueError as exc:
                raise RegisterError(f"{field}: {exc}") from None
        if len(vendor) > 300 or len(product) > 300:
            raise RegisterError("vendor and product are limited to 300 characters")
        blob, name, sha = None, "", ""
        if file:
            blob, name, sha = read_contract_file(Path(file))
        vid = vendor_id(s, vendor.strip(), contact_email, address)
        c = ContractRow(vendor_id=vid, product=product.strip(), title=title, executed=executed,
                        term_end=term_end, description=description, purpose=purpose,
                        data_categories=list(data_categories or []), file_name=name,
                        file_sha256=sha, file_data=blob)
        s.add(c)
        s.flush()
        self.log_change(s, "add contract", c.id, vendor=vendor, product=product, executed=executed,
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
            self.log_change(s, action, None, **details)
            return row.id

    def _add_record(self, cid: int, row: Base, action: str, **details: object) -> int:
        """Add ``row`` for existing contract ``cid`` and its log line in one transaction;
        return the new record's id."""
        with self.session() as s, s.begin():
            self._contract(s, cid)
            s.add(row)
            s.flush()
            self.log_change(s, action, cid, **details)
            return row.id

    def record_executed(self, cid: int, executed: date) -> None:
        """Record the date the contract was signed by both parties."""
        with self.session() as s, s.begin():
            self._contract(s, cid).executed = executed
            self.log_change(s, "record executed", cid, executed=executed)

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
            self.log_change(s, "record outcome", cid, outcome=outcome, date=when)

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
            self.log_change(s, "update breach", b.contract_id, breach=bid, families_notified=families_notified,
                      posted=posted)

    # -------------------------------------------------------- reading

    def contracts(self) -> list[ContractRow]:
        """Every contract with its vendor and records, in id order."""
        from sqlalchemy.orm import selectinload

        with self.snapshot() as s:  # a read: never waits for the write lock
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
        with self.snapshot() as s:  # a read: never waits for the write lock
            q = select(LogRow).order_by(LogRow.id)
            if cid is not None:
                q = q.where(LogRow.contract_id == cid)
            return list(s.scalars(q))

    def count(self, table: type[Base]) -> int:
        with self.snapshot() as s:  # a read: never waits for the write lock
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
                    c.vendor_id = vendor_id(s, value)
                else:
                    setattr(c, field, value)
                done[field] = [old, value]
            if done:
                self.log_change(s, "edit contract", cid, **done)
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
        if c.file_sha256:
            suffix = Path(c.file_name).suffix.lower()
            suffix = suffix if suffix in (".pdf", ".docx", ".txt", ".md") else ".bin"
            link = f"contracts/{c.id}-{safe_filename(c.vendor.name)}{suffix}"
            (out / link).write_bytes(reg.contract_file(c.id) or b"")  # one stored file at a time
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


# ---------------------------------------------------------------- CSV of contracts (export and import: backup.py)


def _from_manifest(reader, keys: dict, path: Path) -> Iterator[dict]:
    """A batch manifest: each generated row becomes a draft contract with its addendum attached
    (record the execution date when it is signed). Cells sdpa neutralised are read as written."""
    from .batch import read_cell
    from .paths import resolve_inside

    for raw in reader:
        row = {keys[k]: read_cell((v or "").strip()) for k, v in raw.items() if k in keys}
        if row.get("outcome") == "rejected" or not row.get("files"):
            continue
        line = reader.line_num
        try:
            file = resolve_inside(path.parent, row["files"].split()[0], "files")
        except InputError as exc:
            raise InputError(f"{path.name}: line {line}: {exc}") from None
        yield {"line": line, "vendor": row["vendor_name"], "product": row.get("product") or "(see addendum)",
               "executed": None, "title": "Student Data Privacy Addendum", "file": file}


def contracts_from_csv(path: Path) -> Iterator[dict]:
    """Rows of a CSV of existing contracts: vendor_name, product, executed, term_end, description,
    purpose, data_collected (; separated), contact_email, contract_file (a file in the CSV's own
    folder: a path elsewhere, a link out of it or a device is refused); or the ``manifest.csv`` of
    a batch run (see :func:`_from_manifest`). Each row comes with its ``line``."""
    from .batch import column_key
    from .models import parse_date
    from .paths import resolve_inside

    if path.exists() and not path.is_file():
        raise InputError(f"{path}: not a regular file (a folder, device or pipe)")
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        reader = csv.DictReader(fh)
        try:
            keys = {h: column_key(h) for h in reader.fieldnames or []}
        except (UnicodeDecodeError, csv.Error) as exc:
            raise InputError(f"{path.name}: cannot read the header row ({exc})") from None
        if {"outcome", "files", "vendor_name"} <= set(keys.values()):
            yield from _from_manifest(reader, keys, path)
            return
        for missing in ("vendor_name", "product"):
            if missing not in keys.values():
                raise InputError(f"{path.name}: required column missing: {missing}")
        while True:
            try:
                raw = next(reader)
            except StopIteration:
                return
            except (UnicodeDecodeError, csv.Error) as exc:
                raise InputError(f"{path.name}: line {reader.line_num + 1}: cannot be read ({exc})") from None
            i = reader.line_num
            row = {keys[k]: (v or "").strip() for k, v in raw.items() if k in keys and isinstance(v, str)}
            try:
                executed = parse_date(row.get("executed") or row.get("contract_date") or "")
                term_end = parse_date(row.get("term_end", ""))
                file = row.get("contract_file", "")
                file = resolve_inside(path.parent, file, "contract_file") if file else None
            except (ValueError, InputError) as exc:
                raise InputError(f"{path.name}: line {i}: {exc}") from None
            if not isinstance(executed, (date, type(None))) or not isinstance(term_end, (date, type(None))):
                raise InputError(f"{path.name}: line {i}: a date is not YYYY-MM-DD or M/D/YYYY")
            yield {"line": i, "vendor": row.get("vendor_name", ""), "product": row.get("product", ""),
                   "executed": executed or None, "term_end": term_end or None,
                   "description": row.get("description", ""), "purpose": row.get("purpose", ""),
                   "contact_email": row.get("contact_email", ""),
                   "data_categories": [x.strip() for x in row.get("data_collected", "").split(";") if x.strip()],
                   "file": file}
