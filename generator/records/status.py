"""Each contract's status, derived from its records, and what the board must do next, by when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.checking.voidness import stored_report_voidness
from generator.deadlines import parent_breach_notice_due, website_notice_due
from generator.models import Board, Library
from generator.records.duties import annual_notice_due
from generator.records.register import Register
from generator.records.tables import ContractRow


@dataclass
class Status:
    """A contract's status, derived from its records, and the dates that make it so."""

    status: str  # draft, executed, posted, gaps found, notice sent, cure date passed, void, amended, ended
    why: str


def void_applies(c: ContractRow, library: Library | None = None) -> bool:
    """True when § 10-234bb(f) can void contract ``c`` once its cure date passes: its latest check
    found a § 10-234bb(a) provision lacking and it was executed on or after July 1, 2018
    (:func:`generator.checking.voidness.stored_report_voidness`); never without a check on record."""
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
