"""Load from a second process: Debian's wrk when it can be had, else a small
Python loader (`python -m bench.load URL`), so the bench never needs wrk."""
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ACCEPT_ENCODING = "br, gzip"  # as a phone's browser asks: compressing is part of the cost


def ensure_wrk() -> str | None:
    """wrk's path, installing Debian's package when we are root; None when it cannot be had."""
    if shutil.which("wrk"):
        return shutil.which("wrk")
    if os.geteuid() == 0 and shutil.which("apt-get"):
        for step in (["apt-get", "install", "-y", "-q", "wrk"],
                     ["sh", "-c", "apt-get update -q && apt-get install -y -q wrk"]):
            try:
                if subprocess.run(step, capture_output=True, timeout=300).returncode == 0:
                    break
            except (OSError, subprocess.TimeoutExpired):
                pass
    return shutil.which("wrk")


def run_load(url: str, cookie: str | None, seconds: float, connections: int) -> dict:
    wrk = ensure_wrk()
    return (with_wrk(wrk, url, cookie, seconds, connections) if wrk
            else with_python(url, cookie, seconds, connections))


def with_wrk(wrk: str, url: str, cookie: str | None, seconds: float, connections: int) -> dict:
    cmd = [wrk, "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency",
           "-H", f"Accept-Encoding: {ACCEPT_ENCODING}", "-s", str(HERE / "wrk_count.lua"), url]
    if cookie:
        cmd[1:1] = ["-H", f"Cookie: {cookie}"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60)
    out = done.stdout
    if done.returncode != 0 or "requests in" not in out:
        raise RuntimeError(f"wrk failed: {(done.stderr or out).strip()[:200]}")

    def number(pattern: str, default: float = 0.0) -> float:
        m = re.search(pattern, out)
        return float(m.group(1)) if m else default

    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    socket_errors = sum(int(g) for g in socket.groups()) if socket else 0
    return {"tool": "wrk", "requests": int(number(r"(\d+) requests in")),
            "rps": number(r"Requests/sec:\s+([\d.]+)"),
            "errors": int(number(r"not_ok (\d+)")) + socket_errors, "socket_errors": socket_errors,
            "connections": connections, "seconds": seconds}


def with_python(url: str, cookie: str | None, seconds: float, connections: int) -> dict:
    cmd = [sys.executable, "-m", "bench.load", url, str(seconds), str(connections), cookie or ""]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE.parent, timeout=seconds + 60)
    return json.loads(out.stdout)


def python_loader(url: str, seconds: float, connections: int, cookie: str) -> dict:
    """Keep `connections` requests in flight for `seconds`; count non-200s and socket errors."""
    parts = urlsplit(url)
    headers = {"Accept-Encoding": ACCEPT_ENCODING, **({"Cookie": cookie} if cookie else {})}
    counts = {"requests": 0, "errors": 0}
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        done = bad = 0
        while time.perf_counter() < deadline:
            try:
                conn.request("GET", parts.path, headers=headers)
                response = conn.getresponse()
                response.read()
                bad += response.status != 200
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
            done += 1
        with lock:
            counts["requests"] += done
            counts["errors"] += bad

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    return {"tool": "python", **counts, "rps": counts["requests"] / elapsed,
            "connections": connections, "seconds": seconds}


if __name__ == "__main__":
    url, seconds, connections, cookie = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    print(json.dumps(python_loader(url, seconds, connections, cookie)))
