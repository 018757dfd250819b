"""Register backups that restore: a ZIP (a JSON manifest of every table beside the stored contract
files, streamed one file at a time) read from one snapshot and verified; imports of it and of the
older one-JSON export, checked against the schema before anything is written; all-or-nothing CSV
imports."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
import stat
import zipfile
import zlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator

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
)
from sqlalchemy.exc import SQLAlchemyError

from generator.errors import ProfileError
from generator.forms import board_from_dict
from generator.models import MAX_YEAR, MIN_YEAR
from generator.records.apps import check_app_row
from generator.records.database import RegisterError
from generator.records.review import HOLDINGS, STATUSES
from generator.records.duties import check_student_ref
from generator.records.register import MAX_FILE, Register
from generator.records.tenancy import BOARD_COLUMN, renumbered_row, sequence_past, session_board
from generator.records.tables import (
    BOARD_OWNED,
    MAX_CATEGORY,
    MAX_JSON,
    MAX_TEXT,
    ContractRow,
    LogRow,
    VendorRow,
)

# every table of one board's register, the district's setup and the board's duties included: a
# backup holds one board (its rows' ``board_id`` is where they came from; an import puts them in
# the board it is made for)
BACKUP_TABLES = BOARD_OWNED

FORMAT, VERSION = "sdpa-register", 1   # version 1: one JSON file, stored files in base64
ZIP_VERSION = 2                        # version 2: a ZIP, manifest.json beside files/<id>
MANIFEST = "manifest.json"
MAX_MANIFEST = 2**30        # bytes of manifest.json: every table but the stored files
MAX_ID = 2**31 - 1          # PostgreSQL's integer
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
            rows = s.execute(select(model.__table__).where(model.__table__.c.board_id == reg.board_id)
                             .order_by(model.__table__.c.id)).mappings()
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


class _Member(str):
    """The name of a stored file inside a ZIP backup, read (and its sha256 checked) only when
    its row is written."""


def _member(value: object, where: str, archive: zipfile.ZipFile) -> _Member:
    if not isinstance(value, dict) or set(value) != {"file"} or not isinstance(value["file"], str):
        raise _fail(where, 'expected {"file": "files/..."}')
    try:
        info = archive.getinfo(value["file"])
    except KeyError:
        raise _fail(where, f"the backup holds no file {value['file'][:200]!r}") from None
    if info.file_size > MAX_FILE:
        raise _fail(where, f"the stored file is larger than {MAX_FILE // 2**20} MB")
    return _Member(info.filename)


def _decode(column, value: object, where: str, archive: zipfile.ZipFile | None = None) -> object:
    """One cell of an export, checked against ``column`` and turned into the database's type
    (a stored file of a ZIP backup stays a :class:`_Member` until it is written)."""
    kind = column.type
    if value is None:
        if not column.nullable and not column.primary_key:
            raise _fail(where, "may not be empty")
        return None
    if isinstance(kind, LargeBinary) and archive is not None:
        return _member(value, where, archive)
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
            _check_text(x, f"{where}.data_categories[{i}]", MAX_CATEGORY)
        if isinstance(row.get("file_data"), bytes) and row.get("file_sha256") != hashlib.sha256(row["file_data"]).hexdigest():
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
    if table == "reviews":
        _check_verdict(row.get("verdict"), f"{where}.verdict")
    if table == "log":
        _check_log_line(row, where)
    if table.startswith("app_") and (problem := check_app_row(table, row)):
        column, why = problem.split(": ", 1)
        raise _fail(f"{where}.{column}", why)
    if table == "iep_exceptions":
        try:
            check_student_ref(row.get("student_ref"))
        except RegisterError as exc:
            raise _fail(f"{where}.student_ref", str(exc).split(": ", 1)[1]) from None


def _check_verdict(verdict: Any, where: str) -> None:
    """Counsel's verdict as :func:`generator.records.review.review_check` writes it: provisions
    with an id, a status and a reason; conflicting terms with a holding and a reason."""
    if not isinstance(verdict, dict):
        raise _fail(where, "expected a JSON object")
    for key, field, allowed in (("provisions", "status", STATUSES), ("conflicts", "holding", HOLDINGS)):
        rows = verdict.get(key, [])
        if not isinstance(rows, list):
            raise _fail(f"{where}.{key}", "expected a list")
        for i, row in enumerate(rows):
            if not isinstance(row, dict) or row.get(field) not in allowed or not isinstance(row.get("reason"), str):
                raise _fail(f"{where}.{key}[{i}]", f"expected an object with a {field} ({', '.join(allowed)}) "
                                                   "and a reason")
            if key == "provisions" and not isinstance(row.get("id"), str):
                raise _fail(f"{where}.{key}[{i}].id", "expected a provision id")


_ACTION = re.compile(r"^[a-z][a-z0-9 /-]{0,59}$")


def _check_log_line(row: dict, where: str) -> None:
    """A log line as the register writes it: an action in plain lower-case words, an actor, a
    time not in the future, details as an object. Anything else was not written by sdpa."""
    if not isinstance(row.get("details"), dict):
        raise _fail(f"{where}.details", "expected a JSON object")
    if not _ACTION.match(str(row.get("action", ""))):
        raise _fail(f"{where}.action", "is not an action the register writes (lower-case words)")
    if not str(row.get("actor", "")).strip():
        raise _fail(f"{where}.actor", "may not be empty: every change names who made it")
    at = row.get("at")
    if isinstance(at, datetime):
        at = at if at.tzinfo else at.replace(tzinfo=timezone.utc)
        if at > datetime.now(timezone.utc) + timedelta(days=1):
            raise _fail(f"{where}.at", f"{at.isoformat()} is in the future")


def _check_whole(decoded: dict[str, list[dict]]) -> None:
    """What only the whole export shows: each log line's contract exists, and the board profile
    in use (the newest saved) still validates, so every page and command can start."""
    contracts = {row["id"] for row in decoded["contracts"]}
    readings = {row["id"]: row["app_id"] for row in decoded["app_readings"]}
    for i, row in enumerate(decoded["app_confirmations"]):
        if readings.get(row["reading_id"]) != row["app_id"]:
            raise _fail(f"app_confirmations[{i}].reading_id", f"reading {row['reading_id']} is not of app {row['app_id']}")
    for i, row in enumerate(decoded["log"]):
        if row.get("contract_id") is not None and row["contract_id"] not in contracts:
            raise _fail(f"log[{i}].contract_id", f"no contracts row with id {row['contract_id']}")
    checks = {row["id"]: row["contract_id"] for row in decoded.get("checks", [])}
    for i, row in enumerate(decoded.get("reviews", [])):
        if checks.get(row["check_id"]) != row["contract_id"]:
            raise _fail(f"reviews[{i}].check_id", f"check {row['check_id']} is not a check of contract {row['contract_id']}")
    profiles = decoded["board_profiles"]
    if profiles:
        i, newest = max(enumerate(profiles), key=lambda pair: pair[1]["id"])
        try:
            board_from_dict(newest.get("data"), f"board_profiles[{i}].data")
        except ProfileError as exc:
            raise RegisterError(f"the export cannot be imported: {exc}") from None


def validate_export(data: Any, archive: zipfile.ZipFile | None = None) -> dict[str, list[dict]]:
    """Check an export against the register's schema: known tables and columns, every cell's
    type, range and size, unique ids, references to rows that exist, no NUL characters, stored
    files of at most 50 MB matching their sha256 (in a ZIP backup, ``archive``, checked as each
    is written), log lines as the register writes them, IEP/504 records with a reference and not
    a name, a board profile in use that validates. Returns the rows decoded, table by table;
    raises :class:`RegisterError` naming the first bad cell (``contracts[3].executed``)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RegisterError(f"not an sdpa register export (format '{FORMAT}')")
    expected = VERSION if archive is None else ZIP_VERSION
    if data.get("version") != expected:
        raise RegisterError(f"the export's version {data.get('version')!r} is not {expected}")
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
            cells = {k: _decode(table.c[k], v, f"{where}.{k}", archive) for k, v in row.items()}
            for col in table.c:
                if col.name not in cells and not col.nullable and col.default is None and col.name != BOARD_COLUMN:
                    raise _fail(where, f"{col.name} is missing")
            if cells["id"] in ids:
                raise _fail(f"{where}.id", f"id {cells['id']} appears twice")
            ids.add(cells["id"])
            _check_shapes(name, cells, where)
            for fk in table.foreign_keys:
                if fk.parent.name == BOARD_COLUMN:  # the import decides the board
                    continue
                ref = fk.column.table.name
                value = cells.get(fk.parent.name)
                if value is not None and value not in all_ids.get(ref, set()):
                    raise _fail(f"{where}.{fk.parent.name}", f"no {ref} row with id {value}")
            out.append(cells)
        decoded[name], all_ids[name] = out, ids
    _check_whole(decoded)
    return decoded


