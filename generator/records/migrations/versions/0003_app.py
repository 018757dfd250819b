"""The district's own setup in the register: saved board profiles and the vendor directory.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "board_profiles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("saved_by", sa.String(320), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "directory_vendors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(300), nullable=False, unique=True),
        sa.Column("details", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(320), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("directory_vendors")
    op.drop_table("board_profiles")
