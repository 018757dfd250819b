"""Boards as tenants: the one place that decides which board a session works for.

Every session the register opens is scoped to one board with :func:`board_scope`:

- on PostgreSQL each transaction starts with ``set_config('sdpa.board_id', …, true)`` (a setting
  local to the transaction), and the row-level security policies of migration 0006 keep every
  board-owned table to that board's rows, even for a query that forgets a filter;
- where the database does not enforce it (SQLite; a PostgreSQL role that bypasses row-level
  security), every ORM query of a board-owned table gets ``board_id = <board>`` added here;
- everywhere, a new row takes the session's board, and a row of another board is refused
  before it is written.

A register with one board works as before: the board is 1 unless ``--board-id`` or
``SDPA_BOARD_ID`` names another.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import event, func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from generator.records.database import RegisterError
from generator.records.quick import DEFAULT_BOARD, SETTING, board_id_in_use, tell_board  # noqa: F401 - importable from here too
from generator.records.tables import BoardOwned, BoardRow

BOARD_COLUMN = "board_id"
_BOARD, _FILTER = "sdpa_board", "sdpa_filter"  # keys of Session.info


def database_enforces(engine: Engine) -> bool:
    """True when the database itself keeps each board to its rows: PostgreSQL with row-level
    security forced on the register's tables and a role that does not bypass it (a superuser
    always does). Never raises: a database it cannot ask is treated as not enforcing."""
    if engine.dialect.name != "postgresql":
        return False
    try:
        with engine.connect() as conn:
            bypass = conn.scalar(text("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"))
            forced = conn.scalar(text("SELECT relrowsecurity AND relforcerowsecurity FROM pg_class "
                                      "WHERE oid = to_regclass('contracts')"))
    except Exception:  # noqa: BLE001 - then the application filters, which is always safe
        return False
    return bool(forced) and not bypass


def board_scope(session: Session, board_id: int, *, database_filters: bool = False) -> Session:
    """Scope ``session`` to board ``board_id`` and return it: each transaction tells PostgreSQL
    the board, new rows belong to it, and unless ``database_filters`` (row-level security
    enforced, :func:`database_enforces`) every ORM query of a board-owned table is filtered to
    it here."""
    session.info[_BOARD] = int(board_id)
    session.info[_FILTER] = not database_filters
    return session


def session_board(session: Session) -> int | None:
    """The board ``session`` is scoped to, or ``None`` when it is not scoped."""
    return session.info.get(_BOARD)


@event.listens_for(Session, "after_begin")
def _tell_database(session: Session, transaction, connection) -> None:
    board = session.info.get(_BOARD)
    if board is not None:
        tell_board(connection, board)


@event.listens_for(Session, "do_orm_execute")
def _filter(state: ORMExecuteState) -> None:
    board = state.session.info.get(_BOARD)
    if board is None or not state.session.info.get(_FILTER):
        return
    if state.is_select or state.is_update or state.is_delete:
        state.statement = state.statement.options(
            with_loader_criteria(BoardOwned, lambda cls: cls.board_id == board, include_aliases=True))


def refuse_other_board(row_board: int | None, board: int) -> None:
    """Raise :class:`RegisterError` when a row of board ``row_board`` is to be written by a
    session working for ``board``: the one check for rows the session adds and rows inserted
    many at a time (:mod:`generator.records.bulk`)."""
    if row_board != board:
        raise RegisterError(f"a record of another board ({row_board}) cannot be written while working for "
                            f"board {board}")


@event.listens_for(Session, "before_flush")
def _own_new_rows(session: Session, flush_context, instances) -> None:
    board = session.info.get(_BOARD)
    if board is None:
        return
    for obj in list(session.new) + list(session.dirty):
        if not isinstance(obj, BoardOwned):
            continue
        if obj.board_id is None:
            obj.board_id = board
        refuse_other_board(obj.board_id, board)


# ---------------------------------------------------------------- the boards


def slug_for(name: str) -> str:
    """A short ASCII name for ``name`` (``Shoreline Board of Education`` → ``shoreline-board-of-
    education``), at most 80 characters; ``board`` when nothing is left."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:80].strip("-") or "board"


