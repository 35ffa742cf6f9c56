"""The dashboards' figures from `village_year_facts`, as of a day.

A village-year's kept counts answer for any day from its `settled_on` on (domain/facts.py);
a village without a row, or with a record dated after the day, is counted live from the
records (`progress.facts_for`, restricted to those villages). Flags (on target, measured,
team complete, status) are derived here from the counts and the year's rules, never stored.
District sums are added up in SQL: counts and sums, never averaged percentages.
"""
from datetime import date
from typing import NamedTuple

from sqlalchemy import Float, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session

from ..models import Village, VillageStepMark, VillageYearFacts
from .indicators import FIELDS, Indicators
from .programme import Rules, rules_for
from .progress import VillageFacts, facts_for, status_of
from .results import Result

F = VillageYearFacts.__table__.c
STATUSES = ("not_started", "in_progress", "behind", "on_target")


def kept_join(fiscal_year: int):
    return and_(F.village_id == Village.id, F.fiscal_year == fiscal_year)


def usable(as_of: date):
    """SQL: the village-year has kept facts that hold on `as_of`."""
    return and_(F.village_id.is_not(None), or_(F.settled_on.is_(None), F.settled_on <= as_of))


def facts_of_row(row, rules: Rules) -> VillageFacts:
    ind = Indicators(row.ind_registered, row.trained, row.visited, row.practising, row.partly, row.team_visited,
                     row.income_n, float(row.before_sum), float(row.after_sum), int(row.ind_registered > 0),
                     row.villages_reaching, rules=rules)
    results = {}
    if row.knowledge:
        results["knowledge"] = Result(True)
    if row.registered:
        team = {"team": bool(row.tambon_team), "trained": row.tambon_trained, "visited": row.tambon_visited,
                "left": row.tambon_left}
        results["followup"] = Result(team["team"] and team["trained"] > 0 and team["visited"] >= team["trained"], team)
    for code, count, detail in (("fund", row.fund_households, {"households": row.fund_households,
                                                                "amount": row.fund_amount}),
                                ("learning_centre", row.centres, {"centres": row.centres}),
                                ("group", row.group_households, {"households": row.group_households}),
                                ("otop", row.otop_products, {"products": row.otop_products})):
        if count:
            results[code] = Result(True, detail)
    return VillageFacts(rules=rules, lead=row.lead, assistants=row.assistants, lead_trained=bool(row.lead_trained),
                        workshop=bool(row.workshop), registered=row.registered, assigned=row.assigned,
                        days_held=row.days_held, ind=ind, results=results)


class VillageCard(NamedTuple):
    """What a dashboard shows of a village (its columns alone: no ORM object for each of hundreds)."""
    id: int
    code: str
    moo: int
    name: str
    subdistrict_code: str


def villages_with_facts(session: Session, where, fiscal_year: int, as_of: date, limit: int | None = None,
                        offset: int = 0) -> list[tuple[VillageCard, VillageFacts]]:
    """Every village matching `where` (by code; with `limit`, that many from `offset`) with its facts as
    of `as_of`: two queries, and the live count's fixed number more when some village's kept facts do
    not hold on that day."""
    rules = rules_for(fiscal_year)
    found = session.execute(select(*(getattr(Village, c) for c in VillageCard._fields), *F)
                            .outerjoin(VillageYearFacts.__table__, kept_join(fiscal_year)).where(where)
                            .order_by(Village.code).limit(limit).offset(offset)).all()
    facts, live, width = {}, [], len(VillageCard._fields)
    for i, row in enumerate(found):
        village = found[i] = VillageCard(*row[:width])
        if row.village_id is not None and (row.settled_on is None or row.settled_on <= as_of):
            facts[village.id] = facts_of_row(row, rules)
        else:
            live.append(village.id)
    for mark in session.scalars(select(VillageStepMark).join(Village, Village.id == VillageStepMark.village_id)
                                .where(where, VillageStepMark.fiscal_year == fiscal_year)):
        if mark.village_id in facts:
            facts[mark.village_id].marks[mark.step] = mark
    if live:
        facts.update(facts_for(session, Village.id.in_(live), fiscal_year, as_of))
    empty = lambda: VillageFacts(rules=rules, ind=Indicators(rules=rules))  # noqa: E731
    return [(v, facts.get(v.id) or empty()) for v in found]


