"""Boards as tenants: a ``boards`` table; a ``board_id`` on every board-owned table (every row that
exists goes to board 1, named from the register's saved profile); vendor and directory names
unique within a board; shared agreements (the region's ``offers``, a contract's ``adopted_from``); on
PostgreSQL, row-level security keeping each table to the board the transaction names.

On SQLite the tables are rebuilt (copied, dropped, renamed): run it with foreign keys off, as
``database.py`` does.

Revision ID: 0006
Revises: 0005
"""
import json
import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

OWNED = ["vendors", "contracts", "checks", "notices", "postings", "breaches", "reviews", "log",
         "annual_notices", "iep_exceptions", "board_profiles", "directory_vendors",
         "apps", "app_readings", "app_confirmations"]
UNIQUE_NAMES = {"vendors": "uq_vendors_board_name", "directory_vendors": "uq_directory_vendors_board_name",
                "apps": "uq_apps_board_name"}
POLICY = "board_only"
CONDITION = "board_id = NULLIF(current_setting('sdpa.board_id', true), '')::int"


def _first_board_name(conn) -> str:
    data = conn.execute(sa.text("SELECT data FROM board_profiles ORDER BY id DESC LIMIT 1")).scalar()
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except ValueError:
            data = None
    name = data.get("name") if isinstance(data, dict) else None
    return " ".join(str(name).split())[:300] if name and str(name).strip() else "Board 1"


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:80].strip("-") or "board"


def upgrade() -> None:
    conn = op.get_bind()
    postgres = conn.dialect.name == "postgresql"
    boards = op.create_table(
        "boards",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(300), nullable=False, unique=True),
        sa.Column("slug", sa.String(80), nullable=False, unique=True),
    )
    name = _first_board_name(conn)
    op.bulk_insert(boards, [{"id": 1, "name": name, "slug": _slug(name)}])
    if postgres:
        op.execute("SELECT setval(pg_get_serial_sequence('boards', 'id'), 1)")
    for table in OWNED:
        convention = {"uq": "uq_%(table_name)s_%(column_0_name)s"}
        with op.batch_alter_table(table, naming_convention=convention) as batch:
            batch.add_column(sa.Column("board_id", sa.Integer, nullable=False, server_default="1"))
            batch.create_foreign_key(f"fk_{table}_board_id", "boards", ["board_id"], ["id"])
            batch.create_index(f"ix_{table}_board_id", ["board_id"])
            if table in UNIQUE_NAMES:
                batch.drop_constraint(f"{table}_name_key" if postgres else f"uq_{table}_name", type_="unique")
                batch.create_unique_constraint(UNIQUE_NAMES[table], ["board_id", "name"])
            if table == "contracts":
                batch.add_column(sa.Column("adopted_from", sa.Integer, nullable=True))
    op.create_table(  # the region's general offers: read by every board, not a board's own rows
        "offers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("board_id", sa.Integer, sa.ForeignKey("boards.id"), nullable=False, index=True),
        sa.Column("contract_id", sa.Integer, sa.ForeignKey("contracts.id"), nullable=False, unique=True),
        sa.Column("vendor", sa.String(300), nullable=False),
        sa.Column("product", sa.String(300), nullable=False),
        sa.Column("executed", sa.Date, nullable=False),
        sa.Column("term_end", sa.Date, nullable=True),
        sa.Column("purpose", sa.Text, nullable=False),
        sa.Column("data_categories", sa.JSON, nullable=False),
        sa.Column("offered", sa.Date, nullable=False),
        sa.Column("offered_by", sa.String(320), nullable=False),
        sa.Column("withdrawn", sa.Date, nullable=True),
    )
    if postgres:
        for table in OWNED:
            # new rows take the board the session names; there is no board 1 to fall back on
            op.execute(f"ALTER TABLE {table} ALTER COLUMN board_id DROP DEFAULT")
            op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")  # the app's role owns them
            op.execute(f"CREATE POLICY {POLICY} ON {table} USING ({CONDITION}) WITH CHECK ({CONDITION})")


def downgrade() -> None:
    conn = op.get_bind()
    postgres = conn.dialect.name == "postgresql"
    op.drop_table("offers")
    for table in reversed(OWNED):
        if postgres:
            op.execute(f"DROP POLICY IF EXISTS {POLICY} ON {table}")
            op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        with op.batch_alter_table(table) as batch:
            if table == "contracts":
                batch.drop_column("adopted_from")
            if table in UNIQUE_NAMES:
                batch.drop_constraint(UNIQUE_NAMES[table], type_="unique")
                batch.create_unique_constraint(f"{table}_name_key" if postgres else f"uq_{table}_name", ["name"])
            batch.drop_index(f"ix_{table}_board_id")
            batch.drop_constraint(f"fk_{table}_board_id", type_="foreignkey")
            batch.drop_column("board_id")
    op.drop_table("boards")
