"""``sdpa register list`` answered from the statuses the register stores, without typer, pydantic
or the ORM, so that a fresh command lists one page quickly (docs/admin.md, "At a region's size").

It answers only a command line it reads whole and a register it can answer from as it is:
- the command line is ``register [--board-id N] list`` with the list's own options, each once, in
  a form it reads without doubt (no ``--help``, no ``--board`` profile, no ``$SDPA_BOARD``);
- the register is named by ``--db`` or ``$SDPA_DATABASE_URL`` (then no board profile can name
  another), exists, holds the board, and every status it stores is current.
Otherwise, and on any error, it answers nothing and the typer command
(:func:`generator.cli.register.register_list_cmd`) runs as always, with the same output: it
derives what is missing first, and says every error in its own words. Both print through
:func:`contract_lines` and :func:`page_message`. Unlike the typer command, it does not read the
board profile saved in the register (a list needs nothing from it).
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date

from generator.cli.shared import error_line, printable, take_flag, take_option, write_out

VALUED = {"--db", "--today", "--format", "--page", "--per-page", "--vendor", "--status"}  # --all takes none
PER_PAGE, MAX_PER_PAGE = 50, 10_000  # the typer options' default and bound (generator/cli/register.py)
FORMAT = "table"  # the default --format
_WHOLE = re.compile(r"[0-9]{1,9}")
_ISO_DAY = re.compile(r"([0-9]{4})-[0-9]{2}-[0-9]{2}")


def which_page(page: int | None, everything: bool, format: str) -> tuple[int, bool]:
    """The page to show (from 1) and whether to show every one: a script asking for JSON gets
    the whole list unless it names a page."""
    return page or 1, everything or (format == "json" and page is None)


def page_message(shown: int, total: int, page: int, per_page: int, everything: bool,
                 empty: str = "nothing matches") -> tuple[str, int] | None:
    """What to say on stderr after a page of ``shown`` items of a list of ``total``, and the
    exit code: which part was shown and how to see more (0), ``empty`` when the list holds
    nothing (0), or an error naming how many pages there are for a page past the last (2; an
    empty list has one page, empty); None when there is nothing to say."""
    if not total:
        if not everything and page > 1:
            return f"sdpa: error: --page {page}: {empty}, so there is no page {page}", 2
        return empty, 0
    if not everything and (page - 1) * per_page >= total:
        last = -(-total // per_page)
        return (f"sdpa: error: --page {page}: there {'is' if last == 1 else 'are'} {last} page{'s' * (last != 1)} "
                f"({total:,} in all)"), 2
    if not everything and total > shown:
        last = max(1, -(-total // per_page))
        return (f"page {page} of {last} ({total:,} in all); --page {min(page + 1, last)} for the next, "
                "--all for every one"), 0
    return None


def contract_lines(rows: list, format: str) -> list[str]:
    """The lines ``sdpa register list`` prints for ``rows`` (each with ``id``, ``vendor``,
    ``product``, ``executed``, ``status`` and ``why``): one JSON document for ``json``, else one
    line a contract."""
    if format == "json":
        return [json.dumps([{"id": r.id, "vendor": r.vendor, "product": r.product,
                             "executed": r.executed.isoformat() if r.executed else None,
                             "status": r.status, "why": r.why} for r in rows], indent=2, ensure_ascii=False)]
    return [f"{r.id:>4}  {r.vendor[:30]:<30} {r.product[:24]:<24} {r.status:<12} {r.why}" for r in rows]


EMPTY, NO_MATCH = "the register holds no contract", "no contract matches"


@dataclass
class ListLine:
    """A ``register list`` command line as the quick path reads it."""

    board_id: str | None = None
    db: str | None = None
    today: date | None = None
    format: str = FORMAT
    page: int | None = None
    per_page: int = PER_PAGE
    vendor: str = ""
    statuses: list[str] = field(default_factory=list)
    everything: bool = False


def read_list_line(args: list[str]) -> ListLine | None:
    """``args`` read as ``register [--board-id N] list [options]``, or None when they are
    anything else or anything this reader is not sure of (the typer command reads those)."""
    if len(args) < 2 or args[0] != "register":
        return None
    line, rest, seen = ListLine(), list(args[1:]), set()
    while rest and rest[0].startswith("--board-id"):
        name, value = take_option(rest)
        if name != "--board-id" or not value or "--board-id" in seen:  # typer refuses an empty id
            return None
        seen.add(name)
        line.board_id = value
    if not rest or rest.pop(0) != "list":
        return None
    while rest:
        flag = take_flag(rest, "--all", line.everything)
        if flag is None:
            return None
        if flag:
            line.everything = True
            continue
        name, value = take_option(rest)
        if name not in VALUED or value is None or (name in seen and name != "--status"):
            return None  # --all=x among them: typer says --all takes no value
        seen.add(name)
        if not _take(line, name, value):
            return None
    return line


def _take(line: ListLine, name: str, value: str) -> bool:
    """Put option ``name``'s ``value`` in ``line``; False when it is not one the reader is sure of."""
    if name == "--status":
        line.statuses.append(value)
    elif name == "--vendor":
        line.vendor = value
    elif not value:
        return False
    elif name == "--db":
        line.db = value
    elif name == "--format":
        line.format = value
    elif name == "--today":
        day = _ISO_DAY.fullmatch(value)
        if day is None or not 1900 <= int(day.group(1)) <= 2199:
            return False
        try:
            line.today = date.fromisoformat(value)
        except ValueError:
            return False
    else:  # --page, --per-page: whole numbers in the typer option's bounds
        if not _WHOLE.fullmatch(value):
            return False
        number = int(value)
        if number < 1 or (name == "--per-page" and number > MAX_PER_PAGE):
            return False
        if name == "--page":
            line.page = number
        else:
            line.per_page = number
    return True


