"""Many rows in one statement: the register's imports and its stored due items.

On PostgreSQL the rows go as one array per column (``INSERT … SELECT … FROM unnest(…)``): one
short statement for a thousand rows, which the server parses once, instead of a statement with
a placeholder for every value. Row-level security checks each row as for any insert. Elsewhere
(SQLite), and for rows that carry a stored file (bytes, which an array would send as text of
twice their size), the rows go through SQLAlchemy's many-row insert.
"""

from __future__ import annotations

import json

from sqlalchemy import JSON, Table, insert, text
from sqlalchemy.orm import Session

from generator.records.tenancy import refuse_other_board, session_board


def insert_rows(s: Session, table: Table, rows: list[dict], *, new_ids: bool = False) -> list[int]:
    """Insert ``rows`` (dicts of the same columns) into ``table`` in the caller's transaction
    ``s``. With ``new_ids`` the database gives each row a new ``id`` and the ids are returned in
    the order of ``rows``; otherwise returns ``[]``. Raises :class:`RegisterError` when a row of
    a board-owned table names another board than the session's
    (:func:`generator.records.tenancy.refuse_other_board`, as for a row the session adds)."""
    if not rows:
        return []
    board = session_board(s)
    if board is not None and "board_id" in table.c:
        for r in rows:
            refuse_other_board(r.get("board_id"), board)
    if s.bind.dialect.name != "postgresql" or any(isinstance(v, bytes) for r in rows for v in r.values()):
        if new_ids:
            return list(s.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows))
        s.execute(insert(table), rows)
        return []
    ids: list[int] = []
    if new_ids:
        ids = list(s.scalars(text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
                             {"t": table.name, "n": len(rows)}))
        rows = [{**r, "id": i} for r, i in zip(rows, ids)]
    names = list(rows[0])
    arrays, params = [], {}
    for n, name in enumerate(names):
        column = table.c[name]
        values = [r[name] for r in rows]
        if isinstance(column.type, JSON):
            values = [json.dumps(v) for v in values]
        kind = column.type.compile(dialect=s.bind.dialect)
        arrays.append(f"CAST(:p{n} AS {kind}[])")
        params[f"p{n}"] = values
    columns = ", ".join(f'"{name}"' for name in names)
    statement = text(f'INSERT INTO "{table.name}" ({columns}) SELECT * FROM unnest({", ".join(arrays)})')
    s.execute(statement, params)
    return ids
