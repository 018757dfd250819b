"""Contracts uploaded beside a batch's CSV (a ZIP, or the files themselves), written safely into
the run's own folder; and which rows' contracts a batch did not check."""

from __future__ import annotations

import csv
import io
import stat
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import InputError

MAX_FILES = 1000
MAX_BYTES = 500 * 1024 * 1024  # everything written, counted as it is read (not as a ZIP declares)
CHUNK = 1024 * 1024
SKIPPED = ("__MACOSX/", ".DS_Store")  # what a Mac adds to a ZIP; never a contract


def safe_relative_name(name: str, where: str) -> PurePosixPath:
    """``name`` as a relative path that stays inside its folder. Raises :class:`InputError`
    naming ``where`` for an absolute name, a drive letter, a ``..`` part, a backslash, an empty
    part or a control character."""
    if not name or any(ord(c) < 32 or c == "\x7f" for c in name):
        raise InputError(f"{where}: the name is empty or holds a control character")
    if "\\" in name:
        raise InputError(f"{where}: a name with a backslash is refused")
    path = PurePosixPath(name)
    if path.is_absolute() or (len(name) > 1 and name[1] == ":"):
        raise InputError(f"{where}: an absolute name is refused")
    parts = name.rstrip("/").split("/")
    if any(p in ("", ".", "..") for p in parts):
        raise InputError(f"{where}: a name with '..', '.' or an empty part is refused")
    return PurePosixPath(*parts)


@dataclass
class _Budget:
    files: int
    bytes: int

    def take_file(self, where: str) -> None:
        self.files -= 1
        if self.files < 0:
            raise InputError(f"{where}: too many files (the limit is {MAX_FILES} in all)")

    def take_bytes(self, n: int, where: str) -> None:
        self.bytes -= n
        if self.bytes < 0:
            raise InputError(f"{where}: the contracts are larger than {MAX_BYTES // 2**20} MB in all")


def _write(dest: Path, rel: PurePosixPath, chunks: Iterable[bytes], budget: _Budget, where: str) -> None:
    target = dest.joinpath(*rel.parts)
    if dest.resolve() not in target.resolve().parents:
        raise InputError(f"{where}: the name leads outside the run's folder")
    budget.take_file(where)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        fh = target.open("xb")  # never replaces a file, never follows a link
    except FileExistsError:
        raise InputError(f"{where}: another upload already has the name {rel}") from None
    with fh:
        for chunk in chunks:
            budget.take_bytes(len(chunk), where)
            fh.write(chunk)


def _zip_members(data: bytes, upload: str, dest: Path, budget: _Budget) -> list[str]:
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError):
        raise InputError(f"{upload}: not a readable ZIP file") from None
    names = []
    with archive:
        for info in archive.infolist():
            where = f"{upload}: {info.filename!r}"
            if info.filename.startswith(SKIPPED[0]) or info.filename.rsplit("/", 1)[-1] == SKIPPED[1]:
                continue
            rel = safe_relative_name(info.filename, where)
            if stat.S_ISLNK(info.external_attr >> 16):
                raise InputError(f"{where}: a link is refused")
            if info.is_dir():
                continue
            if info.flag_bits & 0x1:
                raise InputError(f"{where}: the entry is encrypted")

            def chunks(info=info):
                with archive.open(info) as member:
                    while block := member.read(CHUNK):
                        yield block

            try:
                _write(dest, rel, chunks(), budget, where)
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, EOFError, OSError) as exc:
                raise InputError(f"{where}: cannot be extracted ({exc})") from None
            names.append(str(rel))
    return names


def save_uploads(files: Iterable[tuple[str, bytes]], dest: str | Path, *,
                 max_files: int = MAX_FILES, max_bytes: int = MAX_BYTES) -> list[str]:
    """Write uploaded contracts into the folder ``dest``: a file named ``*.zip`` is extracted
    (its folders kept), any other file is saved under its own name. Returns the relative names
    written, so a CSV's ``contract_file`` can name them.

    Raises :class:`InputError` naming the upload (and the ZIP entry) for an absolute name, a
    ``..`` part, a link, an encrypted entry, two files of one name, more than ``max_files`` files
    or more than ``max_bytes`` bytes in all (counted as they are written, not as the ZIP
    declares). Nothing is ever written outside ``dest``; on an error, what was written stays in
    ``dest`` for the caller's temporary folder to remove."""
    dest = Path(dest)
    budget = _Budget(max_files, max_bytes)
    names: list[str] = []
    for upload, data in files:
        if upload.lower().endswith(".zip"):
            names += _zip_members(data, upload, dest, budget)
        else:
            rel = safe_relative_name(upload, upload)
            if len(rel.parts) != 1:
                raise InputError(f"{upload}: an uploaded file's name cannot hold a folder")
            _write(dest, rel, [data], budget, upload)
            names.append(str(rel))
    return names


def unchecked_contracts(manifest: str | Path, contract_files: Mapping[int, str],
                        hide: str | Path | None = None) -> list[tuple[int, str, str]]:
    """The rows of a batch whose contract was named but not checked: ``(line, contract_file,
    reason)`` for every line in ``contract_files`` (line → the row's ``contract_file``) whose
    manifest outcome is neither a letter written nor "contract has every provision". The folder
    ``hide`` (the run's temporary folder) is left out of the reasons."""
    with Path(manifest).open(encoding="utf-8-sig", newline="") as fh:
        outcomes = {row["line"]: row for row in csv.DictReader(fh)}
    out = []
    for line, name in sorted(contract_files.items()):
        row = outcomes.get(str(line))
        if row is None:
            out.append((line, name, "the row is missing from the manifest"))
        elif row["outcome"] != "letter written" and row["reason"] != "contract has every provision":
            reason = (row["reason"] or row["outcome"]).removeprefix("contract not checked: ")
            out.append((line, name, reason.replace(f"{hide}/", "") if hide else reason))
    return out


def missing_uploads(contract_files: Mapping[int, str], files: Iterable[tuple[str, bytes]]) -> dict[int, str]:
    """The rows whose ``contract_file`` names none of the uploaded contracts ``files`` (name,
    bytes), before anything runs: line → the reason, in words. A ZIP's files are known by
    their names inside it (folders kept), any other upload by its own name. A ZIP that cannot
    be read names nothing here (:func:`save_uploads` then says what is wrong with it)."""
    whole, alone = set(), set()
    for upload, data in files:
        if not upload.lower().endswith(".zip"):
            alone.add(upload)
            continue
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                whole |= {n for n in z.namelist() if not n.endswith("/") and not n.startswith(SKIPPED)}
        except (zipfile.BadZipFile, OSError, ValueError):
            continue
    out = {}
    for line, name in contract_files.items():
        if name in whole or name in alone:
            continue
        base = PurePosixPath(name.replace("\\", "/")).name
        hint = (f"; {base} was uploaded alone, and a file uploaded alone is known by its own name: write "
                f"{base} in contract_file, or upload a ZIP that keeps the folders" if base in alone else "")
        out[line] = f"{name} is not among the uploaded contracts{hint}"
    return out
