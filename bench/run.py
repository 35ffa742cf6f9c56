"""`make bench` / `make bench-quick`: measure every page in bench/pages.py on
SQLite and PostgreSQL, then the village page's throughput under gunicorn;
print a table with the budgets and write bench/out/latest.json.

Budgets are targets: a missed one is printed, and the exit status stays 0.
"""
import argparse
import json
import os
import platform
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, text

from . import seed
from .measure import dispose, login, make_app, measure
from .pages import FIRST_LOAD_KB, FRAGMENT_KB, PAGES, SQL_PER_REQUEST, THROUGHPUT_RATIO
from .throughput import throughput

OUT = Path(__file__).resolve().parent / "out"
PG = os.environ.get("BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/")


@dataclass
class Mode:
    villages: int        # SQLite and PostgreSQL page measurements
    large_villages: int  # the province-scale PostgreSQL database (kept between runs)
    repeats: int         # requests per page for p50/p95 ...
    page_seconds: float  # ... or fewer (at least 10) once a page has taken this long
    load_seconds: float  # per gunicorn target
    connections: int = 4


FULL = Mode(villages=200, large_villages=20_000, repeats=200, page_seconds=15, load_seconds=10)
QUICK = Mode(villages=20, large_villages=200, repeats=30, page_seconds=3, load_seconds=3)


def datasets(mode: Mode) -> list[dict]:
    # One PostgreSQL database per size ("sammachip_bench_<n>"), never the tests' `test`.
    return [
        {"key": "sqlite", "villages": mode.villages, "reuse": False,
         "url": f"sqlite:///{OUT / f'bench-{mode.villages}.sqlite'}"},
        {"key": "pg", "villages": mode.villages, "reuse": False, "url": f"{PG}sammachip_bench_{mode.villages}"},
        # 20,000 villages take a while to seed: kept while seed and migrations are unchanged.
        {"key": "pg-large", "villages": mode.large_villages, "reuse": True,
         "url": f"{PG}sammachip_bench_{mode.large_villages}"},
    ]


