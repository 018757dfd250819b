"""Alembic environment: migrations run on the connection sdpa passes in (see register._migrate)."""

from alembic import context

from generator.records.tables import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
