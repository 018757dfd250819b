"""What the ``sdpa`` command's typer commands and its quick paths share, importable without typer."""

# The quick paths (quick.py: ``register list``; quick_check.py: ``check FILE``) answer a command
# line only when they read it whole, and must print what the typer command prints: they read
# options as typer does, write as typer's echo does, and say an error in the same words.

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.findings import GapReport
    from generator.models import Library

MAX_MB = 50  # the largest contract file `sdpa check` reads unless --max-mb says otherwise
FORMATS = ("table", "json", "markdown")  # the formats of `sdpa check`


def take_flag(rest: list[str], flag: str, taken: bool) -> bool | None:
    """Take the option ``flag`` (one without a value) off the front of ``rest``: True when it was
    there, False when ``rest`` starts with something else, None when it was ``taken`` already
    (typer reads a flag given twice)."""
    if rest[0] != flag:
        return False
    rest.pop(0)
    return None if taken else True


def take_option(rest: list[str]) -> tuple[str | None, str | None]:
    """Take ``--name value`` or ``--name=value`` off the front of ``rest``: (name, value), the
    value None when it is missing or looks like another option."""
    token = rest.pop(0)
    if not token.startswith("--"):
        return None, None
    if "=" in token:
        name, value = token.split("=", 1)
        return name, value
    if not rest or rest[0].startswith("-"):
        return token, None
    return token, rest.pop(0)


def printable(text: str, stream) -> bool:
    """True when ``text`` holds no terminal escape (typer strips those from a stream that is
    not a terminal) and ``stream``'s encoding can write all of it."""
    if "\x1b" in text:
        return False
    try:
        text.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def quiet_stdout() -> None:
    """Point standard output at nothing, so that Python's own flush at exit does not fail again
    on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def error_line(exc: BaseException) -> str:
    """The one line the command says for an error of the user's input or files ("sdpa: error: …")."""
    return f"sdpa: error: {exc}"


def unexpected_line(exc: BaseException) -> str:
    """The one line the command says for an error it did not foresee (no traceback)."""
    return (f"sdpa: error: unexpected {type(exc).__name__}: {str(exc)[:200]!r} "
            "(please report it; SDPA_DEBUG=1 shows where)")


def write_out(text: str) -> int | None:
    """Write ``text`` to standard output and flush it, as typer's echo does. Returns None when it
    is written; 1 when the reader has gone (a closed pipe: nothing more is said, as typer exits
    then); 2 on any other error (a full disk), said in one line on standard error."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_stdout()
        return 1
    except OSError as exc:
        sys.stderr.write(unexpected_line(exc) + "\n")
        return 2
    return None


def limit_bytes(max_mb: float) -> int:
    """``--max-mb`` as a number of bytes. Raises :class:`InputError` when it is not above 0 and
    at most 1024 (not a number included)."""
    from generator.errors import InputError

    if not 0 < max_mb <= 1024:  # also false for nan
        raise InputError(f"--max-mb: {max_mb} must be a number of MB above 0 and at most 1024")
    return int(max_mb * 1024 * 1024)


def choose_library(clauses: str | Path | None) -> Library:
    """Load the clause library at ``clauses`` (else ``$SDPA_CLAUSES``, else the shipped one, as
    :func:`~generator.library.default_library` keeps it for the process and its boxes). Raises
    :class:`LibraryError` as :func:`~generator.library.load_library` does."""
    from generator.library import default_library, load_library

    folder = clauses or os.environ.get("SDPA_CLAUSES")
    return load_library(folder) if folder else default_library()


def format_report(report: GapReport, library: Library, format: str) -> str:
    """Write the report as ``sdpa check`` prints it in ``format``: a table wrapped to the
    terminal, nothing cut; the JSON of DESIGN.md; or Markdown, its citations marked against
    ``library``. Raises nothing."""
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
