"""The box: reading, checking and redlining a vendor's file in a child process with an
address-space, a CPU-time and a wall-clock limit, so a file that would crash a parser or eat the
machine costs one line of error, never the server or the batch."""

from __future__ import annotations

import atexit
import contextlib
import contextvars
import functools
import gc
import json
import logging
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from importlib import import_module
from multiprocessing.connection import Connection
from typing import Any, Callable, Iterator, TypeVar

from generator.errors import ExtractError
from generator.reading.limits import TooComplex, time_budget

MB = 1024 * 1024
BOX_MEMORY_MB = 1536      # address space of one box process (RLIMIT_AS), interpreter included
BOX_CPU_SECONDS = 20      # CPU seconds one task may use (RLIMIT_CPU); never more than its wall clock
BOX_WALL_SECONDS = 20     # wall-clock seconds one task may take, box start included, before its box is killed
STOP_MARGIN = 3           # the work in the box stops itself this much sooner, with its own line, keeping the box
BOX_WORKERS = 2           # box processes per server or batch worker; further tasks wait their turn
BOX_RETIRE_MB = 400       # a box whose resident memory grew past this is replaced after its task
_ENV = {"memory": ("SDPA_BOX_MEMORY_MB", BOX_MEMORY_MB), "cpu": ("SDPA_BOX_CPU_SECONDS", BOX_CPU_SECONDS),
        "wall": ("SDPA_BOX_WALL_SECONDS", BOX_WALL_SECONDS), "workers": ("SDPA_BOX_WORKERS", BOX_WORKERS)}

F = TypeVar("F", bound=Callable[..., Any])


def box_limit(which: str) -> int:
    """The limit ``which`` (``memory`` in MB, ``cpu`` and ``wall`` in seconds, ``workers``):
    ``$SDPA_BOX_<WHICH>...`` when it is a positive whole number, else the constant above."""
    var, default = _ENV[which]
    try:
        value = int(os.environ.get(var) or default)
    except ValueError:
        return default
    return value if value > 0 else default


def box_enabled() -> bool:
    """Whether work goes to a box: not inside one already, not inside :func:`unboxed`, not with
    ``$SDPA_BOX=off``, and only where the operating system has resource limits (POSIX)."""
    return (not _INSIDE and not _UNBOXED.get() and os.environ.get("SDPA_BOX", "").lower() not in ("off", "0", "no")
            and _HAS_RESOURCE)


try:
    import resource  # noqa: F401 - POSIX only
    _HAS_RESOURCE = True
except ImportError:  # pragma: no cover - Windows: no box, the in-process budgets only
    _HAS_RESOURCE = False

_INSIDE = False  # true in a box process
_UNBOXED: contextvars.ContextVar[bool] = contextvars.ContextVar("sdpa_unboxed", default=False)


@contextmanager
def unboxed() -> Iterator[None]:
    """Run boxed calls made inside the block in this process (tests that replace a function
    the box would not see; the box's limits do not apply)."""
    token = _UNBOXED.set(True)
    try:
        yield
    finally:
        _UNBOXED.reset(token)


def boxed(fn: F) -> F:
    """Decorate ``fn(first, ...)`` so that each call runs in a box (see :func:`run_boxed`); the
    error names ``first.name`` or ``first``'s ``name`` keyword, else "document"."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not box_enabled():
            return fn(*args, **kwargs)
        name = kwargs.get("name") or getattr(args[0] if args else None, "name", None) or "document"
        return run_boxed(wrapper, *args, what=str(name), **kwargs)

    return wrapper  # type: ignore[return-value]


def run_boxed(fn: Callable[..., Any], *args: Any, what: str = "document", started: float | None = None,
              **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)`` run in a box process, its result or its error returned or raised
    here. ``fn`` must be a module-level function (or a :func:`boxed` one). ``started`` (a
    ``time.monotonic()`` reading) counts the box's wall clock from then rather than from now: a
    file read in one box and checked in another spends one budget. Raises :class:`TooComplex`
    naming ``what`` when the task passes its memory, CPU or wall-clock limit,
    :class:`ExtractError` ("could not be read") when the box process dies otherwise; the box is
    then replaced. Without a box (see :func:`box_enabled`), calls ``fn`` here."""
    if not box_enabled():
        return fn(*args, **kwargs)
    return _pool().run(fn, args, kwargs, what, started)


def forks_boxes() -> bool:
    """Whether a box started now would be a fork of this process (see :func:`fork_boxes`):
    then what this process compiles before a box starts is in the box at no cost."""
    return box_enabled() and _FORK and _may_fork()


