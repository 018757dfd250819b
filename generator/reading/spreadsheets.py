"""Vendor lists as spreadsheets: CSV (any common encoding and delimiter) and XLSX rows read,
streamed, by the documented columns with their line numbers; and cells written so that no
spreadsheet runs them as formulas (and read back exactly)."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Iterator

from generator.errors import ExtractError, InputError
from generator.reading.limits import MB, check_zip, read_stream_bounded
from generator.reading.sandbox import run_boxed

MAX_ROWS = 100_000
MAX_XLSX_PART = 64 * MB  # openpyxl holds the shared strings in memory (a sheet is streamed)
MAX_XLSX_BYTES = 50 * MB  # an XLSX file is read whole, then parsed in a box (sandbox.py)

#: documented columns → Vendor fields
COLUMNS = {
    "vendor_name": "name", "product": "product", "contact_email": "contact_email",
    "contract_date": "contract_date", "address": "address", "contact_name": "contact_name",
    "purpose": "purpose", "data_collected": "data_collected", "deletion_method": "deletion_method",
    "review_procedure": "review_procedure", "breach_steps": "breach_steps", "term_end": "term_end",
    "contract_file": "contract_file", "signatory_name": "signatory_name",
    "signatory_title": "signatory_title",
}
REQUIRED = ("vendor_name", "product", "contact_email", "contract_date")
ALIASES = {"vendor": "vendor_name", "name": "vendor_name", "company": "vendor_name",
           "email": "contact_email", "contact": "contact_name", "date": "contract_date",
           "contract": "contract_file", "data": "data_collected"}
FIELD_TO_COLUMN = {v: k for k, v in COLUMNS.items()}


def column_key(header: str) -> str:
    """A header as a documented column name: case, spaces, hyphens and dots don't matter."""
    key = re.sub(r"[\s\-./]+", "_", header.strip().lower().lstrip("\ufeff")).strip("_")
    return ALIASES.get(key, key)


# ---------------------------------------------------------------- reading


@dataclass
class Row:
    """One input row: its line (CSV) or row number (XLSX) and its cells by documented column."""

    line: int
    cells: dict[str, str]


