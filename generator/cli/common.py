"""What every command shares: the options, one-line errors, the clause library, JSON and date
inputs, writing outputs, and the register with its board profile."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

import typer

from generator.cli.shared import error_line
from generator.errors import SdpaError

if TYPE_CHECKING:
    from datetime import date

    from generator.models import Board, Library

BoardOpt = typer.Option(None, "--board", help="Board profile YAML (default: $SDPA_BOARD, else the profile saved "
                        "in the register, else board.example.yaml).")


ClausesOpt = typer.Option(None, "--clauses", help="Clause library folder (default: $SDPA_CLAUSES or the shipped clauses/).")


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn an :class:`SdpaError` into one line on stderr and exit code 2."""
    try:
        yield
    except SdpaError as exc:
        typer.echo(error_line(exc), err=True)
        raise typer.Exit(2) from None


def get_library(clauses: Optional[Path]) -> Library:
    """The clause library at ``clauses`` (else ``$SDPA_CLAUSES``, else the shipped one): see
    :func:`generator.cli.shared.choose_library`."""
    from generator.cli.shared import choose_library  # here, not above: `sdpa --help` starts sooner

    return choose_library(clauses)


def load_board(board: Optional[Path] = None, **kwargs) -> Board:
    """The board profile, as :func:`generator.records.board.load_board` gives it (see there for
    what it raises); the profile's readers load only when a command needs a profile."""
    from generator.records import board as profiles

    return profiles.load_board(board, **kwargs)


MAX_EXPORT = 2**30  # a register export read back: stored files make it large


def read_json(path: Path, what: str, max_bytes: int = 10 * 2**20) -> object:
    """Parse JSON from ``path`` (``-`` for standard input), at most ``max_bytes`` of it, from a
    regular file only; raise InputError naming the file."""
    from generator.errors import InputError
    from generator.reading.limits import read_bounded, read_stream_bounded

    try:
        if str(path) == "-":
            data = read_stream_bounded(sys.stdin.buffer, max_bytes, f"standard input ({what})")
        else:
            data = read_bounded(path, max_bytes, f"{path} ({what})")
        return json.loads(data.decode("utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise InputError(f"{path}: the {what} is not valid JSON ({str(exc)[:200]})") from None


def date_option(value: Optional[str], name: str):
    from generator.errors import InputError
    from generator.models import parse_date

    if value is None:
        return None
    try:
        parsed = parse_date(value)
    except ValueError as exc:
        raise InputError(f"{name}: {exc}") from None
    if not hasattr(parsed, "isoformat"):
        raise InputError(f"{name}: {value!r} is not a date (use YYYY-MM-DD)")
    return parsed


OutOpt = typer.Option(..., "--out", help="Where to write the DOCX.")


PdfOpt = typer.Option(False, "--pdf", help="Also write a PDF beside each DOCX (needs LibreOffice).")


DateOpt = typer.Option(None, "--date", help="Date of the letter, YYYY-MM-DD (default today, or the next "
                                                   "business day on a weekend or holiday).")


VendorOpt = typer.Option(..., "--vendor", help="Vendor details as JSON (see examples/vendor.json).")


def write_outputs(files: list[tuple[Path, bytes]], pdf: bool) -> None:
    """Write each (path, DOCX bytes), convert them to PDF in one call when asked, say what was written."""
    from generator.documents.pdf import convert_to_pdf
    from generator.documents.render import write_file

    written = [write_file(path, data) for path, data in files]
    if pdf:
        written += convert_to_pdf(written)
    for path in written:
        typer.echo(f"wrote {path}")


def default_letter_date(profile: Board) -> date:
    """A letter's date when ``--date`` is not given: today on a business day, else the next one
    (:func:`generator.documents.letters.letter_date`), with a note on stderr saying so."""
    from generator.documents.letters import letter_date

    day, note = letter_date(board=profile)
    if note:
        typer.echo(f"sdpa: note: {note} (--date to choose another)", err=True)
    return day


def letter_inputs(board: Optional[Path], when: Optional[str], vendor: Optional[Path] = None):
    """The board profile, the letter's date (default: today on a business day, else the next
    one, said on stderr) and the vendor, if one is named."""
    from generator.forms import vendor_from_dict

    profile = load_board(board, board_id=board_id())
    day = date_option(when, "--date") or default_letter_date(profile)
    v = vendor_from_dict(read_json(vendor, "vendor file"), str(vendor)) if vendor else None
    return profile, day, v


DbOpt = typer.Option(None, "--db", help="Register URL or SQLite path (default: $SDPA_DATABASE_URL, else the board profile's database).")


TodayOpt = typer.Option(None, "--today", help="Date to judge by (default today).")


_CHOSEN_BOARD: ContextVar[Optional[int]] = ContextVar("sdpa_board_id", default=None)
BoardIdOpt = typer.Option(None, "--board-id", envvar="SDPA_BOARD_ID", show_envvar=True,
                          help="The board to work for, in a register that holds several (sdpa board list); "
                               "default 1.")


def choose_board(board_id: Optional[int]) -> None:
    """Keep a command group's ``--board-id`` for the command it runs (see :func:`board_id`);
    every run of the group sets it afresh."""
    _CHOSEN_BOARD.set(board_id)


def board_id() -> Optional[int]:
    """The ``--board-id`` given to the command group running now (``$SDPA_BOARD_ID`` when not
    given), or ``None``: then the register's own default, board 1."""
    return _CHOSEN_BOARD.get()


@contextmanager
def open_register(db: Optional[str], board: Optional[Path]) -> Iterator[tuple]:
    """The register of the chosen board (``--board-id``) and its board profile, the register
    closed afterwards."""
    from generator.records.board import open_with_board

    # with --db, the profile saved in that register (not in the default one) is the board's
    reg, profile = open_with_board(board, register_url=db, board_id=board_id())
    try:
        yield reg, profile
    finally:
        reg.close()


def today_option(value: Optional[str]):
    from datetime import date

    return date_option(value, "--today") or date.today()
