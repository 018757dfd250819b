"""The approved-apps list: each app a teacher asked to use, every reading of its operator's terms
(the documents by name, hash and date, with the vetting report), counsel's verdict on a reading
(it holds only for that reading's documents), conditions, and a review date; the list for
teachers as CSV and as a page."""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from generator.models import clean_text
from generator.reading.spreadsheets import safe_cell
from generator.records.access import can_confirm, can_edit
from generator.records.database import RegisterError
from generator.records.register import Register
from generator.records.tables import (
    AppConfirmationRow,
    AppReadingRow,
    AppRow,
    check_lengths,
    utc_now,
)
from generator.vetting import VetReport

VERDICTS = ("may be used", "may be used with conditions", "may not be used")
USABLE = VERDICTS[:2]
AWAITING = "awaiting review"
CHANGED = "terms changed — awaiting review"
REVIEW_DUE = "review due"
MAX_REASON = 500
MAX_CONDITION = 500
_SHA = re.compile(r"^[0-9a-f]{64}$")


def _text(value: str, where: str, limit: int | None = None) -> str:
    value = (value or "").strip()
    try:
        clean_text(value)
    except ValueError as exc:
        raise RegisterError(f"{where}: {exc}") from None
    if limit is not None and len(value) > limit:
        raise RegisterError(f"{where}: {len(value):,} characters; the limit is {limit:,}")
    return value


def a_year_on(day: date) -> date:
    """The same day a year after ``day`` (February 29 becomes February 28): the default review date."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def document_set(documents: list[dict]) -> frozenset[str]:
    """The hashes of a reading's documents: two readings of the same documents have the same set."""
    return frozenset(d.get("sha256", "") for d in documents)


# ---------------------------------------------------------------- writing


def _app_named(s: Session, name: str) -> AppRow | None:
    return s.scalar(select(AppRow).where(AppRow.name == name))


def _app(s: Session, app: int | str) -> AppRow:
    row = s.get(AppRow, app) if isinstance(app, int) else _app_named(s, str(app).strip())
    if row is None:
        raise RegisterError(f"no app {app!r} in the approved-apps list")
    return row


def record_vetting(reg: Register, report: VetReport, *, app: str, role: str | None, operator: str = "",
                   asked_by: str = "", when: date | None = None, review_date: date | None = None) -> int:
    """Add a reading of ``app``'s documents (``report``) to the approved-apps list, signed with the
    register's actor, and return the reading's id. A new app is added with ``operator``,
    ``asked_by`` and ``review_date`` (default: a year after ``when``, itself default today). A
    reading of the same documents (same hashes) with the same result as the latest adds nothing
    and returns the latest's id; documents with other hashes make a new reading, and counsel's
    verdict on the earlier documents no longer applies (:data:`CHANGED`). Raises
    :class:`RegisterError` unless ``role`` is editor, counsel or admin, or when a field is not valid."""
    if not can_edit(role):
        raise RegisterError(f"only an editor, counsel or an administrator can record a vetting "
                            f"(your role: {role or 'none'})")
    name = _text(app, "app", 300)
    if not name:
        raise RegisterError("app: name the app that was vetted")
    operator, asked_by = _text(operator, "operator", 300), _text(asked_by, "asked by", 320)
    if not report.documents:
        raise RegisterError("the vetting report names no document")
    when = when or date.today()
    documents = [{"name": d.name, "sha256": d.sha256, "date": when.isoformat()} for d in report.documents]
    data = report.model_dump(mode="json")
    check_lengths(AppReadingRow, "the vetting report", report=data)
    with reg.session() as s, s.begin():
        row = _app_named(s, name)
        if row is None:
            row = AppRow(name=name, operator=operator, asked_by=asked_by, added_at=utc_now(),
                         review_date=review_date or a_year_on(when))
            s.add(row)
            s.flush()
            reg.log_change(s, "add app", None, app=row.id, name=name, operator=operator, asked_by=asked_by)
        else:
            latest = row.readings[-1] if row.readings else None
            if latest and document_set(latest.documents) == document_set(documents) and latest.report == data:
                return latest.id
            if operator and operator != row.operator:
                row.operator = operator
            if review_date:
                row.review_date = review_date
        before = current_confirmation(row)
        reading = AppReadingRow(app_id=row.id, read_at=utc_now(), read_by=reg.actor[:320], documents=documents,
                                verdict=report.verdict, report=data)
        s.add(reading)
        s.flush()
        changed = before is not None and document_set(before[1].documents) != document_set(documents)
        reg.log_change(s, "vet app", None, app=row.id, reading=reading.id, verdict=report.verdict,
                       documents=[f"{d['name']} {d['sha256'][:12]}" for d in documents], terms_changed=changed)
        return reading.id