def postgres_up() -> bool:
    try:
        engine = create_engine(f"{PG}postgres", connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception as e:  # any failure: measure SQLite alone, say why
        print(f"PostgreSQL unreachable at {PG} ({type(e).__name__}): PostgreSQL rows skipped")
        return False


def measure_dataset(ds: dict, mode: Mode) -> list[dict]:
    plan = seed.plan_for(ds["villages"])
    app, counter = make_app(ds["url"])
    clients, rows = {}, []
    for page in PAGES:
        row = {"page": page.name, "data": ds["key"], "villages": ds["villages"], "fragment": page.fragment,
               "p95_budget_ms": page.p95_ms if ds["key"] in page.p95_on else None}
        try:
            if page.user not in clients:
                clients[page.user] = login(app, plan, page.user)
            row.update(measure(app, counter, *clients[page.user], page, plan, mode.repeats, mode.page_seconds))
        except Exception as e:  # one broken page must not hide the others' figures
            row["error"] = f"{type(e).__name__}: {e}"
        rows.append(judge(row))
    dispose(app)
    return rows


def judge(row: dict) -> dict:
    if "error" in row:
        return row
    if row["fragment"]:
        row["fragment_met"] = row["fragment_gzip"] <= FRAGMENT_KB * 1024
    else:
        row["first_load_met"] = row["total_gzip"] <= FIRST_LOAD_KB * 1024
    row["sql_met"] = row["sql"] <= SQL_PER_REQUEST and row["bad_status"] == 0
    if row["p95_budget_ms"] is not None:
        row["p95_met"] = row["p95_ms"] <= row["p95_budget_ms"]
    return row


def mark(met: bool | None) -> str:
    return "" if met is None else (" ok" if met else " MISS")


def table(rows: list[dict]) -> str:
    head = ("page", "data", f"first load KB ≤{FIRST_LOAD_KB}", f"fragment KB ≤{FRAGMENT_KB}",
            f"SQL ≤{SQL_PER_REQUEST}", "p50 ms", "p95 ms (budget)", "n")
    lines = []
    for r in rows:
        data = f"{r['data']} {r['villages']:,}"
        if "error" in r:
            lines.append((r["page"], data, r["error"][:70], "", "", "", "", ""))
            continue
        load = "" if r["fragment"] else f"{r['total_gzip'] / 1024:.1f}{mark(r['first_load_met'])}"
        frag = f"{r['fragment_gzip'] / 1024:.1f}{mark(r['fragment_met'])}" if r["fragment"] else ""
        p95 = f"{r['p95_ms']:.1f}"
        if r["p95_budget_ms"] is not None:
            p95 += f"{mark(r['p95_met'])} (≤{r['p95_budget_ms']:g})"
        sql = f"{r['sql']}{mark(r['sql_met'])}" + (f" {r['bad_status']} bad" if r["bad_status"] else "")
        lines.append((r["page"], data, load, frag, sql, f"{r['p50_ms']:.1f}", p95, r["requests"]))
    widths = [max(len(str(x)) for x in col) for col in zip(head, *lines)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([fmt.format(*head), fmt.format(*("-" * w for w in widths))]
                     + [fmt.format(*line) for line in lines])


def throughput_text(t: dict) -> str:
    if "error" in t:
        return f"throughput on {t['data']}: not measured ({t['error']})"
    app, base = t["village page"], t["baseline"]
    return (f"throughput on {t['data']} {t['villages']:,} villages ({t['workers']} gunicorn workers, "
            f"{app['connections']} connections, {app['seconds']:g} s each, {app['tool']}):\n"
            f"  village page {app['rps']:.0f} req/s, {app['errors']} errors{mark(app['errors'] == 0)}\n"
            f"  bare baseline {base['rps']:.0f} req/s, {base['errors']} errors\n"
            f"  ratio {t['ratio']:.2f}{mark(t['met'])} (≥{THROUGHPUT_RATIO:g} × baseline, zero errors)")


def load_test(ds: dict, mode: Mode) -> dict:
    try:
        logs = OUT / f"logs-{ds['key']}"
        logs.mkdir(exist_ok=True)
        load = throughput(ds["url"], seed.plan_for(ds["villages"]), mode.load_seconds, mode.connections, logs)
        load["met"] = load["ratio"] >= THROUGHPUT_RATIO and load["village page"]["errors"] == 0
    except Exception as e:  # report, don't crash: the page figures still count
        load = {"error": f"{type(e).__name__}: {e}"}
    return {**load, "data": ds["key"], "villages": ds["villages"]}


def main() -> None:
    parser = argparse.ArgumentParser(description="Sammachip benchmark (issue 8)")
    parser.add_argument("--quick", action="store_true", help="small data set, short load: under a minute")
    args = parser.parse_args()
    mode = QUICK if args.quick else FULL
    started = time.perf_counter()
    OUT.mkdir(exist_ok=True)
    cores, busy = os.cpu_count(), os.getloadavg()[0]
    print(f"Sammachip bench ({'quick' if args.quick else 'full'}): {cores} cores, "
          f"Python {platform.python_version()}, {platform.platform()}", flush=True)
    if busy > 0.5:  # another busy process skews every timing, throughput most
        print(f"  note: load average {busy:.1f} at start: the machine is not idle, timings will be noisy")
    pg = postgres_up()
    sets = [ds for ds in datasets(mode) if pg or ds["key"] == "sqlite"]
    rows = []
    for ds in sets:
        ds["seed"] = seed.ensure(ds["url"], ds["villages"], reuse=ds["reuse"], log=lambda s: None)
        print(f"  {ds['key']} {ds['villages']:,} villages: {ds['seed']}", flush=True)
        rows += measure_dataset(ds, mode)
    loads = [load_test(ds, mode) for ds in sets if ds["key"] in ("sqlite", "pg")]
    print()
    print(table(rows))
    print()
    print("\n".join(throughput_text(load) for load in loads))
    elapsed = time.perf_counter() - started
    print(f"\n{cores} cores · {elapsed:.0f} s · budgets are targets, not tests · bench/out/latest.json")
    report = {"when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "mode": "quick" if args.quick else "full", "cpu_count": cores, "load_average_at_start": busy,
              "python": platform.python_version(), "platform": platform.platform(),
              "settings": asdict(mode), "elapsed_s": round(elapsed, 1),
              "budgets": {"first_load_kb_gzip": FIRST_LOAD_KB, "fragment_kb_gzip": FRAGMENT_KB,
                          "sql_per_request": SQL_PER_REQUEST, "throughput_ratio": THROUGHPUT_RATIO},
              "datasets": [{k: v for k, v in ds.items() if k != "url"} for ds in sets],
              "pages": rows, "throughput": loads}
    (OUT / "latest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
