"""Each contract's status, derived from its records, and what the board must do next, by when."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import and_, case, delete, false, func, or_, select, true
from sqlalchemy.orm import Session

from generator.checking.voidness import stored_report_voidness
from generator.deadlines import parent_breach_notice_due, website_notice_due
from generator.models import Board, Library
from generator.records.bulk import insert_rows
from generator.records.database import RegisterError
from generator.records.duties import annual_notice_due
from generator.records.quick import (  # noqa: F401 - CONTRACT_STATUSES, DERIVATION: importable from here too
    CONTRACT_STATUSES,
    CURE_PASSED,
    DERIVATION,
    PLAIN,
    Listed,
    basis_key,
    contract_rows,
    named,
    shipped_basis,
    stale_contracts,
    unknown_statuses,
)
from generator.records.quick import status_counts as stored_status_counts
from generator.records.register import Register, with_records
from generator.records.review import (
    AWAITING,
    confirmed_report,
    current_review,
    latest_check,
    not_present,
)
from generator.records.tables import ContractRow, DueRow, DueStateRow, VendorRow


@dataclass
class Status:
    """A contract's status, derived from its records, and the dates that make it so (``why``: a
    sentence for people, its dates written out as "December 6, 2026")."""

    status: str  # one of CONTRACT_STATUSES
    why: str


def void_applies(c: ContractRow, library: Library | None = None) -> bool:
    """True when § 10-234bb(f) can void contract ``c`` if it is not amended after notice: counsel's
    confirmed verdict on its latest check finds a § 10-234bb(a) provision lacking, and it was
    entered into (executed) on or after July 1, 2018 (an amendment or renewal since is counsel's
    call: :func:`generator.checking.voidness.voidness`). Never on an unconfirmed reading; and
    even then "void" is counsel's to record (:func:`generator.records.review.record_void`)."""
    report = confirmed_report(c)
    return report is not None and stored_report_voidness(report, c.executed, library) == "void"


def unconfirmed_check(c: ContractRow):
    """Contract ``c``'s latest check when counsel has not confirmed it yet, else None."""
    check = latest_check(c)
    return check if check is not None and current_review(c) is None else None


def _unconfirmed_note(c: ContractRow) -> str:
    """What a notice's status adds while the check behind it awaits counsel ("" once confirmed)."""
    from generator.documents.render import long_date  # on first use: a list need not load the DOCX writer

    check = unconfirmed_check(c)
    return (f"; the check of {long_date(check.checked)} is awaiting counsel's review (the notice rests "
            "on an unconfirmed reading)") if check is not None else ""


def contract_status(c: ContractRow, today: date, library: Library | None = None) -> Status:
    """Derive the status of contract ``c`` on ``today`` from its records (``library`` tells
    which provisions are § 10-234bb(a) terms; default: the shipped library). "void" only when
    counsel recorded it; a check counsel has not confirmed is "awaiting review"."""
    from generator.documents.render import long_date  # on first use: a list need not load the DOCX writer

    if c.term_end and c.term_end < today:
        return Status("ended", f"the term ended on {long_date(c.term_end)}")
    for n in reversed(c.notices):
        if n.outcome == "withdrawn":
            continue
        if n.outcome == "amended":
            return Status("amended", f"amended on {long_date(n.outcome_date)} after the notice of "
                                     f"{long_date(n.sent)}")
        if n.outcome == "void":
            by = f" by {n.outcome_by}" if n.outcome_by else ""
            return Status("void", f"recorded void{by} on {long_date(n.outcome_date)} after the notice of "
                                  f"{long_date(n.sent)}"
                                  + (f": {n.outcome_reason}" if n.outcome_reason else ""))
        if n.cure_date < today:
            law = ("a § 10-234bb(a) provision is lacking (confirmed) in a contract from July 1, 2018 on, so "
                   "§ 10-234bb(f) (to confirm) may apply" if void_applies(c, library) else
                   "§ 10-234bb(f) (to confirm) does not apply on the record (no confirmed § 10-234bb(a) gap, or the "
                   "contract's dates are before July 1, 2018 or not on file)")
            return Status(CURE_PASSED, f"notice to amend sent {long_date(n.sent)}; the cure date "
                                       f"{long_date(n.cure_date)} passed without amendment; {law}"
                                       f"{_unconfirmed_note(c)}")
        return Status("notice sent", f"notice to amend sent {long_date(n.sent)}; the vendor must amend by "
                                     f"{long_date(n.cure_date)}{_unconfirmed_note(c)}")
    check = latest_check(c)
    if unconfirmed_check(c) is not None:
        gaps = not_present(check.report.get("provisions", []))
        return Status(AWAITING, f"check of {long_date(check.checked)} not yet confirmed by counsel; the "
                                f"reading: not present: {'; '.join(gaps) or 'none'}")
    confirmed = confirmed_report(c) if check is not None else None
    if confirmed is not None and not confirmed["compliant"]:
        gaps = not_present(confirmed["provisions"])
        return Status("gaps found", f"check of {long_date(check.checked)}, confirmed by "
                                    f"{confirmed['confirmed_by']}: not present: {'; '.join(gaps) or 'conflicting terms'}")
    if c.postings:
        return Status("posted", f"posted on the website on {long_date(c.postings[0].posted)}")
    if c.executed:
        return Status("executed", f"executed on {long_date(c.executed)}; not yet posted")
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


