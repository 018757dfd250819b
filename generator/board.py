"""Read the board profile (YAML); the shipped example is ``board.example.yaml``."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from pydantic import ValidationError

from .errors import ProfileError, SdpaError
from .limits import read_bounded
from .library import ROOT, describe_validation
from .models import Board

EXAMPLE_BOARD = ROOT / "board.example.yaml"
MAX_PROFILE = 1024 * 1024  # a profile is a few kilobytes; a bigger one is a mistake or an attack


def load_board(path: str | Path | None = None) -> Board:
    """Load the board profile at ``path`` (else ``$SDPA_BOARD``, else the shipped example).

    Raises :class:`ProfileError` naming the file and the key when it is unreadable or invalid.
    """
    target = Path(path or os.environ.get("SDPA_BOARD") or EXAMPLE_BOARD)
    try:
        data = yaml.safe_load(read_bounded(target, MAX_PROFILE, f"{target} (board profile)").decode("utf-8"))
    except SdpaError as exc:
        raise ProfileError(str(exc)) from None
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError) as exc:
        raise ProfileError(f"{target}: invalid YAML ({str(exc).splitlines()[0]})") from None
    return board_from_dict(data, str(target))


def board_from_dict(data: object, source: str = "board profile") -> Board:
    """Validate a mapping as a :class:`Board`; raise :class:`ProfileError` naming ``source``."""
    if not isinstance(data, dict):
        raise ProfileError(f"{source}: expected a mapping of keys")
    try:
        return Board.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(f"{source}: {describe_validation(exc)}") from None
