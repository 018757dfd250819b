"""The board's records that belong to no contract: the annual notice and the IEP / 504 exceptions.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "annual_notices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("sent", sa.Date, nullable=False),
    )
    op.create_table(
        "iep_exceptions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("student_ref", sa.String(40), nullable=False),
        sa.Column("plan", sa.String(3), nullable=False),
        sa.Column("service", sa.String(300), nullable=False),
        sa.Column("operator", sa.String(300), nullable=False),
        sa.Column("effort", sa.Text, nullable=False),
        sa.Column("signed", sa.Date, nullable=False),
        sa.Column("ended", sa.Date, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("iep_exceptions")
    op.drop_table("annual_notices")