def status_sql(rules: Rules):
    measured = cast(F.visited, Float) / func.nullif(F.trained, 0) >= rules.measured_from
    on_target = cast(F.practising, Float) / func.nullif(F.visited, 0) >= rules.practising_target
    started = or_(F.lead > 0, F.assistants > 0, F.registered > 0, F.days_held > 0, F.marks > 0)
    return case((and_(measured, on_target), "on_target"), (measured, "behind"), (started, "in_progress"),
                else_="not_started")


def new_sums(rules: Rules) -> dict:
    return {"villages": 0, "team": 0, "registered": 0, "groups_done": 0, "ind": Indicators(rules=rules),
            "statuses": dict.fromkeys(STATUSES, 0)}


def group_done_sql(fiscal_year: int):
    """SQL: the village-year's group step is done (domain/groups.group_kpi): a group's record or an old mark."""
    mark = select(VillageStepMark.id).where(VillageStepMark.village_id == Village.id,
                                            VillageStepMark.fiscal_year == fiscal_year,
                                            VillageStepMark.step == "group").exists()
    return or_(F.group_households > 0, mark)


def district_sums(session: Session, where, fiscal_year: int, as_of: date) -> dict[str, dict]:
    """District code → {"villages", "team" (complete), "registered", "groups_done" (the groups' KPI), "ind",
    "statuses"} for the villages matching `where`: the kept facts summed in SQL (one query), the rest
    counted live."""
    rules = rules_for(fiscal_year)
    status = status_sql(rules)
    count = lambda cond: func.sum(case((cond, 1), else_=0))  # noqa: E731
    ind_columns = [F.ind_registered if f == "registered" else
                   case((F.ind_registered > 0, 1), else_=0) if f == "villages" else F[f] for f in FIELDS]
    found = session.execute(
        select(Village.district_code, func.count(), count(and_(F.lead >= 1, F.assistants >= rules.assistants)),
               func.sum(F.registered), count(group_done_sql(fiscal_year)), *(func.sum(c) for c in ind_columns),
               *(count(status == s) for s in STATUSES))
        .join(VillageYearFacts.__table__, kept_join(fiscal_year)).where(where, usable(as_of))
        .group_by(Village.district_code))
    sums = {}
    for district_code, villages, team, registered, groups_done, *rest in found:
        values, statuses = rest[:len(FIELDS)], rest[len(FIELDS):]
        sums[district_code] = {"villages": villages, "team": int(team), "registered": int(registered),
                               "groups_done": int(groups_done),
                               "ind": Indicators(*(float(v) if f.endswith("_sum") else int(v)
                                                   for f, v in zip(FIELDS, values, strict=True)), rules=rules),
                               "statuses": dict(zip(STATUSES, (int(n) for n in statuses), strict=True))}
    add_live(session, where, fiscal_year, as_of, sums)
    return sums


def add_live(session: Session, where, fiscal_year: int, as_of: date, sums: dict) -> None:
    """Add the villages whose kept facts do not hold on `as_of` (or are not kept yet), counted live."""
    rules = rules_for(fiscal_year)
    late = dict(session.execute(select(Village.id, Village.district_code)
                                .outerjoin(VillageYearFacts.__table__, kept_join(fiscal_year))
                                .where(where, ~usable(as_of))).all())
    if not late:
        return
    facts = facts_for(session, Village.id.in_(late), fiscal_year, as_of)
    for village_id, district_code in late.items():
        district = sums.setdefault(district_code, new_sums(rules))
        f = facts.get(village_id) or VillageFacts(rules=rules, ind=Indicators(rules=rules))
        district["villages"] += 1
        district["team"] += f.team_complete
        district["registered"] += f.registered
        district["groups_done"] += "group" in f.results or "group" in f.marks
        district["ind"] += f.ind
        district["statuses"][status_of(f)] += 1
