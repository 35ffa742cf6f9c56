"""The printed report: every measurement beside its budget, PASS or OVER
(UNDER for a floor). Budgets are targets: nothing here fails the run."""
import os

from .pages import DASHBOARD_HTML_KB, FIRST_LOAD_KB, FLOOR_RATIO, FRAGMENT_KB, PAGES, REPEAT_KB, SQL_PER_REQUEST

KB = 1024
OFFICER = {p.name for p in PAGES if p.officer}
DASHBOARD = {p.name for p in PAGES if p.dashboard}


def judge(row: dict) -> dict:
    """Add `<measure>_met` (True / False) for each budget that applies to the row."""
    if "html_sent" in row:
        if row["fragment"]:
            row["html_met"] = row["html_sent"] <= FRAGMENT_KB * KB
        elif row["page"] in DASHBOARD:
            row["html_met"] = row["html_sent"] <= DASHBOARD_HTML_KB * KB
    if "first_visit" in row:
        row["first_met"] = row["first_visit"] <= FIRST_LOAD_KB * KB
        if row["page"] in OFFICER:
            row["repeat_met"] = row["repeat_visit"] <= REPEAT_KB * KB
    if "statements" in row:
        row["sql_met"] = row["statements"] <= SQL_PER_REQUEST and row["bad_status"] == 0
        if row["p95_budget_ms"] is not None:
            row["p95_met"] = row["p95_ms"] is not None and row["p95_ms"] <= row["p95_budget_ms"]
    return row


def mark(met: bool | None, miss: str = "OVER") -> str:
    return "" if met is None else (" PASS" if met else f" {miss}")


def grid(head: tuple, lines: list[tuple]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(head, *lines)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([fmt.format(*head), fmt.format(*("-" * w for w in widths))]
                     + [fmt.format(*line) for line in lines])


def kb(row: dict, key: str, met: str) -> str:
    return f"{row[key] / KB:.1f}{mark(row.get(met))}" if key in row else ""


def bytes_table(rows: list[dict]) -> str:
    head = ("page", "data", f"HTML KB (dashboards ≤{DASHBOARD_HTML_KB}, fragments ≤{FRAGMENT_KB})",
            f"first visit KB (≤{FIRST_LOAD_KB})", f"repeat visit KB (officer ≤{REPEAT_KB})", "by a link KB",
            "encoding")
    lines = []
    for r in rows:
        data = f"{r['data']} {r['villages']:,}"
        if "sent_error" in r:
            lines.append((r["page"], data, r["sent_error"][:70], "", "", "", ""))
            continue
        lines.append((r["page"], data, kb(r, "html_sent", "html_met"), kb(r, "first_visit", "first_met"),
                      kb(r, "repeat_visit", "repeat_met"), kb(r, "by_link", None), r["encoding"]))
    return grid(head, lines)


def time_table(rows: list[dict]) -> str:
    head = ("page", "data", f"SQL statements (≤{SQL_PER_REQUEST})", "round trips (BEGIN+SQL+END+ping)",
            "p50 ms", "p95 ms (budget)", "n")
    lines = []
    for r in rows:
        data = f"{r['data']} {r['villages']:,}"
        if "error" in r:
            lines.append((r["page"], data, r["error"][:70], "", "", "", ""))
            continue
        k = r["round_trip_kinds"]
        trips = f"{r['round_trips']} ({k['begin']}+{k['statements']}+{k['end']}+{k['ping']})"
        sql = f"{r['statements']}{mark(r['sql_met'])}" + (f" {r['bad_status']} bad" if r["bad_status"] else "")
        p95 = "– (n<200)" if r["p95_ms"] is None else f"{r['p95_ms']:.1f}"
        if r["p95_budget_ms"] is not None:
            p95 += f"{mark(r.get('p95_met'))} (≤{r['p95_budget_ms']:g})"
        lines.append((r["page"], data, sql, trips, f"{r['p50_ms']:.1f}", p95, r["requests"]))
    return grid(head, lines)


def assets_text(row: dict) -> str:
    """What the first page of a data set loads, and what a warm cache asks again."""
    lines = [f"assets of the {row['page']} ({row['data']}): bytes as sent, first / repeat visit"]
    for url, a in row.get("assets", {}).items():
        lines.append(f"  {url}  {a['first']:,} / {a['repeat']:,}  {a['encoding']}  "
                     f"Cache-Control: {a['cache_control']}  Vary: {a['vary']}")
    return "\n".join(lines)


def spread(s: dict, digits: int = 2) -> str:
    return f"min {s['min']:.{digits}f} · median {s['median']:.{digits}f} · max {s['max']:.{digits}f}"


def throughput_text(t: dict) -> str:
    if "error" in t:
        return f"throughput on {t['data']}: not measured ({t['error']})"
    lines = [f"throughput on {t['data']} {t['villages']:,} villages: {t['workers']} gunicorn workers each, "
             f"{t['tool']} with {t['connections']} connections, {t['rounds']} interleaved rounds of "
             f"{t['seconds']:g} s per target, Accept-Encoding: br, gzip"]
    for name, target in t["targets"].items():
        lines.append(f"  {name:<13} {target['path']:<16} req/s {spread(target['rps'], 0)}, "
                     f"{target['errors']} errors")
    lines.append(f"  village page / app floor  {spread(t['ratio_to_floor'])}"
                 f"{mark(t['met'], 'UNDER')} (median ≥{FLOOR_RATIO:g}, zero errors)")
    lines.append(f"  village page / baseline   {spread(t['ratio_to_baseline'])} (printed, not a budget)")
    return "\n".join(lines)


def load_text() -> str:
    one, five, fifteen = os.getloadavg()
    note = " (not idle: timings are noisy)" if one > 0.5 else ""
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min) on {os.cpu_count()} cores{note}"
