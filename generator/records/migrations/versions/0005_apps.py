"""The approved-apps list: each app a teacher asked to use, every reading of its operator's
terms (the documents' hashes and the vetting report) and counsel's confirmations.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "apps",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(300), nullable=False, unique=True),
        sa.Column("operator", sa.String(300), nullable=False, server_default=""),
        sa.Column("asked_by", sa.String(320), nullable=False, server_default=""),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("review_date", sa.Date, nullable=True),
    )
    op.create_table(
        "app_readings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("app_id", sa.Integer, sa.ForeignKey("apps.id"), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_by", sa.String(320), nullable=False),
        sa.Column("documents", sa.JSON, nullable=False),
        sa.Column("verdict", sa.String(40), nullable=False),
        sa.Column("report", sa.JSON, nullable=False),
    )
    op.create_table(
        "app_confirmations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("app_id", sa.Integer, sa.ForeignKey("apps.id"), nullable=False),
        sa.Column("reading_id", sa.Integer, sa.ForeignKey("app_readings.id"), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmer", sa.String(320), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("verdict", sa.String(40), nullable=False),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("conditions", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("app_confirmations")
    op.drop_table("app_readings")
    op.drop_table("apps")