def confirm_app(reg: Register, app: int | str, *, role: str | None, verdict: str | None = None,
                reason: str = "", conditions: list[str] | None = None, review_date: date | None = None) -> int:
    """Record counsel's verdict on ``app``'s latest reading, signed with the register's actor and
    ``role``: ``verdict`` (one of :data:`VERDICTS`; default the reading's own), a reason (needed
    when it differs from the reading), ``conditions`` (default the reading's) and, if given, a
    new review date; with its log line. Returns the confirmation's id. Raises
    :class:`RegisterError` unless ``role`` is counsel or admin, or when the app is unknown, has no
    reading, or a value is not valid."""
    if not can_confirm(role):
        raise RegisterError(f"only counsel or an administrator can confirm an app's verdict "
                            f"(your role: {role or 'none'})")
    reason = _text(reason, "reason", MAX_REASON)
    kept = [_text(c, f"condition {i + 1}", MAX_CONDITION) for i, c in enumerate(conditions or [])]
    with reg.session() as s, s.begin():
        row = _app(s, app)
        if not row.readings:
            raise RegisterError(f"app {row.name!r} has no reading to confirm (vet it first)")
        reading = row.readings[-1]
        verdict = (verdict or reading.verdict).strip().lower()
        if verdict not in VERDICTS:
            raise RegisterError(f"verdict {verdict!r} must be one of: {', '.join(VERDICTS)}")
        if verdict != reading.verdict and not reason:
            raise RegisterError(f"changing the reading's verdict ({reading.verdict}) to {verdict} needs a reason")
        if conditions is None:
            kept = list(reading.report.get("conditions", []))
        done = AppConfirmationRow(app_id=row.id, reading_id=reading.id, confirmed_at=utc_now(),
                                  confirmer=reg.actor[:320], role=str(role), verdict=verdict, reason=reason,
                                  conditions=[c for c in kept if c])
        s.add(done)
        if review_date:
            row.review_date = review_date
        s.flush()
        reg.log_change(s, "confirm app", None, app=row.id, reading=reading.id, role=role, reading_verdict=reading.verdict,
                       verdict=verdict, reason=reason, review_date=row.review_date)
        return done.id


def set_review_date(reg: Register, app: int | str, when: date, *, role: str | None) -> None:
    """Set the date the board looks at ``app`` again, with its log line. Raises
    :class:`RegisterError` unless ``role`` may edit, or for an unknown app."""
    if not can_edit(role):
        raise RegisterError(f"only an editor, counsel or an administrator can set a review date "
                            f"(your role: {role or 'none'})")
    with reg.session() as s, s.begin():
        row = _app(s, app)
        old, row.review_date = row.review_date, when
        reg.log_change(s, "set app review date", None, app=row.id, review_date=[old, when])


# ---------------------------------------------------------------- reading


def current_confirmation(row: AppRow) -> tuple[AppConfirmationRow, AppReadingRow] | None:
    """Counsel's latest confirmation of a reading of the same documents as ``row``'s latest
    reading, with that reading; None when the documents now on file were never confirmed."""
    if not row.readings:
        return None
    now = document_set(row.readings[-1].documents)
    readings = {r.id: r for r in row.readings}
    for done in reversed(row.confirmations):
        reading = readings.get(done.reading_id)
        if reading is not None and document_set(reading.documents) == now:
            return done, reading
    return None