@dataclass
class Page:
    """One page of a longer list: its ``items``, and ``total``, how many the whole list holds."""

    items: list
    total: int


# ---------------------------------------------------------------- what is due, kept in the database
# Each contract's due items are derived once from its records (with the days each applies) and
# stored; a write to the contract deletes its state (generator.records.register), and the next
# read rebuilds only what is missing. The day, the board profile's posting_from and Good Friday
# are applied by the query, so one stored set serves every day and profile.

REFRESH_CHUNK = 1000  # contracts derived per round trip
# DERIVATION (generator.records.quick): bump it when _derive changes what it gives


def basis(library: Library | None = None) -> str:
    """What the stored items depend on besides the records: the rules that derive them
    (:data:`DERIVATION`) and which provisions ``library`` (default: the shipped one) counts as
    § 10-234bb(a) terms."""
    return basis_key(library.a_provisions()) if library is not None else shipped_basis()


def _row(c: ContractRow, what: str, due: date, citation: str, *, due_gf: date | None = None,
         overdue: bool = True, after: date | None = None, until: date | None = None,
         posting: date | None = None) -> dict:
    return {"contract_id": c.id, "board_id": c.board_id, "what": what, "citation": citation, "due": due,
            "due_good_friday": due_gf or due, "can_be_overdue": overdue, "shown_after": after,
            "shown_until": until, "posting_executed": posting}


def _derive(c: ContractRow, library: Library | None) -> tuple[dict, list[dict]]:
    """Contract ``c``'s status as of no particular day and its due items (rows of
    :class:`DueStateRow` and :class:`DueRow`), each item with the days it applies: breaches
    always; the rest while the term has not ended."""
    rows = []
    for b in c.breaches:
        d, dg = (parent_breach_notice_due(b.notice_received, gf) for gf in (False, True))
        if not b.families_notified:
            rows.append(_row(c, "notify the affected students and parents of the breach", d,
                             "board policy; § 10-234dd (to confirm): 2 business days", due_gf=dg))
        if not b.posted:
            rows.append(_row(c, "post notice of the breach on the website", d, "board policy", due_gf=dg))
    st = contract_status(c, date.min)  # no term has ended, no cure date has passed
    open_ = [n for n in c.notices if not n.outcome]
    cure = next((n.cure_date for n in reversed(c.notices) if n.outcome != "withdrawn"), None)
    end = c.term_end
    cure = cure if st.status == "notice sent" else None
    # the sentence each status says, as contract_status words it on a day the status holds
    passed = cure + timedelta(days=1) if cure is not None and cure < date.max else None
    ended = end + timedelta(days=1) if end is not None and end < date.max else None
    state = {"contract_id": c.id, "board_id": c.board_id, "status_base": st.status, "why_base": st.why,
             "status_cure": cure,
             "why_cure": contract_status(c, passed, library).why if passed and (end is None or end >= passed) else None,
             "why_ended": contract_status(c, ended, library).why if ended else None}
    if c.executed and not c.postings:
        d, dg = (website_notice_due(c.executed, gf) for gf in (False, True))
        rows.append(_row(c, "post notice of the executed contract on the website", d,
                         "board policy; § 10-234bb (to confirm): 5 business days", due_gf=dg, until=end, posting=c.executed))
    if open_:
        n = open_[-1]
        void = void_applies(c, library)
        rows.append(_row(c, "vendor must amend the contract", n.cure_date,
                         "§ 10-234bb(f) (to confirm)" if void else "board policy", overdue=False,
                         until=min(d for d in (n.cure_date, end) if d)))
        rows.append(_row(c, "cure date passed without amendment: counsel to decide whether the contract is void "
                            "(counsel records it) and whether to keep sharing student data", n.cure_date,
                         "§ 10-234bb(f) (to confirm); board policy" if void else "board policy",
                         after=n.cure_date, until=end))
    if (open_ or st.status == AWAITING) and unconfirmed_check(c) is not None:
        # a notice sent on an unconfirmed reading does not make counsel's review unnecessary
        rows.append(_row(c, "counsel to confirm the check, provision by provision", c.checks[-1].checked,
                         "board practice: a check is a reading", overdue=False, until=end))
    if not open_ and st.status == "gaps found":
        rows.append(_row(c, "send the vendor notice to amend", c.checks[-1].checked,
                         "§ 10-234bb(f) (to confirm)" if void_applies(c, library) else "board policy", overdue=False,
                         until=end))
    return state, rows


