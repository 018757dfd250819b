"""What is due, kept beside the records so the register's due view and its lists are queries, not
a pass over every contract: each contract's due items with the days they apply, and its status as
of no particular day (both derived; rebuilt for any contract without a state row). Each row
belongs to its contract's board and, on PostgreSQL, row-level security keeps it to that board's
sessions, as 0006 does for the records.

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

DERIVED = ["due_state", "due_items"]
POLICY = "board_only"
CONDITION = "board_id = NULLIF(current_setting('sdpa.board_id', true), '')::int"  # as in 0006


def _board_column(table: str) -> sa.Column:
    return sa.Column("board_id", sa.Integer, sa.ForeignKey("boards.id", name=f"fk_{table}_board_id"),
                     nullable=False)


def upgrade() -> None:
    op.create_table(
        "due_state",
        sa.Column("contract_id", sa.Integer, sa.ForeignKey("contracts.id"), primary_key=True),
        _board_column("due_state"),
        sa.Column("basis", sa.String(80), nullable=False),
        sa.Column("status_base", sa.String(40), nullable=False),
        sa.Column("status_cure", sa.Date, nullable=True),
    )
    op.create_index("ix_due_state_status_base", "due_state", ["status_base"])
    op.create_table(
        "due_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contract_id", sa.Integer, sa.ForeignKey("contracts.id"), nullable=False),
        _board_column("due_items"),
        sa.Column("what", sa.Text, nullable=False),
        sa.Column("citation", sa.String(200), nullable=False),
        sa.Column("due", sa.Date, nullable=False),
        sa.Column("due_good_friday", sa.Date, nullable=False),
        sa.Column("can_be_overdue", sa.Boolean, nullable=False),
        sa.Column("shown_after", sa.Date, nullable=True),
        sa.Column("shown_until", sa.Date, nullable=True),
        sa.Column("posting_executed", sa.Date, nullable=True),
    )
    op.create_index("ix_due_items_contract_id", "due_items", ["contract_id"])
    op.create_index("ix_due_items_due", "due_items", ["due"])
    for table in DERIVED:
        op.create_index(f"ix_{table}_board_id", table, ["board_id"])
    # lists page and filter by vendor on the server
    op.create_index("ix_contracts_vendor_id", "contracts", ["vendor_id"])
    if op.get_bind().dialect.name == "postgresql":
        for table in DERIVED:
            op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")  # the app's role owns them
            op.execute(f"CREATE POLICY {POLICY} ON {table} USING ({CONDITION}) WITH CHECK ({CONDITION})")


def downgrade() -> None:
    op.drop_index("ix_contracts_vendor_id", "contracts")
    op.drop_table("due_items")
    op.drop_table("due_state")
