"""The board profile: read from YAML, or the one saved in the register; the shipped example is
``board.example.yaml``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from generator.errors import ProfileError, SdpaError
from generator.forms import board_from_dict
from generator.library import ROOT
from generator.models import Board
from generator.reading.limits import read_bounded

if TYPE_CHECKING:
    from generator.records.register import Register

EXAMPLE_BOARD = ROOT / "examples" / "board.example.yaml"
MAX_PROFILE = 1024 * 1024  # a profile is a few kilobytes; a bigger one is a mistake or an attack


def load_board(path: str | Path | None = None, *, register_url: str | None = None,
               board_id: int | None = None) -> Board:
    """The board profile in use: the file at ``path``, else the file ``$SDPA_BOARD`` names, else
    the profile saved in the register (see :func:`resolve_board`), else the shipped example.

    Raises :class:`ProfileError` naming the file and the key when it is unreadable or invalid.
    """
    return resolve_board(path, register_url=register_url, board_id=board_id)[0]


def resolve_board(path: str | Path | None = None, *, register_url: str | None = None,
                  board_id: int | None = None) -> tuple[Board, str]:
    """The board profile in use and where it came from: ``"file"`` (``path`` or
    ``$SDPA_BOARD``), ``"saved"`` (the newest profile saved for board ``board_id`` (default
    ``$SDPA_BOARD_ID``, else 1) in the register at ``register_url``,
    default ``$SDPA_DATABASE_URL`` or ``sdpa-register.sqlite3``; a SQLite register that does not
    exist yet is not created) or ``"example"`` (``board.example.yaml``).

    Raises :class:`ProfileError` when the file or the saved profile is unreadable or invalid.
    """
    chosen = path or os.environ.get("SDPA_BOARD")
    if chosen:
        return read_board_file(chosen), "file"
    saved = _saved_profile(register_url, board_id)
    if saved is not None:
        return saved, "saved"
    return read_board_file(EXAMPLE_BOARD), "example"


def _saved_profile(register_url: str | None, board_id: int | None = None) -> Board | None:
    from generator.records.database import RegisterError, existing_register
    from generator.records.directory import saved_board
    from generator.records.register import Register

    url = existing_register(register_url)
    if url is None:
        return None
    try:
        with Register(url, board_id=board_id) as reg:
            return saved_board(reg)
    except RegisterError as exc:
        raise ProfileError(f"the saved board profile cannot be read: {exc}") from None


def open_with_board(path: str | Path | None = None, *, register_url: str | None = None,
                    board_id: int | None = None, actor: str | None = None) -> tuple["Register", Board]:
    """The register of board ``board_id`` and the board profile in use, both as
    :func:`resolve_board` and :func:`generator.records.database.database_url` choose them, the
    register opened once when it holds the profile (a command's start is not paid twice). The
    caller closes the register. Raises :class:`ProfileError` (the profile) or
    :class:`~generator.records.database.RegisterError` (the register) as those do."""
    from generator.records.database import database_url, existing_register
    from generator.records.directory import saved_board
    from generator.records.register import Register

    chosen = path or os.environ.get("SDPA_BOARD")
    url = None if chosen else existing_register(register_url)
    if url is None:
        profile = read_board_file(chosen or EXAMPLE_BOARD)
        return Register(database_url(profile, register_url), actor, board_id=board_id), profile
    reg = Register(url, actor, board_id=board_id)  # what stops it is the register's, said as such
    try:
        profile = saved_board(reg) or read_board_file(EXAMPLE_BOARD)
        wanted = database_url(profile, register_url)
    except BaseException:
        reg.close()
        raise
    if wanted == url:
        return reg, profile
    reg.close()  # the saved profile names another database: its register is the board's
    return Register(wanted, actor, board_id=board_id), profile


def read_board_file(path: str | Path) -> Board:
    """Read and validate the board profile YAML at ``path``.

    Raises :class:`ProfileError` naming the file and the key when it is unreadable or invalid.
    """
    target = Path(path)
    try:
        data = yaml.safe_load(read_bounded(target, MAX_PROFILE, f"{target} (board profile)").decode("utf-8"))
    except SdpaError as exc:
        raise ProfileError(str(exc)) from None
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError) as exc:
        raise ProfileError(f"{target}: invalid YAML ({str(exc).splitlines()[0]})") from None
    return board_from_dict(data, str(target))
