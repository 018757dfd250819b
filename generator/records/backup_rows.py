"""The rows of a register export checked as the register writes them, one row at a time: each
cell against its column (:func:`decode_cell`), each row's shape beyond its column types
(:func:`check_row`), and its references to the rows before it (:class:`RowChecker`, which keeps
only ids and a few small maps, so a backup of any size is checked as it is read), with the one
error every check raises (:func:`export_error`). Used by :mod:`generator.records.backup` and
:mod:`generator.records.backup_zip` before (or while) anything is imported."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import zipfile
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Integer, LargeBinary, String, Table, Text, UniqueConstraint

from generator.errors import ProfileError
from generator.forms import board_from_dict
from generator.models import MAX_YEAR, MIN_YEAR
from generator.records.apps import check_app_row
from generator.records.database import RegisterError
from generator.records.duties import check_student_ref
from generator.records.review import HOLDINGS, STATUSES
from generator.records.register import MAX_FILE
from generator.records.tables import MAX_CATEGORY, MAX_JSON, MAX_TEXT

MAX_ID = 2**31 - 1          # PostgreSQL's integer
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # every control character but tab and line ends


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
    if CONTROL.search(value):
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


# ---------------------------------------------------------------- one cell


def _year(value: date, where: str) -> None:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise export_error(where, f"{value.isoformat()} is outside the years {MIN_YEAR}-{MAX_YEAR}")


class StoredFile(str):
    """The name of a stored file inside a ZIP backup, read (and its sha256 checked) only when
    its row is written or verified."""


def _stored_file(value: object, where: str, archive: zipfile.ZipFile) -> StoredFile:
    if not isinstance(value, dict) or set(value) != {"file"} or not isinstance(value["file"], str):
        raise export_error(where, 'expected {"file": "files/..."}')
    try:
        info = archive.getinfo(value["file"])
    except KeyError:
        raise export_error(where, f"the backup holds no file {value['file'][:200]!r}") from None
    if info.file_size > MAX_FILE:
        raise export_error(where, f"the stored file is larger than {MAX_FILE // 2**20} MB")
    return StoredFile(info.filename)


def _blob(value: object, where: str) -> bytes:
    if not isinstance(value, dict) or set(value) != {"base64"} or not isinstance(value["base64"], str):
        raise export_error(where, 'expected {"base64": "..."}')
    if len(value["base64"]) > (MAX_FILE * 4) // 3 + 4:
        raise export_error(where, f"the stored file is larger than {MAX_FILE // 2**20} MB")
    try:
        blob = base64.b64decode(value["base64"], validate=True)
    except (binascii.Error, ValueError):
        raise export_error(where, "is not valid base64") from None
    if len(blob) > MAX_FILE:
        raise export_error(where, f"the stored file is larger than {MAX_FILE // 2**20} MB")
    return blob


def decode_cell(column: Column, value: object, where: str, archive: zipfile.ZipFile | None = None) -> object:
    """One cell of an export checked against ``column`` and returned as the database's type (a
    stored file of a ZIP backup, ``archive``, as a :class:`StoredFile` until it is written).
    Raises :func:`export_error` for ``where`` when the cell does not fit the column."""
    kind = column.type
    if value is None:
        if not column.nullable and not column.primary_key:
            raise export_error(where, "may not be empty")
        return None
    if isinstance(kind, LargeBinary):
        return _stored_file(value, where, archive) if archive is not None else _blob(value, where)
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise export_error(where, f"expected true or false, found {value!r}"[:200])
        return value
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
            raise export_error(where, f"expected a whole number from 1 to {MAX_ID}, found {value!r}"[:200])
        return value
    if isinstance(kind, (Date, DateTime)):
        timed = isinstance(kind, DateTime)
        try:
            parsed = (datetime if timed else date).fromisoformat(checked_text(value, where, 40))
        except ValueError:
            raise export_error(where, f"{value!r} is not a {'date and time' if timed else 'date (YYYY-MM-DD)'}"[:200]) from None
        _year(parsed, where)
        return parsed
    if isinstance(kind, String) and kind.length:
        return checked_text(value, where, kind.length)
    if isinstance(kind, Text):
        return checked_text(value, where, MAX_TEXT)
    if isinstance(kind, JSON):
        written = json.dumps(value)
        if len(written) > MAX_JSON:
            raise export_error(where, f"{len(written):,} characters of JSON; the limit is {MAX_JSON:,}")
        if "\\u0000" in written:
            raise export_error(where, "contains a NUL character")
        return value
    raise export_error(where, f"column type {kind} is not known")  # pragma: no cover - schema drift


# ---------------------------------------------------------------- one row, and its references


def _unique_keys(table: Table) -> list[tuple[str, ...]]:
    """The columns ``table`` holds unique (in one board: the import decides the board)."""
    keys = [tuple(c.name for c in k.columns if c.name != "board_id") for k in table.constraints
            if isinstance(k, UniqueConstraint)]
    return keys + [(c.name,) for c in table.c if c.unique and c.name != "id"]


class RowChecker:
    """Checks a backup's rows one at a time, table by table in the order of ``tables`` (every
    table after those it refers to), keeping only what later rows are checked against: each
    table's ids, each vetting's app, each check's contract and the newest board profile. Call
    :meth:`row` for each row, then :meth:`finish`."""

    def __init__(self, tables: dict[str, Table], archive: zipfile.ZipFile | None = None) -> None:
        self.tables, self.archive = tables, archive
        self.ids: dict[str, set[int]] = {name: set() for name in tables}
        self.reading_app: dict[int, int] = {}
        self.check_contract: dict[int, int] = {}
        self.newest_profile: tuple[int, str, Any] | None = None
        self.unique_keys = {name: _unique_keys(table) for name, table in tables.items()}  # found once
        self.unique: dict[tuple[str, tuple[str, ...]], set] = {}  # values seen for each unique key

    def row(self, name: str, row: Any, where: str) -> dict:
        """``row`` of table ``name`` decoded (:func:`decode_cell`) and checked: known columns, an
        id not seen before, no required column missing, :func:`check_row`, references to rows
        already checked. Returns the decoded row; raises :func:`export_error` for ``where``
        (``contracts[3]``) or one of its cells."""
        table = self.tables[name]
        if not isinstance(row, dict):
            raise export_error(where, "expected an object")
        extra = set(row) - set(table.c.keys())
        if extra:
            raise export_error(where, f"unknown column(s): {', '.join(sorted(map(str, extra)))[:200]}")
        if "id" not in row:
            raise export_error(where, "has no id")
        cells = {k: decode_cell(table.c[k], v, f"{where}.{k}", self.archive) for k, v in row.items()}
        for col in table.c:
            if col.name not in cells and not col.nullable and col.default is None and col.name != "board_id":
                raise export_error(where, f"{col.name} is missing")
        ids = self.ids[name]
        if cells["id"] in ids:
            raise export_error(f"{where}.id", f"id {cells['id']} appears twice")
        ids.add(cells["id"])
        for key in self.unique_keys[name]:
            seen = self.unique.setdefault((name, key), set())
            value = tuple(cells.get(c) for c in key)
            if value in seen:
                raise export_error(f"{where}.{key[-1]}", f"{value[-1]!r} appears twice; the register holds it once")
            seen.add(value)
        check_row(name, cells, where)
        for fk in table.foreign_keys:
            if fk.parent.name == "board_id":  # the import decides the board
                continue
            ref, value = fk.column.table.name, cells.get(fk.parent.name)
            if value is not None and value not in self.ids.get(ref, ()):
                raise export_error(f"{where}.{fk.parent.name}", f"no {ref} row with id {value}")
        self._relations(name, cells, where)
        return cells

    def _relations(self, name: str, cells: dict, where: str) -> None:
        """What a row must agree with beyond its foreign keys."""
        if name == "app_readings":
            self.reading_app[cells["id"]] = cells.get("app_id")
        elif name == "checks":
            self.check_contract[cells["id"]] = cells.get("contract_id")
        elif name == "app_confirmations" and self.reading_app.get(cells.get("reading_id")) != cells.get("app_id"):
            raise export_error(f"{where}.reading_id", f"reading {cells.get('reading_id')} is not of app {cells.get('app_id')}")
        elif name == "log" and cells.get("contract_id") is not None and cells["contract_id"] not in self.ids["contracts"]:
            raise export_error(f"{where}.contract_id", f"no contracts row with id {cells['contract_id']}")
        elif name == "reviews" and self.check_contract.get(cells.get("check_id")) != cells.get("contract_id"):
            raise export_error(f"{where}.check_id",
                               f"check {cells.get('check_id')} is not a check of contract {cells.get('contract_id')}")
        elif name == "board_profiles" and (self.newest_profile is None or cells["id"] > self.newest_profile[0]):
            self.newest_profile = (cells["id"], where, cells.get("data"))

    def finish(self) -> None:
        """What only the whole backup shows: the board profile in use (the newest saved) still
        validates, so every page and command can start. Raises :class:`RegisterError`."""
        if self.newest_profile is not None:
            _, where, data = self.newest_profile
            try:
                board_from_dict(data, f"{where}.data")
            except ProfileError as exc:
                raise RegisterError(f"the export cannot be imported: {exc}") from None
