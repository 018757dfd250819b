"""Contracts read from a CSV (existing contracts, or a batch run's manifest) and added to the
register all-or-nothing."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from sqlalchemy.orm import Session

from generator.errors import InputError
from generator.models import parse_date
from generator.reading.paths import resolve_inside
from generator.reading.spreadsheets import column_key, read_cell
from generator.records.database import RegisterError
from generator.records.register import Register, contract_values


def _from_manifest(reader, keys: dict, path: Path) -> Iterator[dict]:
    """A batch manifest: each generated row becomes a draft contract with its addendum attached
    (record the execution date when it is signed). Cells sdpa neutralised are read as written."""
    for raw in reader:
        row = {keys[k]: read_cell((v or "").strip()) for k, v in raw.items() if k in keys}
        if row.get("outcome") == "rejected" or not row.get("files"):
            continue
        line = reader.line_num
        try:
            file = resolve_inside(path.parent, row["files"].split()[0], "files")
        except InputError as exc:
            yield {"line": line, "error": str(exc)}
            continue
        yield {"line": line, "vendor": row["vendor_name"], "product": row.get("product") or "(see addendum)",
               "executed": None, "title": "Student Data Privacy Addendum", "file": file}


def contracts_from_csv(path: Path) -> Iterator[dict]:
    """Rows of a CSV of existing contracts: vendor_name, product, executed, term_end, description,
    purpose, data_collected (; separated), contact_email, withheld_reason (why the public page does
    not link the contract), contract_file (a file in the CSV's own
    folder: a path elsewhere, a link out of it or a device is refused); or the ``manifest.csv`` of
    a batch run (see :func:`_from_manifest`). Each row comes with its ``line``; a row that cannot
    be read (a bad date, a file refused) comes as its ``line`` and ``error`` only, so that the
    whole file is checked. Raises :class:`InputError` when the file or its header cannot be read."""
    if path.exists() and not path.is_file():
        raise InputError(f"{path}: not a regular file (a folder, device or pipe)")
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        reader = csv.DictReader(fh)
        try:
            keys = {h: column_key(h) for h in reader.fieldnames or []}
        except (UnicodeDecodeError, csv.Error) as exc:
            raise InputError(f"{path.name}: cannot read the header row ({exc})") from None
        if {"outcome", "files", "vendor_name"} <= set(keys.values()):
            yield from _from_manifest(reader, keys, path)
            return
        for missing in ("vendor_name", "product"):
            if missing not in keys.values():
                raise InputError(f"{path.name}: required column missing: {missing}")
        while True:
            try:
                raw = next(reader)
            except StopIteration:
                return
            except (UnicodeDecodeError, csv.Error) as exc:  # nothing after it can be read with certainty
                yield {"line": reader.line_num + 1, "error": f"cannot be read ({exc}); the lines after it were not read"}
                return
            i = reader.line_num
            row = {keys[k]: (v or "").strip() for k, v in raw.items() if k in keys and isinstance(v, str)}
            try:
                field = "executed" if row.get("executed") else "contract_date"
                executed = parse_date(row.get(field) or "")
                field = "term_end"
                term_end = parse_date(row.get("term_end", ""))
                file = row.get("contract_file", "")
                file = resolve_inside(path.parent, file, "contract_file") if file else None
            except ValueError as exc:
                yield {"line": i, "error": f"{field}: {exc}"}
                continue
            except InputError as exc:  # it names the column
                yield {"line": i, "error": str(exc)}
                continue
            if not isinstance(executed, (date, type(None))) or not isinstance(term_end, (date, type(None))):
                yield {"line": i, "error": "a date is not YYYY-MM-DD or M/D/YYYY"}
                continue
            yield {"line": i, "vendor": row.get("vendor_name", ""), "product": row.get("product", ""),
                   "executed": executed or None, "term_end": term_end or None,
                   "description": row.get("description", ""), "purpose": row.get("purpose", ""),
                   "contact_email": row.get("contact_email", ""),
                   "withheld_reason": row.get("withheld_reason", ""),
                   "data_categories": [x.strip() for x in row.get("data_collected", "").split(";") if x.strip()],
                   "file": file}


MAX_NAMED = 20  # bad rows an import's error names one by one; the rest are counted
BATCH = 1000  # contracts inserted per statement, or fewer once their stored files hold BATCH_FILE_BYTES
BATCH_FILE_BYTES = 16 * 1024 * 1024


def import_contracts(reg: Register, rows: Iterable[dict], source: str = "") -> list[int]:
    """Add every contract of ``rows`` (as :func:`contracts_from_csv` yields
    them, each with its ``line``, a bad one with its ``error``) in one transaction, the checked
    rows inserted many at a time. All or nothing: when any row is bad, none is added (re-importing
    the fixed file then adds no duplicate), and every row is still checked so that one error names
    them all. Returns the new ids; raises :class:`RegisterError` naming each bad line (the first
    :data:`MAX_NAMED`, then how many more), prefixed with ``source`` (the file's name) if given."""
    ids: list[int] = []
    bad: list[str] = []
    with reg.session() as s, s.begin():
        batch: list[dict] = []
        files = 0
        for row in rows:
            fields = dict(row)
            line = fields.pop("line", None)
            try:
                if "error" in fields:
                    raise RegisterError(fields["error"])
                values = contract_values(**fields)
            except RegisterError as exc:
                bad.append(f"line {line}: {exc}")
                batch, files = [], 0  # nothing more is inserted: the transaction is rolled back below
                continue
            if bad:
                continue  # checked only, to name every bad row
            batch.append(values)
            files += len(values["file_data"] or b"")
            if len(batch) >= BATCH or files >= BATCH_FILE_BYTES:  # a stored file is not kept once written
                ids += _insert(reg, s, batch)
                batch, files = [], 0
        if bad:
            raise RegisterError(rows_refused(bad, source))
        if batch:
            ids += _insert(reg, s, batch)
    return ids


def rows_refused(bad: list[str], source: str = "") -> str:
    """One line for an import refused for the ``bad`` rows (each "line N: why"): how many, that
    nothing was imported, and the first :data:`MAX_NAMED` of them, then how many more."""
    n = len(bad)
    named = "; ".join(bad[:MAX_NAMED]) + (f"; and {n - MAX_NAMED} more" if n > MAX_NAMED else "")
    head = f"{source}: " if source else ""
    return f"{head}{n} row{'s' if n != 1 else ''} cannot be imported; nothing was imported: {named}"


def _insert(reg: Register, s: Session, batch: list[dict]) -> list[int]:
    """Insert ``batch`` and store what is due for each new contract, derived from its values."""
    from generator.records.status import new_contract, store_due

    ids = reg.insert_contracts(s, batch)
    store_due(s, [new_contract(cid, reg.board_id, values) for cid, values in zip(ids, batch)])
    return ids


def import_contracts_csv(reg: Register, path: Path) -> list[int]:
    """Import a CSV of contracts or a batch manifest all-or-nothing (see :func:`import_contracts`).
    Attached files are read only inside the CSV's folder. Raises :class:`SdpaError` naming the
    file and line."""
    path = Path(path)
    try:
        return import_contracts(reg, contracts_from_csv(path), source=path.name)
    except InputError as exc:
        raise InputError(f"{exc}; nothing was imported") from None
