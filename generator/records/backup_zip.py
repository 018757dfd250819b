"""The ZIP backup of one board (version 3), written and read a table at a time, so its size is
never held in memory:

- ``tables/<table>.jsonl``: the table's rows in id order, one JSON object a line, read from the
  database ``CHUNK`` rows at a time (a server-side cursor on PostgreSQL);
- ``files/<contract id><suffix>``: each stored contract file, byte for byte, one at a time;
- ``manifest.json`` (written last): the format, the version, and for each table its member, its
  number of rows and the sha256 of its bytes.

A reader (:func:`backup_rows`) checks each row as it reads it (:class:`RowChecker`), then each
member's rows and sha256 against the manifest. Used by :mod:`generator.records.backup`.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import LargeBinary, Table, func, select
from sqlalchemy.orm import Session

from generator.records.backup_rows import RowChecker, StoredFile, export_error
from generator.records.register import MAX_FILE
from generator.records.tables import BOARD_OWNED, ContractRow
from generator.records.tenancy import session_board

# every table of one board's register, the district's setup and the board's duties included: a
# backup holds one board (its rows' ``board_id`` is where they came from; an import puts them in
# the board it is made for)
BACKUP_TABLES = BOARD_OWNED
FORMAT = "sdpa-register"
STREAM_VERSION = 3       # version 3: manifest.json of counts and sha256, tables/<table>.jsonl, files/<id>
MANIFEST = "manifest.json"
CHUNK = 1000             # rows read from the database, or written to the ZIP, at a time
MAX_LINE = 64 * 2**20    # bytes of one row's line: far above any row the register accepts
_PIECE = 4 * 2**20       # bytes of a stored file read from the database, and compressed, at a time


def encode_cell(value: object) -> object:
    """A cell as JSON-ready data: dates as ``YYYY-MM-DD``, times in UTC (ISO 8601)."""
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def file_member(row: dict) -> str:
    """Where a contract's stored file goes in the ZIP: ``files/<id><suffix>`` (a suffix of its
    file name only when it is plain letters and digits)."""
    suffix = Path(str(row.get("file_name", ""))).suffix
    return f"files/{row['id']}{suffix if re.fullmatch(r'[.][A-Za-z0-9]{1,8}', suffix) else ''}"


def table_rows(s: Session, table: Table) -> Iterator[dict]:
    """``table``'s rows of the session's board in id order, JSON-ready, fetched ``CHUNK`` at a
    time; a contract's ``file_data`` is ``{"file": "files/<id>..."}`` (or None), never the file."""
    cols = [c for c in table.columns if c.name != "file_data"]
    stored = [table.c.file_data.is_not(None).label("sdpa_stored")] if "file_data" in table.c else []
    query = (select(*cols, *stored).where(table.c.board_id == session_board(s)).order_by(table.c.id)
             .execution_options(yield_per=CHUNK))
    for r in s.execute(query).mappings():
        row = {c.name: encode_cell(r[c.name]) for c in cols}
        if stored:
            row["file_data"] = {"file": file_member(row)} if r["sdpa_stored"] else None
        yield row


def stored_file_pieces(s: Session, cid: int) -> Iterator[bytes]:
    """Contract ``cid``'s stored file: on PostgreSQL in pieces of 4 MB, each read by a query of
    its own, so no file is ever whole in memory (it would come as text of twice its size); on
    SQLite, which reads a whole file for any piece of it, in one piece."""
    if s.bind.dialect.name != "postgresql":
        yield s.scalar(select(ContractRow.file_data).where(ContractRow.id == cid)) or b""
        return
    size = s.scalar(select(func.length(ContractRow.file_data)).where(ContractRow.id == cid)) or 0
    for at in range(0, size, _PIECE):
        yield s.scalar(select(func.substr(ContractRow.file_data, at + 1, _PIECE, type_=LargeBinary))
                       .where(ContractRow.id == cid))


def stored_file(s: Session, cid: int) -> bytes:
    """Contract ``cid``'s stored file, whole (for the one-JSON export)."""
    return b"".join(stored_file_pieces(s, cid))


def write_backup(s: Session, z: zipfile.ZipFile) -> dict[str, int]:
    """Write the session's board into the open ZIP ``z``: each table as ``tables/<table>.jsonl``,
    then each stored file, then ``manifest.json``. Returns the rows of each table."""
    entries: dict[str, dict[str, Any]] = {}
    files: list[tuple[int, str]] = []  # (contract id, member): two small items a stored file
    for model in BACKUP_TABLES:
        name = model.__tablename__
        member, digest, n = f"tables/{name}.jsonl", hashlib.sha256(), 0
        with z.open(member, "w", force_zip64=True) as fh:
            lines: list[bytes] = []
            for row in table_rows(s, model.__table__):
                lines.append(json.dumps(row, ensure_ascii=False).encode() + b"\n")
                if row.get("file_data"):
                    files.append((row["id"], row["file_data"]["file"]))
                if len(lines) == CHUNK:
                    n += _write_lines(fh, digest, lines)
            n += _write_lines(fh, digest, lines)
        entries[name] = {"member": member, "rows": n, "sha256": digest.hexdigest()}
    for cid, member in files:
        with z.open(member, "w", force_zip64=True) as fh:
            for piece in stored_file_pieces(s, cid):
                fh.write(piece)
    z.writestr(MANIFEST, json.dumps({"format": FORMAT, "version": STREAM_VERSION, "tables": entries}, indent=1))
    return {name: entry["rows"] for name, entry in entries.items()}


