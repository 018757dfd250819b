"""Opening the register's database: its URL, SQLite's pragmas and transactions, and the schema
migrations, run under a lock so many processes can open a new register at once."""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from generator.errors import SdpaError

if TYPE_CHECKING:
    from generator.models import Board


class RegisterError(SdpaError):
    """The register cannot be opened, or a record asked for does not exist or is invalid."""


def database_url(board: Board | None = None, url: str | None = None) -> str:
    """The register's URL: ``url``, else ``$SDPA_DATABASE_URL``, else the board profile's
    ``database`` (a SQLite path or a URL), else ``sdpa-register.sqlite3``."""
    value = url or os.environ.get("SDPA_DATABASE_URL") or (board.database if board else "") or "sdpa-register.sqlite3"
    return value if "://" in value else f"sqlite:///{Path(value).expanduser()}"


def existing_register(url: str | None = None) -> str | None:
    """The URL of the register at ``url`` (else the default, as :func:`database_url` chooses it),
    or None for a SQLite register whose file does not exist yet (it is not created here) or
    whose URL is malformed (opening it says so)."""
    from sqlalchemy.engine import make_url

    found = database_url(None, url)
    if found.startswith("sqlite"):
        try:
            name = make_url(found).database
        except Exception:  # noqa: BLE001 - a malformed URL is reported when the register opens
            return None
        if not name or name == ":memory:" or not Path(name).is_file():
            return None
    return found


_MIGRATE_LOCK = threading.Lock()  # Alembic's context is global: one migration at a time


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """Hold the register's migration lock across processes: a file lock beside a SQLite file,
    ``pg_advisory_lock`` on PostgreSQL (and this process's own lock in every case)."""
    with _MIGRATE_LOCK:
        if engine.dialect.name == "postgresql":
            from sqlalchemy import text

            with engine.connect() as conn:
                conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_LOCK_KEY})
                try:
                    yield
                finally:
                    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_LOCK_KEY})
                    conn.commit()
            return
        db = engine.url.database
        try:
            import fcntl
        except ImportError:  # Windows: SQLite's own locking is all there is
            fcntl = None
        if not db or db == ":memory:" or fcntl is None:
            yield
            return
        fd = os.open(f"{db}.lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)


_PG_LOCK_KEY = 0x5D9A_0001  # sdpa's advisory lock number for migrations


MIGRATIONS = Path(__file__).parent / "migrations"


@lru_cache(maxsize=1)  # the files do not change while sdpa runs; the app opens a register on every rerun
def head_revision() -> str:
    """The newest migration's revision, read from the migration files themselves (the one no
    other revises) without importing Alembic, so opening a register that is already up to date
    stays quick. Raises :class:`RegisterError` when the files do not form one chain."""
    import re

    revisions, revised = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict(re.findall(r'^(revision|down_revision) = "([^"]+)"', path.read_text(encoding="utf-8"), re.M))
        revisions.add(found.get("revision"))
        revised.add(found.get("down_revision"))
    heads = revisions - revised - {None}
    if len(heads) != 1:
        raise RegisterError(f"the register's migrations do not form one chain (heads: {sorted(heads)})")
    return heads.pop()


def _migrate(engine: Engine) -> None:
    """Bring the schema to Alembic's head; a database already there is left alone (Alembic is
    imported only when there is something to do). Many processes may open a new register at
    once: one migrates, under the lock, the others wait."""
    from sqlalchemy import inspect, text

    head = head_revision()

    def current() -> str | None:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    if current() == head:
        return
    with _migration_lock(engine):
        if current() == head:  # another thread or process migrated while this one waited
            return
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with engine.connect() as conn:
            sqlite = engine.dialect.name == "sqlite"
            if sqlite:  # a table rebuilt by a migration is dropped and renamed: references wait
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
            try:
                with conn.begin():
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
                    if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                        raise RegisterError("the migration would leave a record pointing at nothing; "
                                            "nothing was changed")
            finally:
                if sqlite:
                    conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")


def _wal(cur) -> None:
    """Put a SQLite database in WAL mode (kept in the file, so usually already done). Switching
    fails at once, without waiting, while another connection writes: retry for a while."""
    import sqlite3
    import time

    for _ in range(200):
        cur.execute("PRAGMA journal_mode")
        if cur.fetchone()[0].lower() in ("wal", "memory"):  # an in-memory database has no WAL
            return
        try:
            cur.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:
            time.sleep(0.05)
    raise RegisterError("the SQLite register stayed locked; is another program writing to it?")


def open_register(url: str) -> Engine:
    """Connect to the register at ``url`` and bring its schema up to date (Alembic).

    Raises :class:`RegisterError` when the database cannot be reached or migrated.
    """
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": 30})

            @event.listens_for(engine, "connect")
            def _pragmas(dbapi, _):  # WAL: readers and a writer at once; FKs enforced
                dbapi.isolation_level = None  # sdpa says BEGIN itself (below), for every statement
                cur = dbapi.cursor()
                cur.execute("PRAGMA foreign_keys=ON")
                _wal(cur)
                cur.close()

            @event.listens_for(engine, "begin")
            def _begin(conn):
                # a write takes the lock up front (IMMEDIATE), so it waits its turn instead of
                # failing on a stale snapshot; a read (``Register.snapshot``) is one snapshot
                deferred = conn.get_execution_options().get("sdpa_snapshot")
                conn.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")
        else:
            engine = create_engine(url, pool_pre_ping=True)
        try:
            _migrate(engine)
        except BaseException:
            engine.dispose()
            raise
        return engine
    except SQLAlchemyError as exc:
        raise RegisterError(f"cannot open the register at {_redact(url)}: {str(exc).splitlines()[0]}") from None


def snapshot_options(engine: Engine) -> dict:
    """The execution options that make one transaction on ``engine`` a read of one consistent
    state of the register: SQLite's deferred ``BEGIN`` (in WAL mode, it never waits for a
    writer), PostgreSQL's ``REPEATABLE READ``."""
    return {"isolation_level": "REPEATABLE READ"} if engine.dialect.name == "postgresql" else {"sdpa_snapshot": True}


def _redact(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001
        return "the configured URL"