@dataclass
class AppRecord:
    """One app of the list as staff and teachers read it. ``status`` is the confirmed verdict, or
    :data:`AWAITING`, :data:`CHANGED` (documents other than those counsel confirmed) or
    :data:`REVIEW_DUE` (a usable verdict past its review date)."""

    id: int
    name: str
    operator: str
    asked_by: str
    review_date: date | None
    status: str
    read_verdict: str
    verdict: str = ""  # counsel's, for the documents now on file
    confirmed_by: str = ""
    confirmed_at: datetime | None = None
    reason: str = ""
    conditions: list[str] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    report: dict = field(default_factory=dict)

    @property
    def approved(self) -> bool:
        """True when counsel confirmed the app may be used (with or without conditions) on the
        documents now on file and its review date has not passed."""
        return self.verdict in USABLE and self.status != REVIEW_DUE


def _record(row: AppRow, today: date) -> AppRecord:
    latest = row.readings[-1]
    found = current_confirmation(row)
    rec = AppRecord(id=row.id, name=row.name, operator=row.operator, asked_by=row.asked_by,
                    review_date=row.review_date, status=AWAITING, read_verdict=latest.verdict,
                    documents=list(latest.documents), report=dict(latest.report),
                    conditions=list(latest.report.get("conditions", [])))
    if found is None:
        rec.status = CHANGED if row.confirmations else AWAITING
        return rec
    done, _ = found
    rec.verdict, rec.confirmed_by, rec.confirmed_at = done.verdict, done.confirmer, done.confirmed_at
    rec.reason, rec.conditions = done.reason, list(done.conditions)
    overdue = row.review_date is not None and today > row.review_date
    rec.status = REVIEW_DUE if overdue and done.verdict in USABLE else done.verdict
    return rec


def app_records(reg: Register, today: date | None = None) -> list[AppRecord]:
    """Every app of the list with a reading, by name (case aside), as of ``today`` (default today)."""
    today = today or date.today()
    with reg.snapshot() as s:
        rows = s.scalars(select(AppRow).options(selectinload(AppRow.readings), selectinload(AppRow.confirmations)))
        return sorted((_record(r, today) for r in rows if r.readings), key=lambda r: (r.name.lower(), r.id))


def app_record(reg: Register, app: int | str, today: date | None = None) -> AppRecord:
    """One app of the list (by id or exact name). Raises :class:`RegisterError` when it is not there."""
    for rec in app_records(reg, today):
        if rec.id == app or rec.name == app:
            return rec
    raise RegisterError(f"no app {app!r} in the approved-apps list")


def approved_apps(reg: Register, today: date | None = None) -> list[AppRecord]:
    """The apps teachers may use: counsel confirmed *may be used* or *may be used with
    conditions* on the documents now on file, and the review date has not passed."""
    return [r for r in app_records(reg, today) if r.approved]


# ---------------------------------------------------------------- the list for teachers

CSV_COLUMNS = ("app", "operator", "status", "verdict as read", "verdict confirmed", "confirmed by",
               "confirmed on", "conditions", "review date", "documents", "asked by")


