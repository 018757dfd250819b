"""``sdpa check FILE`` answered without typer, so that a fresh check starts its reading sooner
(docs/check.md, "Speed on a PDF of real agreements"); and the pieces of the check command that
both paths share: the ``--max-mb`` limit, the clause library, the report's text.

It answers only a command line it reads whole: ``check FILE`` with ``--format``, ``--max-mb``
and ``--fail-on-gaps``, each at most once, in a form it reads without doubt (``--name value`` or
``--name=value``; a format of ``table``, ``json`` or ``markdown``; a number ``float`` reads). A
file named ``-`` (standard input, which it could not give back), ``--clauses``, ``--help`` and
anything else go to the typer command (:func:`generator.cli.check.check_cmd`), which answers in
the same words. So does any error it did not foresee, and output typer would change (a terminal
code it strips, a character the stream cannot hold): the typer command then checks the file
again, as it always did.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cli.quick import printable, quiet_stdout, take_flag, take_option

if TYPE_CHECKING:
    from generator.findings import GapReport
    from generator.models import Library

FORMATS = ("table", "json", "markdown")
MAX_MB = 50.0  # the --max-mb default (generator/cli/check.py)


def mb_limit(max_mb: float) -> int:
    """``--max-mb`` as a number of bytes. Raises :class:`InputError` when it is not above 0 and
    at most 1024 (not a number included)."""
    from generator.errors import InputError

    if not 0 < max_mb <= 1024:  # also false for nan
        raise InputError(f"--max-mb: {max_mb} must be a number of MB above 0 and at most 1024")
    return int(max_mb * 1024 * 1024)


def library_for(clauses: str | Path | None) -> Library:
    """The clause library at ``clauses`` (else ``$SDPA_CLAUSES``, else the shipped one, as
    :func:`~generator.library.default_library` keeps it for the process and its boxes). Raises
    :class:`LibraryError` as :func:`~generator.library.load_library` does."""
    from generator.library import default_library, load_library

    folder = clauses or os.environ.get("SDPA_CLAUSES")
    return load_library(folder) if folder else default_library()


def report_text(report: GapReport, library: Library, format: str) -> str:
    """The report as ``sdpa check`` prints it in ``format``: a table wrapped to the terminal,
    nothing cut; the JSON of DESIGN.md; or Markdown, its citations marked against ``library``."""
    from generator.documents.report import (
        TERMINAL_WIDTH,
        report_json,
        report_markdown,
        report_table,
    )

    if format == "markdown":
        return report_markdown(report, library)
    if format == "json":
        return report_json(report)
    return report_table(report, shutil.get_terminal_size((TERMINAL_WIDTH, 24)).columns, library)


@dataclass
class CheckLine:
    """A ``check`` command line as the quick path reads it."""

    contract: str = ""
    format: str = "table"
    max_mb: float = MAX_MB
    fail_on_gaps: bool = False


def read_check_line(args: list[str]) -> CheckLine | None:
    """``args`` read as ``check FILE [options]``, or None when they are anything else or
    anything this reader is not sure of (the typer command reads those)."""
    if len(args) < 2 or args[0] != "check":
        return None
    line, rest, seen = CheckLine(), list(args[1:]), set()
    while rest:
        flag = take_flag(rest, "--fail-on-gaps", line.fail_on_gaps)
        if flag is None:
            return None
        elif flag:
            line.fail_on_gaps = True
        elif not rest[0].startswith("-"):
            if line.contract:
                return None  # a second file: typer says so
            line.contract = rest.pop(0)
        else:
            name, value = take_option(rest)
            if not _take(line, name, value, seen):
                return None
    return line if line.contract else None


def _take(line: CheckLine, name: str | None, value: str | None, seen: set[str]) -> bool:
    """Put option ``name``'s ``value`` in ``line``; False when it is not one the reader is sure of."""
    if name not in ("--format", "--max-mb") or value is None or name in seen:
        return False  # "-", --help, --clauses, --fail-on-gaps=x, a value missing, an option twice
    seen.add(name)
    if name == "--format":
        line.format = value
        return value in FORMATS
    try:
        line.max_mb = float(value)  # as typer reads a float option
    except ValueError:
        return False
    return True


def quick_check(args: list[str]) -> int | None:
    """Answer the command line ``args`` (without the program's name) when it is a ``check`` this
    module answers alone (see the module's text): print the report, or the one-line error, and
    return the exit code. None: print nothing; the typer command answers."""
    line = read_check_line(args)
    if line is None:
        return None
    from generator.checking.one_file import start_check
    from generator.errors import SdpaError
    from generator.reading.sandbox import fork_boxes

    fork_boxes()  # as the typer command does: one command, one thread
    try:
        limit = mb_limit(line.max_mb)
        # read and checked under one budget; the reading starts first, the library loads meanwhile
        with start_check(Path(line.contract), max_bytes=limit) as checking:
            library = library_for(None)
            report = checking.finish(library)
        out = report_text(report, library, line.format) + "\n"
    except SdpaError as exc:
        said = f"sdpa: error: {exc}\n"
        if not printable(said, sys.stderr):
            return None
        sys.stderr.write(said)
        return 2
    except Exception:  # noqa: BLE001 - the typer command answers, in its words
        return None
    if not printable(out, sys.stdout):
        return None  # typer writes what this stream cannot hold, or strips a terminal's codes
    try:
        sys.stdout.write(out)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped (`| head`): nothing more to say, as typer
        quiet_stdout()
        return 0
    return 1 if line.fail_on_gaps and not report.compliant else 0
