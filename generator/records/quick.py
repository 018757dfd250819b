"""The contracts list read from what the register stores, with SQLAlchemy Core alone: each
contract's status on a day and the sentence saying why, a page at a time, filtered by the
database. The app, the library and ``sdpa register list`` all list through :func:`contract_rows`;
this module imports neither the ORM nor pydantic, so that a fresh ``sdpa register list``
(:mod:`generator.cli.quick`) starts quickly.

What it reads is derived by :mod:`generator.records.status` and stored beside each contract
(table ``due_state``); :func:`stale_contracts` says which contracts' stored state is missing or
was derived by other rules, and the status module derives those again before any list.

Every query here names the board itself (``board_id = …``), whether or not the database's
row-level security also keeps the rows to it (:func:`tell_board` sets what those policies read).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date
from typing import Callable

from sqlalchemy import Date, Integer, String, Text, case, column, func, or_, select, table
from sqlalchemy.engine import Connection

from generator.records.database import RegisterError

DERIVATION = "5"  # bump when the status module's derivation changes what it gives: every stored item is derived again
PLAIN = f"rules {DERIVATION}"  # the basis of a contract whose items do not depend on the library

DEFAULT_BOARD = 1
SETTING = "sdpa.board_id"  # the PostgreSQL setting the row-level security policies read

AWAITING = "awaiting review"
CURE_PASSED = "cure date passed — counsel to decide"
CONTRACT_STATUSES = ("draft", "executed", "posted", AWAITING, "gaps found", "notice sent", CURE_PASSED, "void",
                     "amended", "ended")  # every status a contract can have

CONTRACTS = table("contracts", column("id", Integer), column("board_id", Integer), column("vendor_id", Integer),
                  column("product", String), column("title", String), column("purpose", Text),
                  column("description", Text), column("executed", Date), column("term_end", Date))
VENDORS = table("vendors", column("id", Integer), column("name", String))
STATES = table("due_state", column("contract_id", Integer), column("board_id", Integer), column("basis", String),
               column("status_base", String), column("status_cure", Date), column("why_base", Text),
               column("why_cure", Text), column("why_ended", Text))
BOARDS = table("boards", column("id", Integer))


def board_id_in_use(value: int | str | None = None) -> int:
    """The board to work for: ``value`` (``--board-id``), else ``$SDPA_BOARD_ID``, else 1.
    Raises :class:`RegisterError` unless it is a whole number from 1."""
    raw = value if value not in (None, "") else (os.environ.get("SDPA_BOARD_ID") or DEFAULT_BOARD)
    try:
        number = int(str(raw).strip())
    except ValueError:
        number = 0
    if number < 1 or number > 2**31 - 1:
        source = "--board-id" if value not in (None, "") else "SDPA_BOARD_ID"
        raise RegisterError(f"{source}: {raw!r} is not a board id (a whole number from 1; sdpa board list)")
    return number


def tell_board(connection: Connection, board_id: int) -> None:
    """Tell PostgreSQL, for the transaction under way on ``connection``, which board it works
    for (the setting the row-level security policies read); nothing on another database."""
    if connection.dialect.name == "postgresql":
        connection.execute(select(func.set_config(SETTING, str(board_id), True)))


def board_exists(connection: Connection, board_id: int) -> bool:
    """True when the register holds board ``board_id``."""
    return connection.scalar(select(BOARDS.c.id).where(BOARDS.c.id == board_id)) is not None


# ---------------------------------------------------------------- what the stored state rests on

def basis_key(a_provisions: list[str] | set[str] | frozenset[str]) -> str:
    """The basis of stored items that depend on the library: the rules (:data:`DERIVATION`) and
    which provisions the library counts as § 10-234bb(a) terms (``a_provisions``)."""
    ids = ",".join(sorted(a_provisions))
    return hashlib.sha256(f"{DERIVATION};{ids}".encode()).hexdigest()[:16]


def shipped_a_provisions() -> frozenset[str]:
    """The ids of the shipped library's § 10-234bb(a) provisions, kept in the cache folder beside
    the library's own cache, under the same key (every file the library is read from and the
    code that reads it), so that a list need not load the library to know them. Reads the
    library (:func:`generator.library.default_library`) when the cache is missing, damaged or
    switched off, and keeps its answer when it can."""
    from generator.cache import CLAUSES_DIR, cache_file, library_key, write_cache

    key = library_key(CLAUSES_DIR)
    kept = cache_file(f"a-provisions-{key}") if key else None
    if kept is not None:
        try:
            ids = json.loads(kept.read_bytes())
            if isinstance(ids, list) and all(isinstance(i, str) for i in ids):
                return frozenset(ids)
        except (OSError, ValueError):
            pass
    from generator.library import default_library

    ids = sorted(default_library().a_provisions())
    if kept is not None:
        write_cache(kept, json.dumps(ids).encode())
    return frozenset(ids)


def shipped_basis() -> str:
    """:func:`basis_key` of the shipped library."""
    return basis_key(shipped_a_provisions())


def stale_contracts(connection: Connection, board_id: int, key: Callable[[], str]) -> list[int]:
    """The ids of board ``board_id``'s contracts whose stored state is missing (new, changed
    since, restored), was derived by other rules (an older sdpa), or depends on the library and
    was derived with another one than ``key()`` gives (asked only when such a state exists)."""
    missing = (select(CONTRACTS.c.id).outerjoin(STATES, STATES.c.contract_id == CONTRACTS.c.id)
               .where(CONTRACTS.c.board_id == board_id, STATES.c.contract_id.is_(None)))
    counted = [select(func.count()).select_from(t).where(t.c.board_id == board_id).scalar_subquery()
               for t in (CONTRACTS, STATES)]
    # contracts are never deleted: as many states as contracts means none is missing
    ids = set(connection.scalars(missing)) if connection.scalar(select(counted[0] - counted[1])) else set()
    own = STATES.c.board_id == board_id
    bases = set(connection.scalars(select(STATES.c.basis).where(own, STATES.c.basis != PLAIN).distinct()))
    wanted = key() if bases else ""
    if bases - {wanted}:
        ids |= set(connection.scalars(select(STATES.c.contract_id)
                                      .where(own, STATES.c.basis != PLAIN, STATES.c.basis != wanted)))
    return sorted(ids)


# ---------------------------------------------------------------- the list

def status_column(today: date):
    """A contract's status on ``today`` as a SQL expression over its stored state."""
    return case((CONTRACTS.c.term_end < today, "ended"),
                (STATES.c.status_cure < today, CURE_PASSED), else_=STATES.c.status_base)


