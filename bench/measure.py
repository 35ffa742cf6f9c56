"""In-process measurements with Flask's test client: weight, SQL statements, latency."""
import gzip
import re
import time
from html.parser import HTMLParser

from sqlalchemy import event

from sammachip import create_app
from sammachip.extensions import db

from .pages import Page
from .seed import Plan

SECRET_KEY = "bench-not-secret"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def gz(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6))  # nginx's and most servers' default level


class StatementCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, conn, cursor, statement, *args):
        # SQLite's BEGIN comes from the app's own hook; psycopg's is implicit and
        # never seen here. Skipping it counts both databases alike.
        if not statement.lstrip().upper().startswith("BEGIN"):
            self.count += 1


def make_app(url: str):
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": SECRET_KEY})
    counter = StatementCounter()
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", counter)
    return app, counter


def dispose(app) -> None:
    with app.app_context():
        db.engine.dispose()


class Assets(HTMLParser):
    """The scripts and stylesheets a browser fetches for the first load."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.urls.append(a["href"])


def login(app, plan: Plan, user: str | None):
    """A test client logged in as `user` through the real form, and its CSRF token."""
    client = app.test_client()
    token = CSRF.search(client.get("/login").get_data(as_text=True)).group(1)
    if user:
        r = client.post("/login", data={"username": plan.users[user], "password": plan.password,
                                        "csrf_token": token})
        if r.status_code != 302:
            raise RuntimeError(f"login as {plan.users[user]} failed: HTTP {r.status_code}")
    return client, token


def names_for(client, token: str, page: Page, plan: Plan, i: int) -> dict:
    """The values for the i-th request's path and form (its untimed set-up included)."""
    return {**vars(plan), **(page.before(client, token, plan, i) if page.before else {})}


def send(client, token: str, page: Page, names: dict):
    headers = {"HX-Request": "true"} if page.fragment else {}
    data = None
    if page.method != "GET":
        headers["X-CSRFToken"] = token
        data = {k: str(v).format(**names) for k, v in (page.form or {}).items()}
    return client.open(page.path.format(**names), method=page.method, headers=headers, data=data)


def first_load(client, html: bytes) -> dict:
    parser = Assets()
    parser.feed(html.decode("utf-8", "replace"))
    assets = {url: gz(client.get(url).get_data()) for url in dict.fromkeys(parser.urls)}
    return {"html_gzip": gz(html), "assets_gzip": assets, "total_gzip": gz(html) + sum(assets.values())}


def percentile(sorted_values: list[float], q: float) -> float:
    return sorted_values[max(0, min(len(sorted_values) - 1, round(q * len(sorted_values)) - 1))]


MIN_SAMPLES = 10


def measure(app, counter: StatementCounter, client, token: str, page: Page, plan: Plan, repeats: int,
            seconds: float) -> dict:
    """`repeats` timed requests, or fewer (at least MIN_SAMPLES) once `seconds` have
    passed: a page taking seconds per request must not stretch the bench to an hour."""
    times, statements, bad = [], [], 0
    deadline = time.perf_counter() + seconds
    for i in range(3 + repeats):  # 3 to warm caches (templates, translations, connection pool)
        if len(times) >= MIN_SAMPLES and time.perf_counter() > deadline:
            break
        names = names_for(client, token, page, plan, i)
        counter.count = 0
        started = time.perf_counter()
        r = send(client, token, page, names)
        elapsed, count = (time.perf_counter() - started) * 1000, counter.count
        body = r.get_data()
        if page.after:
            page.after(client, token, names)
        if i == 2:  # the first warm answer is the one weighed
            if r.status_code != page.status:
                return {"error": f"HTTP {r.status_code}"}
            result = {"fragment_gzip": gz(body)} if page.fragment else first_load(client, body)
        elif i > 2:
            times.append(elapsed)
            statements.append(count)
            bad += r.status_code != page.status
    times.sort()
    return {**result, "sql": max(statements), "p50_ms": percentile(times, 0.5),
            "p95_ms": percentile(times, 0.95), "requests": len(times), "bad_status": bad}
