"""Per village-year facts (`village_year_facts`): counted from the records, kept with every write.

`recompute` counts a village-year as of its year's cut-off with the very functions the pages
use live (`progress.facts_for`: team, households, training, indicators, result steps, marks)
and stores the counts with `settled_on`, the latest date among the records those counts read.
The counts answer for any day from `settled_on` to the cut-off; before it (a training day or a
workshop dated ahead) the village is counted live (facts_read.py). Nothing stored depends on
today's date. domain/facts_hooks.py calls it before every commit for the village-years the
transaction touched (facts_keys.py says which); `rebuild` recounts everything.
"""
from collections import defaultdict
from datetime import date

from sqlalchemy import and_, bindparam, func, or_, select, union, union_all, update
from sqlalchemy.orm import Session, aliased

from ..models import (
    Attendance,
    CommunityFund,
    FollowUp,
    GroupMember,
    GroupStatusChange,
    Household,
    KnowledgeRecord,
    LearningCentre,
    OccupationalGroup,
    OtopProduct,
    Sage,
    TargetVillage,
    TrainingDay,
    Village,
    VillageYearFacts,
)
from ..models.base import dialect_insert
from .data_versions import bump
from .fiscal import to_be
from .programme import forget_cached, rules_for
from .progress import VillageFacts, facts_for

FACTS = VillageYearFacts.__table__
CHUNK = 2000


def final_cutoff(fiscal_year: int) -> date:
    return rules_for(fiscal_year).cutoff_on(date.max)


