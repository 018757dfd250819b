"""What is due, kept beside the records so the register's due view and its lists are queries, not
a pass over every contract: each contract's due items with the days they apply, and its status as
of no particular day (both derived; rebuilt for any contract without a state row).

Revision ID: 0007
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "due_state",
        sa.Column("contract_id", sa.Integer, sa.ForeignKey("contracts.id"), primary_key=True),
        sa.Column("basis", sa.String(80), nullable=False),
        sa.Column("status_base", sa.String(40), nullable=False),
        sa.Column("status_cure", sa.Date, nullable=True),
    )
    op.create_index("ix_due_state_status_base", "due_state", ["status_base"])
    op.create_table(
        "due_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contract_id", sa.Integer, sa.ForeignKey("contracts.id"), nullable=False),
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
    # lists page and filter by vendor on the server
    op.create_index("ix_contracts_vendor_id", "contracts", ["vendor_id"])


def downgrade() -> None:
    op.drop_index("ix_contracts_vendor_id", "contracts")
    op.drop_table("due_items")
    op.drop_table("due_state")
