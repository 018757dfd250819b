"""A contract file read and checked as one piece of work: one task in one box, under one time
budget, so reading and checking together never take longer than the box's wall clock."""

from __future__ import annotations

from pathlib import Path

from generator.checking.analysis import check_contract
from generator.findings import GapReport
from generator.models import Library
from generator.reading.extract import MAX_BYTES, read_data
from generator.reading.limits import read_bounded, time_budget
from generator.reading.sandbox import run_boxed


def check_file(source: str | Path | bytes, library: Library | None = None, *, name: str | None = None,
               max_bytes: int = MAX_BYTES) -> GapReport:
    """Read the contract at ``source`` (a path, or the file's bytes named ``name``) and check it
    against ``library``, both in one box task with one budget (``SDPA_BOX_WALL_SECONDS``, 20 s).

    Returns the :class:`GapReport`, as ``check_contract(read_document(source))`` would. Raises
    :class:`ExtractError` naming the file when it cannot be read, and :class:`TooComplex` when
    reading and checking it together pass the box's memory, CPU or wall-clock limit.
    """
    if isinstance(source, (bytes, bytearray)):
        data, name = bytes(source), name or "document"
    else:
        name = name or Path(source).name
        data = read_bounded(source, max_bytes, name)
    return run_boxed(read_and_check, data, name, library, max_bytes, what=name)


def read_and_check(data: bytes, name: str, library: Library | None, max_bytes: int = MAX_BYTES) -> GapReport:
    """:func:`check_file`'s work on the file's bytes, in this process, under one time budget
    for both steps (``check_file`` runs it in a box). Raises as :func:`check_file` does."""
    with time_budget(name):
        return check_contract(read_data(data, name, max_bytes), library)
