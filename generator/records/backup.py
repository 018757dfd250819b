"""Register backups that restore: an export read from one snapshot and verified to re-import, an
import checked against the schema before anything is written, and all-or-nothing CSV imports."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    String,
    Text,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError

from generator.models import MAX_YEAR, MIN_YEAR
from generator.records.database import RegisterError
from generator.records.register import MAX_FILE, Register
from generator.records.tables import (
    TABLES,
    AnnualNoticeRow,
    BoardProfileRow,
    ContractRow,
    DirectoryVendorRow,
    ExceptionRow,
    LogRow,
    VendorRow,
)

# every table of the register, the district's setup and the board's duties included
BACKUP_TABLES = [*TABLES, AnnualNoticeRow, ExceptionRow, BoardProfileRow, DirectoryVendorRow]

FORMAT, VERSION = "sdpa-register", 1
MAX_ID = 2**31 - 1          # PostgreSQL's integer
MAX_TEXT = 1_000_000        # characters in one text cell
MAX_JSON = 5_000_000        # characters of one JSON cell (a check's report)
_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"} | {"\x7f"}


# ---------------------------------------------------------------- export


def _encode(value: object) -> object:
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    return value


def export_register(reg: Register, verify: bool = True) -> dict:
    """The whole register as JSON-ready data, each table in id order (files base64), read in one
    transaction, so writes made meanwhile are either wholly in it or wholly out. With ``verify``
    (the default) the export is imported into an in-memory SQLite register first; raises
    :class:`RegisterError` when it would not restore."""
    out: dict = {"format": FORMAT, "version": VERSION, "tables": {}}
    with reg.snapshot() as s, s.begin():
        for model in BACKUP_TABLES:
            cols = [col.name for col in model.__table__.columns]
            rows = s.execute(select(model.__table__).order_by(model.__table__.c.id)).mappings()
            out["tables"][model.__tablename__] = [{k: _encode(r[k]) for k in cols} for r in rows]
    if verify:
        try:
            with Register("sqlite://") as check:
                import_register(check, json.loads(json.dumps(out)))
        except RegisterError as exc:
            raise RegisterError(f"the export would not restore, so it was not written ({exc})") from None
    return out


# ---------------------------------------------------------------- validating an export


def _fail(where: str, why: str) -> RegisterError:
    return RegisterError(f"the export cannot be imported: {where}: {why}")


def _check_text(value: object, where: str, limit: int) -> str:
    if not isinstance(value, str):
        raise _fail(where, f"expected text, found {type(value).__name__}")
    if len(value) > limit:
        raise _fail(where, f"{len(value):,} characters; the limit is {limit:,}")
    if any(ch in _CONTROL for ch in value):
        raise _fail(where, "contains a control character (such as NUL)")
    return value


def _year(value: date, where: str) -> None:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise _fail(where, f"{value.isoformat()} is outside the years {MIN_YEAR}-{MAX_YEAR}")


def _decode(column, value: object, where: str) -> object:
    """One cell of an export, checked against ``column`` and turned into the database's type."""
    kind = column.type
    if value is None:
        if not column.nullable and not column.primary_key:
            raise _fail(where, "may not be empty")
        return None
    if isinstance(kind, LargeBinary):
        if not isinstance(value, dict) or set(value) != {"base64"} or not isinstance(value["base64"], str):
            raise _fail(where, 'expected {"base64": "..."}')
        if len(value["base64"]) > (MAX_FILE * 4) // 3 + 4:
            raise _fail(where, f"the stored file is larger than {MAX_FILE // 2**20} MB")
        try:
            blob = base64.b64decode(value["base64"], validate=True)
        except (binascii.Error, ValueError):
            raise _fail(where, "is not valid base64") from None
        if len(blob) > MAX_FILE:
            raise _fail(where, f"the stored file is larger than {MAX_FILE // 2**20} MB")
        return blob
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise _fail(where, f"expected true or false, found {value!r}"[:200])
        return value
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
            raise _fail(where, f"expected a whole number from 1 to {MAX_ID}, found {value!r}"[:200])
        return value
    if isinstance(kind, (Date, DateTime)):
        timed = isinstance(kind, DateTime)
        try:
            parsed = (datetime if timed else date).fromisoformat(_check_text(value, where, 40))
        except ValueError:
            raise _fail(where, f"{value!r} is not a {'date and time' if timed else 'date (YYYY-MM-DD)'}"[:200]) from None
        _year(parsed, where)
        return parsed
    if isinstance(kind, String) and kind.length:
        return _check_text(value, where, kind.length)
    if isinstance(kind, Text):
        return _check_text(value, where, MAX_TEXT)
    if isinstance(kind, JSON):
        size = len(json.dumps(value))
        if size > MAX_JSON:
            raise _fail(where, f"{size:,} characters of JSON; the limit is {MAX_JSON:,}")
        if "\\u0000" in json.dumps(value):
            raise _fail(where, "contains a NUL character")
        return value
    raise _fail(where, f"column type {kind} is not known")  # pragma: no cover - schema drift


