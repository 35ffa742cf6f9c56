"""`make bench` / `make bench-quick`: measure every page in bench/pages.py on
SQLite and PostgreSQL (in process: round trips and latency; over HTTP from
gunicorn: bytes as sent), then the village page's throughput beside the app's
floor and the bare baseline; print the tables with the budgets and write
bench/out/latest.json.

Budgets are targets: a missed one is printed, and the exit status stays 0.
"""
import argparse
import json
import os
import platform
import sys
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text

from . import seed
from .measure import dispose, login, make_app, measure
from .pages import DASHBOARD_HTML_KB, FIRST_LOAD_KB, FLOOR_RATIO, FRAGMENT_KB, PAGES, REPEAT_KB, SQL_PER_REQUEST
from .report import assets_text, bytes_table, judge, load_text, throughput_text, time_table
from .sent import weigh
from .throughput import gunicorn, throughput

OUT = Path(__file__).resolve().parent / "out"
PG = os.environ.get("BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/")
# Two checkouts benchmarking on one server each need their own databases.
PREFIX = os.environ.get("BENCH_DB_PREFIX", "sammachip_bench")


@dataclass
class Mode:
    villages: int        # SQLite and PostgreSQL page measurements
    large_villages: int  # the province-scale PostgreSQL database (kept between runs)
    repeats: int         # timed requests per page (a p95 needs 200) ...
    page_seconds: float  # ... unless a page has taken this long: then no p95
    rounds: int          # interleaved load rounds ...
    load_seconds: float  # ... of this long per gunicorn target
    connections: int = 4


FULL = Mode(villages=200, large_villages=20_000, repeats=200, page_seconds=300, rounds=5, load_seconds=5)
QUICK = Mode(villages=20, large_villages=200, repeats=200, page_seconds=60, rounds=3, load_seconds=2)


def datasets(mode: Mode) -> list[dict]:
    # One PostgreSQL database per size ("<prefix>_<n>"), never the tests' `test`.
    return [
        {"key": "sqlite", "villages": mode.villages, "reuse": False,
         "url": f"sqlite:///{OUT / f'bench-{mode.villages}.sqlite'}"},
        {"key": "pg", "villages": mode.villages, "reuse": False, "url": f"{PG}{PREFIX}_{mode.villages}"},
        # 20,000 villages take a while to seed: kept while seed and migrations are unchanged.
        {"key": "pg-large", "villages": mode.large_villages, "reuse": True,
         "url": f"{PG}{PREFIX}_{mode.large_villages}"},
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
    app, trips = make_app(ds["url"])
    clients, rows = {}, []
    for page in PAGES:
        row = {"page": page.name, "data": ds["key"], "villages": ds["villages"], "fragment": page.fragment,
               "p95_budget_ms": page.p95_ms if ds["key"] in page.p95_on else None}
        try:
            if page.user not in clients:
                client = app.test_client()
                clients[page.user] = client, login(client, plan, page.user)
            row.update(measure(trips, *clients[page.user], page, plan, mode.repeats, mode.page_seconds))
        except Exception as e:  # one broken page must not hide the others' figures
            row["error"] = f"{type(e).__name__}: {e}"
        rows.append(row)
    dispose(app)
    logs = OUT / f"logs-{ds['key']}"
    logs.mkdir(exist_ok=True)
    try:
        with gunicorn("app:app", ds["url"], logs / "gunicorn-weigh.log") as base:
            weights = weigh(base, PAGES, plan)
    except Exception as e:  # no server: the in-process figures still count
        weights = {page.name: {"error": f"{type(e).__name__}: {e}"} for page in PAGES}
    for row in rows:
        sent = weights[row["page"]]
        row.update({"sent_error": sent["error"]} if "error" in sent else sent)
    return [judge(row) for row in rows]


def load_test(ds: dict, mode: Mode) -> dict:
    try:
        logs = OUT / f"logs-{ds['key']}"
        logs.mkdir(exist_ok=True)
        load = throughput(ds["url"], seed.plan_for(ds["villages"]), mode.rounds, mode.load_seconds,
                          mode.connections, logs)
        errors = load["targets"]["village page"]["errors"] + load["targets"]["app floor"]["errors"]
        load["met"] = load["ratio_to_floor"]["median"] >= FLOOR_RATIO and errors == 0
    except Exception as e:  # report, don't crash: the page figures still count
        load = {"error": f"{type(e).__name__}: {e}"}
    return {**load, "data": ds["key"], "villages": ds["villages"]}


def main() -> None:
    parser = argparse.ArgumentParser(description="Sammachip benchmark (issues 8 and 17)")
    parser.add_argument("--quick", action="store_true", help="small data sets, short load: a few minutes")
    args = parser.parse_args()
    mode = QUICK if args.quick else FULL
    started = time.perf_counter()
    OUT.mkdir(exist_ok=True)
    cores, loads = os.cpu_count(), {"start": os.getloadavg()}
    print(f"Sammachip bench ({'quick' if args.quick else 'full'}): Python {platform.python_version()}, "
          f"{platform.platform()}\n  {load_text()}", flush=True)
    pg = postgres_up()
    sets = [ds for ds in datasets(mode) if pg or ds["key"] == "sqlite"]
    rows = []
    for ds in sets:
        ds["seed"] = seed.ensure(ds["url"], ds["villages"], reuse=ds["reuse"], log=lambda s: None)
        print(f"  {ds['key']} {ds['villages']:,} villages: {ds['seed']}", flush=True)
        rows += measure_dataset(ds, mode)
    loads["before_throughput"] = os.getloadavg()
    print(f"  pages measured; throughput next, {load_text()}", flush=True)
    throughputs = [load_test(ds, mode) for ds in sets if ds["key"] in ("sqlite", "pg")]
    loads["end"] = os.getloadavg()
    print("\nBytes as sent (gunicorn, Accept-Encoding: br, gzip; status line, headers and body)")
    print(bytes_table(rows))
    first = next((r for r in rows if r["page"] == "village page" and "assets" in r), None)
    if first:
        print("\n" + assets_text(first))
    print(f"\nIn process (Flask's test client, Accept-Encoding: br, gzip; {mode.repeats}+ requests a page)")
    print(time_table(rows))
    print()
    print("\n\n".join(throughput_text(t) for t in throughputs))
    elapsed = time.perf_counter() - started
    print(f"\n{load_text()} · {elapsed:.0f} s · budgets are targets, not tests · bench/out/latest.json")
    report = {"when": datetime.now(UTC).isoformat(timespec="seconds"),
              "mode": "quick" if args.quick else "full", "cpu_count": cores, "load_average": loads,
              "python": platform.python_version(), "platform": platform.platform(),
              "settings": asdict(mode), "elapsed_s": round(elapsed, 1),
              "budgets": {"first_load_kb": FIRST_LOAD_KB, "repeat_kb_officer": REPEAT_KB,
                          "dashboard_html_kb": DASHBOARD_HTML_KB, "fragment_kb": FRAGMENT_KB,
                          "sql_per_request": SQL_PER_REQUEST, "village_to_floor": FLOOR_RATIO},
              "datasets": [{k: v for k, v in ds.items() if k != "url"} for ds in sets],
              "pages": rows, "throughput": throughputs}
    (OUT / "latest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