def chunks(items: list, size: int = CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def row_of(f: VillageFacts, settled: date | None) -> dict:
    """The stored numbers of one village-year's facts."""
    ind, r = f.ind, f.results
    team = r["followup"].detail if "followup" in r else {}
    detail = lambda code, key: r[code].detail[key] if code in r else 0  # noqa: E731
    return {"settled_on": settled, "lead": f.lead, "assistants": f.assistants, "lead_trained": int(f.lead_trained),
            "workshop": int(f.workshop), "registered": f.registered, "assigned": f.assigned,
            "days_held": f.days_held, "ind_registered": ind.registered, "trained": ind.trained,
            "visited": ind.visited, "practising": ind.practising, "partly": ind.partly,
            "team_visited": ind.team_visited, "income_n": ind.income_n, "before_sum": float(ind.before_sum),
            "after_sum": float(ind.after_sum), "villages_reaching": ind.villages_reaching,
            "knowledge": int("knowledge" in r), "tambon_team": int(bool(team.get("team"))),
            "tambon_trained": team.get("trained", 0), "tambon_visited": team.get("visited", 0),
            "tambon_left": team.get("left", 0), "fund_households": detail("fund", "households"),
            "fund_amount": detail("fund", "amount"), "centres": detail("learning_centre", "centres"),
            "group_households": detail("group", "households"), "otop_products": detail("otop", "products"),
            "marks": len(f.marks)}


def settled_dates(session: Session, village_ids: list[int], fiscal_year: int, cutoff: date) -> dict[int, date]:
    """Village id → the latest date, on or before the cut-off, of a record its facts read (a superset:
    a later one only sends the village to be counted live a little longer)."""
    in_year = and_(Household.village_id.in_(village_ids), Household.fiscal_year == fiscal_year)
    def by_household(model, day):
        return select(Household.village_id, day).join(model, model.household_id == Household.id).where(
            in_year, day <= cutoff)

    home = aliased(Village)
    groups = (select(Village.id.label("vid"), OccupationalGroup.id.label("gid"), OccupationalGroup.founded_on)
              .join(home, or_(home.id == Village.id, home.subdistrict_code == Village.subdistrict_code))
              .join(OccupationalGroup, OccupationalGroup.village_id == home.id)
              .where(Village.id.in_(village_ids), or_(home.id == Village.id, OccupationalGroup.tambon_wide.is_(True)))
              .subquery())

    def by_group(model, day):
        return select(groups.c.vid, day).join(model, model.group_id == groups.c.gid).where(day <= cutoff)

    dated = union_all(
        select(Sage.village_id, Sage.workshop_date).where(
            Sage.village_id.in_(village_ids), Sage.fiscal_year == fiscal_year, Sage.workshop_date <= cutoff),
        select(TrainingDay.village_id, TrainingDay.held_on).where(
            TrainingDay.village_id.in_(village_ids), TrainingDay.fiscal_year == fiscal_year,
            TrainingDay.held_on <= cutoff),
        select(Household.village_id, TrainingDay.held_on).join(Attendance, Attendance.household_id == Household.id)
        .join(TrainingDay, TrainingDay.id == Attendance.day_id).where(in_year, TrainingDay.held_on <= cutoff),
        by_household(FollowUp, FollowUp.visit_date),
        by_household(CommunityFund, CommunityFund.received_on),
        select(Household.village_id, Household.left_on).where(in_year, Household.left_on <= cutoff),
        select(KnowledgeRecord.village_id, KnowledgeRecord.recorded_on).where(
            KnowledgeRecord.village_id.in_(village_ids), KnowledgeRecord.recorded_on <= cutoff),
        select(LearningCentre.village_id, LearningCentre.opened_on).where(
            LearningCentre.village_id.in_(village_ids), LearningCentre.opened_on <= cutoff),
        select(groups.c.vid, groups.c.founded_on).where(groups.c.founded_on <= cutoff),
        by_group(GroupStatusChange, GroupStatusChange.changed_on),
        by_group(GroupMember, GroupMember.joined_on),
        by_group(GroupMember, GroupMember.left_on),
    ).subquery()
    vid, day = dated.c[0], dated.c[1]
    found = dict(session.execute(select(vid, func.max(day)).group_by(vid)).all())
    # A product counts from 1 January of its registration year (พ.ศ.).
    for village_id, year in session.execute(
            select(groups.c.vid, func.max(OtopProduct.registered_year))
            .join(OtopProduct, OtopProduct.group_id == groups.c.gid)
            .where(OtopProduct.registration_no != "", OtopProduct.registered_year <= to_be(cutoff.year))
            .group_by(groups.c.vid)):
        day = date(year - 543, 1, 1)
        found[village_id] = max(found.get(village_id, day), day)
    return found


def computed_rows(session: Session, pairs, existing: set[int] | None = None) -> dict[tuple[int, int], dict]:
    """(village id, year) → its facts counted from the records now (villages that exist: `existing`,
    when the caller has read them)."""
    rows = {}
    for fiscal_year, village_ids in by_year(pairs).items():
        cutoff = final_cutoff(fiscal_year)
        for part in chunks(sorted(village_ids)):
            if existing is None:
                found = set(session.scalars(select(Village.id).where(Village.id.in_(part))))
            else:
                found = existing & set(part)
            facts = facts_for(session, Village.id.in_(part), fiscal_year, cutoff)
            settled = settled_dates(session, part, fiscal_year, cutoff)
            empty = VillageFacts(rules=rules_for(fiscal_year))
            for vid in sorted(found):
                rows[vid, fiscal_year] = row_of(facts.get(vid, empty), settled.get(vid))
    return rows


def by_year(pairs) -> dict[int, set[int]]:
    years = defaultdict(set)
    for vid, fiscal_year in pairs:
        years[fiscal_year].add(vid)
    return years


def recompute(session: Session, pairs) -> None:
    """Recount these village-years and store them. Their rows are made and locked first (in a
    fixed order), so two transactions touching one village-year count one after the other."""
    pairs = sorted({(v, fy) for v, fy in pairs}, key=lambda p: (p[1], p[0]))
    if not pairs:
        return
    forget_cached(session)  # a rule changed in this transaction is read anew
    existing: set[int] = set()
    for part in chunks(pairs):
        found = set(session.scalars(select(Village.id).where(Village.id.in_({v for v, _ in part}))))
        existing |= found
        made = [{"village_id": v, "fiscal_year": fy} for v, fy in part if v in found]
        if made:  # made or, when there, locked (an update that changes nothing), in this order, one statement
            insert = dialect_insert(session.get_bind(), FACTS)
            session.execute(insert.values(made).on_conflict_do_update(
                index_elements=[FACTS.c.village_id, FACTS.c.fiscal_year], set_={"settled_on": FACTS.c.settled_on}))
    rows = computed_rows(session, pairs, existing)
    if rows:
        session.execute(update(FACTS).where(FACTS.c.village_id == bindparam("b_village"),
                                            FACTS.c.fiscal_year == bindparam("b_year")),
                        [{"b_village": v, "b_year": fy, **row} for (v, fy), row in rows.items()])


def known_pairs(session: Session, village_ids=None, years: tuple[int, int] | None = None) -> list[tuple[int, int]]:
    """Village-years the facts keep: the targets and the rows already kept (of these villages, these years)."""
    def part(village_id, fiscal_year):
        where = [village_id.in_(village_ids)] if village_ids is not None else []
        return select(village_id, fiscal_year).where(*where, *([fiscal_year.between(*years)] if years else []))

    query = union(part(TargetVillage.village_id, TargetVillage.fiscal_year),
                  part(FACTS.c.village_id, FACTS.c.fiscal_year))
    return [tuple(r) for r in session.execute(query).all()]


def rebuild(session: Session) -> int:
    """Recount every village-year (after an upgrade, a restore or a bulk load); returns how many."""
    pairs = [tuple(p) for p in known_pairs(session)]
    recompute(session, pairs)
    bump(session, [], rules=True)  # every cached page body is made anew
    return len(pairs)
