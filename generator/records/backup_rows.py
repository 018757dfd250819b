"""The rows of a register export checked as the register writes them: each row's shape beyond
its column types (:func:`check_row`) and what only the whole export shows (:func:`check_whole`),
with the one error every check raises (:func:`export_error`). Used by
:mod:`generator.records.backup` before anything is imported."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta, timezone
from typing import Any

from generator.errors import ProfileError
from generator.forms import board_from_dict
from generator.records.apps import check_app_row
from generator.records.database import RegisterError
from generator.records.duties import check_student_ref
from generator.records.review import HOLDINGS, STATUSES
from generator.records.tables import MAX_CATEGORY

CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"} | {"\x7f"}


def export_error(where: str, why: str) -> RegisterError:
    """The error an import raises for the cell or row at ``where``."""
    return RegisterError(f"the export cannot be imported: {where}: {why}")


def checked_text(value: object, where: str, limit: int) -> str:
    """``value`` when it is text of at most ``limit`` characters without control characters;
    else raises :func:`export_error` for ``where``."""
    if not isinstance(value, str):
        raise export_error(where, f"expected text, found {type(value).__name__}")
    if len(value) > limit:
        raise export_error(where, f"{len(value):,} characters; the limit is {limit:,}")
    if any(ch in CONTROL for ch in value):
        raise export_error(where, "contains a control character (such as NUL)")
    return value


def check_row(table: str, row: dict, where: str) -> None:
    """What the register's readers rely on beyond column types."""
    if table == "contracts":
        cats = row.get("data_categories")
        if not isinstance(cats, list) or not all(isinstance(x, str) for x in cats):
            raise export_error(f"{where}.data_categories", "expected a list of text")
        for i, x in enumerate(cats):
            checked_text(x, f"{where}.data_categories[{i}]", MAX_CATEGORY)
        if isinstance(row.get("file_data"), bytes) and row.get("file_sha256") != hashlib.sha256(row["file_data"]).hexdigest():
            raise export_error(f"{where}.file_sha256", "does not match the stored file")
    if table == "checks":
        report = row.get("report")
        if not isinstance(report, dict):
            raise export_error(f"{where}.report", "expected a JSON object")
        provisions = report.get("provisions", [])
        if not isinstance(provisions, list) or not all(
                isinstance(p, dict) and isinstance(p.get("id"), str) and isinstance(p.get("status"), str)
                for p in provisions):
            raise export_error(f"{where}.report.provisions", "expected a list of {id, status} objects")
    if table == "notices" and row.get("outcome") not in ("", "amended", "void", "withdrawn"):
        raise export_error(f"{where}.outcome", "must be empty, amended, void or withdrawn")
    if table == "reviews":
        _check_verdict(row.get("verdict"), f"{where}.verdict")
    if table == "log":
        _check_log_line(row, where)
    if table.startswith("app_") and (problem := check_app_row(table, row)):
        column, why = problem.split(": ", 1)
        raise export_error(f"{where}.{column}", why)
    if table == "iep_exceptions":
        try:
            check_student_ref(row.get("student_ref"))
        except RegisterError as exc:
            raise export_error(f"{where}.student_ref", str(exc).split(": ", 1)[1]) from None


def _check_verdict(verdict: Any, where: str) -> None:
    """Counsel's verdict as :func:`generator.records.review.review_check` writes it: provisions
    with an id, a status and a reason; conflicting terms with a holding and a reason."""
    if not isinstance(verdict, dict):
        raise export_error(where, "expected a JSON object")
    for key, field, allowed in (("provisions", "status", STATUSES), ("conflicts", "holding", HOLDINGS)):
        rows = verdict.get(key, [])
        if not isinstance(rows, list):
            raise export_error(f"{where}.{key}", "expected a list")
        for i, row in enumerate(rows):
            if not isinstance(row, dict) or row.get(field) not in allowed or not isinstance(row.get("reason"), str):
                raise export_error(f"{where}.{key}[{i}]", f"expected an object with a {field} ({', '.join(allowed)}) "
                                                   "and a reason")
            if key == "provisions" and not isinstance(row.get("id"), str):
                raise export_error(f"{where}.{key}[{i}].id", "expected a provision id")


_ACTION = re.compile(r"^[a-z][a-z0-9 /-]{0,59}$")


def _check_log_line(row: dict, where: str) -> None:
    """A log line as the register writes it: an action in plain lower-case words, an actor, a
    time not in the future, details as an object. Anything else was not written by sdpa."""
    if not isinstance(row.get("details"), dict):
        raise export_error(f"{where}.details", "expected a JSON object")
    if not _ACTION.match(str(row.get("action", ""))):
        raise export_error(f"{where}.action", "is not an action the register writes (lower-case words)")
    if not str(row.get("actor", "")).strip():
        raise export_error(f"{where}.actor", "may not be empty: every change names who made it")
    at = row.get("at")
    if isinstance(at, datetime):
        at = at if at.tzinfo else at.replace(tzinfo=timezone.utc)
        if at > datetime.now(timezone.utc) + timedelta(days=1):
            raise export_error(f"{where}.at", f"{at.isoformat()} is in the future")


def check_whole(decoded: dict[str, list[dict]]) -> None:
    """What only the whole export shows: each log line's contract exists, and the board profile
    in use (the newest saved) still validates, so every page and command can start."""
    contracts = {row["id"] for row in decoded["contracts"]}
    readings = {row["id"]: row["app_id"] for row in decoded["app_readings"]}
    for i, row in enumerate(decoded["app_confirmations"]):
        if readings.get(row["reading_id"]) != row["app_id"]:
            raise export_error(f"app_confirmations[{i}].reading_id", f"reading {row['reading_id']} is not of app {row['app_id']}")
    for i, row in enumerate(decoded["log"]):
        if row.get("contract_id") is not None and row["contract_id"] not in contracts:
            raise export_error(f"log[{i}].contract_id", f"no contracts row with id {row['contract_id']}")
    checks = {row["id"]: row["contract_id"] for row in decoded.get("checks", [])}
    for i, row in enumerate(decoded.get("reviews", [])):
        if checks.get(row["check_id"]) != row["contract_id"]:
            raise export_error(f"reviews[{i}].check_id", f"check {row['check_id']} is not a check of contract {row['contract_id']}")
    profiles = decoded["board_profiles"]
    if profiles:
        i, newest = max(enumerate(profiles), key=lambda pair: pair[1]["id"])
        try:
            board_from_dict(newest.get("data"), f"board_profiles[{i}].data")
        except ProfileError as exc:
            raise RegisterError(f"the export cannot be imported: {exc}") from None


