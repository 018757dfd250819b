"""Counsel's review: a stored check is a *reading* until a person with the counsel (or admin) role
confirms or changes it, provision by provision and conflict by conflict; only counsel records a
contract void, after the cure date, with the contract's date on file and a reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.checking.voidness import VOID_FROM
from generator.findings import DRAFT_MARK  # noqa: F401 - importable from here too
from generator.models import clean_text
from generator.records.access import can_confirm
from generator.records.database import RegisterError
from generator.records.quick import AWAITING  # noqa: F401 - a contract's status; importable from here too
from generator.records.register import Register
from generator.records.tables import CheckRow, ContractRow, ReviewRow, utc_now

STATUSES = ("present", "partial", "missing")
HOLDINGS = ("conflicts", "no conflict")  # a conflicting term confirmed, or found not to conflict
MAX_REASON = 500


@dataclass
class Decision:
    """Counsel's word on one provision (``status``) or one conflicting term (``holding``)."""

    value: str
    reason: str = ""


def _refuse_unless_counsel(role: str | None, what: str) -> None:
    if not can_confirm(role):
        raise RegisterError(f"only counsel or an administrator can {what} (your role: {role or 'none'})")


def _reason(text: str, where: str) -> str:
    text = (text or "").strip()
    try:
        clean_text(text)
    except ValueError as exc:
        raise RegisterError(f"{where}: {exc}") from None
    if len(text) > MAX_REASON:
        raise RegisterError(f"{where}: the reason is {len(text)} characters; the limit is {MAX_REASON}")
    return text


def not_present(provisions: list[dict]) -> list[str]:
    """The provisions of a stored report that are not present, each by its number and title ("5.
    Security and confidentiality"; its id in a report stored without titles)."""
    return [f"{p['number']}. {p.get('title') or p['id']}" if p.get("number") else p.get("title") or p["id"]
            for p in provisions if p.get("status") != "present"]


def latest_check(c: ContractRow) -> CheckRow | None:
    """The contract's latest stored check, or None."""
    return c.checks[-1] if c.checks else None


def current_review(c: ContractRow) -> ReviewRow | None:
    """Counsel's latest review of the contract's *latest* check, or None (a newer check is a new
    reading, unreviewed until counsel confirms it)."""
    check = latest_check(c)
    found = [r for r in c.reviews if check is not None and r.check_id == check.id]
    return found[-1] if found else None


def notice_cautions(c: ContractRow, sent: date | None = None) -> list[str]:
    """What a person recording a notice to amend contract ``c`` (sent on ``sent``) should know
    first, one sentence each: that counsel has not confirmed the latest check the notice rests
    on (it may still be recorded; "counsel to confirm the check" then stays due), and
    :func:`notice_date_caution`. [] when neither is so. The app and the command line both say
    these (the app the first before the date is chosen, the second after)."""
    check = latest_check(c)
    out = []
    if check is not None and current_review(c) is None:
        out.append("Counsel has not confirmed this contract's latest check: a notice sent now rests on an "
                   "unconfirmed reading. It may still be recorded; “counsel to confirm the check” then stays due.")
    dated = notice_date_caution(c, sent)
    return out + [dated] if dated else out


def notice_date_caution(c: ContractRow, sent: date | None) -> str:
    """The sentence saying a notice sent on ``sent`` is dated before the latest check of
    contract ``c`` it would rest on; "" when it is not (or there is no check or no date)."""
    check = latest_check(c)
    if sent is None or check is None or sent >= check.checked:
        return ""
    from generator.documents.render import long_date

    return (f"The notice is dated {long_date(sent)}, before the check of {long_date(check.checked)} it would "
            "rest on: is the date right?")


def review_order(report: dict) -> list[dict]:
    """The report's provisions in the order counsel should read them: low confidence first,
    then those the reading found not present, then by number."""
    return sorted(report.get("provisions", []),
                  key=lambda p: (p.get("confidence") != "low", p.get("status") == "present", p.get("number", 0)))


def parse_decision(text: str, where: str) -> tuple[str, Decision]:
    """``ID=STATUS:REASON`` (as the CLI takes it) → (``ID``, :class:`Decision`). Raises
    :class:`RegisterError` naming ``where`` when the text has no ``=``."""
    key, sep, rest = text.partition("=")
    if not sep or not key.strip():
        raise RegisterError(f"{where}: {text!r} is not ID=STATUS:REASON")
    value, _, reason = rest.partition(":")
    return key.strip(), Decision(value.strip().lower(), reason.strip())