def import_register(reg: Register, data: Any, new_ids: bool = False) -> int:
    """Load an export into ``reg``'s board, which must be empty; returns the rows loaded. Ids
    are kept, unless ``new_ids``: then the database gives every row a new id and each reference
    follows (to move a district's register into a region's database, where its ids are taken).
    The whole export is checked first (:func:`validate_export`), then written in one
    transaction: nothing is written unless everything is. Raises :class:`RegisterError` when
    the board is not empty or the data is not a valid export."""
    return _load(reg, validate_export(data), new_ids=new_ids)


def _read_member(archive: zipfile.ZipFile, name: str, sha256: str, where: str) -> bytes:
    """A stored file of a ZIP backup, read to at most ``MAX_FILE`` bytes and checked."""
    try:
        with archive.open(name) as fh:
            blob = fh.read(MAX_FILE + 1)
    except (zipfile.BadZipFile, OSError, zlib.error, EOFError, NotImplementedError) as exc:
        raise _fail(where, f"the stored file {name!r} cannot be read ({exc})") from None
    if len(blob) > MAX_FILE:
        raise _fail(where, f"the stored file is larger than {MAX_FILE // 2**20} MB")
    if hashlib.sha256(blob).hexdigest() != sha256:
        raise _fail(f"{where}.file_sha256", "does not match the stored file")
    return blob


