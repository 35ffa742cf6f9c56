import threading

import pytest
from sqlalchemy import create_engine, text

from sammachip import create_app
from sammachip.config import ConfigError, load_config
from sammachip.extensions import db
from sammachip.sqlite_setup import configure_sqlite

from .crypto_util import DATA_KEYS


def test_production_without_secret_key_refuses_to_start(tmp_path):
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_config(str(tmp_path), {"FLASK_ENV": "production"})
    with pytest.raises(ConfigError):
        load_config(str(tmp_path), {"SAMMACHIP_ENV": "production", "SECRET_KEY": ""})


def test_production_with_secret_key_starts_with_secure_cookies(tmp_path):
    config = load_config(str(tmp_path), {"FLASK_ENV": "production", "SECRET_KEY": "x" * 40,
                                              "DATA_KEYS": DATA_KEYS})
    assert config["SECRET_KEY"] == "x" * 40
    assert config["SESSION_COOKIE_SECURE"] is True


def test_development_default_database_is_a_sqlite_file_under_instance(tmp_path):
    config = load_config(str(tmp_path / "instance"), {})
    assert config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'instance' / 'sammachip.db'}"
    assert (tmp_path / "instance").is_dir()


def test_database_url_from_environment(tmp_path):
    url = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    assert load_config(str(tmp_path), {"DATABASE_URL": url})["SQLALCHEMY_DATABASE_URI"] == url


def test_factory_takes_config_overrides(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.db'}", "TESTING": True})
    assert app.testing
    assert {"auth", "villages", "main", "users"} <= set(app.blueprints)


def sqlite_engine(path):
    engine = create_engine(f"sqlite:///{path}")
    configure_sqlite(engine)
    return engine


def test_sqlite_connections_are_durable_and_wait_for_locks(tmp_path):
    engine = sqlite_engine(tmp_path / "p.db")
    with engine.connect() as conn:
        pragmas = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                   for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous", "secure_delete")}
    assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 10000, "synchronous": 2,
                       "secure_delete": 1}


def test_concurrent_sqlite_writers_wait_instead_of_failing(tmp_path):
    """Read-then-write transactions from many threads: with a deferred BEGIN
    the lock upgrade fails with "database is locked"; BEGIN IMMEDIATE queues them."""
    engine = sqlite_engine(tmp_path / "c.db")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE counter (n INTEGER)")
        conn.exec_driver_sql("INSERT INTO counter VALUES (0)")
    errors = []

    def bump():
        try:
            for _ in range(20):
                with engine.begin() as conn:
                    n = conn.exec_driver_sql("SELECT n FROM counter").scalar()
                    conn.exec_driver_sql(f"UPDATE counter SET n = {n + 1}")
        except Exception as exc:  # the failure this test guards against
            errors.append(exc)

    threads = [threading.Thread(target=bump) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT n FROM counter").scalar() == 120  # no lost update


def test_database_in_use_answers(app):
    assert db.session.execute(text("SELECT 1")).scalar() == 1
