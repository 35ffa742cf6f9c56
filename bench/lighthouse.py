"""`make bench-lighthouse`: Lighthouse (mobile preset: a mid-range phone on slow 4G, simulated) on
the live village page and on a gzipped static copy of the same page (bench/copy_app.py), in
interleaved rounds; prints each LCP and the ratio of the medians against the budget (≤ 1.1).

Needs Node.js and npm (Lighthouse 12 is installed into bench/out/lighthouse on the first run) and
Chromium (`make browser-deps`). A target, not a test: the exit status stays 0.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import urllib.request
from pathlib import Path

from . import seed
from .throughput import gunicorn, http_login

OUT = Path(__file__).resolve().parent / "out"
TOOL = OUT / "lighthouse"
LIGHTHOUSE = TOOL / "node_modules" / ".bin" / "lighthouse"
VERSION = "12.8.2"
LCP_RATIO = 1.1  # the live page's LCP within 1.1 × the static copy's (issue 17)
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")


def install() -> None:
    if not LIGHTHOUSE.exists():
        TOOL.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(TOOL), "--no-audit", "--no-fund", f"lighthouse@{VERSION}"],
                       check=True, stdout=subprocess.DEVNULL)


def lcp(url: str, cookie: str, report: Path) -> float:
    """One Lighthouse run (performance only, its default mobile settings); the LCP in ms."""
    subprocess.run([str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json",
                    f"--output-path={report}", "--quiet", "--chrome-flags=--headless=new --no-sandbox",
                    f"--extra-headers={json.dumps({'Cookie': cookie})}"],
                   check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    audits = json.loads(report.read_text())["audits"]
    return audits["largest-contentful-paint"]["numericValue"]


def save_copy(base: str, path: str, cookie: str, to: Path) -> None:
    request = urllib.request.Request(base + path, headers={"Cookie": cookie})
    with urllib.request.urlopen(request) as r:
        to.write_bytes(r.read())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not shutil.which("npm"):
        print("Lighthouse needs Node.js and npm: not found, nothing measured")
        return
    install()
    OUT.mkdir(exist_ok=True)
    url, plan = f"sqlite:///{OUT / 'bench-lighthouse.sqlite'}", seed.plan_for(200)
    seed.ensure(url, 200, log=lambda s: None)
    page, copy_file = f"/villages/{plan.village_id}", OUT / "village-copy.html"
    with gunicorn("app:app", url, OUT / "gunicorn-lighthouse.log") as live:
        cookie = http_login(live, plan.users["officer"], plan.password)
        save_copy(live, page, cookie, copy_file)
        os.environ["BENCH_COPY"] = str(copy_file)
        with gunicorn("bench.copy_app:app", url, OUT / "gunicorn-lighthouse-copy.log") as static:
            targets = {"village page": live + page, "static copy": static + "/bench-copy"}
            runs = {name: [] for name in targets}
            for r in range(args.rounds):
                for name in (list(targets) if r % 2 == 0 else list(reversed(targets))):
                    runs[name].append(lcp(targets[name], cookie, OUT / "lighthouse.json"))
    medians = {name: statistics.median(values) for name, values in runs.items()}
    ratio = medians["village page"] / medians["static copy"]
    print(f"Lighthouse {VERSION}, mobile preset, {args.rounds} interleaved rounds, load {os.getloadavg()[0]:.1f}")
    for name, values in runs.items():
        print(f"  {name}: LCP median {medians[name]:.0f} ms ({', '.join(f'{v:.0f}' for v in values)})")
    verdict = "PASS" if ratio <= LCP_RATIO else "OVER"
    print(f"  village page / static copy: {ratio:.2f} (budget ≤ {LCP_RATIO}) {verdict}")
    (OUT / "lighthouse-latest.json").write_text(json.dumps({"runs": runs, "ratio": ratio}, indent=2))


if __name__ == "__main__":
    main()