def apps_csv(records: list[AppRecord]) -> bytes:
    """The list as CSV (UTF-8 with a byte-order mark, one row an app, the :data:`CSV_COLUMNS`);
    every cell safe from spreadsheet formulas."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_COLUMNS)
    for r in records:
        docs = "; ".join(f"{d.get('name', '')} (sha256 {d.get('sha256', '')[:12]}, {d.get('date', '')})"
                         for d in r.documents)
        writer.writerow([safe_cell(x) for x in (
            r.name, r.operator, r.status, r.read_verdict, r.verdict, r.confirmed_by,
            r.confirmed_at.date().isoformat() if r.confirmed_at else "", "; ".join(r.conditions),
            r.review_date.isoformat() if r.review_date else "", docs, r.asked_by)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


_SECTIONS = (("May be used", lambda r: r.approved and r.verdict == "may be used"),
             ("May be used with conditions", lambda r: r.approved and r.verdict == "may be used with conditions"),
             ("May not be used", lambda r: r.status == "may not be used"),
             ("Not yet decided: ask before using", lambda r: not r.approved and r.status != "may not be used"))


def apps_page(records: list[AppRecord], board_name: str, today: date | None = None) -> str:
    """A self-contained HTML page of the list for teachers: the apps that may be used, those
    with conditions (each condition listed), those that may not, and those not yet decided.
    Every name and condition is escaped: an operator's text never runs as markup."""
    today = today or date.today()
    e = html.escape
    parts = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>Approved apps — {e(board_name)}</title></head><body>",
             f"<h1>Apps and student data — {e(board_name)}</h1>",
             f"<p>As of {e(today.isoformat())}. Use an app with students only if it is listed as one that "
             "may be used, and then only as its conditions say. Ask the privacy officer about any other app.</p>"]
    for title, belongs in _SECTIONS:
        rows = [r for r in records if belongs(r)]
        parts.append(f"<h2>{e(title)} ({len(rows)})</h2>")
        if not rows:
            parts.append("<p>None.</p>")
            continue
        parts.append("<table><thead><tr><th>App</th><th>Operator</th><th>Status</th><th>Conditions</th>"
                     "<th>Review date</th></tr></thead><tbody>")
        for r in rows:
            conditions = "".join(f"<li>{e(c)}</li>" for c in r.conditions)
            parts.append(f"<tr><td>{e(r.name)}</td><td>{e(r.operator)}</td><td>{e(r.status)}</td>"
                         f"<td>{f'<ul>{conditions}</ul>' if conditions else ''}</td>"
                         f"<td>{e(r.review_date.isoformat() if r.review_date else '')}</td></tr>")
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts)


# ---------------------------------------------------------------- backups


def check_app_row(table: str, row: dict) -> str | None:
    """What is wrong with one row of the apps tables in a backup, or None: a reading's documents
    as ``[{name, sha256, date}]`` and a report that is a vetting report; verdicts among
    :data:`VERDICTS`; conditions a list of text. The message names the field."""
    if table == "app_readings":
        docs = row.get("documents")
        if not isinstance(docs, list) or not docs or not all(
                isinstance(d, dict) and isinstance(d.get("name"), str) and _SHA.match(str(d.get("sha256", "")))
                and _is_date(d.get("date")) for d in docs):
            return "documents: expected a list of {name, sha256, date}"
        if row.get("verdict") not in VERDICTS:
            return f"verdict: must be one of {', '.join(VERDICTS)}"
        try:
            VetReport.model_validate(row.get("report"))
        except ValidationError as exc:
            return f"report: not a vetting report ({str(exc).splitlines()[0][:200]})"
    if table == "app_confirmations":
        if row.get("verdict") not in VERDICTS:
            return f"verdict: must be one of {', '.join(VERDICTS)}"
        conditions = row.get("conditions")
        if not isinstance(conditions, list) or not all(isinstance(c, str) for c in conditions):
            return "conditions: expected a list of text"
    return None


def _is_date(value: object) -> bool:
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def confirmed_by_for(reg: Register, app: str, report: VetReport) -> str:
    """Who confirmed ``app``'s verdict on exactly the documents ``report`` read (same hashes),
    for a letter to act on; "" when the app is not in the list or counsel has not confirmed a
    reading of those documents (the letter is then a draft). Never raises for an unknown app."""
    with reg.snapshot() as s:
        row = _app_named(s, (app or "").strip())
        if row is None:
            return ""
        wanted = frozenset(d.sha256 for d in report.documents)
        readings = {r.id: r for r in row.readings}
        for done in reversed(row.confirmations):
            reading = readings.get(done.reading_id)
            if reading is not None and document_set(reading.documents) == wanted:
                return done.confirmer
    return ""
