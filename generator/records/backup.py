"""Register backups that restore, at any size: the ZIP backup (version 3: each table a JSON Lines
member written and read a chunk of rows at a time, each stored contract file a member, a manifest
of every member's rows and sha256; :mod:`generator.records.backup_zip`), read from one snapshot
and verified by reading it back; restores of it, of the older ZIP (version 2: one manifest.json
of every table) and of the older one-JSON export, each row checked as it is written, in batches,
in one transaction: nothing is written unless everything is."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
import zipfile
import zlib
from contextlib import closing
from pathlib import Path
from typing import Any, Iterable, Iterator

from sqlalchemy import Table
from sqlalchemy.exc import SQLAlchemyError

from generator.records.backup_rows import RowChecker, StoredFile, export_error
from generator.records.backup_zip import (
    BACKUP_TABLES,
    CHUNK,
    FORMAT,
    MANIFEST,
    STREAM_VERSION,
    backup_rows,
    read_stored_file,
    stored_file,
    stored_file_pieces,
    table_rows,
    with_stored_file,
    write_backup,
)
from generator.records.bulk import insert_rows
from generator.records.database import RegisterError
from generator.records.register import Register
from generator.records.tables import ContractRow, LogRow, VendorRow
from generator.records.tenancy import BOARD_COLUMN, renumbered_row, sequence_past

VERSION = 1                 # version 1: one JSON file, stored files in base64
ZIP_VERSION = 2             # version 2: a ZIP, manifest.json (every table) beside files/<id>
MAX_MANIFEST = 2**30        # bytes of a version-2 manifest.json: every table but the stored files
BATCH_BYTES = 16 * 2**20    # bytes of stored files in one batch of rows written (and one file more)


# ---------------------------------------------------------------- the one-JSON export (version 1)


def export_register(reg: Register, verify: bool = True) -> dict:
    """The whole register as JSON-ready data (the version-1 export, for small registers), each
    table in id order (files base64), read in one transaction, so writes made meanwhile are
    either wholly in it or wholly out. With ``verify`` (the default) it is checked as an import
    would check it (:func:`validate_export`); raises :class:`RegisterError` when it would not
    restore."""
    out: dict = {"format": FORMAT, "version": VERSION, "tables": {}}
    with reg.snapshot() as s, s.begin():
        for model in BACKUP_TABLES:
            rows = out["tables"][model.__tablename__] = list(table_rows(s, model.__table__))
            if model is ContractRow:
                for row in rows:
                    if row["file_data"]:
                        blob = stored_file(s, row["id"])
                        row["file_data"] = {"base64": base64.b64encode(blob).decode("ascii")}
    if verify:
        try:
            validate_export(json.loads(json.dumps(out)))
        except RegisterError as exc:
            raise RegisterError(f"the export would not restore, so it was not written ({exc})") from None
    return out


def validate_export(data: Any, archive: zipfile.ZipFile | None = None) -> dict[str, list[dict]]:
    """Check a version-1 export (or, with its ``archive``, a version-2 ZIP's manifest) against
    the register's schema: known tables and columns, every cell's type, range and size, unique
    ids, references to rows that exist, no NUL characters, stored files of at most 50 MB matching
    their sha256 (in a ZIP, checked as each is written), log lines as the register writes them,
    IEP/504 records with a reference and not a name, a board profile in use that validates.
    Returns the rows decoded, table by table; raises :class:`RegisterError` naming the first bad
    cell (``contracts[3].executed``)."""
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
    checker, decoded = RowChecker(known, archive), {}
    for name in known:
        rows = tables.get(name, [])
        if not isinstance(rows, list):
            raise export_error(name, "expected a list of rows")
        decoded[name] = [checker.row(name, row, f"{name}[{i}]") for i, row in enumerate(rows)]
    checker.finish()
    return decoded


def _decoded_rows(decoded: dict[str, list[dict]]) -> Iterator[tuple[Table, dict, str]]:
    """The rows :func:`validate_export` returned, as :func:`_load` takes them."""
    for model in BACKUP_TABLES:
        for i, row in enumerate(decoded[model.__tablename__]):
            yield model.__table__, row, f"{model.__tablename__}[{i}]"


def import_register(reg: Register, data: Any, new_ids: bool = False) -> int:
    """Load an export into ``reg``'s board, which must be empty; returns the rows loaded. Ids
    are kept, unless ``new_ids``: then the database gives every row a new id and each reference
    follows (to move a district's register into a region's database, where its ids are taken).
    The whole export is checked first (:func:`validate_export`), then written in one
    transaction: nothing is written unless everything is. Raises :class:`RegisterError` when
    the board is not empty or the data is not a valid export."""
    return _load(reg, _decoded_rows(validate_export(data)), new_ids=new_ids)


# ---------------------------------------------------------------- writing rows into an empty board


def _load(reg: Register, rows: Iterable[tuple[Table, dict, str]], archive: zipfile.ZipFile | None = None,
          new_ids: bool = False) -> int:
    """Write checked rows into ``reg``'s empty board in one transaction, in batches of at most
    ``CHUNK`` rows and ``BATCH_BYTES`` of stored files (:func:`insert_rows`, which refuses a row
    of another board); return how many. An error from ``rows`` (a bad row further on) rolls
    everything back."""
    if reg.count(ContractRow) or reg.count(VendorRow) or reg.count(LogRow):
        raise RegisterError(f"board {reg.board_id} of the register is not empty; import into a new "
                            "register, or a new board (sdpa board import-register)")
    renumbered: dict[str, dict[int, int]] = {m.__tablename__: {} for m in BACKUP_TABLES}
    batch: list[dict] = []
    state = {"table": None, "bytes": 0, "n": 0}

    def flush(s) -> None:
        if batch:
            old = [row["id"] for row in batch]
            if new_ids:
                table = state["table"]
                fresh = insert_rows(s, table, [renumbered_row(table, row, renumbered) for row in batch], new_ids=True)
                renumbered[table.name].update(zip(old, fresh))
            else:
                insert_rows(s, state["table"], batch)
            state["n"] += len(batch)
            batch.clear()
            state["bytes"] = 0

    try:
        with reg.session() as s, s.begin():
            for table, row, where in rows:
                row = {**with_stored_file(archive, row, where), BOARD_COLUMN: reg.board_id}
                if batch and (table is not state["table"] or row.keys() != batch[0].keys()):
                    flush(s)
                state["table"] = table
                batch.append(row)
                state["bytes"] += len(row.get("file_data") or b"")
                if len(batch) >= CHUNK or state["bytes"] >= BATCH_BYTES:
                    flush(s)
            flush(s)
            if reg.engine.dialect.name == "postgresql" and not new_ids:
                for model in BACKUP_TABLES:
                    sequence_past(s, model.__tablename__)
    except SQLAlchemyError as exc:
        hint = "" if new_ids else " (into a database other boards use: sdpa board import-register gives new ids)"
        raise RegisterError(f"the export cannot be imported: {str(exc).splitlines()[0]}{hint}") from None
    return state["n"]


# ---------------------------------------------------------------- the ZIP backup


def export_register_zip(reg: Register, out: Path, verify: bool = True) -> dict[str, int]:
    """Write the register's board to ``out`` as a ZIP backup (version 3,
    :mod:`generator.records.backup_zip`), read in one transaction a chunk of rows and one stored
    file at a time, so no size a valid register can reach is too large or held in memory. With
    ``verify`` (the default) the written ZIP is read back and checked as a restore would check
    it (:func:`verify_backup`) before it replaces ``out``. Returns the rows of each table.
    Raises :class:`RegisterError` when it cannot be written or would not restore."""
    out = Path(out)
    part = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.is_dir():
            raise RegisterError(f"{out}: is a folder; give a file name")
        with reg.snapshot() as s, s.begin(), zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED,
                                                              allowZip64=True) as z:
            counts = write_backup(s, z)
        if verify:
            written = verify_backup(part)
            if written != counts:
                raise RegisterError(f"the ZIP holds {written}, the register {counts}")
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


def _rows_of(archive: zipfile.ZipFile, manifest: dict) -> Iterator[tuple[Table, dict, str]]:
    """Every row of an open ZIP backup of either version, checked: version 3 as it is read,
    version 2 (one manifest of every table) whole first."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise RegisterError(f"not an sdpa register export (format '{FORMAT}')")
    if manifest.get("version") not in (ZIP_VERSION, STREAM_VERSION):
        raise RegisterError(f"the backup's version {manifest.get('version')!r} is not one this sdpa reads "
                            f"({ZIP_VERSION} or {STREAM_VERSION})")
    if manifest.get("version") == STREAM_VERSION:
        return backup_rows(archive, manifest)
    return _decoded_rows(validate_export(manifest, archive))


