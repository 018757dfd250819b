"""Counsel's review of a check, and the dates that decide which rule applies: the reviews table
(the confirmed verdict beside the reading), a contract's amended and renewed dates, and who
recorded a notice's outcome and why, why the public page withholds a contract, and the facts
an IEP / 504 exception's documents state.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contract_id", sa.Integer, sa.ForeignKey("contracts.id"), nullable=False),
        sa.Column("check_id", sa.Integer, sa.ForeignKey("checks.id"), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewer", sa.String(320), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("compliant", sa.Boolean, nullable=False),
        sa.Column("verdict", sa.JSON, nullable=False),
    )
    with op.batch_alter_table("contracts") as batch:
        batch.add_column(sa.Column("amended", sa.Date, nullable=True))
        batch.add_column(sa.Column("renewed", sa.Date, nullable=True))
        batch.add_column(sa.Column("withheld_reason", sa.Text, nullable=False, server_default=""))
    with op.batch_alter_table("iep_exceptions") as batch:
        for name in ("assurances", "assurance_source", "equivalent_search"):
            batch.add_column(sa.Column(name, sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("ppt_member", sa.String(200), nullable=False, server_default=""))
    with op.batch_alter_table("notices") as batch:
        batch.add_column(sa.Column("outcome_by", sa.String(320), nullable=False, server_default=""))
        batch.add_column(sa.Column("outcome_reason", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("notices") as batch:
        batch.drop_column("outcome_reason")
        batch.drop_column("outcome_by")
    with op.batch_alter_table("iep_exceptions") as batch:
        for name in ("ppt_member", "equivalent_search", "assurance_source", "assurances"):
            batch.drop_column(name)
    with op.batch_alter_table("contracts") as batch:
        batch.drop_column("withheld_reason")
        batch.drop_column("renewed")
        batch.drop_column("amended")
    op.drop_table("reviews")
