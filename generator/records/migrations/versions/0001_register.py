"""The first register tables: vendors, contracts and their records, and the append-only log.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "vendors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(300), nullable=False, unique=True),
        sa.Column("contact_email", sa.String(320), nullable=False),
        sa.Column("address", sa.Text, nullable=False),
    )
    op.create_table(
        "contracts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("vendor_id", sa.Integer, sa.ForeignKey("vendors.id"), nullable=False),
        sa.Column("product", sa.String(300), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("executed", sa.Date, nullable=True),
        sa.Column("term_end", sa.Date, nullable=True),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("purpose", sa.Text, nullable=False),
        sa.Column("data_categories", sa.JSON, nullable=False),
        sa.Column("file_name", sa.String(300), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("file_data", sa.LargeBinary, nullable=True),
    )
    for name, cols in {
        "checks": [sa.Column("checked", sa.Date, nullable=False),
                   sa.Column("library_version", sa.String(40), nullable=False),
                   sa.Column("compliant", sa.Boolean, nullable=False),
                   sa.Column("report", sa.JSON, nullable=False)],
        "notices": [sa.Column("sent", sa.Date, nullable=False), sa.Column("cure_date", sa.Date, nullable=False),
                    sa.Column("outcome", sa.String(20), nullable=False),
                    sa.Column("outcome_date", sa.Date, nullable=True)],
        "postings": [sa.Column("posted", sa.Date, nullable=False), sa.Column("url", sa.Text, nullable=False)],
        "breaches": [sa.Column("discovered", sa.Date, nullable=True),
                     sa.Column("notice_received", sa.Date, nullable=False),
                     sa.Column("families_notified", sa.Date, nullable=True),
                     sa.Column("posted", sa.Date, nullable=True),
                     sa.Column("description", sa.Text, nullable=False)],
    }.items():
        op.create_table(name, sa.Column("id", sa.Integer, primary_key=True),
                        sa.Column("contract_id", sa.Integer, sa.ForeignKey("contracts.id"), nullable=False),
                        *cols)
    op.create_table(
        "log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("action", sa.String(60), nullable=False),
        sa.Column("contract_id", sa.Integer, nullable=True),
        sa.Column("details", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    for name in ("log", "breaches", "postings", "notices", "checks", "contracts", "vendors"):
        op.drop_table(name)
