"""Village page throughput under gunicorn (2 workers), next to the app's own
floor (bench/floor_app.py) and the bare baseline (bench/baseline_app.py),
served by the same gunicorn settings from the same database."""
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack, contextmanager
from http.cookiejar import CookieJar
from pathlib import Path

from .load import ACCEPT_ENCODING, run_load
from .measure import SECRET_KEY
from .seed import Plan

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(target: str, database_url: str, log: Path):
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": SECRET_KEY}
    for name in ("FLASK_ENV", "SAMMACHIP_ENV"):  # production cookies are Secure: no use over plain HTTP
        env.pop(name, None)
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}",
             "--log-level", "warning", target], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_listening(base, proc)
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def wait_listening(base: str, proc, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode}")
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2).read()
            return
        except urllib.error.HTTPError:
            return  # it answers (the baseline has no /healthz)
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start in time")


def http_login(base: str, username: str, password: str) -> str:
    """Log in over HTTP like a browser; the Cookie header for the load generator."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + "/login").read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    form = urllib.parse.urlencode({"username": username, "password": password, "csrf_token": token})
    landed = opener.open(base + "/login", data=form.encode())
    if urllib.parse.urlsplit(landed.geturl()).path == "/login":
        raise RuntimeError(f"login as {username} failed")
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def check(url: str, cookie: str | None) -> None:
    """One request before the load: a redirect to /login must not pass for throughput."""
    headers = {"Accept-Encoding": ACCEPT_ENCODING, **({"Cookie": cookie} if cookie else {})}
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request) as r:
        if r.status != 200 or urllib.parse.urlsplit(r.geturl()).path != urllib.parse.urlsplit(url).path:
            raise RuntimeError(f"{url} answered {r.status} at {r.geturl()}")
    for _ in range(20):  # warm both workers' pools and template caches
        urllib.request.urlopen(request).read()


def spread(values: list[float]) -> dict:
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def throughput(database_url: str, plan: Plan, rounds: int, seconds: float, connections: int, logs: Path) -> dict:
    """The village page, the app's floor and the bare baseline, each on its own
    gunicorn, loaded in turn for `rounds` rounds: a drift of the machine's speed
    then touches all three alike, and each round gives its own ratios."""
    village = f"/villages/{plan.village_id}"
    targets = {"village page": ("app:app", village, True),
               "app floor": ("bench.floor_app:app", "/bench-floor", True),
               "baseline": ("bench.baseline_app:app", village, False)}
    runs = {name: [] for name in targets}
    with ExitStack() as stack:
        urls = {}
        for name, (target, path, logged_in) in targets.items():
            base = stack.enter_context(gunicorn(target, database_url, logs / f"gunicorn-{target.split(':')[0]}.log"))
            cookie = http_login(base, plan.users["officer"], plan.password) if logged_in else None
            check(base + path, cookie)
            urls[name] = base + path, cookie
        for r in range(rounds):
            order = list(targets)[r % 3:] + list(targets)[:r % 3]  # none always first or last
            for name in order:
                runs[name].append(run_load(*urls[name], seconds, connections))
    rps = {name: [run["rps"] for run in runs[name]] for name in targets}
    ratios = {"floor": [v / f if f else 0.0 for v, f in zip(rps["village page"], rps["app floor"])],
              "baseline": [v / b if b else 0.0 for v, b in zip(rps["village page"], rps["baseline"])]}
    return {"targets": {name: {"path": targets[name][1], "rps": spread(rps[name]),
                               "errors": sum(run["errors"] for run in runs[name]), "runs": runs[name]}
                        for name in targets},
            "ratio_to_floor": spread(ratios["floor"]), "ratio_to_baseline": spread(ratios["baseline"]),
            "rounds": rounds, "seconds": seconds, "connections": connections, "workers": WORKERS,
            "tool": runs["village page"][0]["tool"]}