def review_check(reg: Register, cid: int, *, role: str | None, provisions: dict[str, Decision] | None = None,
                 conflicts: dict[int, Decision] | None = None, confirm_rest: bool = False) -> int:
    """Record counsel's verdict on contract ``cid``'s latest check, signed with the register's
    actor and ``role``: each provision's status (``present``, ``partial``, ``missing``) and each
    conflicting term's holding (``conflicts`` or ``no conflict``, keyed by its index in the
    report, from 1); a changed status or holding needs a reason. With ``confirm_rest`` every
    item not named is confirmed as read. Returns the review's id. Raises
    :class:`RegisterError` when ``role`` is not counsel or admin, the contract has no check, an
    id, index, status or reason is not valid, or an item is left undecided."""
    _refuse_unless_counsel(role, "confirm a check")
    provisions, conflicts = dict(provisions or {}), dict(conflicts or {})
    with reg.session() as s, s.begin():
        c = reg.contract_in(s, cid)
        check = latest_check(c)
        if check is None:
            raise RegisterError(f"contract {cid} has no stored check to review (record a check first)")
        report = check.report
        known = {p["id"] for p in report.get("provisions", [])}
        if unknown := sorted(set(provisions) - known):
            raise RegisterError(f"provision {unknown[0]}: not a provision of the check "
                                f"(one of {', '.join(sorted(known))})")
        terms = report.get("conflicts", [])
        if bad := sorted(i for i in conflicts if not 1 <= i <= len(terms)):
            raise RegisterError(f"conflicting term {bad[0]}: the check lists {len(terms)} conflicting term(s)")
        rows, undecided = [], []
        for p in review_order(report):
            d = provisions.get(p["id"])
            if d is None and not confirm_rest:
                undecided.append(p["id"])
                continue
            d = d or Decision(p["status"])
            if d.value not in STATUSES:
                raise RegisterError(f"provision {p['id']}: status {d.value!r} must be one of {', '.join(STATUSES)}")
            reason = _reason(d.reason, f"provision {p['id']}")
            if d.value != p["status"] and not reason:
                raise RegisterError(f"provision {p['id']}: changing {p['status']} to {d.value} needs a reason")
            rows.append({"id": p["id"], "number": p.get("number"), "title": p.get("title", ""),
                         "reading": p["status"], "confidence": p.get("confidence", ""), "status": d.value,
                         "reason": reason})
        held = []
        for i, t in enumerate(terms, start=1):
            d = conflicts.get(i)
            if d is None and not confirm_rest:
                undecided.append(f"conflict {i}")
                continue
            d = d or Decision("conflicts")
            if d.value not in HOLDINGS:
                raise RegisterError(f"conflicting term {i}: {d.value!r} must be one of {', '.join(HOLDINGS)}")
            reason = _reason(d.reason, f"conflicting term {i}")
            if d.value != "conflicts" and not reason:
                raise RegisterError(f"conflicting term {i}: finding no conflict needs a reason")
            held.append({**t, "index": i, "reading": "conflicts", "holding": d.value, "reason": reason})
        if undecided:
            raise RegisterError("not yet decided: " + ", ".join(undecided) + " (decide each, or confirm the rest)")
        compliant = all(r["status"] == "present" for r in rows) and not any(
            t["holding"] == "conflicts" for t in held)
        review = ReviewRow(contract_id=cid, check_id=check.id, reviewed_at=utc_now(), reviewer=reg.actor[:320],
                           role=str(role), compliant=compliant, verdict={"provisions": rows, "conflicts": held})
        s.add(review)
        s.flush()
        changed = {r["id"]: f"{r['reading']} → {r['status']}: {r['reason']}" for r in rows if r["status"] != r["reading"]}
        changed.update({f"conflict {t['index']}": f"no conflict: {t['reason']}" for t in held
                        if t["holding"] != "conflicts"})
        reg.log_change(s, "confirm check", cid, check=check.id, role=role, compliant=compliant, changed=changed)
        return review.id


def confirmed_report(c: ContractRow) -> dict | None:
    """The contract's latest check as counsel confirmed it: the stored report with each
    provision's status replaced by the confirmed one (the reading kept as ``reading``), only
    the terms held to conflict, ``compliant`` recomputed, and ``confirmed_by`` /
    ``confirmed_at``; None while the check awaits review."""
    review = current_review(c)
    if review is None:
        return None
    report = dict(latest_check(c).report)
    verdict = {r["id"]: r for r in review.verdict.get("provisions", [])}
    provisions = []
    for p in report.get("provisions", []):
        v = verdict.get(p["id"])
        provisions.append({**p, "reading": p["status"], "status": v["status"] if v else p["status"],
                           **({"explanation": v["reason"]} if v and v["reason"] and v["status"] != p["status"] else {})})
    conflicts = [{k: t[k] for k in ("kind", "provision", "text", "location", "explanation") if k in t}
                 for t in review.verdict.get("conflicts", []) if t.get("holding") == "conflicts"]
    return {**report, "provisions": provisions, "conflicts": conflicts, "compliant": review.compliant,
            "confirmed_by": review.reviewer, "confirmed_at": review.reviewed_at.isoformat()}