def _load(reg: Register, decoded: dict[str, list[dict]], archive: zipfile.ZipFile | None = None,
          new_ids: bool = False) -> int:
    """Write checked rows into ``reg``'s empty board in one transaction; return how many."""
    if reg.count(ContractRow) or reg.count(VendorRow) or reg.count(LogRow):
        raise RegisterError(f"board {reg.board_id} of the register is not empty; import into a new "
                            "register, or a new board (sdpa board import-register)")
    n = 0
    renumbered: dict[str, dict[int, int]] = {}
    try:
        with reg.session() as s, s.begin():
            for model in BACKUP_TABLES:
                table = model.__table__
                ids = renumbered.setdefault(table.name, {})
                for i, row in enumerate(decoded[table.name]):
                    if isinstance(row.get("file_data"), _Member):
                        row = {**row, "file_data": _read_member(archive, row["file_data"], row["file_sha256"],
                                                                f"{table.name}[{i}]")}
                    row = {**row, BOARD_COLUMN: reg.board_id}
                    if new_ids:
                        ids[row["id"]] = s.execute(table.insert().values(renumbered_row(table, row, renumbered))
                                                   .returning(table.c.id)).scalar_one()
                    else:
                        s.execute(table.insert().values(row))
                    n += 1
            if reg.engine.dialect.name == "postgresql" and not new_ids:
                for model in BACKUP_TABLES:
                    sequence_past(s, model.__tablename__)
    except SQLAlchemyError as exc:
        hint = "" if new_ids else " (into a database other boards use: sdpa board import-register gives new ids)"
        raise RegisterError(f"the export cannot be imported: {str(exc).splitlines()[0]}{hint}") from None
    return n


# ---------------------------------------------------------------- the ZIP backup


def _file_member(row: dict) -> str:
    suffix = Path(str(row.get("file_name", ""))).suffix
    return f"files/{row['id']}{suffix if re.fullmatch(r'[.][A-Za-z0-9]{1,8}', suffix) else ''}"


def _tables(s) -> dict[str, list[dict]]:
    """Every table's rows as JSON-ready data, without the stored files: a contract's
    ``file_data`` is ``{"file": "files/<id>..."}`` (or None), the file's place in the ZIP."""
    tables: dict[str, list[dict]] = {}
    for model in BACKUP_TABLES:
        table = model.__table__
        cols = [c for c in table.columns if c.name != "file_data"]
        rows = s.execute(select(*cols).where(table.c.board_id == session_board(s))
                         .order_by(table.c.id)).mappings()
        tables[table.name] = [{c.name: _encode(r[c.name]) for c in cols} for r in rows]
    stored = set(s.scalars(select(ContractRow.id).where(ContractRow.board_id == session_board(s),
                                                        ContractRow.file_data.is_not(None))))
    for row in tables["contracts"]:
        row["file_data"] = {"file": _file_member(row)} if row["id"] in stored else None
    return tables


def _stored_files(s, contracts: list[dict]) -> Iterator[tuple[dict, bytes]]:
    """Each contract row with a stored file, and the file: one file in memory at a time."""
    for row in contracts:
        if row["file_data"]:
            yield row, s.scalar(select(ContractRow.file_data).where(ContractRow.id == row["id"]))


