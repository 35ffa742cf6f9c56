"""Is the database ready for work? It must answer, and take a committed write
within a short time: a database that answers SELECT 1 but is locked, read-only,
or failing its writes cannot save an interview, so the server is not ready."""
import shutil
from math import inf
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..clock import utcnow
from ..extensions import db
from ..models import Heartbeat
from ..models.base import dialect_insert
from ..sqlite_setup import BUSY_TIMEOUT_MS

# A save normally waits up to 10 s for SQLite's write lock; the check waits this long.
WRITE_TIMEOUT_MS = 2000


def database_problem(timeout_ms: int = WRITE_TIMEOUT_MS, min_free_mb: int = 0) -> str | None:
    """None when the database answers and commits a write; else "unreachable",
    "cannot_write" or, for a SQLite file, "disk_full" (less than `min_free_mb` left)."""
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            conn.rollback()
    except SQLAlchemyError:
        return "unreachable"
    if db.engine.dialect.name == "sqlite" and free_mb(db.engine.url.database) < min_free_mb:
        return "disk_full"
    try:
        with db.engine.connect() as conn:
            beat(conn, timeout_ms)
    except SQLAlchemyError:
        return "cannot_write"
    return None


def beat(conn, timeout_ms: int) -> None:
    """Rewrite the heartbeat row and commit, waiting at most `timeout_ms` for locks."""
    sqlite = conn.dialect.name == "sqlite"
    try:
        if sqlite:
            conn.exec_driver_sql(f"PRAGMA busy_timeout={int(timeout_ms)}")
        else:  # SET LOCAL: for this transaction only
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(timeout_ms)}")
            conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(timeout_ms)}")
        now = utcnow()
        conn.execute(dialect_insert(conn, Heartbeat.__table__).values(id=1, beat_at=now)
                     .on_conflict_do_update(index_elements=["id"], set_={Heartbeat.beat_at: now}))
        conn.commit()
    finally:
        if sqlite:  # the connection goes back to the pool: give it the app's patience again
            conn.rollback()
            conn.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def free_mb(database: str | None) -> float:
    """Space left beside a SQLite file (given as a path or a file: URI)."""
    path = (database or "").removeprefix("file:").split("?")[0]
    try:
        return shutil.disk_usage(Path(path).resolve().parent).free / 2**20 if path not in ("", ":memory:") else inf
    except OSError:  # no such place: the SELECT above would have failed first
        return inf