def _write_lines(fh, digest, lines: list[bytes]) -> int:
    """Write ``lines`` to ``fh`` and the digest, empty the list; return how many."""
    data = b"".join(lines)
    fh.write(data)
    digest.update(data)
    n = len(lines)
    lines.clear()
    return n


def _entries(manifest: dict) -> dict[str, dict[str, Any]]:
    """The manifest's table entries, each checked: its member, rows and sha256; every table of
    the register is listed, none other."""
    tables = manifest.get("tables")
    known = {m.__tablename__ for m in BACKUP_TABLES}
    if not isinstance(tables, dict):
        raise export_error(f"{MANIFEST}: tables", "expected an object of tables")
    unknown = set(tables) - known
    if unknown:
        raise export_error(f"{MANIFEST}: tables", f"unknown table(s): {', '.join(sorted(unknown))[:200]}")
    missing = known - set(tables)
    if missing:  # a table left out would restore empty: the backup is not whole
        raise export_error(f"{MANIFEST}: tables", f"missing table(s): {', '.join(sorted(missing))}; a backup "
                           "lists every table, even an empty one")
    for name, entry in tables.items():
        if (not isinstance(entry, dict) or entry.get("member") != f"tables/{name}.jsonl"
                or not isinstance(entry.get("rows"), int) or isinstance(entry.get("rows"), bool) or entry["rows"] < 0
                or not isinstance(entry.get("sha256"), str) or not re.fullmatch(r"[0-9a-f]{64}", entry["sha256"])):
            raise export_error(f"{MANIFEST}: tables.{name}",
                               f'expected {{"member": "tables/{name}.jsonl", "rows": <count>, "sha256": <hex>}}')
    return tables


def backup_rows(archive: zipfile.ZipFile, manifest: dict) -> Iterator[tuple[Table, dict, str]]:
    """Each row of a version-3 backup, table by table: ``(table, row decoded and checked, where)``
    (where: ``contracts[3]``). A member's rows and sha256 are compared with the manifest when
    it has been read, the board profile in use when every row has been; a caller that writes
    as it reads does so in one transaction it rolls back on an error. Raises
    :class:`RegisterError` naming the member, or the row and field, at the first problem."""
    entries = _entries(manifest)
    checker = RowChecker({m.__tablename__: m.__table__ for m in BACKUP_TABLES}, archive)
    for model in BACKUP_TABLES:
        name, entry = model.__tablename__, entries[model.__tablename__]
        member, digest, n = entry["member"], hashlib.sha256(), 0
        try:
            fh = archive.open(archive.getinfo(member))
        except KeyError:
            raise export_error(member, "the backup holds no such member, which its manifest lists") from None
        with fh:
            while line := _line(fh, member):
                where = f"{name}[{n}]"
                if len(line) > MAX_LINE:
                    raise export_error(where, f"a row of more than {MAX_LINE // 2**20} MB")
                digest.update(line)
                try:
                    raw = json.loads(line)
                except ValueError as exc:
                    raise export_error(where, f"is not a JSON row ({str(exc)[:100]})") from None
                yield model.__table__, checker.row(name, raw, where), where
                n += 1
        if n != entry["rows"]:
            raise export_error(member, f"holds {n:,} rows; the manifest says {entry['rows']:,}")
        if digest.hexdigest() != entry["sha256"]:
            raise export_error(member, "does not match its sha256 in the manifest (changed or damaged)")
    checker.finish()


def _line(fh, member: str) -> bytes:
    """The next line of a member (at most ``MAX_LINE`` + 1 bytes), or b"" at its end."""
    try:
        return fh.readline(MAX_LINE + 1)
    except (zipfile.BadZipFile, OSError, zlib.error, EOFError) as exc:
        raise export_error(member, f"cannot be read ({str(exc)[:200]})") from None


def read_stored_file(archive: zipfile.ZipFile, row: dict, where: str) -> bytes:
    """The stored file a backup's contract row names (a :class:`StoredFile`), read to at most
    ``MAX_FILE`` bytes and checked against the row's ``file_sha256``. Raises
    :class:`RegisterError` naming the row."""
    name = row["file_data"]
    try:
        with archive.open(name) as fh:
            blob = fh.read(MAX_FILE + 1)
    except (zipfile.BadZipFile, OSError, zlib.error, EOFError, NotImplementedError) as exc:
        raise export_error(where, f"the stored file {name!r} cannot be read ({exc})") from None
    if len(blob) > MAX_FILE:
        raise export_error(where, f"the stored file is larger than {MAX_FILE // 2**20} MB")
    if hashlib.sha256(blob).hexdigest() != row.get("file_sha256"):
        raise export_error(f"{where}.file_sha256", "does not match the stored file")
    return blob


def with_stored_file(archive: zipfile.ZipFile | None, row: dict, where: str) -> dict:
    """``row`` with its stored file read in place of its :class:`StoredFile` name (unchanged when
    it names none)."""
    if archive is not None and isinstance(row.get("file_data"), StoredFile):
        return {**row, "file_data": read_stored_file(archive, row, where)}
    return row

