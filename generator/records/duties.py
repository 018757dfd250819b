"""The board's register records that belong to no contract: the yearly notice to students and
parents, and the services used under the IEP / Section 504 exception (with their yearly report)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from generator.deadlines import annual_notice_year_due
from generator.models import Board, clean_text
from generator.records.database import RegisterError
from generator.records.register import Register
from generator.records.tables import AnnualNoticeRow, ExceptionRow, check_lengths

PLANS = {"iep": "individualized education program (IEP)", "504": "Section 504 plan"}
_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$")


# ---------------------------------------------------------------- the annual notice


def record_annual_notice(reg: Register, sent: date) -> int:
    """Record that the year's notice to students and parents was sent on ``sent`` (it counts for
    ``sent``'s calendar year). Returns the record's id."""
    return reg.add_row(AnnualNoticeRow(year=sent.year, sent=sent), "record annual notice", sent=sent)


def annual_notice_sent(reg: Register, year: int) -> date | None:
    """The date the notice of ``year`` was sent, or None."""
    with reg.snapshot() as s:
        return s.scalar(select(AnnualNoticeRow.sent).where(AnnualNoticeRow.year == year)
                        .order_by(AnnualNoticeRow.sent))


def annual_notice_due(reg: Register, today: date) -> tuple[date, bool]:
    """When the next annual notice is due and whether it is overdue: September 1 of ``today``'s
    year until that year's notice is recorded (overdue after September 1), then the next year's."""
    due = annual_notice_year_due(today)
    if annual_notice_sent(reg, today.year):
        return date(today.year + 1, due.month, due.day), False
    return due, today > due


# ---------------------------------------------------------------- the IEP / 504 exception


@dataclass
class ExceptionRecord:
    id: int
    student_ref: str
    plan: str
    service: str
    operator: str
    effort: str
    signed: date
    ended: date | None


def check_student_ref(student_ref: object) -> str:
    """``student_ref`` stripped, when it is a reference to a child (such as a student ID) and
    not a name: letters, digits and ``. _ / -``, no spaces, up to 40, with at least one digit
    (a name has none). Raises :class:`RegisterError` otherwise."""
    ref = student_ref.strip() if isinstance(student_ref, str) else ""
    if not _REF.match(ref) or not any(ch.isdigit() for ch in ref):
        raise RegisterError("student reference: use the board's reference (such as the student ID "
                            "number), not the name: letters, digits, . _ / -, at least one digit, "
                            "no spaces, up to 40")
    return ref


def record_exception(reg: Register, *, student_ref: str, plan: str, service: str, effort: str,
                     signed: date, operator: str = "", ended: date | None = None) -> int:
    """Record a service used under the IEP / Section 504 exception. ``student_ref`` is the
    board's reference for the child (such as a student ID), never the name: letters, digits and
    ``. _ / -``, no spaces. Raises :class:`RegisterError` naming the field."""
    ref = check_student_ref(student_ref)
    if plan not in PLANS:
        raise RegisterError(f"plan {plan!r} must be iep or 504")
    for field, value in (("service", service), ("evidence of effort", effort), ("operator", operator)):
        try:
            clean_text(value)
        except ValueError as exc:
            raise RegisterError(f"{field}: {exc}") from None
    check_lengths(ExceptionRow, service=service.strip(), operator=operator.strip(), effort=effort.strip())
    if not service.strip() or not effort.strip():
        raise RegisterError("an exception needs the service and the evidence of the effort to contract")
    if ended and ended < signed:
        raise RegisterError(f"ended {ended} is before signed {signed}")
    row = ExceptionRow(student_ref=ref, plan=plan, service=service.strip(), operator=operator.strip(),
                       effort=effort.strip(), signed=signed, ended=ended)
    return reg.add_row(row, "record exception", plan=plan, service=service, signed=signed)


def exceptions_in_year(reg: Register, year: int) -> list[ExceptionRecord]:
    """The exceptions in use at some time during calendar ``year`` (signed by its end, not
    ended before its start), in id order."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    with reg.snapshot() as s:
        rows = s.scalars(select(ExceptionRow).where(ExceptionRow.signed <= end).order_by(ExceptionRow.id))
        return [ExceptionRecord(r.id, r.student_ref, r.plan, r.service, r.operator, r.effort, r.signed, r.ended)
                for r in rows if r.ended is None or r.ended >= start]


REPORT_COLUMNS = ["service", "operator", "plan", "signed", "ended", "evidence_of_effort"]


def exceptions_report(reg: Register, year: int, board: Board, when: date) -> tuple[str, bytes]:
    """The year's report of services used under the IEP / Section 504 exception, for the
    Commission for Educational Technology: CSV text (one row per use, no student reference) and
    a DOCX summary on the board's letterhead."""
    from generator.documents.letters import render_letter
    from generator.reading.spreadsheets import safe_cell

    records = exceptions_in_year(reg, year)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(REPORT_COLUMNS)
    for r in records:
        w.writerow([safe_cell(x) for x in (r.service, r.operator, r.plan, r.signed.isoformat(),
                                            r.ended.isoformat() if r.ended else "", r.effort)])
    services: dict[tuple[str, str], dict] = {}
    for r in records:
        item = services.setdefault((r.service, r.operator), {"service": r.service, "operator": r.operator,
                                                             "iep": 0, "plan504": 0, "efforts": []})
        item["iep" if r.plan == "iep" else "plan504"] += 1
        if r.effort not in item["efforts"]:
            item["efforts"].append(r.effort)
    docx = render_letter("exceptions-report", board, recipient=["Commission for Educational Technology"],
                         subject=f"Services used under the IEP and Section 504 exception in {year}",
                         context={"year": year, "services": list(services.values()), "count": len(records)},
                         when=when)
    return buf.getvalue(), docx
