"""A contract file read and checked as one piece of work, under one time budget, so reading and
checking together never take longer than the box's wall clock: one task in one box, or, where
boxes are forked from this process (the ``sdpa`` command), the reading in a box of its own,
started before the check's modules are imported here, while a second box gets the check ready
(its patterns compiled from the library alone) and then checks the text the first one read."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import LibraryError, SdpaError
from generator.reading.extract import MAX_BYTES, read_data
from generator.reading.limits import read_bounded, time_budget
from generator.reading.sandbox import Pending, forks_boxes, run_boxed, start_boxed

if TYPE_CHECKING:
    from generator.findings import GapReport
    from generator.models import Library


def check_file(source: str | Path | bytes, library: Library | None = None, *, name: str | None = None,
               max_bytes: int = MAX_BYTES) -> GapReport:
    """Read the contract at ``source`` (a path, or the file's bytes named ``name``) and check it
    against ``library``, with one budget for both (``SDPA_BOX_WALL_SECONDS``, 20 s).

    Returns the :class:`GapReport`, as ``check_contract(read_document(source))`` would. Raises
    :class:`ExtractError` naming the file when it cannot be read, and :class:`TooComplex` when
    reading and checking it together pass the box's memory, CPU or wall-clock limit.
    """
    with start_check(source, name=name, max_bytes=max_bytes) as checking:
        return checking.finish(library)


class FileCheck:
    """A file's check under way (see :func:`start_check`): ``finish(library)`` gives its
    report; leaving a ``with`` block unfinished ends a reading still running."""

    def __init__(self, data: bytes, name: str, max_bytes: int) -> None:
        self.data, self.name, self.max_bytes = data, name, max_bytes
        self.started = time.monotonic()
        self.reading: Pending | None = None
        if forks_boxes():  # read in a box forked now, before the check's modules are imported here
            self.reading = start_boxed(read_data, data, name, max_bytes, what=name)

    def finish(self, library: Library | None = None) -> GapReport:
        """The file's :class:`GapReport` against ``library`` (default: the shipped one). Raises
        as :func:`check_file` does."""
        if self.reading is None:
            return _again_if_changed(lambda lib: run_boxed(read_and_check, self.data, self.name, lib, self.max_bytes,
                                                           what=self.name), library)
        from generator.library import default_library

        library = library or default_library()
        reading, self.reading = self.reading, None
        # a second box, forked now, gets the check ready while the first one reads; the check then
        # runs in it (its own memory, not pages shared with this process and copied as touched)
        preparing = start_boxed(get_ready, for_box(library), what=self.name, keep=True)
        try:
            document = reading.result()
            preparing.result()
        except BaseException:
            reading.cancel()
            preparing.cancel()
            raise
        return _again_if_changed(lambda lib: run_boxed(check_read, document, lib, self.started, what=self.name,
                                                       started=self.started), library)

    def cancel(self) -> None:
        """End the reading if it is still running (nothing otherwise)."""
        if self.reading is not None:
            self.reading.cancel()
            self.reading = None

    def __enter__(self) -> FileCheck:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cancel()


def start_check(source: str | Path | bytes, *, name: str | None = None, max_bytes: int = MAX_BYTES) -> FileCheck:
    """Start checking the contract at ``source`` (a path, or the file's bytes named ``name``):
    where boxes are forked from this process, its reading starts at once in a box of its own, and
    the caller may load the clause library meanwhile. Returns the :class:`FileCheck`. Raises
    :class:`ExtractError` naming the file when it cannot be opened or is too large."""
    if isinstance(source, (bytes, bytearray)):
        data, name = bytes(source), name or "document"
    else:
        name = name or Path(source).name
        data = read_bounded(source, max_bytes, name)
    return FileCheck(data, name, max_bytes)


def read_and_check(data: bytes, name: str, library: Library | Shipped | None,
                   max_bytes: int = MAX_BYTES) -> GapReport:
    """:func:`check_file`'s work on the file's bytes, in this process, under one time budget
    for both steps (``check_file`` runs it in a box). Raises as :func:`check_file` does, and
    :class:`LibraryChanged` when ``library`` is a :class:`Shipped` this process's shipped
    library is not."""
    from generator.checking.analysis import check_contract

    with time_budget(name):
        return check_contract(read_data(data, name, max_bytes), library_here(library))


def check_read(document, library: Library | Shipped, started: float) -> GapReport:
    """``check_contract(document, library)`` in this process, within the budget that began at
    ``started`` (a ``time.monotonic()`` reading: when the file's reading began, in another box).
    Raises :class:`TooComplex` when that budget is spent, and :class:`LibraryChanged` as
    :func:`read_and_check` does."""
    from generator.checking.analysis import check_contract

    with time_budget(document.name, started=started):
        return check_contract(document, library_here(library))


def get_ready(library: Library | Shipped) -> None:
    """:func:`ready_check` for a box: what it compiles stays there for the check that follows.
    Nothing when the box's shipped library is not the one named (the check is then sent it)."""
    try:
        ready_check(library_here(library))
    except LibraryChanged:
        pass


@dataclass(frozen=True)
class Shipped:
    """The shipped clause library named rather than sent: a box has it already (forked after it
    was loaded) or loads it once and keeps it, where pickling the library for every task and
    unpickling it in the box took about 2 ms of each check. ``source_key`` is the library's
    ``library_key`` as the sender loaded it: a hash of every file it was read from and of the
    code that read them."""

    source_key: str


class LibraryChanged(SdpaError):
    """A box's shipped library is not the sender's (a file of ``clauses/`` changed between their
    loads, or the box could not load it): the sender sends its own library instead."""


def for_box(library: Library) -> Library | Shipped:
    """What to send a box for ``library``: a :class:`Shipped` when it is this process's shipped
    library, as loaded from its files (this process never changes it), else the library itself."""
    from generator.library import default_library

    try:
        shipped = default_library()
    except LibraryError:  # a library of one's own, the shipped one broken: send it
        return library
    return Shipped(library.source_key) if library is shipped and library.source_key else library


def library_here(library: Library | Shipped | None) -> Library | None:
    """The library a task was sent (see :func:`for_box`): for a :class:`Shipped`, this process's
    shipped library when it was read from the same files by the same code. Raises
    :class:`LibraryChanged` when it was not, or cannot be loaded here."""
    if not isinstance(library, Shipped):
        return library
    from generator.library import default_library

    try:
        here = default_library()
    except LibraryError:  # broken on disk since the sender loaded it: the sender's is whole
        raise LibraryChanged(library.source_key) from None
    if here.source_key != library.source_key:
        raise LibraryChanged(library.source_key)
    return here


def _again_if_changed(task: Callable[[Library | Shipped | None], GapReport], library: Library | None) -> GapReport:
    """``task(for_box(library))``, and ``task(library)`` itself when the box's shipped library is
    not this process's."""
    try:
        return task(for_box(library) if library is not None else None)
    except LibraryChanged:
        return task(library)


def ready_check(library: Library | None = None) -> Library:
    """Compile in this process what a check of any document needs from ``library`` (default: the
    shipped one): its patterns behind their filter and its lists of ``ignore``, ``definitions``
    and ``duties`` patterns, from the library alone, no document read. A box forked afterwards
    starts with them. Returns the library. Raises :class:`LibraryError` when the shipped library
    cannot be loaded."""
    from generator.checking.analysis import library_patterns
    from generator.checking.engine import any_of, pattern_set
    from generator.library import default_library

    library = library or default_library()
    pattern_set(library_patterns(library))
    for patterns in (library.ignore, library.definitions, library.duties):
        any_of(tuple(patterns))
    return library
