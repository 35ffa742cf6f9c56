"""In-process measurements with Flask's test client: database round trips and latency.

Page weights are not taken here: bench/sent.py weighs them over HTTP as sent."""
import re
import time

from sqlalchemy import event

from sammachip import create_app
from sammachip.extensions import db

from .pages import Page
from .seed import Plan

SECRET_KEY = "bench-not-secret"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
# What a phone's browser asks for: compressing is part of the page's cost.
ACCEPT = {"Accept-Encoding": "br, gzip"}
MIN_SAMPLES = 200  # fewer and a p95 is the second-slowest of a handful: not printed


IDLE = 0  # psycopg.pq.TransactionStatus.IDLE


def in_transaction(conn) -> bool:
    dbapi = getattr(conn, "dbapi_connection", conn)  # the pool hands over its proxy
    if hasattr(dbapi, "pgconn"):
        return dbapi.info.transaction_status != IDLE
    return dbapi.in_transaction  # sqlite3


def implicit_begin(dbapi) -> bool:
    """psycopg opens each transaction with a BEGIN of its own, and waits for it,
    before the first statement (SQLite's BEGIN is the app's, and is seen)."""
    return hasattr(dbapi, "pgconn") and not dbapi.autocommit and dbapi.info.transaction_status == IDLE


class RoundTrips:
    """Every call that waits for the database, not only the statements SQLAlchemy
    sees: psycopg's implicit BEGIN, COMMIT / ROLLBACK (the pool's reset on
    return included) and the pool's pre-ping."""

    KINDS = ("statements", "begin", "end", "ping")

    def __init__(self, engine):
        self.reset()
        event.listen(engine, "before_cursor_execute", self.on_execute)
        dialect = engine.dialect
        # Wrapped on this engine's dialect only: the pool calls these directly, no event fires.
        for name, kind in (("do_commit", "end"), ("do_rollback", "end"), ("do_ping", "ping")):
            setattr(dialect, name, self.counting(getattr(dialect, name), kind))

    def reset(self) -> None:
        self.counts = dict.fromkeys(self.KINDS, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def on_execute(self, conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("BEGIN"):
            self.counts["begin"] += 1  # SQLite: the app's own BEGIN [IMMEDIATE]
            return
        if implicit_begin(conn.connection.dbapi_connection):
            self.counts["begin"] += 1
        self.counts["statements"] += 1

    def counting(self, method, kind: str):
        def wrapper(dbapi_conn):
            # A COMMIT / ROLLBACK outside a transaction never reaches the server.
            if kind == "ping" or in_transaction(dbapi_conn):
                self.counts[kind] += 1
            return method(dbapi_conn)

        return wrapper


def make_app(url: str):
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": SECRET_KEY})
    with app.app_context():
        trips = RoundTrips(db.engine)
    return app, trips


def dispose(app) -> None:
    with app.app_context():
        db.engine.dispose()


def login(client, plan: Plan, user: str | None) -> str:
    """Log `client` (Flask's test client or bench/sent.py's) in as `user` through
    the real form; return its CSRF token."""
    token = CSRF.search(client.get("/login").get_data(as_text=True)).group(1)
    if user:
        r = client.post("/login", data={"username": plan.users[user], "password": plan.password,
                                        "csrf_token": token})
        if r.status_code != 302:
            raise RuntimeError(f"login as {plan.users[user]} failed: HTTP {r.status_code}")
    return token


def names_for(client, token: str, page: Page, plan: Plan, i: int) -> dict:
    """The values for the i-th request's path and form (its untimed set-up included)."""
    return {**vars(plan), **(page.before(client, token, plan, i) if page.before else {})}


def send(client, token: str, page: Page, names: dict):
    headers = {**ACCEPT, **({"HX-Request": "true"} if page.fragment else {})}
    data = None
    if page.method != "GET":
        headers["X-CSRFToken"] = token
        data = {k: str(v).format(**names) for k, v in (page.form or {}).items()}
    return client.open(page.path.format(**names), method=page.method, headers=headers, data=data)


def percentile(sorted_values: list[float], q: float) -> float:
    return sorted_values[max(0, min(len(sorted_values) - 1, round(q * len(sorted_values)) - 1))]


def measure(trips: RoundTrips, client, token: str, page: Page, plan: Plan, repeats: int, seconds: float) -> dict:
    """`repeats` timed requests (at least MIN_SAMPLES), or fewer once `seconds`
    have passed; then the p95 is not reported (a page taking seconds per request
    must not stretch the bench to an hour)."""
    times, counts, bad = [], [], 0
    deadline = time.perf_counter() + seconds
    for i in range(3 + max(repeats, MIN_SAMPLES)):  # 3 to warm caches (templates, translations, pool)
        if times and time.perf_counter() > deadline:
            break
        names = names_for(client, token, page, plan, i)
        trips.reset()
        started = time.perf_counter()
        r = send(client, token, page, names)
        elapsed = (time.perf_counter() - started) * 1000
        counted = dict(trips.counts)
        r.get_data()
        if page.after:
            page.after(client, token, names)
        if i == 2 and r.status_code != page.status:
            return {"error": f"HTTP {r.status_code}"}
        if i > 2:
            times.append(elapsed)
            counts.append(counted)
            bad += r.status_code != page.status
    times.sort()
    # The most seen over the repeats: a reconnect or a first-time query shows up too.
    most = max(counts, key=lambda c: sum(c.values()))
    return {"statements": max(c["statements"] for c in counts), "round_trips": sum(most.values()),
            "round_trip_kinds": most, "p50_ms": percentile(times, 0.5),
            "p95_ms": percentile(times, 0.95) if len(times) >= MIN_SAMPLES else None,
            "requests": len(times), "bad_status": bad}
