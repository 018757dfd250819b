"""``sdpa check FILE`` answered without typer, so that a fresh check starts its reading sooner."""

# It answers only a command line it reads whole: ``check FILE`` with ``--format``, ``--max-mb``
# and ``--fail-on-gaps``, each at most once, in a form it reads without doubt (``--name value``
# or ``--name=value``; a format of table, json or markdown; a number in ASCII that ``float``
# reads, as typer's own reading takes it). A file named ``-`` (standard input, which it could not
# give back) or "", ``--clauses``, ``--help`` and anything else go to the typer command
# (generator/cli/check.py), which answers in the same words. So does any error it did not
# foresee, and output typer would change (a terminal code it strips, a character the stream
# cannot hold): the typer command then checks the file again. docs/check.md: "Speed".

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from generator.cli.shared import (
    FORMATS,
    MAX_MB,
    choose_library,
    error_line,
    format_report,
    limit_bytes,
    printable,
    take_flag,
    take_option,
    write_out,
)


@dataclass
class CheckLine:
    """A ``check`` command line as the quick path reads it."""

    contract: str | None = None
    format: str = "table"
    max_mb: float = MAX_MB
    fail_on_gaps: bool = False


def read_check_line(args: list[str]) -> CheckLine | None:
    """Read ``args`` as ``check FILE [options]``; None when they are anything else or anything
    this reader is not sure of (the typer command reads those)."""
    if len(args) < 2 or args[0] != "check":
        return None
    line, rest, seen = CheckLine(), list(args[1:]), set()
    while rest:
        flag = take_flag(rest, "--fail-on-gaps", line.fail_on_gaps)
        if flag is None:
            return None
        elif flag:
            line.fail_on_gaps = True
        elif rest[0] and not rest[0].startswith("-"):
            if line.contract is not None:
                return None  # a second file: typer says so
            line.contract = rest.pop(0)
        else:
            name, value = take_option(rest)
            if not _take(line, name, value, seen):
                return None  # "", "-", --help, --clauses, a value missing, an option twice
    return line if line.contract is not None else None


def _take(line: CheckLine, name: str | None, value: str | None, seen: set[str]) -> bool:
    """Put option ``name``'s ``value`` in ``line``; False when it is not one the reader is sure of."""
    if name not in ("--format", "--max-mb") or value is None or name in seen:
        return False
    seen.add(name)
    if name == "--format":
        line.format = value
        return value in FORMATS
    if not value.isascii():  # typer reads a number in ASCII digits only; float() takes any
        return False
    try:
        line.max_mb = float(value)
    except ValueError:
        return False
    return True


def quick_check(args: list[str]) -> int | None:
    """Answer the command line ``args`` (without the program's name) when it is a ``check`` this
    module answers alone: print the report, or the one-line error, and return the exit code.
    None: print nothing; the typer command answers."""
    line = read_check_line(args)
    if line is None:
        return None
    from generator.checking.one_file import start_check
    from generator.errors import SdpaError
    from generator.reading.sandbox import fork_boxes

    fork_boxes()  # as the typer command does: one command, one thread
    try:
        limit = limit_bytes(line.max_mb)
        # read and checked under one budget; the reading starts first, the library loads meanwhile
        with start_check(Path(line.contract), max_bytes=limit) as checking:
            library = choose_library(None)
            report = checking.finish(library)
        out = format_report(report, library, line.format) + "\n"
    except SdpaError as exc:
        said = error_line(exc) + "\n"
        if not printable(said, sys.stderr):
            return None
        sys.stderr.write(said)
        return 2
    except Exception:  # noqa: BLE001 - the typer command answers, in its words
        return None
    if not printable(out, sys.stdout):
        return None  # typer writes what this stream cannot hold, or strips a terminal's codes
    failed = write_out(out)
    if failed is not None:
        return failed
    return 1 if line.fail_on_gaps and not report.compliant else 0