def store_due(s: Session, contracts: list[ContractRow] | list[NewContract], library: Library | None = None,
              key: str = "") -> str:
    """Derive the due items and state of ``contracts`` (each with its records loaded, or a new
    contract with none) and insert them in the caller's transaction ``s``, whose rows must not
    exist yet. ``key`` is the library's :func:`basis` when already computed; returns it (computed
    here only when a contract has a confirmed check, the one case its items depend on)."""
    states, items = [], []
    for c in contracts:
        state, rows = _derive(c, library)
        depends = confirmed_report(c) is not None  # its items depend on the library's § 10-234bb(a) terms
        key = key or (basis(library) if depends else "")
        states.append({**state, "basis": key if depends else PLAIN})
        items += rows
    insert_rows(s, DueStateRow.__table__, states)
    insert_rows(s, DueRow.__table__, items)
    return key


@dataclass
class NewContract:
    """A contract just inserted, with no records yet: what :func:`store_due` needs to derive its
    due items without reading it back (:func:`new_contract`)."""

    id: int
    board_id: int
    executed: date | None
    term_end: date | None
    checks: tuple = ()
    notices: tuple = ()
    postings: tuple = ()
    breaches: tuple = ()
    reviews: tuple = ()


def new_contract(cid: int, board_id: int, values: dict) -> NewContract:
    """Contract ``cid`` of board ``board_id``, just inserted with the columns ``values``."""
    return NewContract(cid, board_id, values.get("executed"), values.get("term_end"))


def refresh_due(reg: Register, library: Library | None = None) -> int:
    """Derive and store the due items of every contract whose stored ones are missing (new,
    changed since, restored), were derived by other rules (an older version of sdpa), or with
    another library (only a contract with a confirmed check depends on it). Returns how many
    contracts were derived (0 when all were up to date)."""
    known: dict[str, str] = {}  # the library's basis: computed only when a stored state depends on it
    with reg.snapshot() as s:
        ids = stale_contracts(s.connection(), reg.board_id, lambda: known.setdefault("key", basis(library)))
    key = known.get("key", "")
    for i in range(0, len(ids), REFRESH_CHUNK):
        chunk = ids[i:i + REFRESH_CHUNK]
        with reg.session() as s, s.begin():
            # FOR UPDATE (PostgreSQL): a write to one of these contracts waits until this is stored
            contracts = list(s.scalars(with_records(select(ContractRow).where(ContractRow.id.in_(chunk))
                                                    .with_for_update(of=ContractRow))))
            s.execute(delete(DueRow).where(DueRow.contract_id.in_(chunk)))
            s.execute(delete(DueStateRow).where(DueStateRow.contract_id.in_(chunk)))
            key = store_due(s, contracts, library, key)
            s.expunge_all()  # the loaded contracts are not kept past their chunk
    return len(ids)


def _due_filter(today: date, board: Board, vendor: str = "", before: date | None = None):
    """The conditions on :class:`DueRow` that keep the items applying on ``today`` for ``board``
    (and the filters); the due date column the profile uses; and the overdue condition."""
    due = DueRow.due_good_friday if board.good_friday_proclaimed else DueRow.due
    overdue = and_(DueRow.can_be_overdue, due < today)
    where = [or_(DueRow.shown_after.is_(None), DueRow.shown_after < today),
             or_(DueRow.shown_until.is_(None), DueRow.shown_until >= today),
             or_(DueRow.posting_executed.is_(None), DueRow.posting_executed >= board.posting_from)]
    if vendor:
        of_vendor = (select(ContractRow.id).join(VendorRow, VendorRow.id == ContractRow.vendor_id)
                     .where(named(VendorRow.name, vendor)))
        where.append(DueRow.contract_id.in_(of_vendor))
    if before is not None:
        where.append(due <= before)
    return where, due, overdue