def quick_list(args: list[str]) -> int | None:
    """Answer the command line ``args`` (without the program's name) when it is a ``register
    list`` this module answers alone (see the module's text): print the page and return the
    exit code. None: print nothing; the typer command answers."""
    line = read_list_line(args)
    if line is None or os.environ.get("SDPA_BOARD"):
        return None
    try:
        found = _list(line)
    except _Unopened as exc:  # said here as the typer command says it: an unreachable one not waited for twice
        sys.stderr.write(error_line(exc) + "\n")
        return 2
    except Exception:  # noqa: BLE001 - the typer command answers, in its words
        return None
    if found is None:
        return None
    rows, total, page, everything = found
    out = "".join(text + "\n" for text in contract_lines(rows, line.format))
    said = page_message(len(rows), total, page, line.per_page, everything,
                        NO_MATCH if line.vendor or line.statuses else EMPTY)
    note = said[0] + "\n" if said is not None else ""
    if not printable(out, sys.stdout) or not printable(note, sys.stderr):
        return None  # typer writes what this stream cannot hold, or strips a terminal's codes
    failed = write_out(out)  # the list, then the note after it, as typer writes them
    if failed is not None:
        return failed
    sys.stderr.write(note)
    return said[1] if said is not None else 0


class _Unopened(Exception):
    """The register could not be opened (unreachable, not a register, locked): the typer
    command's :class:`~generator.records.database.RegisterError`, said in the same words."""


def _list(line: ListLine) -> tuple[list, int, int, bool] | None:
    """The page ``line`` asks for as (rows, total, page, everything), or None when the register
    cannot be answered from as it is. Raises :class:`_Unopened` when the register cannot be
    opened."""
    from generator.records.database import RegisterError, existing_register, open_register, snapshot_options
    from generator.records.quick import (
        board_exists,
        board_id_in_use,
        contract_rows,
        shipped_basis,
        stale_contracts,
        tell_board,
        unknown_statuses,
    )

    named = line.db or os.environ.get("SDPA_DATABASE_URL")
    if not named or unknown_statuses(line.statuses):
        return None
    url = existing_register(named)
    if url is None:  # a SQLite register not made yet: the typer command makes it
        return None
    board = board_id_in_use(line.board_id)
    page, everything = which_page(line.page, line.everything, line.format)
    day = line.today or date.today()
    try:
        engine = open_register(url)
    except RegisterError as exc:
        raise _Unopened(str(exc)) from None
    try:
        with engine.execution_options(**snapshot_options(engine)).connect() as conn, conn.begin():
            tell_board(conn, board)
            if not board_exists(conn, board) or stale_contracts(conn, board, shipped_basis):
                return None
            rows, total = contract_rows(conn, board, day, offset=0 if everything else (page - 1) * line.per_page,
                                        limit=None if everything else line.per_page, vendor=line.vendor,
                                        statuses=line.statuses)
    finally:
        engine.dispose()
    if any(r.why is None for r in rows):  # a status not stored (cannot happen in one transaction)
        return None
    return rows, total, page, everything
