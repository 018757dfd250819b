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
from datetime import date, datetime, timezone
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

from generator.models import MAX_YEAR, MIN_YEAR
from generator.records.backup_rows import check_row, check_whole, checked_text, export_error
from generator.records.database import RegisterError
from generator.records.register import MAX_FILE, Register
from generator.records.tables import (
    BOARD_OWNED,
    MAX_JSON,
    MAX_TEXT,
    ContractRow,
    LogRow,
    VendorRow,
)
from generator.records.tenancy import BOARD_COLUMN, renumbered_row, sequence_past, session_board

# every table of one board's register, the district's setup and the board's duties included: a
# backup holds one board (its rows' ``board_id`` is where they came from; an import puts them in
# the board it is made for)
BACKUP_TABLES = BOARD_OWNED

FORMAT, VERSION = "sdpa-register", 1   # version 1: one JSON file, stored files in base64
ZIP_VERSION = 2                        # version 2: a ZIP, manifest.json beside files/<id>
MANIFEST = "manifest.json"
MAX_MANIFEST = 2**30        # bytes of manifest.json: every table but the stored files
MAX_ID = 2**31 - 1          # PostgreSQL's integer



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


def _year(value: date, where: str) -> None:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise export_error(where, f"{value.isoformat()} is outside the years {MIN_YEAR}-{MAX_YEAR}")


class _Member(str):
    """The name of a stored file inside a ZIP backup, read (and its sha256 checked) only when
    its row is written."""


def _member(value: object, where: str, archive: zipfile.ZipFile) -> _Member:
    if not isinstance(value, dict) or set(value) != {"file"} or not isinstance(value["file"], str):
        raise export_error(where, 'expected {"file": "files/..."}')
    try:
        info = archive.getinfo(value["file"])
    except KeyError:
        raise export_error(where, f"the backup holds no file {value['file'][:200]!r}") from None
    if info.file_size > MAX_FILE:
        raise export_error(where, f"the stored file is larger than {MAX_FILE // 2**20} MB")
    return _Member(info.filename)


def _decode(column, value: object, where: str, archive: zipfile.ZipFile | None = None) -> object:
    """One cell of an export, checked against ``column`` and turned into the database's type
    (a stored file of a ZIP backup stays a :class:`_Member` until it is written)."""
    kind = column.type
    if value is None:
        if not column.nullable and not column.primary_key:
            raise export_error(where, "may not be empty")
        return None
    if isinstance(kind, LargeBinary) and archive is not None:
        return _member(value, where, archive)
    if isinstance(kind, LargeBinary):
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
        size = len(json.dumps(value))
        if size > MAX_JSON:
            raise export_error(where, f"{size:,} characters of JSON; the limit is {MAX_JSON:,}")
        if "\\u0000" in json.dumps(value):
            raise export_error(where, "contains a NUL character")
        return value
    raise export_error(where, f"column type {kind} is not known")  # pragma: no cover - schema drift


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
        raise export_error("tables", "expected an object of tables")
    known = {m.__tablename__: m.__table__ for m in BACKUP_TABLES}
    unknown = set(tables) - set(known)
    if unknown:
        raise export_error("tables", f"unknown table(s): {', '.join(sorted(unknown))[:200]}")
    decoded: dict[str, list[dict]] = {}
    all_ids: dict[str, set[int]] = {}
    for name, table in known.items():
        rows = tables.get(name, [])
        if not isinstance(rows, list):
            raise export_error(name, "expected a list of rows")
        out, ids = [], set()
        for i, row in enumerate(rows):
            where = f"{name}[{i}]"
            if not isinstance(row, dict):
                raise export_error(where, "expected an object")
            extra = set(row) - set(table.c.keys())
            if extra:
                raise export_error(where, f"unknown column(s): {', '.join(sorted(map(str, extra)))[:200]}")
            if "id" not in row:
                raise export_error(where, "has no id")
            cells = {k: _decode(table.c[k], v, f"{where}.{k}", archive) for k, v in row.items()}
            for col in table.c:
                if col.name not in cells and not col.nullable and col.default is None and col.name != BOARD_COLUMN:
                    raise export_error(where, f"{col.name} is missing")
            if cells["id"] in ids:
                raise export_error(f"{where}.id", f"id {cells['id']} appears twice")
            ids.add(cells["id"])
            check_row(name, cells, where)
            for fk in table.foreign_keys:
                if fk.parent.name == BOARD_COLUMN:  # the import decides the board
                    continue
                ref = fk.column.table.name
                value = cells.get(fk.parent.name)
                if value is not None and value not in all_ids.get(ref, set()):
                    raise export_error(f"{where}.{fk.parent.name}", f"no {ref} row with id {value}")
            out.append(cells)
        decoded[name], all_ids[name] = out, ids
    check_whole(decoded)
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
        raise export_error(where, f"the stored file {name!r} cannot be read ({exc})") from None
    if len(blob) > MAX_FILE:
        raise export_error(where, f"the stored file is larger than {MAX_FILE // 2**20} MB")
    if hashlib.sha256(blob).hexdigest() != sha256:
        raise export_error(f"{where}.file_sha256", "does not match the stored file")
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
            raise export_error(MANIFEST, f"larger than {MAX_MANIFEST // 2**20} MB")
        with archive.open(info) as fh:
            return archive, json.loads(fh.read(MAX_MANIFEST + 1))
    except KeyError:
        archive.close()
        raise RegisterError(f"{Path(path).name}: a ZIP without {MANIFEST}, not a register backup") from None
    except (ValueError, zipfile.BadZipFile, OSError, zlib.error, EOFError) as exc:
        archive.close()
        raise export_error(MANIFEST, f"cannot be read ({str(exc)[:200]})") from None


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
