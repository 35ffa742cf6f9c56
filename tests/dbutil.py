"""A real database for tests: migrated once per session, emptied per test."""
import os

from flask_migrate import upgrade
from sqlalchemy import event, insert, inspect, select, text

from sammachip.extensions import db

# Tables whose rows come from migrations (reference data): restored after each test.
REFERENCE_TABLES = {"occupations", "sage_criteria", "poverty_lines", "privacy_notices"}


def test_database_url(tmp_dir) -> str:
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_dir / 'test.db'}"


def reset_schema() -> None:
    """Start from an empty database, as a fresh install would."""
    engine = db.engine
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    else:
        db.drop_all()
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))


def migrate_and_snapshot() -> dict:
    upgrade()
    snapshot = {}
    tables = {t.name: t for t in db.metadata.sorted_tables}
    for name in REFERENCE_TABLES & set(inspect(db.engine).get_table_names()):
        snapshot[name] = [dict(r._mapping) for r in db.session.execute(select(tables[name]))]
    db.session.commit()
    return snapshot


def empty_all_tables(snapshot: dict) -> None:
    db.session.remove()
    tables = db.metadata.sorted_tables
    with db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            # The audit log refuses TRUNCATE (append-only): only tests, as superuser, skip its triggers.
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            conn.execute(text("SET LOCAL session_replication_role = DEFAULT"))
        else:
            # The audit log refuses DELETE: its triggers are set aside for the emptying, in one transaction.
            triggers = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all()
            for name, _sql in triggers:
                conn.execute(text(f'DROP TRIGGER "{name}"'))
            for table in reversed(tables):
                conn.execute(table.delete())
            for _name, sql in triggers:
                conn.execute(text(sql))
        for table in tables:
            if snapshot.get(table.name):
                conn.execute(insert(table), snapshot[table.name])
        if conn.dialect.name == "postgresql":
            # Restored rows keep their ids: move each id sequence past them.
            for table in tables:
                if snapshot.get(table.name) and "id" in table.c:
                    conn.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"(SELECT MAX(id) FROM \"{table.name}\"))"))


def count(model, *where) -> int:
    """Rows of `model` (matching `where`) in the real database."""
    from sqlalchemy import func, select

    return db.session.scalar(select(func.count()).select_from(model).where(*where))


class QueryCounter:
    """Statements run on `engine` inside the block, and connections taken from its pool."""

    def __init__(self, engine):
        self.engine, self.count, self.checkouts = engine, 0, 0

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self.bump)
        event.listen(self.engine, "checkout", self.took)
        return self

    def bump(self, conn, cursor, statement, *args):
        self.count += not statement.startswith("BEGIN")  # SQLite's explicit BEGIN is not a query

    def took(self, *args):
        self.checkouts += 1

    def __exit__(self, *exc):
        event.remove(self.engine, "before_cursor_execute", self.bump)
        event.remove(self.engine, "checkout", self.took)
