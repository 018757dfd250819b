"""Bounds on every input: bytes actually read, regular files only, decompression budgets for the
ZIP parts of DOCX and XLSX and the streams of a PDF, and a wall-clock budget for one check."""

from __future__ import annotations

import contextvars
import functools
import io
import os
import re
import signal
import stat
import threading
import time
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from generator.errors import ExtractError, SdpaError

MB = 1024 * 1024
MAX_UNZIPPED = 200 * MB      # total uncompressed size of the parts of a DOCX or XLSX
MAX_PART = 100 * MB          # one uncompressed part (document.xml, sharedStrings.xml, a sheet)
MAX_RATIO = 200              # a part above 10 MB may not expand more than this many times
MAX_PDF_INFLATED = 256 * MB  # every stream of one PDF (text, fonts, drawings, images), decoded
CHECK_SECONDS = 60.0         # wall-clock budget for reading and checking one document
_SPECIAL_ROOTS = ("/proc", "/sys", "/dev")


class TooComplex(ExtractError):
    """A document took longer than its wall-clock budget to read or check."""


def read_bounded(path: str | Path, max_bytes: int, what: str | None = None) -> bytes:
    """The bytes of the regular file at ``path``, at most ``max_bytes`` of them.

    The limit is on bytes actually read, not on the size the file system reports; devices,
    FIFOs, sockets, folders and files under ``/proc``, ``/sys`` or ``/dev`` are refused without
    reading (a FIFO is opened non-blocking, so it cannot hang). Raises :class:`SdpaError`
    (an :class:`ExtractError`) whose message starts with ``what`` (default: the file name).
    """
    path = Path(path)
    what = what or path.name or str(path)
    try:
        real = os.path.realpath(path)
    except (OSError, ValueError) as exc:
        raise ExtractError(f"{what}: cannot read the file ({exc})") from None
    if any(real == r or real.startswith(r + "/") for r in _SPECIAL_ROOTS):
        raise ExtractError(f"{what}: {real} is a system file, not a document")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise ExtractError(f"{what}: cannot read the file ({exc.strerror})") from None
    except ValueError as exc:  # a NUL byte in the name
        raise ExtractError(f"{what}: cannot read the file ({exc})") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a device, pipe or socket)"
            raise ExtractError(f"{what}: {kind}; give a document file")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = _read_capped(fh, max_bytes, what)
    except OSError as exc:
        raise ExtractError(f"{what}: cannot read the file ({exc.strerror})") from None
    finally:
        os.close(fd)
    return data


