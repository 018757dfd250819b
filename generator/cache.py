"""Where sdpa keeps what it can rebuild (the validated clause library, and what a quick command
needs from it), and the key that says whether a kept copy still fits the files it came from."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# Where the clause library, the templates and the example board are: inside the package when it was
# installed by a plain `pip install` (generator/shipped/, see pyproject.toml), else beside it, as in
# a checkout or an editable install.
ROOT = _PACKAGE / "shipped" if (_PACKAGE / "shipped" / "clauses").is_dir() else _PACKAGE.parent
CLAUSES_DIR = ROOT / "clauses"
_LIBRARY_CODE = ("library.py", "models.py", "vetting.py")  # the code that reads the library


def cache_dir() -> Path | None:
    """The folder sdpa keeps what it can rebuild in: ``$SDPA_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/sdpa``, else ``~/.cache/sdpa``; None when ``$SDPA_CACHE_DIR`` is ``off``
    or no home folder is known. Safe to delete at any time."""
    own = os.environ.get("SDPA_CACHE_DIR", "")
    if own.lower() == "off":
        return None
    if own:
        return Path(own)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "sdpa"
    try:
        return Path.home() / ".cache" / "sdpa"
    except RuntimeError:  # no home folder
        return None


def library_key(base: Path) -> str | None:
    """A hash of every file the library under ``base`` is read from and of the code that reads
    it, or None when one of them cannot be read (the load then reports it)."""
    digest = hashlib.sha256()
    try:
        files = [base / "library.yaml", *sorted((base / "provisions").glob("*.md")),
                 *sorted((base / "sections").glob("*.md")), *sorted(base.glob("operators.yaml"))]
        code = [Path(__file__).with_name(name) for name in _LIBRARY_CODE]
        for path in [*code, *files]:
            digest.update(path.name.encode() + b"\x00" + path.read_bytes() + b"\x00")
    except OSError:
        return None
    return digest.hexdigest()[:32]


def cache_file(name: str) -> Path | None:
    """The kept file ``name`` (``.json`` added) in :func:`cache_dir`, or None when there is none."""
    folder = cache_dir()
    return folder / f"{name}.json" if folder else None


def write_cache(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (another process may be reading it)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass
