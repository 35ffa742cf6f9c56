"""Village page throughput under gunicorn (2 workers), next to the bare baseline
served by the same gunicorn settings from the same database."""
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from http.cookiejar import CookieJar
from pathlib import Path

from .load import run_load
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
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request) as r:
        if r.status != 200 or urllib.parse.urlsplit(r.geturl()).path != urllib.parse.urlsplit(url).path:
            raise RuntimeError(f"{url} answered {r.status} at {r.geturl()}")
    for _ in range(20):  # warm both workers' pools and template caches
        urllib.request.urlopen(request).read()


def throughput(database_url: str, plan: Plan, seconds: float, connections: int, logs: Path) -> dict:
    path = f"/villages/{plan.village_id}"
    results = {}
    with gunicorn("app:app", database_url, logs / "gunicorn-app.log") as base:
        cookie = http_login(base, plan.users["officer"], plan.password)
        check(base + path, cookie)
        results["village page"] = run_load(base + path, cookie, seconds, connections)
    with gunicorn("bench.baseline_app:app", database_url, logs / "gunicorn-baseline.log") as base:
        check(base + path, None)
        results["baseline"] = run_load(base + path, None, seconds, connections)
    base_rps = results["baseline"]["rps"]
    results["ratio"] = results["village page"]["rps"] / base_rps if base_rps else 0.0
    results.update(workers=WORKERS, path=path)
    return results