def why_column(today: date):
    """The sentence saying why :func:`status_column` holds on ``today``."""
    return case((CONTRACTS.c.term_end < today, STATES.c.why_ended),
                (STATES.c.status_cure < today, STATES.c.why_cure), else_=STATES.c.why_base)


def named(col, part: str):
    """``col`` contains ``part``, without case (its ``%`` and ``_`` taken literally)."""
    return func.lower(col).contains(part.strip().lower(), autoescape=True)


def unknown_statuses(statuses: list[str] | None) -> list[str]:
    """Those of ``statuses`` that are not a contract's status (:data:`CONTRACT_STATUSES`)."""
    return [x for x in statuses or [] if x not in CONTRACT_STATUSES]


@dataclass(frozen=True)
class Listed:
    """One line of the contracts list: the contract, its vendor, and its status on the day."""

    id: int
    vendor: str
    product: str
    executed: date | None
    status: str
    why: str


def contract_rows(connection: Connection, board_id: int, today: date, *, offset: int = 0,
                  limit: int | None = 50, vendor: str = "", statuses: list[str] | None = None,
                  search: str = "") -> tuple[list[Listed], int]:
    """One page of board ``board_id``'s contracts in id order, each with its stored status on
    ``today``, and how many the whole list holds: ``vendor`` keeps those whose vendor's name
    contains it, ``statuses`` those with one of these statuses, ``search`` those whose vendor,
    product, title, purpose or description contains it (all without case); ``limit`` None: all
    from ``offset``. A contract whose state is not stored (a write since :func:`stale_contracts`
    was asked) is listed with ``why`` None, and its status only when its term has ended."""
    status, why = status_column(today), why_column(today)
    where = [CONTRACTS.c.board_id == board_id]
    if vendor:
        where.append(named(VENDORS.c.name, vendor))
    if statuses:
        where.append(status.in_(statuses))
    if search:
        where.append(or_(*(named(col, search) for col in (VENDORS.c.name, CONTRACTS.c.product, CONTRACTS.c.title,
                                                          CONTRACTS.c.purpose, CONTRACTS.c.description))))
    joined = (CONTRACTS.join(VENDORS, VENDORS.c.id == CONTRACTS.c.vendor_id)
              .outerjoin(STATES, STATES.c.contract_id == CONTRACTS.c.id))
    total = connection.scalar(select(func.count()).select_from(joined).where(*where)) or 0
    page = (select(CONTRACTS.c.id, VENDORS.c.name, CONTRACTS.c.product, CONTRACTS.c.executed, status, why)
            .select_from(joined).where(*where).order_by(CONTRACTS.c.id).offset(offset))
    rows = connection.execute(page.limit(limit) if limit is not None else page)
    return [Listed(*r) for r in rows], total


def status_counts(connection: Connection, board_id: int, today: date) -> dict[str, int]:
    """How many of board ``board_id``'s contracts have each status on ``today``."""
    col = status_column(today)
    q = (select(col, func.count()).select_from(CONTRACTS.join(STATES, STATES.c.contract_id == CONTRACTS.c.id))
         .where(CONTRACTS.c.board_id == board_id).group_by(col))
    return {k: n for k, n in connection.execute(q)}

