"""Dashboard rows: every village's facts for a district, district sums for a province."""
from sqlalchemy import func, select

from ..domain import geo
from ..domain.clock import figures_day
from ..domain.facts_read import STATUSES, district_sums, new_sums, villages_with_facts
from ..domain.indicators import total
from ..domain.programme import rules_for
from ..domain.progress import status_of, steps_of
from ..domain.targets import targets_in
from ..extensions import db
from ..models import Village

SORTS = {
    "code": lambda row: row["village"].code,
    "progress": lambda row: (-row["done"], row["village"].code),
    "practising": lambda row: (-(row["facts"].ind.share or -1), row["village"].code),
}


def dashboard_args(district_code: str, given) -> dict:
    """The dashboard's filter and sort from the query string, known values only (anything else is as if
    not given: it would show nothing, and it must not make a kept body of its own)."""
    known = {"subdistrict": {code for code, _name in geo.subdistricts(district_code)}, "status": set(STATUSES),
             "sort": set(SORTS)}
    return {k: v for k, values in known.items() if (v := given.get(k, "")) in values}


PAGE_SIZE = 50  # village cards a page: a 200-village district renders a quarter of its cards at a time


def with_steps(row: dict) -> dict:
    row["steps"] = steps_of(row["facts"])
    row["done"] = sum(s.done for s in row["steps"])
    return row


def district_rows(district_code: str, fy: int, subdistrict: str = "", status: str = "", sort: str = "code",
                  page: int | None = None):
    """Every target village of the district in the year with its facts (kept per village-year,
    domain/facts_read.py), the rows filtered and sorted as asked; counts and totals for the whole
    district summed in SQL, how many villages matched, and the district's groups KPI. With `page`, only
    that page's rows (PAGE_SIZE) are returned, and only theirs have their steps worked out."""
    where = (Village.district_code == district_code) & targets_in(fy)
    as_of = figures_day(fy)
    sums = district_sums(db.session, where, fy, as_of).get(district_code) or new_sums(rules_for(fy))
    kpi = {district_code: {"targets": sums["villages"], "done": sums["groups_done"]}} if sums["villages"] else {}
    if page is not None and sort == "code" and not status:  # the usual view: only the page's villages are read
        rows, matched = code_page(where, fy, as_of, subdistrict, page, sums["villages"])
        return rows, sums["statuses"], sums["ind"], matched, kpi
    found = villages_with_facts(db.session, where, fy, as_of)
    rows = [{"village": v, "facts": f, "status": status_of(f)} for v, f in found
            if (not subdistrict or v.subdistrict_code == subdistrict) and (not status or status_of(f) == status)]
    if page is None or sort == "progress":
        rows = [with_steps(r) for r in rows]
    rows.sort(key=SORTS.get(sort, SORTS["code"]))
    matched = len(rows)
    if page is not None:
        rows = [r if "steps" in r else with_steps(r) for r in rows[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]]
    return rows, sums["statuses"], sums["ind"], matched, kpi


def code_page(where, fy: int, as_of, subdistrict: str, page: int, villages: int) -> tuple[list[dict], int]:
    """One page of villages by code (of a subdistrict, if given) with their facts, and how many matched."""
    if subdistrict:
        where = where & (Village.subdistrict_code == subdistrict)
        villages = db.session.scalar(select(func.count()).select_from(Village).where(where))
    found = villages_with_facts(db.session, where, fy, as_of, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return [with_steps({"village": v, "facts": f, "status": status_of(f)}) for v, f in found], villages


def province_rows(province_code: str, fy: int):
    """One row per district: target villages, complete teams, households, statuses and
    indicators, the villages' kept facts summed in SQL."""
    where = (Village.province_code == province_code) & targets_in(fy)
    rows = district_sums(db.session, where, fy, figures_day(fy))
    return sorted(rows.items()), total((r["ind"] for r in rows.values()), fy)
