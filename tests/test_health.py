"""GET /healthz: 200 only when the database answers and takes a committed write."""
import sqlite3
import time
from contextlib import contextmanager
from datetime import UTC

import pytest
from sqlalchemy import select, text

from sammachip import create_app
from sammachip.clock import utcnow
from sammachip.extensions import db
from sammachip.main.health import WRITE_TIMEOUT_MS
from sammachip.models import Heartbeat
from sammachip.sqlite_setup import BUSY_TIMEOUT_MS


def test_healthz_ok_commits_a_heartbeat(client):
    for _ in range(2):  # the first makes the row, the next rewrites it
        response = client.get("/healthz")
        assert (response.status_code, response.text) == (200, "ok\n")
    beats = db.session.scalars(select(Heartbeat.beat_at)).all()
    assert [b if b.tzinfo else b.replace(tzinfo=UTC) for b in beats] == [utcnow()]  # SQLite gives it back naive


def test_healthz_503_when_database_does_not_answer(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing-dir/x.db", "TESTING": True})
    response = app.test_client().get("/healthz")
    assert (response.status_code, response.text) == (503, "database unreachable\n")


@contextmanager
def write_lock_held_elsewhere():
    """Another connection holds the write lock: SQLite's exclusive lock on the
    file, or on PostgreSQL an exclusive lock on the heartbeat table."""
    db.session.commit()
    if db.engine.dialect.name == "sqlite":
        other = sqlite3.connect(db.engine.url.database, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
    else:
        with db.engine.connect() as other:
            other.execute(text("LOCK TABLE heartbeat IN EXCLUSIVE MODE"))
            yield
            other.rollback()


def test_healthz_503_within_its_short_timeout_while_another_connection_holds_the_write_lock(client):
    with write_lock_held_elsewhere():
        assert client.get("/").status_code in (200, 302)  # reading still works...
        started = time.monotonic()
        response = client.get("/healthz")
        waited = time.monotonic() - started
    assert (response.status_code, response.text) == (503, "database cannot write\n")
    assert WRITE_TIMEOUT_MS / 1000 - 0.5 < waited < BUSY_TIMEOUT_MS / 1000 / 2  # ...a save would wait 10 s
    assert client.get("/healthz").status_code == 200  # the lock released, and the pool's connection is fine
    if db.engine.dialect.name == "sqlite":  # and got the app's full busy timeout back
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS


def read_only_url() -> tuple[str, dict]:
    url = db.engine.url
    if url.get_backend_name() == "sqlite":
        return f"sqlite:///file:{url.database}?mode=ro&uri=true", {}
    return (url.render_as_string(hide_password=False),
            {"connect_args": {"options": "-c default_transaction_read_only=on"}})


def test_healthz_503_when_the_database_is_read_only(client):
    client.get("/healthz")  # the heartbeat row exists: the read-only check must fail on an UPDATE too
    uri, options = read_only_url()
    app = create_app({"SQLALCHEMY_DATABASE_URI": uri, "SQLALCHEMY_ENGINE_OPTIONS": options, "TESTING": True})
    response = app.test_client().get("/healthz")
    assert (response.status_code, response.text) == (503, "database cannot write\n")
    with app.app_context():
        db.engine.dispose()


def test_healthz_503_when_the_sqlite_disk_is_nearly_full(app, client):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's disk is the database server's: only a SQLite file's disk is checked here")
    app.config["HEALTHZ_MIN_FREE_MB"] = 2**40  # more than any disk has left
    try:
        response = client.get("/healthz")
    finally:
        app.config["HEALTHZ_MIN_FREE_MB"] = 50
    assert (response.status_code, response.text) == (503, "database disk full\n")