def due_page(reg: Register, today: date, board: Board, library: Library | None = None, *, offset: int = 0,
             limit: int | None = 50, vendor: str = "", before: date | None = None) -> Page:
    """One page of what is due or overdue on ``today``, overdue items first, then by date (as
    :func:`due_items`), from ``offset``, at most ``limit`` items (None: all); ``vendor`` keeps the
    items of vendors whose name contains it (and drops the board's own), ``before`` those due on or
    before that day. A breach is due whatever the contract's status (an ended contract included);
    posting is tracked only for contracts executed on or after the board profile's
    ``posting_from``; the annual notice is due by September 1 and overdue after it until that
    year's notice is recorded. Brings the stored items up to date first (:func:`refresh_due`)."""
    refresh_due(reg, library)
    where, due, overdue = _due_filter(today, board, vendor, before)
    annual_due, annual_overdue = annual_notice_due(reg, today)
    annual = DueItem(None, "", f"annual notice to students and parents of {board.public_page}",
                     annual_due, annual_overdue, "board policy: by September 1")
    with_annual = not vendor and (before is None or annual_due <= before)
    # the board's annual item comes after every item that sorts before it
    ahead = and_(overdue, due < annual_due) if annual_overdue else or_(overdue, due < annual_due)
    with reg.snapshot() as s:
        total, before_annual = s.execute(select(func.count(), func.sum(case((ahead, 1), else_=0)))
                                         .select_from(DueRow).where(*where)).one()
        total, at = total or 0, (before_annual or 0) if with_annual else (total or 0) + 1
        start = offset if offset <= at else offset - 1
        size = None if limit is None else limit - (1 if offset <= at < offset + limit else 0)
        page = (select(DueRow.contract_id, VendorRow.name, DueRow.what, due,
                       case((overdue, true()), else_=false()), DueRow.citation)
                .join(ContractRow, ContractRow.id == DueRow.contract_id)
                .join(VendorRow, VendorRow.id == ContractRow.vendor_id).where(*where)
                .order_by(case((overdue, 0), else_=1), due, DueRow.contract_id, DueRow.id).offset(start))
        rows = [DueItem(*r) for r in s.execute(page.limit(size) if size is not None else page)]
    if with_annual and offset <= at and (limit is None or at < offset + limit):
        rows.insert(at - offset, annual)
    return Page(rows, total + with_annual)


def due_items(reg: Register, today: date, board: Board, library: Library | None = None) -> list[DueItem]:
    """Everything due or overdue on ``today``, overdue items first, then by date: every page of
    :func:`due_page`."""
    return due_page(reg, today, board, library, limit=None).items


def listed_page(reg: Register, today: date, library: Library | None = None, *, offset: int = 0,
                limit: int | None = 50, vendor: str = "", statuses: list[str] | None = None,
                search: str = "") -> tuple[list[Listed], int]:
    """One page of the contracts list as :func:`contracts_page` filters it, each contract as a
    :class:`~generator.records.quick.Listed` line (its vendor, product, execution date, status
    and why), and how many the whole list holds; no contract or record is loaded. Raises
    :class:`RegisterError` for a status that is not one of :data:`CONTRACT_STATUSES`."""
    unknown = unknown_statuses(statuses)
    if unknown:
        raise RegisterError(f"status {unknown[0]!r} is not a contract's status (one of: {', '.join(CONTRACT_STATUSES)})")
    refresh_due(reg, library)
    with reg.snapshot() as s:
        rows, total = contract_rows(s.connection(), reg.board_id, today, offset=offset, limit=limit, vendor=vendor,
                                    statuses=statuses, search=search)
    unstored = [r.id for r in rows if r.why is None]  # written to by someone else since refresh_due
    if unstored:
        now = {c.id: contract_status(c, today, library) for c in reg.contracts(unstored)}
        rows = [replace(r, status=now[r.id].status, why=now[r.id].why) if r.id in now else r for r in rows]
    return rows, total


def contracts_page(reg: Register, today: date, library: Library | None = None, *, offset: int = 0,
                   limit: int | None = 50, vendor: str = "", statuses: list[str] | None = None,
                   search: str = "") -> Page:
    """One page of the contracts, in id order, each as ``(contract, Status)`` on ``today`` (the
    contract with its vendor and records): ``vendor`` keeps those whose vendor's name contains
    it, ``statuses`` those with one of these statuses, ``search`` those whose vendor, product,
    title, purpose or description contains it (all without case). Brings the stored state up to
    date first (:func:`refresh_due`); the statuses are the stored ones
    (:func:`generator.records.quick.contract_rows`). Raises :class:`RegisterError` for a status
    that is not one of :data:`CONTRACT_STATUSES`."""
    listed, total = listed_page(reg, today, library, offset=offset, limit=limit, vendor=vendor, statuses=statuses,
                                search=search)
    ids = [x.id for x in listed]
    contracts = reg.contracts(ids) if limit is not None else _in_chunks(reg, ids)
    return Page([(c, Status(x.status, x.why)) for c, x in zip(contracts, listed, strict=True)], total)


def _in_chunks(reg: Register, ids: list[int]) -> list[ContractRow]:
    return [c for i in range(0, len(ids), REFRESH_CHUNK) for c in reg.contracts(ids[i:i + REFRESH_CHUNK])]


def status_counts(reg: Register, today: date, library: Library | None = None) -> dict[str, int]:
    """How many contracts have each status on ``today`` (for a filter's choices)."""
    refresh_due(reg, library)
    with reg.snapshot() as s:
        return stored_status_counts(s.connection(), reg.board_id, today)
