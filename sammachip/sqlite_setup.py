"""SQLite connection settings: durable, concurrent-safe writes.

- WAL lets readers go on while one officer saves.
- synchronous=FULL: a saved interview survives a power cut.
- secure_delete: deleted rows (a finished interview's draft, a dropped
  column's old table) are overwritten, not left readable in free pages.
- busy_timeout: a writer waits for the lock instead of failing.
- Write transactions begin with BEGIN IMMEDIATE, so two saves queue at
  BEGIN (where busy_timeout applies) instead of one failing later with
  "database is locked" when it upgrades a read lock. Requests that only
  read (GET/HEAD) begin a plain deferred transaction so they never wait.
"""
import sqlite3

from flask import current_app, has_app_context, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine

BUSY_TIMEOUT_MS = 10_000
READ_ONLY_METHODS = {"GET", "HEAD", "OPTIONS"}


def _wants_write_lock() -> bool:
    if has_request_context():
        return request.method not in READ_ONLY_METHODS
    if has_app_context():
        # Tests turn this off: their own reads must not block the app they drive.
        return current_app.config.get("SQLITE_LOCK_OUTSIDE_REQUESTS", True)
    return True  # CLI commands and scripts write


def configure_sqlite(engine: Engine, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_conn: sqlite3.Connection, _record):
        # Let SQLAlchemy emit BEGIN itself (pysqlite's own BEGIN is deferred).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA secure_delete=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if _wants_write_lock() else "BEGIN")
