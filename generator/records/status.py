"""Each contract's status, derived from its records, and what the board must do next, by when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.checking.voidness import stored_report_voidness
from generator.deadlines import parent_breach_notice_due, website_notice_due
from generator.models import Board, Library
from generator.records.duties import annual_notice_due
from generator.records.register import Register
from generator.records.review import (
    AWAITING,
    confirmed_report,
    current_review,
    latest_check,
)
from generator.records.tables import ContractRow

CURE_PASSED = "cure date passed — counsel to decide"


@dataclass
class Status:
    """A contract's status, derived from its records, and the dates that make it so."""

    status: str  # draft, executed, posted, awaiting review, gaps found, notice sent, CURE_PASSED, void, amended, ended
    why: str


def void_applies(c: ContractRow, library: Library | None = None) -> bool:
    """True when § 10-234bb(f) can void contract ``c`` if it is not amended after notice: counsel's
    confirmed verdict on its latest check finds a § 10-234bb(a) provision lacking, and it was
    entered into (executed) on or after July 1, 2018 (an amendment or renewal since is counsel's
    call: :func:`generator.checking.voidness.voidness`). Never on an unconfirmed reading; and
    even then "void" is counsel's to record (:func:`generator.records.review.record_void`)."""
    report = confirmed_report(c)
    return report is not None and stored_report_voidness(report, c.executed, library) == "void"


def contract_status(c: ContractRow, today: date, library: Library | None = None) -> Status:
    """Derive the status of contract ``c`` on ``today`` from its records (``library`` tells
    which provisions are § 10-234bb(a) terms; default: the shipped library). "void" only when
    counsel recorded it; a check counsel has not confirmed is "awaiting review"."""
    if c.term_end and c.term_end < today:
        return Status("ended", f"the term ended on {c.term_end}")
    for n in reversed(c.notices):
        if n.outcome == "withdrawn":
            continue
        if n.outcome == "amended":
            return Status("amended", f"amended on {n.outcome_date} after the notice of {n.sent}")
        if n.outcome == "void":
            by = f" by {n.outcome_by}" if n.outcome_by else ""
            return Status("void", f"recorded void{by} on {n.outcome_date} after the notice of {n.sent}"
                                  + (f": {n.outcome_reason}" if n.outcome_reason else ""))
        if n.cure_date < today:
            law = ("a § 10-234bb(a) provision is lacking (confirmed) in a contract from 2018-07-01 on, so "
                   "§ 10-234bb(f) may apply" if void_applies(c, library) else
                   "§ 10-234bb(f) does not apply on the record (no confirmed § 10-234bb(a) gap, or the "
                   "contract's dates are before 2018-07-01 or not on file)")
            return Status(CURE_PASSED, f"notice to amend sent {n.sent}; the cure date {n.cure_date} passed "
                                       f"without amendment; {law}")
        return Status("notice sent", f"notice to amend sent {n.sent}; the vendor must amend by {n.cure_date}")
    check = latest_check(c)
    if check is not None and current_review(c) is None:
        gaps = [p["id"] for p in check.report.get("provisions", []) if p.get("status") != "present"]
        return Status(AWAITING, f"check of {check.checked} not yet confirmed by counsel; the reading: "
                                f"not present: {', '.join(gaps) or 'none'}")
    confirmed = confirmed_report(c) if check is not None else None
    if confirmed is not None and not confirmed["compliant"]:
        gaps = [p["id"] for p in confirmed["provisions"] if p.get("status") != "present"]
        return Status("gaps found", f"check of {check.checked}, confirmed by {confirmed['confirmed_by']}: "
                                    f"not present: {', '.join(gaps) or 'conflicting terms'}")
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


def _breach_items(c: ContractRow, today: date, good_friday: bool = False) -> list[DueItem]:
    """Each breach's notice to families and website notice: due whatever the contract's status."""
    items = []
    for b in c.breaches:
        d = parent_breach_notice_due(b.notice_received, good_friday)
        if not b.families_notified:
            items.append(DueItem(c.id, c.vendor.name, "notify the affected students and parents of the breach",
                                 d, today > d, "board policy; § 10-234dd: 2 business days"))
        if not b.posted:
            items.append(DueItem(c.id, c.vendor.name, "post notice of the breach on the website", d, today > d,
                                 "board policy"))
    return items


def due_items(reg: Register, today: date, board: Board, library: Library | None = None) -> list[DueItem]:
    """What is due or overdue on ``today``: overdue items first, then by date. A breach is due
    whatever the contract's status (an ended contract included); posting is tracked only for
    contracts executed on or after the board profile's ``posting_from``; the annual notice is
    due by September 1 and overdue after it until that year's notice is recorded."""
    items: list[DueItem] = []
    for c in reg.contracts():
        name = c.vendor.name
        items += _breach_items(c, today, board.good_friday_proclaimed)
        st = contract_status(c, today, library)
        if st.status == "ended":
            continue
        if c.executed and c.executed >= board.posting_from and not c.postings:
            d = website_notice_due(c.executed, board.good_friday_proclaimed)
            items.append(DueItem(c.id, name, "post notice of the executed contract on the website",
                                 d, today > d, "board policy; § 10-234bb: 5 business days"))
        open_ = [n for n in c.notices if not n.outcome]
        if open_:
            n = open_[-1]
            if n.cure_date >= today:
                items.append(DueItem(c.id, name, "vendor must amend the contract", n.cure_date, False,
                                     "§ 10-234bb(f)" if void_applies(c, library) else "board policy"))
            else:
                items.append(DueItem(c.id, name, "cure date passed without amendment: counsel to decide whether "
                                     "the contract is void (counsel records it) and whether to keep sharing "
                                     "student data", n.cure_date, True,
                                     "§ 10-234bb(f) (to confirm); board policy" if void_applies(c, library)
                                     else "board policy"))
        elif st.status == AWAITING:
            items.append(DueItem(c.id, name, "counsel to confirm the check, provision by provision",
                                 c.checks[-1].checked, False, "board practice: a check is a reading"))
        elif st.status == "gaps found":
            items.append(DueItem(c.id, name, "send the vendor notice to amend",
                                 c.checks[-1].checked, False,
                                 "§ 10-234bb(f)" if void_applies(c, library) else "board policy"))
    due, overdue = annual_notice_due(reg, today)
    items.append(DueItem(None, "", f"annual notice to students and parents of {board.public_page}",
                         due, overdue, "board policy: by September 1"))
    return sorted(items, key=lambda i: (not i.overdue, i.due, i.contract_id or 0))