def acting_verdict(c: ContractRow | None, reading):
    """The verdict a letter about ``reading`` (a GapReport of a document just checked) acts on:
    counsel's confirmed verdict and who confirmed it, when contract ``c``'s latest check is of
    the same document (same sha256) and counsel confirmed it; else ``reading`` and "" (draft)."""
    from generator.findings import GapReport

    confirmed = confirmed_report(c) if c is not None else None
    if confirmed and confirmed.get("sha256") == reading.sha256:
        return GapReport.model_validate(confirmed), confirmed["confirmed_by"]
    return reading, ""


def draft_reason(c: ContractRow | None, reading) -> str:
    """Why a letter about ``reading`` (a GapReport) is a draft rather than counsel's, in one
    sentence; "" when counsel confirmed the verdict it acts on (:func:`acting_verdict`)."""
    if c is None:
        return "no register contract is named, so there is no confirmed verdict to act on"
    check = latest_check(c)
    if check is None:
        return f"contract {c.id} has no recorded check for counsel to confirm"
    if confirmed_report(c) is None:
        return f"counsel has not confirmed contract {c.id}'s latest check (of {check.checked})"
    if acting_verdict(c, reading)[1]:
        return ""
    return (f"counsel confirmed the check of contract {c.id} of {check.checked}, but of another file: this one "
            f"(sha256 {reading.sha256[:12]}…) differs; record a check of it and have counsel confirm it")


def relevant_date(c: ContractRow) -> date | None:
    """The latest of the dates the contract was executed, amended or renewed (None when none is
    on file): the date that decides whether the rules for contracts from July 1, 2018 apply."""
    return max((d for d in (c.executed, c.amended, c.renewed) if d), default=None)


def record_dates(reg: Register, cid: int, *, amended: date | None = None, renewed: date | None = None) -> None:
    """Record the date contract ``cid`` was last amended and/or renewed, with its log line.
    Raises :class:`RegisterError` for an unknown contract or when neither date is given."""
    if amended is None and renewed is None:
        raise RegisterError("give the date the contract was amended or renewed")
    with reg.session() as s, s.begin():
        c = reg.contract_in(s, cid)
        c.amended, c.renewed = amended or c.amended, renewed or c.renewed
        reg.log_change(s, "record dates", cid, amended=amended, renewed=renewed)


def record_void(reg: Register, cid: int, *, role: str | None, when: date, reason: str) -> None:
    """Record, as counsel, that contract ``cid`` is void: closes its open amendment notice with
    outcome ``void``, who recorded it and why, and a log line. Raises :class:`RegisterError`
    unless ``role`` is counsel or admin, the contract has an open notice whose cure date is
    before ``when``, its execution date is on file, counsel has confirmed its latest check as
    lacking something, the contract was entered into (or, counsel's call, amended or renewed) on
    or after July 1, 2018, and ``reason`` is given. "Void" is never derived from a reading."""
    _refuse_unless_counsel(role, "record a contract void")
    reason = _reason(reason, "reason")
    if not reason:
        raise RegisterError("reason: say why the contract is void (counsel's reason is kept in the register)")
    with reg.session() as s, s.begin():
        c = reg.contract_in(s, cid)
        open_ = [n for n in c.notices if not n.outcome]
        if not open_:
            raise RegisterError(f"contract {cid} has no open amendment notice: void follows only a notice to amend")
        notice = open_[-1]
        if when <= notice.cure_date:
            raise RegisterError(f"contract {cid}: the cure date {notice.cure_date} has not passed on {when}; "
                                "void can be recorded only after it")
        if c.executed is None:
            raise RegisterError(f"contract {cid}: record the date it was executed first")
        confirmed = confirmed_report(c)
        if confirmed is None:
            raise RegisterError(f"contract {cid}: counsel has not confirmed its latest check")
        if confirmed.get("compliant"):
            raise RegisterError(f"contract {cid}: counsel's confirmed verdict finds nothing lacking, so there "
                                "is nothing for which it could be void")
        day = relevant_date(c)
        if day is None or day < VOID_FROM:
            raise RegisterError(f"contract {cid}: it was entered into before July 1, 2018 and not amended or "
                                "renewed since; the rules that void a contract apply from that date")
        notice.outcome, notice.outcome_date = "void", when
        notice.outcome_by, notice.outcome_reason = reg.actor[:320], reason
        reg.log_change(s, "record outcome", cid, outcome="void", date=when, role=role, reason=reason,
                       entered_after_2018=c.executed >= VOID_FROM)


def local_role(reg: Register) -> str | None:
    """The role of the person running a command on this computer (``reg.actor``: ``SDPA_USER`` or
    the login name) in register ``reg``: the role the access lists of the profile SAVED in that
    register give the address — never a profile file named on the command line, which anyone can
    write. When no profile is saved, or it lists nobody, the one local user is ``admin``, as in the
    app without sign-in. This is not authentication: whoever can write to the register's database
    can write anything; its credentials are the real control (docs/admin.md)."""
    from generator.records.access import ROLES, role_for
    from generator.records.directory import saved_board

    board = saved_board(reg)
    if board is None or not any(getattr(board.access, role) for role in ROLES):
        return "admin"
    return role_for(reg.actor, board)
