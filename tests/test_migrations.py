from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from sammachip.extensions import db


def test_migrations_match_models():
    """The test database was built by running the migrations; the models
    must describe exactly that schema (SQLite, or PostgreSQL in CI)."""
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, db.metadata)
    assert diff == []
