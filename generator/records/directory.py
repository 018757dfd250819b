"""The district's own setup, kept in the register's database so every staff member sees the same:
the saved board profile and the vendor directory (a vendor's details saved once, picked later)."""

from __future__ import annotations

import csv
import io
from datetime import date

import yaml
from pydantic import ValidationError
from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError

from generator.errors import ProfileError, VendorError
from generator.forms import board_from_dict, vendor_from_dict
from generator.models import Board, Vendor
from generator.reading.spreadsheets import COLUMNS
from generator.records.database import RegisterError
from generator.records.register import Register
from generator.records.tables import BoardProfileRow, DirectoryVendorRow, utc_now

# What the directory keeps of a vendor: its standing details, not one contract's dates or file.
PER_CONTRACT = ("contract_date", "term_end", "contract_file")
MAX_VENDORS = 5000


# ---------------------------------------------------------------- the board profile


def profile_data(board: Board) -> dict:
    """``board`` as plain data for saving or export. The ``database`` key is left out: where the
    register lives is the server's configuration, never part of a saved profile."""
    data = board.model_dump(mode="json")
    data.pop("database", None)
    return data


def save_board(reg: Register, board: Board) -> None:
    """Save ``board`` as the profile every page and command uses from now on (with a log line
    naming ``reg.actor``). Raises :class:`RegisterError` when the database refuses the write."""
    try:
        with reg.session() as s, s.begin():
            s.add(BoardProfileRow(saved_at=utc_now(), saved_by=reg.actor[:320], data=profile_data(board)))
            reg.log_change(s, "save board profile", name=board.name)
    except SQLAlchemyError as exc:
        raise RegisterError(f"the board profile could not be saved: {str(exc).splitlines()[0]}") from None


def saved_board(reg: Register) -> Board | None:
    """The newest saved board profile, or ``None`` when none was saved. Raises
    :class:`ProfileError` when the saved profile no longer validates (for example after an
    upgrade that changed a field)."""
    with reg.snapshot() as s:
        row = s.scalar(select(BoardProfileRow).order_by(BoardProfileRow.id.desc()).limit(1))
    if row is None:
        return None
    return board_from_dict(row.data, f"the board profile saved by {row.saved_by} on {row.saved_at:%Y-%m-%d}")


def board_names(reg: Register) -> list[tuple[int, str, str]]:
    """Every board of ``reg``'s register as (id, short name, name), in id order: the name is the
    one in the board's newest saved profile when it has one (``sdpa board import``), else the
    name the board was added with ("Board 1" for a register's first, or when its saved profile
    no longer validates). Each profile is read as its own board's."""
    from generator.records.tenancy import list_boards

    names = []
    for row in list_boards(reg.engine):
        try:
            saved = saved_board(reg.for_board(row.id))
        except ProfileError:
            saved = None
        names.append((row.id, row.slug, saved.name if saved else row.name))
    return names


def board_yaml(board: Board) -> str:
    """``board`` as YAML, the format of ``board.example.yaml`` (without ``database``)."""
    return yaml.safe_dump(profile_data(board), sort_keys=False, allow_unicode=True)


def board_from_yaml(text: str | bytes, source: str = "board profile") -> Board:
    """Parse and validate a board profile in YAML. Raises :class:`ProfileError` naming
    ``source`` and the bad key, or saying the YAML is invalid."""
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8-sig")
        data = yaml.safe_load(text)
    except UnicodeDecodeError:
        raise ProfileError(f"{source}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        raise ProfileError(f"{source}: invalid YAML ({str(exc).splitlines()[0]})") from None
    except RecursionError:
        raise ProfileError(f"{source}: invalid YAML (nested too deeply)") from None
    return board_from_dict(data, source)


# ---------------------------------------------------------------- the vendor directory


def directory_entry(vendor: Vendor) -> dict:
    """What the directory keeps of ``vendor``: every field except one contract's dates and file."""
    data = vendor.model_dump(mode="json")
    for key in PER_CONTRACT:
        data.pop(key, None)
    return data


def save_vendor(reg: Register, vendor: Vendor) -> None:
    """Save (or replace) ``vendor``'s details in the directory under its name, with a log line.
    Raises :class:`RegisterError` when the directory is full or the database refuses."""
    details = directory_entry(vendor)
    try:
        with reg.session() as s, s.begin():
            row = s.scalar(select(DirectoryVendorRow).where(DirectoryVendorRow.name == vendor.name))
            if row is None:
                if (s.scalar(select(DirectoryVendorRow.id).order_by(DirectoryVendorRow.id.desc())
                             .offset(MAX_VENDORS - 1).limit(1)) is not None):
                    raise RegisterError(f"the vendor directory holds {MAX_VENDORS} vendors; remove some first")
                s.add(DirectoryVendorRow(name=vendor.name, details=details, updated_at=utc_now(),
                                         updated_by=reg.actor[:320]))
                action = "add vendor to directory"
            else:
                row.details, row.updated_at, row.updated_by = details, utc_now(), reg.actor[:320]
                action = "update vendor in directory"
            reg.log_change(s, action, vendor=vendor.name)
    except SQLAlchemyError as exc:
        raise RegisterError(f"{vendor.name}: could not be saved in the directory "
                            f"({str(exc).splitlines()[0]})") from None


def directory_vendors(reg: Register) -> list[Vendor]:
    """Every vendor in the directory, by name. A stored entry that no longer validates is
    skipped rather than breaking every page (fix it with :func:`save_vendor`)."""
    with reg.snapshot() as s:
        rows = list(s.scalars(select(DirectoryVendorRow).order_by(DirectoryVendorRow.name)))
    out = []
    for row in rows:
        try:
            out.append(Vendor.model_validate(row.details))
        except ValidationError:
            continue
    return out


def directory_vendor(reg: Register, name: str) -> Vendor:
    """The saved details of the vendor called ``name``. Raises :class:`VendorError` when the
    directory has no such vendor or its entry no longer validates."""
    with reg.snapshot() as s:
        row = s.scalar(select(DirectoryVendorRow).where(DirectoryVendorRow.name == name))
    if row is None:
        raise VendorError(f"{name}: not in the vendor directory")
    return vendor_from_dict(row.details, f"the directory entry for {name}")


def remove_vendor(reg: Register, name: str) -> None:
    """Remove the vendor called ``name`` from the directory (its contracts stay in the register).
    Raises :class:`VendorError` when there is no such vendor."""
    with reg.session() as s, s.begin():
        gone = s.execute(delete(DirectoryVendorRow).where(DirectoryVendorRow.name == name)).rowcount
        if not gone:
            raise VendorError(f"{name}: not in the vendor directory")
        reg.log_change(s, "remove vendor from directory", vendor=name)


def vendors_csv(vendors: list[Vendor], contract_date: date) -> bytes:
    """A batch CSV (the documented columns) with one row per vendor of the directory, dated
    ``contract_date``: the directory's vendors run through the same batch as an uploaded list."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(list(COLUMNS))
    for vendor in vendors:
        data = {**directory_entry(vendor), "contract_date": contract_date.isoformat()}
        writer.writerow(["; ".join(v) if isinstance(v := data.get(field), list) else (v or "")
                         for field in COLUMNS.values()])
    return buf.getvalue().encode("utf-8")