def add_board(engine: Engine, name: str) -> int:
    """Add a board called ``name`` to the register at ``engine``; return its id. Raises
    :class:`RegisterError` when the name is empty, too long, or already a board's."""
    from generator.records.tables import check_lengths

    name = " ".join(str(name or "").split())
    if not name:
        raise RegisterError("a board needs a name")
    check_lengths(BoardRow, "board name", name=name)
    with Session(engine) as s, s.begin():
        if s.scalar(select(BoardRow.id).where(func.lower(BoardRow.name) == name.lower())) is not None:
            raise RegisterError(f"{name}: there is already a board of that name (sdpa board list)")
        base, n = slug_for(name), 1
        slug = base
        while s.scalar(select(BoardRow.id).where(BoardRow.slug == slug)) is not None:
            n += 1
            slug = f"{base[:75]}-{n}"
        row = BoardRow(name=name, slug=slug)
        s.add(row)
        s.flush()
        return row.id


def remove_empty_board(engine: Engine, board_id: int) -> bool:
    """Remove board ``board_id`` if no record belongs to it (an import into it failed); return
    True when it was removed. A board with records is kept. Never raises."""
    from sqlalchemy import delete

    try:
        with Session(engine) as s, s.begin():
            return bool(s.execute(delete(BoardRow).where(BoardRow.id == board_id)).rowcount)
    except Exception:  # noqa: BLE001 - a record refers to it: it stays
        return False


def list_boards(engine: Engine) -> list[BoardRow]:
    """Every board in the register at ``engine``, in id order."""
    with Session(engine, expire_on_commit=False) as s:
        return list(s.scalars(select(BoardRow).order_by(BoardRow.id)))


def require_board(engine: Engine, board_id: int) -> BoardRow:
    """Board ``board_id`` of the register at ``engine``. Raises :class:`RegisterError` when there
    is none."""
    with Session(engine, expire_on_commit=False) as s:
        row = s.get(BoardRow, board_id)
    if row is None:
        raise RegisterError(f"there is no board {board_id} in this register (sdpa board list; "
                            "sdpa board add NAME)")
    return row


# ---------------------------------------------------------------- moving a board's rows


def renumbered_row(table, row: dict, new_ids: dict[str, dict[int, int]]) -> dict:
    """``row`` of ``table`` (a backup's row) without its id, each reference turned to the new id
    the database gave the row it names (``new_ids``: table name → old id → new id, filled in
    the order of the backup's tables). A contract's ``adopted_from`` is dropped: the original is
    in a board of the database the row came from."""
    row = {k: v for k, v in row.items() if k != "id"}
    for fk in table.foreign_keys:
        if fk.parent.name != BOARD_COLUMN and row.get(fk.parent.name) is not None:
            row[fk.parent.name] = new_ids[fk.column.table.name][row[fk.parent.name]]
    if table.name == "log" and row.get("contract_id") is not None:
        row["contract_id"] = new_ids["contracts"].get(row["contract_id"])
    if table.name == "contracts":
        row["adopted_from"] = None
    return row


def sequence_past(session: Session, table: str) -> None:
    """On PostgreSQL, move ``table``'s id sequence past the ids just written in ``session``,
    never back: a board's session sees only its own rows, and other boards' ids may be higher."""
    seq = session.scalar(text(f"SELECT pg_get_serial_sequence('{table}', 'id')"))
    last = session.scalar(text(f"SELECT last_value FROM {seq}"))
    top = session.scalar(text(f"SELECT COALESCE(MAX(id), 0) FROM {table}"))
    session.execute(text("SELECT setval(:seq, :v, true)"), {"seq": seq, "v": max(int(last or 1), int(top or 0), 1)})