def _read_capped(fh: io.BufferedIOBase, max_bytes: int, what: str) -> bytes:
    chunks, total = [], 0
    while True:
        chunk = fh.read(min(1 * MB, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise ExtractError(f"{what}: the file is larger than {size_words(max_bytes)}, the limit")
    return b"".join(chunks)


def size_words(n: int) -> str:
    """``52428800`` → ``50 MB``; sizes under 1 MB in bytes."""
    return f"{n / MB:.0f} MB" if n >= MB else f"{n:,} bytes"


def read_stream_bounded(fileobj: io.BufferedIOBase, max_bytes: int, what: str) -> bytes:
    """At most ``max_bytes`` from an open binary file (an upload, standard input); raises
    :class:`ExtractError` naming ``what`` when there is more."""
    return _read_capped(fileobj, max_bytes, what)


# ---------------------------------------------------------------- ZIP packages (DOCX, XLSX)


def check_zip(data: bytes | io.BufferedIOBase, name: str, kind: str = "DOCX",
              required: str | None = None, error: type[SdpaError] = ExtractError, *,
              max_part: int = MAX_PART) -> None:
    """Refuse a ZIP package (DOCX, XLSX) that is damaged, lacks ``required``, or would expand
    beyond the budgets: ``MAX_UNZIPPED`` in all, ``max_part`` for one part, ``MAX_RATIO`` times
    for a part above 10 MB. Sizes are those the archive declares, and Python's zipfile stops
    reading a part at its declared size, so a lying header cannot inflate further. Raises
    ``error`` naming the file."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data)
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise error(f"{name}: the {kind} is damaged or truncated ({exc})") from None
    if required and required not in {i.filename for i in infos}:
        label = {"DOCX": "Word document", "XLSX": "spreadsheet"}.get(kind, kind)
        raise error(f"{name}: this ZIP file is not a {label} (no {required})")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED:
        raise error(f"{name}: the {kind} would expand to {total / MB:.0f} MB; "
                    f"the limit is {MAX_UNZIPPED / MB:.0f} MB (a ZIP bomb?)")
    for i in infos:
        if i.file_size > max_part:
            raise error(f"{name}: {i.filename} expands to {i.file_size / MB:.0f} MB; "
                        f"the limit for one part is {max_part / MB:.0f} MB")
        if i.compress_size and i.file_size / i.compress_size > MAX_RATIO and i.file_size > 10 * MB:
            raise error(f"{name}: {i.filename} expands {i.file_size // i.compress_size} times; "
                        "refused as a possible ZIP bomb")


# ---------------------------------------------------------------- PDF streams

_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+|\d+\s+\d+\s+R)")
_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")
_HEX_JUNK = re.compile(rb"[^0-9A-Fa-f]")


def check_pdf_streams(data: bytes, name: str, budget: int = MAX_PDF_INFLATED) -> None:
    """Refuse a PDF whose streams would decode beyond ``budget`` bytes in all. Every stream
    counts, whatever its dictionary says it is (a content stream may call itself an image), at
    the size its whole filter chain decodes to: Flate, ASCIIHex, ASCII85 and run-length are
    decoded stage by stage (any number of them, in any order; a stage never holds more than the
    budget left), another filter counts at its encoded size, and a filter named indirectly is
    taken as Flate when the data is zlib. The keyword ``stream`` may end its line with CR, LF or
    both. Stops as soon as the budget is spent. Raises :class:`ExtractError` naming the file."""
    total = 0
    pos = 0
    while True:
        m = _STREAM.search(data, pos)
        if m is None:
            return
        start = m.end()
        if data[max(0, m.start() - 3):m.start()] == b"end":
            pos = start  # the word "endstream" itself
            continue
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        pos = end
        head = data[max(0, m.start() - 4096):m.start()]
        head = head[head.rfind(b" obj") + 1:] if b" obj" in head else head
        total += decoded_size(data[start:end], _filters(head), budget - total)
        if total > budget:
            raise ExtractError(f"{name}: the PDF's content decodes to more than {budget / MB:.0f} MB; "
                               "refused as a possible decompression bomb")


def _filters(head: bytes) -> list[bytes]:
    """The filter names of the stream whose dictionary ends ``head`` (``?`` for an indirect one)."""
    m = _FILTER.search(head)
    if m is None:
        return []
    if m.group(1).endswith(b"R"):
        return [b"?"]
    names = _NAME.findall(m.group(1))
    return names or [b"?"]


def decoded_size(raw: bytes, filters: list[bytes], room: int) -> int:
    """Bytes ``raw`` decodes to through ``filters`` (PDF names, first applied first), counting no
    further than ``room`` + 1. Data a filter cannot decode counts as it stands."""
    data = raw
    for i, f in enumerate(filters):
        last = i == len(filters) - 1
        if f in (b"FlateDecode", b"Fl") or (f == b"?" and data[:1] == b"\x78"):
            out = _inflate(data, room, keep=not last)
        elif f in (b"ASCIIHexDecode", b"AHx"):
            out = _unhex(data)
        elif f in (b"ASCII85Decode", b"A85"):
            out = _un85(data)
        elif f in (b"RunLengthDecode", b"RL"):
            out = _unrun(data, room)
        else:
            return len(data)  # images (DCT, JPX, CCITT, JBIG2), LZW, crypt: as they stand
        if out is None:
            return len(data)
        if isinstance(out, int) or len(out) > room:
            return out if isinstance(out, int) else len(out)
        data = out
    return len(data)


def _inflate(raw: bytes, room: int, keep: bool) -> bytes | int | None:
    """``raw`` inflated (or only its size, when not ``keep``), no further than ``room`` + 1 bytes;
    None when it is not zlib data at all."""
    d = zlib.decompressobj()
    parts: list[bytes] = []
    n = 0
    buf = raw
    try:
        while buf and n <= room:
            out = d.decompress(buf, 1 * MB)
            n += len(out)
            if keep:
                parts.append(out)
            buf = d.unconsumed_tail
            if d.eof:
                break
    except zlib.error:
        if n == 0:
            return None
    return b"".join(parts) if keep else n


def _unhex(raw: bytes) -> bytes:
    digits = _HEX_JUNK.sub(b"", raw.split(b">", 1)[0])
    return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))


def _un85(raw: bytes) -> bytes | None:
    import base64

    body = raw.split(b"~>", 1)[0].removeprefix(b"<~")
    try:
        return base64.a85decode(b"".join(body.split()))
    except ValueError:
        return None


def _unrun(raw: bytes, room: int) -> bytes:
    out = bytearray()
    i = 0
    while i < len(raw) and len(out) <= room:
        n = raw[i]
        if n == 128:
            break
        if n < 128:
            out += raw[i + 1:i + 2 + n]
            i += n + 2
        else:
            out += raw[i + 1:i + 2] * (257 - n)
            i += 2
    return bytes(out)


# ---------------------------------------------------------------- time


_DEADLINE: contextvars.ContextVar[tuple[float, str, float] | None] = contextvars.ContextVar("sdpa_deadline", default=None)


def _too_complex(name: str, seconds: float) -> TooComplex:
    return TooComplex(f"{name}: this document is too complex to check within {seconds:.0f} s; "
                      "split it, or save it again as plain text or a simpler PDF")


def check_time() -> None:
    """Raise :class:`TooComplex` when the current :func:`time_budget` is spent (a no-op
    outside one). Long loops call this between steps."""
    current = _DEADLINE.get()
    if current is not None and time.monotonic() > current[0]:
        raise _too_complex(current[1], current[2])


@contextmanager
def time_budget(name: str, seconds: float | None = None, started: float | None = None) -> Iterator[None]:
    """Give the work inside the block ``seconds`` of wall-clock time (default ``CHECK_SECONDS``,
    or ``$SDPA_CHECK_SECONDS``), counted from ``started`` (a ``time.monotonic()`` reading: the
    budget of work begun elsewhere, as a file read in one box and checked in another) or from
    now; past that it raises :class:`TooComplex` naming ``name``: at the
    next :func:`check_time`, and in the main thread of a POSIX process also from a timer signal,
    which interrupts any Python loop. A budget inside another keeps the earlier deadline."""
    if seconds is None:
        try:
            seconds = float(os.environ.get("SDPA_CHECK_SECONDS") or CHECK_SECONDS)
        except ValueError:
            seconds = CHECK_SECONDS
        seconds = seconds if 0 < seconds < 3600 else CHECK_SECONDS  # nan, 0, negatives: the default
    outer = _DEADLINE.get()
    now = time.monotonic()
    deadline = (now if started is None else min(started, now)) + seconds
    if outer is not None and outer[0] <= deadline:
        yield
        return
    token = _DEADLINE.set((deadline, name, seconds))
    use_signal = (seconds > 0 and hasattr(signal, "setitimer")
                  and threading.current_thread() is threading.main_thread()
                  and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
    previous = None

    def on_alarm(signum, frame):  # noqa: ARG001
        raise _too_complex(name, seconds)

    try:  # armed inside the try: an alarm that goes off at once still meets the cleanup below
        if use_signal:
            previous = signal.signal(signal.SIGALRM, on_alarm)
            signal.setitimer(signal.ITIMER_REAL, max(deadline - now, 0.001))
        yield
    finally:
        # the one-shot alarm may go off inside this cleanup itself (Python runs a signal handler
        # at its next call): then clean up again, so neither handler nor deadline outlives the block
        while True:
            try:
                if use_signal:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                    if previous is not None:
                        signal.signal(signal.SIGALRM, previous)
                    use_signal = False
                if token is not None:
                    _DEADLINE.reset(token)
                    token = None
                break
            except TooComplex:
                continue

F = TypeVar("F", bound=Callable[..., Any])


def budgeted(fn: F) -> F:
    """Run ``fn(document, ...)`` inside a :func:`time_budget` named after ``document.name``."""
    @functools.wraps(fn)
    def wrapper(document: Any, *args: Any, **kwargs: Any) -> Any:
        with time_budget(getattr(document, "name", "document")):
            return fn(document, *args, **kwargs)

    return wrapper  # type: ignore[return-value]