def _sniff_text(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # a cut multi-byte character at the end of the sample is still UTF-8
        if exc.start >= len(head) - 3:
            return "utf-8"
        return "cp1252"


def _header_map(headers: list[str], name: str) -> list[str | None]:
    keys = [column_key(h) if h else "" for h in headers]
    seen: dict[str, int] = {}
    for i, k in enumerate(keys):
        if k in COLUMNS:
            if k in seen:
                raise InputError(f"{name}: the column {k} appears twice (columns {seen[k] + 1} and {i + 1})")
            seen[k] = i
    missing = [c for c in REQUIRED if c not in seen]
    if missing:
        raise InputError(f"{name}: required column(s) missing: {', '.join(missing)} "
                         f"(found: {', '.join(h for h in headers if h) or 'none'})")
    return [k if k in COLUMNS else None for k in keys]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def rows_from_file(fileobj: IO[bytes], name: str = "input") -> Iterator[Row]:
    """Rows of a CSV (UTF-8 with or without BOM, UTF-16, Windows-1252; comma, semicolon or tab;
    quoted newlines) or XLSX file, streamed, keyed by documented column.

    Raises :class:`InputError` naming the file when it cannot be read, has no header, lacks a
    required column or names one twice; the iterator raises it when the file breaks part way.
    """
    head = fileobj.read(65536)
    fileobj.seek(0)
    if not head.strip():
        raise InputError(f"{name}: the file is empty")
    if head.startswith(b"PK\x03\x04"):
        yield from _rows_xlsx(fileobj, name)
    else:
        yield from _rows_csv(fileobj, name, head)


def _rows_csv(fileobj: IO[bytes], name: str, head: bytes) -> Iterator[Row]:
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{name}: this is a binary file, not CSV")
    encoding = _sniff_text(head)
    text = io.TextIOWrapper(fileobj, encoding=encoding, newline="")
    sample = head.decode(encoding, errors="ignore")
    first = sample.splitlines()[0] if sample else ""
    delimiter = max((",", ";", "\t"), key=first.count)
    try:
        yield from _csv_records(csv.reader(text, delimiter=delimiter), name, encoding)
    finally:
        text.detach()  # the caller's file stays the caller's to close


def _csv_records(reader, name: str, encoding: str) -> Iterator[Row]:
    try:
        headers = next(reader)
    except StopIteration:
        raise InputError(f"{name}: the file has no header row") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{name}: cannot read the header row ({exc})") from None
    columns = _header_map(headers, name)

    def numbered() -> Iterator[tuple[int, list[str]]]:
        line = reader.line_num + 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: line {line}: text is not {encoding} ({exc.reason})") from None
            except csv.Error as exc:
                raise InputError(f"{name}: line {line}: {exc}") from None
            start, line = line, reader.line_num + 1  # a quoted newline spans lines
            yield start, cells

    yield from _keyed(numbered(), columns, name)


def _keyed(numbered: Iterator[tuple[int, list[str]]], columns: list[str | None], name: str) -> Iterator[Row]:
    """Rows keyed by documented column, blank rows skipped, at most ``MAX_ROWS`` rows read
    (blank ones count: a sheet of a million empty rows is refused, not walked)."""
    count = 0
    for line, cells in numbered:
        count += 1
        if count > MAX_ROWS:
            raise InputError(f"{name}: more than {MAX_ROWS:,} rows; split the file")
        if not any(c.strip() for c in cells):
            continue
        yield Row(line, {col: cell for col, cell in zip(columns, cells) if col})


def _sheet_rows(rows: Iterator[tuple], name: str) -> Iterator[tuple]:
    """The rows of a worksheet; a sheet whose XML breaks off part-way (a truncated or damaged
    file, read lazily) ends in one :class:`InputError` naming the row, never an unexpected error."""
    for n in itertools.count(1):
        try:
            yield next(rows)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - the XML parser and openpyxl raise many kinds
            raise InputError(f"{name}: row {n}: the XLSX is damaged or truncated ({type(exc).__name__})") from None


def _rows_xlsx(fileobj: IO[bytes], name: str) -> Iterator[Row]:
    check_zip(fileobj, name, "XLSX", "xl/workbook.xml", InputError, max_part=MAX_XLSX_PART)
    fileobj.seek(0)
    data = read_stream_bounded(fileobj, MAX_XLSX_BYTES, name)
    try:
        rows = run_boxed(xlsx_rows, data, name, what=name)  # openpyxl parses in a box
    except ExtractError as exc:  # the box's limit: a spreadsheet error, naming the file
        raise InputError(str(exc)) from None
    yield from rows


def xlsx_rows(data: bytes, name: str) -> list[Row]:
    """Every row of the XLSX ``data``'s first sheet, keyed by documented column, read in this
    process (:func:`rows_from_file` runs it in a box). Raises :class:`InputError` naming ``name``."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise InputError(f"{name}: cannot open the spreadsheet ({type(exc).__name__})") from None
    try:
        ws = wb.worksheets[0]
        ws.reset_dimensions()  # the declared A1:XFD1048576 would pad every row to 16,384 cells
        rows = _sheet_rows(ws.iter_rows(values_only=True), name)
        headers = next(rows, None)
        if headers is None:
            raise InputError(f"{name}: the first sheet is empty")
        columns = _header_map([_cell(h) for h in headers], name)
        numbered = ((n, [_cell(v) for v in values]) for n, values in enumerate(rows, start=2))
        return list(_keyed(numbered, columns, name))
    finally:
        wb.close()


# ---------------------------------------------------------------- output safety

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell a spreadsheet will show as text: one that would start a formula gets a leading '
    (and so does one that starts with ' already, so :func:`read_cell` can undo it exactly)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith((*_FORMULA, "'")) else text


def read_cell(cell: str) -> str:
    """The value :func:`safe_cell` wrote: a leading ' it added is removed (``'@Home`` → ``@Home``)."""
    return cell[1:] if cell.startswith("'") else cell


class SafeCsv:
    """A CSV writer whose every cell is neutralised against formula injection."""

    def __init__(self, path: Path, fields: list[str]) -> None:
        self._fh = path.open("w", newline="", encoding="utf-8-sig")
        self._w = csv.writer(self._fh)
        self._w.writerow(fields)

    def row(self, *cells: object) -> None:
        self._w.writerow([safe_cell(c) for c in cells])

    def close(self) -> None:
        self._fh.close()