class Pending:
    """A task started in a box of its own by :func:`start_boxed`, its answer not yet read."""

    def __init__(self, pool: "_Pool | None", box: "_Box | None", what: str, start: float,
                 outcome: tuple[str, Any] = ("", None), keep: bool = False) -> None:
        self._pool, self._box, self._what, self._start, self._outcome, self._keep = pool, box, what, start, outcome, keep

    def result(self) -> Any:
        """The task's result, or its error raised here, as :func:`run_boxed` gives them; its box
        ends (or, started with ``keep``, waits for the next task). Raises as :func:`run_boxed` does."""
        if self._box is not None:
            box, self._box = self._box, None
            try:
                self._outcome = self._pool._answer(box, self._what, self._start, keep=self._keep)
            finally:
                self._pool.slots.release()
        kind, value = self._outcome
        if kind == "ok":
            return value
        raise value

    def cancel(self) -> None:
        """End the task's box without its answer (nothing to do when it has been read)."""
        if self._box is not None:
            box, self._box = self._box, None
            box.close()
            self._pool.slots.release()


def start_boxed(fn: Callable[..., Any], *args: Any, what: str = "document", keep: bool = False,
                **kwargs: Any) -> Pending:
    """Start ``fn(*args, **kwargs)`` in a box of its own, started now and ended after the task
    (``keep``: kept for the next task, which takes the box last kept; and when no box is free at
    once, ``fn`` runs here rather than wait), and return at once: this process goes on while the
    box runs; the :class:`Pending`'s ``result()`` gives what :func:`run_boxed` would have, and
    ``cancel()`` ends the box. Without a box, or when the arguments cannot be sent to one, ``fn``
    runs here at once. Raises nothing itself: the task's errors come from ``result()``."""
    start = time.monotonic()
    if box_enabled():
        started = _pool().start(fn, args, kwargs, what, keep)
        if started is not None:
            return started
    try:
        with unboxed():
            return Pending(None, None, what, start, ("ok", fn(*args, **kwargs)))
    except Exception as exc:  # noqa: BLE001 - given back by result(), as a box's error is
        return Pending(None, None, what, start, ("err", exc))


# ---------------------------------------------------------------- the parent's side