def verify_backup(path: Path) -> dict[str, int]:
    """Check a ZIP backup without writing anything, reading it as a restore does (a table's
    rows and one stored file at a time): every row as :class:`RowChecker` checks it, each
    member's rows and sha256 against the manifest, every stored file against its sha256.
    Returns the rows of each table; raises :class:`RegisterError` naming the first problem."""
    archive, manifest = _open_backup(path)
    counts = {m.__tablename__: 0 for m in BACKUP_TABLES}
    with archive, closing(_rows_of(archive, manifest)) as rows:
        for table, row, where in rows:
            if isinstance(row.get("file_data"), StoredFile):
                read_stored_file(archive, row, where)
            counts[table.name] += 1
    return counts


def import_register_zip(reg: Register, path: Path, new_ids: bool = False) -> int:
    """Restore a ZIP backup (:func:`export_register_zip`, or the older version 2) into ``reg``'s
    empty board, keeping ids unless ``new_ids`` (as :func:`import_register`); returns the rows
    loaded. Each row is checked as it is read and written in batches (each stored file, at most
    50 MB, checked against its sha256), all in one transaction: nothing is written unless
    everything is. Raises :class:`RegisterError` naming the member, or the row and field."""
    archive, manifest = _open_backup(path)
    with archive, closing(_rows_of(archive, manifest)) as rows:  # a member left open is closed first
        return _load(reg, rows, archive, new_ids=new_ids)


def register_checksum(reg: Register) -> str:
    """A sha256 over every row of every table of the register's board, ids and all, and each
    stored file's sha256, read as a backup reads them (a chunk of rows, one file at a time):
    two boards with the same checksum hold the same records."""
    digest, files = hashlib.sha256(), []
    with reg.snapshot() as s, s.begin():
        for model in BACKUP_TABLES:
            digest.update(f"{model.__tablename__}\n".encode())
            for row in table_rows(s, model.__table__):
                digest.update(json.dumps(row, sort_keys=True, default=str).encode() + b"\n")
                if row.get("file_data"):
                    files.append(row["id"])
        for cid in files:
            one = hashlib.sha256()
            for piece in stored_file_pieces(s, cid):
                one.update(piece)
            digest.update(f"{cid}:".encode() + one.digest())
    return digest.hexdigest()
