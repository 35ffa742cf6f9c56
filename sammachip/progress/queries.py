"""Dashboard rows: every village's facts for a district, district sums for a province."""
from sqlalchemy import select

from ..domain.clock import figures_day
from ..domain.indicators import Indicators, total
from ..domain.progress import empty_facts, facts_for, status_of, steps_of
from ..domain.targets import targets_in
from ..extensions import db
from ..labels import VILLAGE_STATUSES, codes
from ..models import Village

SORTS = {
    "code": lambda row: row["village"].code,
    "progress": lambda row: (-row["done"], row["village"].code),
    "practising": lambda row: (-(row["facts"].ind.share or -1), row["village"].code),
}


def district_rows(district_code: str, fy: int, subdistrict: str = "", status: str = "", sort: str = "code"):
    """Every target village of the district in the year with its facts (a fixed number of
    queries), the rows filtered and sorted as asked; counts and totals for the whole district."""
    where = (Village.district_code == district_code) & targets_in(fy)
    villages = db.session.scalars(select(Village).where(where)).all()
    facts = facts_for(db.session, where, fy, figures_day(fy))
    rows = []
    for v in villages:
        f = facts.get(v.id) or empty_facts(fy)
        steps = steps_of(f)
        rows.append(
            {"village": v, "facts": f, "steps": steps, "done": sum(s.done for s in steps), "status": status_of(f)}
        )
    counts = {key: sum(r["status"] == key for r in rows) for key in codes(VILLAGE_STATUSES)}
    totals = total((r["facts"].ind for r in rows), fy)
    rows = [
        r
        for r in rows
        if (not subdistrict or r["village"].subdistrict_code == subdistrict) and (not status or r["status"] == status)
    ]
    return sorted(rows, key=SORTS.get(sort, SORTS["code"])), counts, totals


def province_rows(province_code: str, fy: int):
    """One row per district: target villages, complete teams, households, statuses and
    indicators, adding up the villages' aggregates (already computed in SQL)."""
    where = (Village.province_code == province_code) & targets_in(fy)
    villages = db.session.execute(select(Village.id, Village.district_code).where(where)).all()
    facts = facts_for(db.session, where, fy, figures_day(fy))
    rows = {}
    for vid, district_code in villages:
        f = facts.get(vid) or empty_facts(fy)
        row = rows.setdefault(
            district_code,
            {
                "villages": 0,
                "team": 0,
                "registered": 0,
                "ind": Indicators(rules=f.rules),
                "statuses": dict.fromkeys(codes(VILLAGE_STATUSES), 0),
            },
        )
        row["villages"] += 1
        row["team"] += f.team_complete
        row["registered"] += f.registered
        row["ind"] += f.ind
        row["statuses"][status_of(f)] += 1
    return sorted(rows.items()), total((r["ind"] for r in rows.values()), fy)
