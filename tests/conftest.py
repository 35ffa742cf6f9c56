import re
from datetime import date, datetime, time

import pytest
from flask.globals import _cv_app
from flask.testing import FlaskClient

from sammachip import clock as app_clock
from sammachip import create_app
from sammachip.domain.thai_dates import BANGKOK
from sammachip.extensions import cache, db

from .dbutil import empty_all_tables, migrate_and_snapshot, reset_schema, test_database_url
from .factories import PASSWORD


class IsolatedClient(FlaskClient):
    """Each request runs in its own app context and database session, as in
    production, even though the test itself holds an app context open."""

    def open(self, *args, **kwargs):
        outer = _cv_app.get(None)
        if outer is not None:
            db.session.commit()  # end the test's transaction so the request sees its data
        token = _cv_app.set(None)
        try:
            return super().open(*args, **kwargs)
        finally:
            _cv_app.reset(token)
            if outer is not None:
                db.session.expire_all()  # and the test then sees the request's writes


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": test_database_url(tmp_path_factory.mktemp("db")),
        "WTF_CSRF_ENABLED": False,
        "SQLITE_LOCK_OUTSIDE_REQUESTS": False,
        "PHOTO_FOLDER": str(tmp_path_factory.mktemp("photos")),  # not the real instance/photos
    })
    app.test_client_class = IsolatedClient
    with app.app_context():
        reset_schema()
        app.config["REFERENCE_SNAPSHOT"] = migrate_and_snapshot()
        db.session.remove()
    return app


@pytest.fixture(autouse=True)
def clean_db(app):
    """Every test starts from the freshly migrated database (reference data kept)."""
    with app.app_context():
        empty_all_tables(app.config["REFERENCE_SNAPSHOT"])
        cache.clear()  # the village page bodies of the last test's villages (ids are used again)
    ctx = app.app_context()
    ctx.push()
    yield
    db.session.remove()
    ctx.pop()


TODAY = date(2026, 11, 24)


class Clock:
    """The app's clock, set by the test: no test reads the real date."""

    def set(self, moment: date | datetime, hour: int = 10) -> datetime:
        if not isinstance(moment, datetime):
            moment = datetime.combine(moment, time(hour))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=BANGKOK)
        app_clock.set_now(moment)
        return moment


@pytest.fixture(autouse=True)
def clock():
    """10:00 in Bangkok on 24 November 2026 (FY 2570), unless the test sets another moment."""
    fixed = Clock()
    fixed.set(TODAY)
    yield fixed
    app_clock.set_now(None)


@pytest.fixture
def village():
    """A village of Mae Wong (อ.แม่วงก์, district 6013), where most tests' officers work."""
    from .factories import make_village

    return make_village("601303", 2, "แม่เล่ย์")


@pytest.fixture
def officer(auth):
    """A Mae Wong officer who coordinates ต.วังซ่าน, logged in."""
    from .factories import make_user

    user = make_user("officer", "officer", "6013", coordinated=("601304",))
    auth.login("officer")
    return user


@pytest.fixture
def client(app):
    return app.test_client()


class Auth:
    def __init__(self, client):
        self.client = client

    def login(self, username: str, password: str = PASSWORD):
        return self.client.post("/login", data={"username": username, "password": password})

    def logout(self):
        return self.client.post("/logout")


@pytest.fixture
def auth(client):
    return Auth(client)


def csrf_from(html: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


@pytest.fixture(scope="session")
def live_server(app):
    from .browser import LiveServer

    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="session")
def chromium():
    from .browser import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(chromium, live_server):
    """A fresh phone-sized browser tab (360×800) on the live app."""
    from .browser import phone_page

    page = phone_page(chromium, live_server.url)
    refused = watch_csp(page)
    yield page
    page.context.close()
    assert refused == []  # nothing the page needed was blocked by the Content-Security-Policy


def watch_csp(page) -> list:
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    return refused


def pytest_collection_modifyitems(items):
    """Browser tests carry the `browser` mark, so CI can run them on one database only."""
    for item in items:
        if item.fspath.basename.startswith("test_browser_"):
            item.add_marker(pytest.mark.browser)
        if item.fspath.basename == "test_migrations.py" or "_migration_" in item.name:
            # Rows written at an older revision are a bulk load: counted by `flask rebuild-facts`.
            item.add_marker(pytest.mark.facts_unkept)


@pytest.fixture(autouse=True)
def facts_kept(request, clean_db):
    """After every test, the per-village facts equal a recount from the records (domain/facts.py):
    every write the test made, through any route, command or factory, kept them."""
    assert clean_db is None  # set up first, so its app context is still open when this one checks
    yield
    if request.node.get_closest_marker("facts_unkept"):
        return
    from .facts_util import facts_mismatches

    db.session.remove()
    assert facts_mismatches() == []


# --- The phone of the offline browser tests (README "Offline") ---------------------------
# A persistent Chromium profile behind a TCP proxy that a test closes to cut the server for real.
@pytest.fixture
def proxy(live_server):
    from .tcp_proxy import TcpProxy

    p = TcpProxy("127.0.0.1", live_server.server.server_port)
    yield p
    p.close()


@pytest.fixture
def open_phone(chromium, proxy, tmp_path):
    from .browser import CHROMIUM, CHROMIUM_ARGS, PHONE

    """Open the same phone (a persistent browser profile) as often as the test likes."""
    opened = []

    def open_():
        context = chromium.browser_type.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport=PHONE,
            base_url=f"http://127.0.0.1:{proxy.port}", locale="th-TH")
        opened.append(context)
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_
    for context in opened:
        context.close()
