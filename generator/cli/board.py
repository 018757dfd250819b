"""`sdpa board …`: the board profile every page and command uses."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from generator.cli.common import DbOpt, board_id, user_errors
from generator.errors import InputError

SOURCES = {"file": "the file named by --board or $SDPA_BOARD", "saved": "the profile saved in the register",
           "example": "the shipped example (board.example.yaml): set up your board with `sdpa board import`"}


def board_in_use(db: Optional[str]):
    from generator.records.board import resolve_board
    from generator.records.database import database_url

    return resolve_board(register_url=database_url(None, db) if db else None, board_id=board_id())


def board_show_cmd(db: Optional[str] = DbOpt) -> None:
    """Print the board profile in use as YAML, and (on stderr) where it comes from.

    Example: sdpa board show
    """
    from generator.records.directory import board_yaml

    with user_errors():
        profile, source = board_in_use(db)
    typer.echo(f"# from {SOURCES[source]}", err=True)
    typer.echo(board_yaml(profile), nl=False)


def board_import_cmd(path: Path = typer.Argument(..., help="Board profile YAML (as board.example.yaml)."),
                     db: Optional[str] = DbOpt) -> None:
    """Validate a board profile and save it in the register for everyone (its `database` key is
    ignored: where the register lives is the server's configuration).

    Example: sdpa board import shoreline-board.yaml
    """
    from generator.cli.register import require
    from generator.reading.limits import read_bounded
    from generator.records.database import database_url
    from generator.records.directory import board_from_yaml, save_board
    from generator.records.register import Register

    with user_errors():
        text = read_bounded(path, 1024 * 1024, str(path))  # a device or a pipe: one line, at once
        profile = board_from_yaml(text, str(path))
        with Register(database_url(None, db), board_id=board_id()) as reg:
            require(reg, "admin", "save the board profile")  # a saved profile's admins only
            save_board(reg, profile)
    typer.echo(f"saved {profile.name} as the board profile of board {board_id() or 1} in the register")


def board_export_cmd(out: Optional[Path] = typer.Option(None, "--out", help="File to write (default: stdout)."),
                     db: Optional[str] = DbOpt) -> None:
    """Write the board profile in use as YAML (to keep, edit, or import elsewhere).

    Example: sdpa board export --out board.yaml
    """
    from generator.records.directory import board_yaml

    with user_errors():
        profile, _ = board_in_use(db)
        text = board_yaml(profile)
        if out:
            try:
                out.write_text(text, encoding="utf-8")
            except OSError as exc:
                raise InputError(f"{out}: cannot write ({exc.strerror})") from None
    if out:
        typer.echo(f"wrote {out}")
    else:
        typer.echo(text, nl=False)