def export_register_zip(reg: Register, out: Path, verify: bool = True) -> dict[str, int]:
    """Write the whole register to ``out`` as a ZIP backup: ``manifest.json`` (format
    ``sdpa-register``, version 2: every table, read in one transaction) and each stored
    contract file as ``files/<contract id><suffix>``, streamed one at a time, so no size a
    valid register can reach is too large. With ``verify`` (the default) the written ZIP is
    checked as an import would check it (:func:`verify_backup`) before it replaces ``out``.
    Returns the rows of each table. Raises :class:`RegisterError` when it would not restore."""
    out = Path(out)
    part = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.is_dir():
            raise RegisterError(f"{out}: is a folder; give a file name")
        with reg.snapshot() as s, s.begin(), zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED,
                                                              allowZip64=True) as z:
            tables = _tables(s)
            z.writestr(MANIFEST, json.dumps({"format": FORMAT, "version": ZIP_VERSION, "tables": tables},
                                            ensure_ascii=False, indent=1))
            for row, blob in _stored_files(s, tables["contracts"]):
                z.writestr(row["file_data"]["file"], blob)
        counts = verify_backup(part) if verify else {name: len(rows) for name, rows in tables.items()}
    except RegisterError as exc:
        part.unlink(missing_ok=True)
        if str(exc).startswith(str(out)):
            raise
        raise RegisterError(f"the export would not restore, so it was not written ({exc})") from None
    except OSError as exc:
        if part.parent.is_dir():
            part.unlink(missing_ok=True)
        raise RegisterError(f"{out}: could not be written ({exc.strerror or exc})") from None
    part.replace(out)
    return counts


def _open_backup(path: Path) -> tuple[zipfile.ZipFile, dict]:
    """The open ZIP and its manifest. Raises :class:`RegisterError` naming what is wrong."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a device or a pipe is never opened (no hang)
            raise RegisterError(f"{path}: not a regular file (a device, pipe or socket); give the backup's ZIP")
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise RegisterError(f"{Path(path).name}: not a ZIP backup of the register ({exc})") from None
    try:
        info = archive.getinfo(MANIFEST)
        if info.file_size > MAX_MANIFEST:
            raise _fail(MANIFEST, f"larger than {MAX_MANIFEST // 2**20} MB")
        with archive.open(info) as fh:
            return archive, json.loads(fh.read(MAX_MANIFEST + 1))
    except KeyError:
        archive.close()
        raise RegisterError(f"{Path(path).name}: a ZIP without {MANIFEST}, not a register backup") from None
    except (ValueError, zipfile.BadZipFile, OSError, zlib.error, EOFError) as exc:
        archive.close()
        raise _fail(MANIFEST, f"cannot be read ({str(exc)[:200]})") from None


def verify_backup(path: Path) -> dict[str, int]:
    """Check a ZIP backup without writing anything: the manifest as :func:`validate_export`
    checks it, and every stored file read back against its sha256. Returns the rows of each
    table; raises :class:`RegisterError` naming the first problem."""
    archive, manifest = _open_backup(path)
    with archive:
        decoded = validate_export(manifest, archive)
        for i, row in enumerate(decoded["contracts"]):
            if isinstance(row.get("file_data"), _Member):
                _read_member(archive, row["file_data"], row["file_sha256"], f"contracts[{i}]")
    return {name: len(rows) for name, rows in decoded.items()}


def import_register_zip(reg: Register, path: Path, new_ids: bool = False) -> int:
    """Load a ZIP backup (:func:`export_register_zip`) into ``reg``'s empty board, keeping ids
    unless ``new_ids`` (as :func:`import_register`); returns the rows loaded. The manifest is
    checked whole first, each stored file is read (at most 50 MB) and checked against its
    sha256 as its row is written, all in one transaction: nothing is written unless everything
    is. Raises :class:`RegisterError`."""
    archive, manifest = _open_backup(path)
    with archive:
        return _load(reg, validate_export(manifest, archive), archive, new_ids=new_ids)


def register_checksum(reg: Register) -> str:
    """A sha256 over every row of every table, stored files included (read one at a time), ids
    and all: two registers with the same checksum hold the same records."""
    digest = hashlib.sha256()
    with reg.snapshot() as s, s.begin():
        tables = _tables(s)
        digest.update(json.dumps(tables, sort_keys=True, default=str).encode())
        for row, blob in _stored_files(s, tables["contracts"]):
            digest.update(f"{row['id']}:".encode() + hashlib.sha256(blob).digest())
    return digest.hexdigest()