def _check_shapes(table: str, row: dict, where: str) -> None:
    """What the register's readers rely on beyond column types."""
    if table == "contracts":
        cats = row.get("data_categories")
        if not isinstance(cats, list) or not all(isinstance(x, str) for x in cats):
            raise _fail(f"{where}.data_categories", "expected a list of text")
        for i, x in enumerate(cats):
            _check_text(x, f"{where}.data_categories[{i}]", 4000)
        if row.get("file_data") is not None and row.get("file_sha256") != hashlib.sha256(row["file_data"]).hexdigest():
            raise _fail(f"{where}.file_sha256", "does not match the stored file")
    if table == "checks":
        report = row.get("report")
        if not isinstance(report, dict):
            raise _fail(f"{where}.report", "expected a JSON object")
        provisions = report.get("provisions", [])
        if not isinstance(provisions, list) or not all(
                isinstance(p, dict) and isinstance(p.get("id"), str) and isinstance(p.get("status"), str)
                for p in provisions):
            raise _fail(f"{where}.report.provisions", "expected a list of {id, status} objects")
    if table == "notices" and row.get("outcome") not in ("", "amended", "void", "withdrawn"):
        raise _fail(f"{where}.outcome", "must be empty, amended, void or withdrawn")
    if table == "reviews" and not isinstance(row.get("verdict"), dict):
        raise _fail(f"{where}.verdict", "expected a JSON object")
    if table == "log" and not isinstance(row.get("details"), dict):
        raise _fail(f"{where}.details", "expected a JSON object")


def validate_export(data: Any) -> dict[str, list[dict]]:
    """Check an export against the register's schema: known tables and columns, every cell's
    type, range and size, unique ids, references to rows that exist, no NUL characters, stored
    files of at most 50 MB matching their sha256. Returns the rows decoded, table by table;
    raises :class:`RegisterError` naming the first bad cell (``contracts[3].executed``)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RegisterError(f"not an sdpa register export (format '{FORMAT}')")
    if data.get("version") != VERSION:
        raise RegisterError(f"the export's version {data.get('version')!r} is not {VERSION}")
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise _fail("tables", "expected an object of tables")
    known = {m.__tablename__: m.__table__ for m in BACKUP_TABLES}
    unknown = set(tables) - set(known)
    if unknown:
        raise _fail("tables", f"unknown table(s): {', '.join(sorted(unknown))[:200]}")
    decoded: dict[str, list[dict]] = {}
    all_ids: dict[str, set[int]] = {}
    for name, table in known.items():
        rows = tables.get(name, [])
        if not isinstance(rows, list):
            raise _fail(name, "expected a list of rows")
        out, ids = [], set()
        for i, row in enumerate(rows):
            where = f"{name}[{i}]"
            if not isinstance(row, dict):
                raise _fail(where, "expected an object")
            extra = set(row) - set(table.c.keys())
            if extra:
                raise _fail(where, f"unknown column(s): {', '.join(sorted(map(str, extra)))[:200]}")
            if "id" not in row:
                raise _fail(where, "has no id")
            cells = {k: _decode(table.c[k], v, f"{where}.{k}") for k, v in row.items()}
            for col in table.c:
                if col.name not in cells and not col.nullable and col.default is None:
                    raise _fail(where, f"{col.name} is missing")
            if cells["id"] in ids:
                raise _fail(f"{where}.id", f"id {cells['id']} appears twice")
            ids.add(cells["id"])
            _check_shapes(name, cells, where)
            for fk in table.foreign_keys:
                ref = fk.column.table.name
                value = cells.get(fk.parent.name)
                if value is not None and value not in all_ids.get(ref, set()):
                    raise _fail(f"{where}.{fk.parent.name}", f"no {ref} row with id {value}")
            out.append(cells)
        decoded[name], all_ids[name] = out, ids
    return decoded


def import_register(reg: Register, data: Any) -> int:
    """Load an export into an empty register, keeping ids; returns the rows loaded. The whole
    export is checked first (:func:`validate_export`), then written in one transaction: nothing
    is written unless everything is. Raises :class:`RegisterError` when the register is not
    empty or the data is not a valid export."""
    decoded = validate_export(data)
    if reg.count(ContractRow) or reg.count(VendorRow) or reg.count(LogRow):
        raise RegisterError("the register is not empty; import into a new register")
    n = 0
    try:
        with reg.session() as s, s.begin():
            for model in BACKUP_TABLES:
                table = model.__table__
                for row in decoded[table.name]:
                    s.execute(table.insert().values(row))
                    n += 1
            if reg.engine.dialect.name == "postgresql":
                for model in BACKUP_TABLES:
                    t = model.__tablename__
                    s.execute(text(f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), "
                                   f"COALESCE((SELECT MAX(id) FROM {t}), 0) + 1, false)"))
    except SQLAlchemyError as exc:
        raise RegisterError(f"the export cannot be imported: {str(exc).splitlines()[0]}") from None
    return n


# ---------------------------------------------------------------- CSV of contracts


def import_contracts(reg: Register, rows: Iterable[dict]) -> list[int]:
    """Add every contract of ``rows`` (as :func:`generator.records.register.contracts_from_csv` yields
    them, each with its ``line``) in one transaction: when any row is invalid, none is added.
    Returns the new ids; raises :class:`RegisterError` naming the line of the first bad row."""
    ids = []
    with reg.session() as s, s.begin():
        for row in rows:
            fields = dict(row)
            line = fields.pop("line", None)
            try:
                ids.append(reg.insert_contract(s, **fields))
            except RegisterError as exc:
                raise RegisterError(f"line {line}: {exc}; nothing was imported") from None
            s.expunge_all()  # a stored file is not kept in memory once written
    return ids


def import_contracts_csv(reg: Register, path: Path) -> list[int]:
    """Import a CSV of contracts or a batch manifest all-or-nothing (see :func:`import_contracts`).
    Attached files are read only inside the CSV's folder. Raises :class:`SdpaError` naming the
    file and line."""
    from generator.errors import InputError
    from generator.records.contract_csv import contracts_from_csv

    try:
        return import_contracts(reg, contracts_from_csv(Path(path)))
    except InputError as exc:
        raise InputError(f"{exc}; nothing was imported") from None
