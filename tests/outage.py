"""A second app on the test database that can lose it, for the failure tests."""
import sqlite3

from sqlalchemy.engine import make_url

from sammachip import create_app
from sammachip.extensions import db

from .conftest import IsolatedClient
from .tcp_proxy import TcpProxy


class Outage:
    """A second app on the test database that can lose it: through a TCP proxy
    on PostgreSQL; on SQLite, by another connection holding the write lock."""

    def __init__(self, app, **config):
        url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
        self.proxy = self.lock = None
        if url.get_backend_name() == "postgresql":
            self.proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
            url = url.set(host="127.0.0.1", port=self.proxy.port)
        self.path = url.database
        self.app = create_app({**app.config, "SQLALCHEMY_DATABASE_URI": url.render_as_string(hide_password=False),
                               "SQLALCHEMY_ENGINE_OPTIONS": {}, "PROPAGATE_EXCEPTIONS": False,
                               "SQLITE_BUSY_TIMEOUT_MS": 200, **config})
        self.app.test_client_class = IsolatedClient

    def down(self):
        if self.proxy:
            self.proxy.down()
        else:
            self.lock = sqlite3.connect(self.path, isolation_level=None)
            self.lock.execute("BEGIN EXCLUSIVE")

    def restore(self):
        if self.proxy:
            self.proxy.restore()
        else:
            self.lock.execute("ROLLBACK")
            self.lock.close()

    def close(self):
        with self.app.app_context():
            db.engine.dispose()
        if self.proxy:
            self.proxy.close()
