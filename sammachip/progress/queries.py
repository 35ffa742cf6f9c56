"""Dashboard rows: every village's facts for a district, district sums for a province."""
from ..domain.clock import figures_day
from ..domain.facts_read import district_sums, new_sums, villages_with_facts
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


def district_rows(district_code: str, fy: int, subdistrict: str = "", status: str = "", sort: str = "code"):
    """Every target village of the district in the year with its facts (kept per village-year,
    domain/facts_read.py), the rows filtered and sorted as asked; counts and totals for the whole
    district summed in SQL."""
    where = (Village.district_code == district_code) & targets_in(fy)
    as_of = figures_day(fy)
    rows = []
    for v, f in villages_with_facts(db.session, where, fy, as_of):
        steps = steps_of(f)
        rows.append({"village": v, "facts": f, "steps": steps, "done": sum(s.done for s in steps),
                     "status": status_of(f)})
    sums = district_sums(db.session, where, fy, as_of).get(district_code) or new_sums(rules_for(fy))
    rows = [
        r
        for r in rows
        if (not subdistrict or r["village"].subdistrict_code == subdistrict) and (not status or r["status"] == status)
    ]
    return sorted(rows, key=SORTS.get(sort, SORTS["code"])), sums["statuses"], sums["ind"]


def province_rows(province_code: str, fy: int):
    """One row per district: target villages, complete teams, households, statuses and
    indicators, the villages' kept facts summed in SQL."""
    where = (Village.province_code == province_code) & targets_in(fy)
    rows = district_sums(db.session, where, fy, figures_day(fy))
    return sorted(rows.items()), total((r["ind"] for r in rows.values()), fy)
