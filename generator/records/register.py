"""The contracts register over one database (SQLAlchemy: SQLite by default, PostgreSQL when
shared): opening it, writing each change in one transaction with its log line, reading contracts."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import delete, event, func, select
from sqlalchemy.orm import Session

from generator.errors import SdpaError
from generator.models import clean_text
from generator.records.database import RegisterError, open_register, snapshot_options
from generator.records.tables import (
    Base,
    BreachRow,
    CheckRow,
    ContractRow,
    DueStateRow,
    LogRow,
    NoticeRow,
    PostingRow,
    ReviewRow,
    VendorRow,
    check_lengths,
    utc_now,
)
from generator.records.tenancy import board_id_in_use, board_scope, database_enforces, require_board, session_board

MAX_FILE = 50 * 1024 * 1024

# ---------------------------------------------------------------- opening


def read_contract_file(path: Path) -> tuple[bytes, str, str]:
    """The bytes, name and sha256 of a contract file to store: a regular file of at most
    ``MAX_FILE`` bytes actually read. Raises :class:`RegisterError` naming it otherwise."""
    from generator.reading.limits import read_bounded

    try:
        blob = read_bounded(path, MAX_FILE, str(path))
    except SdpaError as exc:
        raise RegisterError(str(exc)) from None
    return blob, path.name, hashlib.sha256(blob).hexdigest()


def vendor_id(s: Session, name: str, contact_email: str = "", address: str = "") -> int:
    """The id of vendor ``name`` of the session's board, created if new, inside the caller's
    transaction (:func:`vendor_ids` for one vendor)."""
    return vendor_ids(s, {name: (contact_email, address)})[name]


def vendor_ids(s: Session, vendors: dict[str, tuple[str, str]]) -> dict[str, int]:
    """The id of each vendor named in ``vendors`` (name → contact email and address, used only
    for a new vendor) of the session's board, the new ones created, inside the caller's
    transaction, in two statements. Safe when many processes add the same new vendor at once:
    the insert does nothing on a name the board already has (``ON CONFLICT DO NOTHING``), then
    the rows are read back."""
    if s.bind.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    board = session_board(s)
    if not vendors:
        return {}
    s.execute(insert(VendorRow).on_conflict_do_nothing(index_elements=["board_id", "name"]),
              [{"board_id": board, "name": name, "contact_email": email, "address": address}
               for name, (email, address) in vendors.items()])
    return dict(s.execute(select(VendorRow.name, VendorRow.id)
                          .where(VendorRow.board_id == board, VendorRow.name.in_(list(vendors)))).all())


def contract_values(*, vendor: str, product: str, executed: date | None = None, term_end: date | None = None,
                    title: str = "", description: str = "", purpose: str = "",
                    data_categories: list[str] | None = None, contact_email: str = "", address: str = "",
                    file: Path | None = None, withheld_reason: str = "") -> dict:
    """A new contract's columns, checked (and its signed ``file`` read, with its sha256), with
    its vendor's ``vendor``, ``contact_email`` and ``address``. Raises :class:`RegisterError`
    naming the bad field."""
    from generator.models import check_email, in_range

    if not vendor.strip() or not product.strip():
        raise RegisterError("a contract needs a vendor and a product")
    fields = {"vendor": vendor, "product": product, "title": title, "description": description,
              "purpose": purpose, "contact_email": contact_email, "address": address,
              "withheld_reason": withheld_reason,
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
    check_lengths(VendorRow, "vendor", name=vendor.strip())
    check_lengths(VendorRow, contact_email=contact_email, address=address)
    try:
        check_email(contact_email)
    except ValueError as exc:
        raise RegisterError(f"contact_email: {exc}") from None
    check_lengths(ContractRow, product=product.strip(), title=title, description=description,
                  purpose=purpose, data_categories=data_categories)
    blob, name, sha = None, "", ""
    if file:
        blob, name, sha = read_contract_file(Path(file))
        check_lengths(ContractRow, file_name=name)
    return {"vendor": vendor.strip(), "contact_email": contact_email, "address": address,
            "product": product.strip(), "title": title, "executed": executed, "term_end": term_end,
            "description": description, "purpose": purpose, "data_categories": list(data_categories or []),
            "file_name": name, "withheld_reason": withheld_reason.strip(), "file_sha256": sha, "file_data": blob}


def past_event(day: date | None, field: str, today: date | None = None) -> date | None:
    """``day`` unchanged when it is None or not after ``today`` (default: today's date): an event
    (a notice sent, an outcome, a posting, a breach, families notified, an amendment or renewal)
    is recorded once it has happened. Raises :class:`RegisterError` naming ``field`` otherwise."""
    today = today or date.today()
    if day is not None and day > today:
        from generator.documents.render import long_date

        raise RegisterError(f"{field}: {long_date(day)} is after today ({long_date(today)}); record an "
                            "event once it has happened")
    return day


class RegisterSession(Session):
    """A session over the register: whatever it writes to a contract or its records marks that
    contract's due items out of date (:mod:`generator.records.status` rebuilds them)."""


_RECORDS = (CheckRow, NoticeRow, PostingRow, BreachRow, ReviewRow)


@event.listens_for(RegisterSession, "after_flush")
def _mark_due_stale(s: Session, _context: object) -> None:
    """Delete the due state of every contract this flush touched, in the same transaction."""
    ids = {o.id for o in (*s.new, *s.dirty, *s.deleted) if isinstance(o, ContractRow)}
    ids |= {o.contract_id for o in (*s.new, *s.dirty, *s.deleted) if isinstance(o, _RECORDS)}
    ids.discard(None)
    if ids:
        s.execute(delete(DueStateRow).where(DueStateRow.contract_id.in_(sorted(ids))))


class Register:
    """The register of one board over one database; every write is one transaction with its log
    line. ``board_id`` (default ``$SDPA_BOARD_ID``, else 1) is the board every session works
    for (:mod:`generator.records.tenancy`). Raises :class:`RegisterError` when the database
    cannot be opened or has no such board."""

    def __init__(self, url: str, actor: str | None = None, board_id: int | str | None = None) -> None:
        self.url = url
        self.board_id = board_id_in_use(board_id)
        self.actor = actor or os.environ.get("SDPA_USER") or os.environ.get("USER") or "sdpa"
        try:  # it is printed in the log, in reviews and in statuses: no terminal codes in it
            clean_text(self.actor)
        except ValueError as exc:
            raise RegisterError(f"the person acting ({self.actor!r}, from sign-in or SDPA_USER) {exc}") from None
        self.engine = open_register(url)
        try:
            self.board_name = require_board(self.engine, self.board_id).name
        except BaseException:
            self.engine.dispose()
            raise
        self.database_filters = database_enforces(self.engine)

    def for_board(self, board_id: int) -> Register:
        """This register working for board ``board_id`` over the same connections (close only
        the register it came from). Raises :class:`RegisterError` when there is no such board."""
        import copy

        other = copy.copy(self)
        other.board_id = board_id_in_use(board_id)
        other.board_name = require_board(self.engine, other.board_id).name
        return other

    def session(self) -> Session:
        """A session of this register's board; each ``with s.begin()`` is one transaction (on
        SQLite it holds the write lock from its start). Whatever it writes to a contract or its
        records marks that contract's due items out of date."""
        return board_scope(RegisterSession(self.engine, expire_on_commit=False), self.board_id,
                           database_filters=self.database_filters)

    def snapshot(self) -> Session:
        """A read-only session whose one transaction sees one consistent state of the register
        (SQLite: a deferred ``BEGIN`` in WAL mode; PostgreSQL: ``REPEATABLE READ``)."""
        return board_scope(RegisterSession(self.engine.execution_options(**snapshot_options(self.engine)),
                                           expire_on_commit=False),
                           self.board_id, database_filters=self.database_filters)

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

    def insert_contract(self, s: Session, **fields: Any) -> int:
        """:meth:`add_contract` inside the caller's transaction ``s``; takes the keyword arguments
        of :func:`contract_values`. Raises :class:`RegisterError` naming the bad field."""
        return self.insert_contracts(s, [contract_values(**fields)])[0]

    def insert_contracts(self, s: Session, rows: list[dict]) -> list[int]:
        """Add the contracts ``rows`` (each as :func:`contract_values` returns it, already
        checked) and their vendors if new, with one log line each, in the caller's transaction
        ``s``, in a few statements (for imports); returns the new ids in order."""
        from generator.records.bulk import insert_rows

        named: dict[str, tuple[str, str]] = {}
        for r in rows:
            named.setdefault(r["vendor"], (r["contact_email"], r["address"]))
        vendors = vendor_ids(s, named)
        values = [{**{k: v for k, v in r.items() if k not in ("vendor", "contact_email", "address")},
                   "vendor_id": vendors[r["vendor"]], "board_id": session_board(s)} for r in rows]
        ids = insert_rows(s, ContractRow.__table__, values, new_ids=True)
        self.log_many(s, "add contract", [(cid, {"vendor": r["vendor"], "product": r["product"],
                                                  "executed": r["executed"], "file": r["file_name"],
                                                  "sha256": r["file_sha256"]}) for cid, r in zip(ids, rows)])
        return ids

    def log_many(self, s: Session, action: str, entries: list[tuple[int | None, dict]]) -> None:
        """Add one log line of ``action`` for each ``(contract id, details)`` of ``entries``, in
        the caller's transaction ``s``, in one statement (as :meth:`log_change` does for one;
        the rows they name must already be written)."""
        from generator.records.bulk import insert_rows

        at, actor = utc_now(), self.actor[:120]
        insert_rows(s, LogRow.__table__, [
            {"at": at, "actor": actor, "action": action, "contract_id": cid, "board_id": session_board(s),
             "details": json.loads(json.dumps(details, default=str))} for cid, details in entries])

    def contract_in(self, s: Session, cid: int) -> ContractRow:
        """Contract ``cid`` in the caller's session ``s`` (to change it in that transaction);
        raises :class:`RegisterError` when there is no such contract."""
        return self._contract(s, cid)

    def _contract(self, s: Session, cid: int, lock: bool = False) -> ContractRow:
        # lock: FOR UPDATE on PostgreSQL, so two writers that read the contract's records first take turns
        c = s.get(ContractRow, cid, with_for_update=lock or None)
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

    def _add_record(self, cid: int, row: Base, action: str, refuse: Callable[[ContractRow], None] | None = None,
                    **details: object) -> int:
        """Add ``row`` for existing contract ``cid`` and its log line in one transaction;
        return the new record's id. ``refuse``, when given, sees the contract first (its row locked
        on PostgreSQL, so two writers take turns) and raises to record nothing."""
        with self.session() as s, s.begin():
            c = self._contract(s, cid, lock=refuse is not None)
            if refuse is not None:
                refuse(c)
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
        """Store a contract check's JSON report for contract ``cid``. Raises :class:`RegisterError`,
        recording nothing, when the contract's latest check is this same reading (the same document,
        by its SHA-256 whatever the file is called, read the same way): a second copy would be a new,
        unconfirmed check that sets counsel's confirmation of the first aside."""
        check_lengths(CheckRow, library_version=str(report.get("library_version", "")), report=report)
        row = CheckRow(contract_id=cid, checked=when, library_version=str(report.get("library_version", "")),
                       compliant=bool(report.get("compliant")), report=report)
        def reading(r: dict) -> dict:  # the file's name is not the document: its bytes (sha256) are
            return {k: v for k, v in r.items() if k != "document"}

        def already_recorded(c: ContractRow) -> None:
            last = c.checks[-1] if c.checks else None
            if last is None or reading(last.report) != reading(report):
                return
            from generator.documents.render import long_date  # on first use, as the status module does

            confirmed = any(r.check_id == last.id for r in c.reviews)
            raise RegisterError(f"contract {cid} already has this check, recorded {long_date(last.checked)}"
                                + (", and counsel has confirmed it" if confirmed else "")
                                + ": the same document, read the same way. Nothing was recorded"
                                + (", so counsel's confirmation stands." if confirmed else "."))

        return self._add_record(cid, row, "record check", refuse=already_recorded, compliant=row.compliant,
                                document=report.get("document"))

    def record_notice(self, cid: int, sent: date, cure_date: date) -> int:
        """Record a reasonable-notice amendment letter sent to the vendor."""
        return self._add_record(cid, NoticeRow(contract_id=cid, sent=sent, cure_date=cure_date),
                                "record notice", sent=sent, cure_date=cure_date)

    def record_outcome(self, cid: int, outcome: str, when: date) -> None:
        """Close the contract's latest open notice as ``amended`` or ``withdrawn``. ``void`` is
        counsel's to record, with its checks: :func:`generator.records.review.record_void`."""
        if outcome == "void":
            raise RegisterError("void is recorded only by counsel, after the cure date, with a reason "
                                "(sdpa register void; the register's void form)")
        if outcome not in ("amended", "withdrawn"):
            raise RegisterError(f"outcome {outcome!r} must be amended or withdrawn (void: counsel only)")
        with self.session() as s, s.begin():
            c = self._contract(s, cid)
            open_ = [n for n in c.notices if not n.outcome]
            if not open_:
                raise RegisterError(f"contract {cid} has no open amendment notice")
            open_[-1].outcome, open_[-1].outcome_date, open_[-1].outcome_by = outcome, when, self.actor[:320]
            self.log_change(s, "record outcome", cid, outcome=outcome, date=when)

    def record_posting(self, cid: int, posted: date, url: str = "") -> int:
        """Record that the contract's notice was posted on the board's website, at ``url`` (a whole
        http(s) address, or empty). Raises :class:`RegisterError` naming the bad field."""
        from generator.models import check_web_address

        try:
            url = check_web_address(url)
        except ValueError as exc:
            raise RegisterError(f"url: {exc}") from None
        check_lengths(PostingRow, url=url)
        return self._add_record(cid, PostingRow(contract_id=cid, posted=posted, url=url),
                                "record posting", posted=posted, url=url)

    def record_breach(self, cid: int, *, notice_received: date, discovered: date | None = None,
                      description: str = "") -> int:
        """Record a vendor's breach notice for contract ``cid``."""
        check_lengths(BreachRow, description=description)
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

    def contracts(self, ids: list[int] | None = None) -> list[ContractRow]:
        """Every contract (or those of ``ids``) with its vendor and records, in id order; never
        their stored files."""
        with self.snapshot() as s:  # a read: never waits for the write lock
            q = with_records(select(ContractRow).order_by(ContractRow.id))
            if ids is not None:
                q = q.where(ContractRow.id.in_(ids))
            return list(s.scalars(q))

    def contract(self, cid: int) -> ContractRow:
        """Contract ``cid`` with its vendor and records; raises :class:`RegisterError` when there
        is no such contract."""
        found = self.contracts([cid])
        if not found:
            raise RegisterError(f"no contract with id {cid}")
        return found[0]

    def contract_labels(self) -> list[tuple[int, str, str]]:
        """(id, vendor, product) of every contract, in id order: enough to pick one from, without
        loading any contract's records."""
        with self.snapshot() as s:
            q = select(ContractRow.id, VendorRow.name, ContractRow.product).join(VendorRow).order_by(ContractRow.id)
            return [(i, vendor, product) for i, vendor, product in s.execute(q)]

    def checked_ids(self) -> list[int]:
        """The ids of the contracts with a check recorded, in id order."""
        with self.snapshot() as s:
            return list(s.scalars(select(CheckRow.contract_id).distinct().order_by(CheckRow.contract_id)))

    def breached_ids(self) -> list[int]:
        """The ids of the contracts with a breach recorded, in id order."""
        with self.snapshot() as s:
            return list(s.scalars(select(BreachRow.contract_id).distinct().order_by(BreachRow.contract_id)))

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
                "data_categories", "withheld_reason")

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
            if field == "vendor":
                check_lengths(VendorRow, "vendor", name=str(value).strip())
            elif isinstance(value, (str, list)):
                check_lengths(ContractRow, **{field: value})
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
        ids = [i for i, name, prod in self.contract_labels() if (_fold(name), _fold(prod)) == key]
        return self.contracts(ids) if ids else []  # only the matches are loaded with their records


def with_records(q):
    """Select query ``q`` of contracts loading each one's vendor and records (not its file)."""
    from sqlalchemy.orm import selectinload

    return q.options(selectinload(ContractRow.vendor), selectinload(ContractRow.checks),
                     selectinload(ContractRow.notices), selectinload(ContractRow.postings),
                     selectinload(ContractRow.breaches), selectinload(ContractRow.reviews))


def _fold(text: str) -> str:
    """``text`` lower-cased with everything but letters and digits removed (for duplicates)."""
    return "".join(ch for ch in str(text).casefold() if ch.isalnum())
