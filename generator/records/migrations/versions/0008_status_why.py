"""Each contract's status sentence stored beside its status, so one page of the contracts list is
a single query (no contract and its records loaded to derive a sentence): ``why_base`` says why
the stored ``status_base`` holds, ``why_cure`` what the status says once the cure date has passed,
``why_ended`` what it says once the term has ended. Rows stored before this migration have none:
sdpa's rules are numbered anew (``DERIVATION`` 4), so the first look derives every contract once.

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COLUMNS = ("why_base", "why_cure", "why_ended")


def upgrade() -> None:
    with op.batch_alter_table("due_state") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("due_state") as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