class _Box:
    """One box process and the two pipe ends the parent talks to it through."""

    def __init__(self) -> None:
        if _FORK and _may_fork():
            self._fork()
            return
        paths = json.dumps([p for p in sys.path if p])
        code = ("import json, sys; sys.path[:0] = json.loads(sys.argv[1]); "
                "from generator.reading.sandbox import serve; serve(int(sys.argv[2]))")
        self.proc = subprocess.Popen([sys.executable, "-c", code, paths, str(box_limit("memory") * MB)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     close_fds=True)
        self.send = Connection(os.dup(self.proc.stdin.fileno()), readable=False)
        self.recv = Connection(os.dup(self.proc.stdout.fileno()), writable=False)
        self.proc.stdin.close()
        self.proc.stdout.close()

    def _fork(self) -> None:
        """The box as a copy of this process (see :func:`fork_boxes`): what is imported here is
        imported there, so no second interpreter starts and imports it all again."""
        from_parent, to_box = os.pipe()  # (read end, write end)
        from_box, to_parent = os.pipe()
        freeze = not gc.get_freeze_count()  # the box's collections leave what it was forked with alone
        if freeze:
            gc.freeze()
        pid = os.fork()
        if pid and freeze:
            gc.unfreeze()  # this process collects as before
        elif not pid:  # the box: only its two pipe ends stay open; its errors go nowhere, as a started box's
            try:
                os.dup2(from_parent, 0)
                os.dup2(to_parent, 1)
                os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
                os.closerange(3, _max_fd())
                serve(box_limit("memory") * MB)
            finally:
                os._exit(0)  # never the parent's atexit handlers, nor its buffered output
        os.close(from_parent)
        os.close(to_parent)
        self.proc = _Forked(pid)
        self.send = Connection(to_box, readable=False)
        self.recv = Connection(from_box, writable=False)

    def close(self) -> None:
        """Stop the process (at once) and close the pipes."""
        try:
            self.proc.kill()
        except OSError:
            pass
        self.proc.wait()
        self.send.close()
        self.recv.close()


_FORK = False  # set by fork_boxes(): boxes are forked from this process


def fork_boxes() -> None:
    """Let boxes be forked from this process rather than started as new interpreters, where it
    is safe: a POSIX system, no other thread running (a fork copies one thread and every lock
    as it was) and this process using under half of a box's address space. The ``sdpa``
    command calls it: a fresh process checking one file does not pay for a second start."""
    global _FORK
    _FORK = hasattr(os, "fork")


def _may_fork() -> bool:
    return threading.active_count() == 1 and _address_space_mb() * 2 < box_limit("memory")


def _address_space_mb() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE") // MB
    except (OSError, ValueError, IndexError):
        return 1 << 30  # unknown: not small enough to fork


def _max_fd() -> int:
    try:
        return os.sysconf("SC_OPEN_MAX")
    except (OSError, ValueError):
        return 4096


class _Forked:
    """A forked box process, answering as :class:`subprocess.Popen` does to what the pool asks."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def kill(self) -> None:
        if self.returncode is None:
            os.kill(self.pid, signal.SIGKILL)

    def wait(self, timeout: float | None = None) -> int:
        """The exit code (minus the signal when killed by one); raises
        :class:`subprocess.TimeoutExpired` past ``timeout`` seconds."""
        end, pause = None if timeout is None else time.monotonic() + timeout, 0.0005  # look again soon, then less often
        while self.returncode is None:
            pid, status = os.waitpid(self.pid, 0 if end is None else os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
            elif time.monotonic() > end:
                raise subprocess.TimeoutExpired(f"box {self.pid}", timeout)
            else:
                time.sleep(pause)
                pause = min(pause * 2, 0.01)
        return self.returncode


class _Pool:
    """Up to ``workers`` boxes, kept between tasks and replaced after a crash or a limit."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.idle: list[_Box] = []
        self.lock = threading.Lock()
        self.slots = threading.BoundedSemaphore(box_limit("workers"))

    def run(self, fn: Callable[..., Any], args: tuple, kwargs: dict, what: str, started: float | None = None) -> Any:
        call = self._call(fn, args, kwargs, what)
        if call is None:
            with unboxed():
                return fn(*args, **kwargs)
        with self.slots:  # the time waiting for a turn is not the file's: its clock starts below
            start = time.monotonic() if started is None else started
            with self.lock:
                box = self.idle.pop() if self.idle else None
            box = self._send(box or _Box(), fn, call, what, start)
            kind, value = self._answer(box, what, start, keep=True)
        if kind == "ok":
            return value
        raise value

    def start(self, fn: Callable[..., Any], args: tuple, kwargs: dict, what: str, keep: bool) -> "Pending | None":
        """``fn``'s task sent to a new box (see :func:`start_boxed`); None when its arguments
        cannot be sent to a box, or with ``keep`` when no box is free at once."""
        call = self._call(fn, args, kwargs, what)
        if call is None or not self.slots.acquire(blocking=not keep):
            return None
        try:
            start = time.monotonic()
            with self.lock:  # a box to keep: one kept from before if there is one, so none piles up
                box = self.idle.pop() if keep and self.idle else None
            return Pending(self, self._send(box or _Box(), fn, call, what, start), what, start, keep=keep)
        except BaseException:
            self.slots.release()
            raise

    @staticmethod
    def _call(fn: Callable[..., Any], args: tuple, kwargs: dict, what: str) -> bytes | None:
        try:
            return pickle.dumps((args, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):  # not for a box: run here, and say so
            logging.getLogger("sdpa.box").warning("%s: its arguments cannot be sent to the box; it runs "
                                                  "in this process, without the box's limits", what)
            return None

    def _send(self, box: _Box, fn: Callable[..., Any], call: bytes, what: str, start: float) -> _Box:
        """Send the task to ``box`` (closed when that fails, and the error raised)."""
        env = {k: v for k, v in os.environ.items() if k.startswith("SDPA_")}
        wall = box_limit("wall")
        stop = start + _stop_after(wall)  # CLOCK_MONOTONIC: the same clock in the box
        task = (fn.__module__, fn.__qualname__, call, env, min(box_limit("cpu"), wall), stop, what)
        try:
            box.send.send_bytes(pickle.dumps(task, protocol=pickle.HIGHEST_PROTOCOL))
        except (EOFError, OSError):
            error = _died(box, what)
            box.close()
            raise error from None
        except BaseException:
            box.close()
            raise
        return box

    def _answer(self, box: _Box, what: str, start: float, keep: bool) -> tuple[str, Any]:
        """The task's outcome read from ``box``; the box kept for the next task when ``keep``
        and it is fit for one, else closed."""
        kept = False
        try:
            kind, value, retire = self._exchange(box, what, start + box_limit("wall"))
            kept = keep and not retire
        finally:
            if kept:
                with self.lock:
                    self.idle.append(box)
            else:
                box.close()
        return kind, value

    def close(self) -> None:
        """End the idle boxes: each sees its pipe close and exits."""
        with self.lock:
            idle, self.idle = self.idle, []
        for box in idle:
            box.send.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                box.proc.wait(timeout=2)
            box.close()

    def _exchange(self, box: _Box, what: str, end: float) -> tuple[str, Any, bool]:
        try:
            if not box.recv.poll(max(0.0, end - time.monotonic())):
                raise _too_complex(what, f"took longer than {box_limit('wall')} s")
            answer = box.recv.recv_bytes()
        except (EOFError, OSError):
            raise _died(box, what) from None
        try:
            kind, value, retire = pickle.loads(answer)
        except Exception as exc:  # noqa: BLE001 - an error class that does not unpickle
            return "err", ExtractError(f"{what}: the file could not be read ({type(exc).__name__})"), True
        if kind == "memory":
            raise _too_complex(what, f"needs more than {box_limit('memory')} MB of memory")
        return kind, value, retire


def _stop_after(wall: int) -> float:
    """Seconds the work in a box gets before it stops itself: ``STOP_MARGIN`` short of the wall
    clock (at least four fifths of it), so that a Python loop ends with its own line and the box
    is kept; only a loop in C that ignores the alarm meets the wall clock and a killed box."""
    return max(wall - STOP_MARGIN, wall * 0.8)


def _too_complex(what: str, why: str) -> TooComplex:
    return TooComplex(f"{what}: this document is too complex to read and check: it {why}; split it, "
                      "or save it again as plain text or a simpler PDF")


def _died(box: _Box, what: str) -> ExtractError:
    try:
        code = box.proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        code = None
    if code is not None and code < 0 and -code in (signal.SIGXCPU, signal.SIGKILL):
        cpu = min(box_limit("cpu"), box_limit("wall"))
        return _too_complex(what, f"needs more than {cpu} s of computing")
    if code is not None and code < 0:
        try:
            cause = f"signal {signal.Signals(-code).name}"
        except ValueError:
            cause = f"signal {-code}"
    else:
        cause = f"exit {code}"
    return ExtractError(f"{what}: the file could not be read: its reader stopped ({cause}), as it does when a "
                        f"file is damaged or needs more than {box_limit('memory')} MB of memory")


_POOL: _Pool | None = None
_POOL_LOCK = threading.Lock()


@atexit.register
def close_boxes() -> None:
    """End this process's idle boxes, as at its exit (each sees its pipe close and exits)."""
    if _POOL is not None and _POOL.pid == os.getpid():
        _POOL.close()


def _pool() -> _Pool:
    global _POOL
    with _POOL_LOCK:
        if _POOL is None or _POOL.pid != os.getpid():  # a forked child never uses its parent's boxes
            _POOL = _Pool()
        return _POOL


# ---------------------------------------------------------------- the box's side


def serve(memory: int) -> None:
    """The box process's loop: limit this process's address space to ``memory`` bytes and its
    core dumps to none, then run each task read from standard input and write its outcome
    (``ok`` and the result, ``err`` and the error, or ``memory``) to standard output, until the
    parent closes the pipe. A task that ran out of memory ends the process after its answer."""
    import resource

    global _INSIDE
    _INSIDE = True
    inbox, outbox = Connection(os.dup(0), writable=False), Connection(os.dup(1), readable=False)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)  # a library that prints cannot break the answers
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    while True:
        try:
            payload = inbox.recv_bytes()
        except (EOFError, OSError):
            return
        answer, end = _run_task(payload)
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - an error that cannot be pickled: say what it was
            data = pickle.dumps(("err", RuntimeError(f"{type(exc).__name__}: {exc}"), True))
        outbox.send_bytes(data)
        if end:
            return


def _run_task(payload: bytes) -> tuple[tuple[str, Any, bool], bool]:
    import resource

    try:
        module, qualname, call, env, cpu, stop, what = pickle.loads(payload)
        args, kwargs = pickle.loads(call)
        os.environ.update(env)
        for gone in [k for k in os.environ if k.startswith("SDPA_") and k not in env]:
            del os.environ[gone]
        used = resource.getrusage(resource.RUSAGE_SELF)
        soft = int(used.ru_utime + used.ru_stime) + cpu
        resource.setrlimit(resource.RLIMIT_CPU, (soft, resource.RLIM_INFINITY))
        fn: Any = import_module(module)
        for part in qualname.split("."):
            fn = getattr(fn, part)
        # one budget for everything the task does (reading, checking, redlining): the budgets
        # inside keep this earlier deadline, so its steps never add up past the wall clock
        with time_budget(what, max(0.1, stop - time.monotonic())):
            result: tuple[str, Any] = ("ok", fn(*args, **kwargs))
    except MemoryError:
        return ("memory", None, True), True
    except BaseException as exc:  # noqa: BLE001 - every error goes back to the caller
        result = ("err", exc)
    return (*result, _resident_mb() > BOX_RETIRE_MB), False


def _resident_mb() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // MB
    except (OSError, ValueError, IndexError):
        return 0

