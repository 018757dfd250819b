"""Paths that come from data (a CSV cell, an import row) resolved only inside a chosen folder."""

from __future__ import annotations

import stat
from pathlib import Path

from generator.errors import InputError


def resolve_inside(root: str | Path, relative: str | Path, what: str = "file") -> Path:
    """The regular file ``relative`` names inside the folder ``root``, symlinks resolved.

    ``relative`` may be absolute only when it already lies inside ``root``. Returns the resolved
    path; raises :class:`InputError` (naming ``what`` and the value) when it is empty, leads
    outside ``root`` (``..``, an absolute path elsewhere, a symbolic link out), is not there, or
    is not a regular file (a folder, device, FIFO or socket). Nothing is opened or read.
    """
    text = str(relative).strip()
    if not text:
        raise InputError(f"{what}: no file named")
    if "\x00" in text:
        raise InputError(f"{what}: {text!r} is not a file name")
    base = Path(root).resolve()
    candidate = Path(text)  # "~" is a name here, never the user's home
    target = (candidate if candidate.is_absolute() else base / candidate).resolve()
    if target != base and base not in target.parents:
        raise InputError(f"{what}: {text} is outside {base} (only files in that folder are read)")
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        raise InputError(f"{what}: {text}: no such file") from None
    except OSError as exc:
        raise InputError(f"{what}: {text}: cannot read ({exc.strerror})") from None
    if not stat.S_ISREG(mode):
        raise InputError(f"{what}: {text} is not a regular file")
    return target
