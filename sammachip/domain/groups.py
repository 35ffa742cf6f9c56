"""Occupational groups and OTOP products: the steps `group` and `otop`, the 10 % KPI, the figures.

Everything is read as of a day (a year's cut-off): a group's status is its latest
status change dated on or before it, a member counts from `joined_on` until
`left_on`, a product is registered from its registration year. So a group that
stops after a year's cut-off leaves that year's step and KPI as they were.

- group step: the village has (or its tambon has, `tambon_wide`) a group active as
  of the cut-off with at least one trained household of the village-year as member;
- otop step: such a group has a product with a registration number, registered in
  or before the cut-off's (พ.ศ.) year;
- KPI: target villages of the year with the group step done (by records, or by a
  mark made before records existed) ÷ target villages of the year in the area.
"""
from collections import defaultdict
from datetime import date

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..models import (
    Attendance,
    GroupMember,
    GroupStatusChange,
    Household,
    Occupation,
    OccupationalGroup,
    OtopProduct,
    TrainingDay,
    Village,
    VillageStepMark,
)
from .fiscal import to_be
from .indicators import household_rows
from .programme import rules_for
from .targets import targets_in


def not_future(day: date, _fiscal_year, today: date) -> str | None:
    """A founding date, a status change or a membership: any day up to today."""
    return "after_today" if day > today else None


def status_as_of(on: date):
    """SQL: the group's status on `on` (None before its first change)."""
    return (select(GroupStatusChange.status)
            .where(GroupStatusChange.group_id == OccupationalGroup.id, GroupStatusChange.changed_on <= on)
            .order_by(GroupStatusChange.changed_on.desc(), GroupStatusChange.id.desc()).limit(1)
            .correlate(OccupationalGroup).scalar_subquery())


def member_on(on: date):
    return and_(GroupMember.joined_on <= on, or_(GroupMember.left_on.is_(None), GroupMember.left_on > on))


def registered_by(on: date):
    """SQL on OtopProduct: registered (with a number) in or before `on`'s year."""
    return and_(OtopProduct.registration_no != "", OtopProduct.registered_year <= to_be(on.year))


def trained_members(where, fiscal_year: int, cutoff: date):
    """(village_id, group_id, household_id): each trained household of the village-year (villages
    matching `where`) that is, on the cut-off, a member of an active group of its village or tambon."""
    home = aliased(Village)
    days = (select(func.count()).select_from(Attendance).join(TrainingDay, TrainingDay.id == Attendance.day_id)
            .where(Attendance.household_id == Household.id, TrainingDay.held_on <= cutoff)
            .correlate(Household).scalar_subquery())
    return (select(Household.village_id, OccupationalGroup.id.label("group_id"), Household.id.label("household_id"))
            .select_from(GroupMember)
            .join(Household, Household.id == GroupMember.household_id)
            .join(Village, Village.id == Household.village_id)
            .join(OccupationalGroup, OccupationalGroup.id == GroupMember.group_id)
            .join(home, home.id == OccupationalGroup.village_id)
            .where(where, Household.fiscal_year == fiscal_year, Household.status == "registered",
                   or_(Household.left_on.is_(None), Household.left_on > cutoff), member_on(cutoff),
                   OccupationalGroup.founded_on <= cutoff, status_as_of(cutoff) == "active",
                   or_(home.id == Village.id, and_(OccupationalGroup.tambon_wide.is_(True),
                                                   home.subdistrict_code == Village.subdistrict_code)),
                   days >= rules_for(fiscal_year).days_to_complete))


def group_villages(session: Session, where, fiscal_year: int, cutoff: date) -> dict[int, int]:
    """Village id → its trained households in an active group (villages with none are left out)."""
    rows = trained_members(where, fiscal_year, cutoff).subquery()
    return dict(session.execute(select(rows.c.village_id, func.count(rows.c.household_id.distinct()))
                                .group_by(rows.c.village_id)).all())


def otop_villages(session: Session, where, fiscal_year: int, cutoff: date) -> dict[int, int]:
    """Village id → registered OTOP products of its qualifying groups."""
    rows = trained_members(where, fiscal_year, cutoff).subquery()
    return dict(session.execute(
        select(rows.c.village_id, func.count(OtopProduct.id.distinct()))
        .join(OtopProduct, OtopProduct.group_id == rows.c.group_id)
        .where(registered_by(cutoff)).group_by(rows.c.village_id)).all())


FUNNEL = ("registered", "trained", "practising", "income_up", "in_group", "otop")


def funnel(session: Session, village_id: int, fiscal_year: int, cutoff: date, ind) -> list[tuple[str, int]]:
    """The village-year's households at each stage, as of the cut-off: registered → trained → practising
    (the indicators' `ind`) → income up (counted for the income indicator, after > before) → trained and in
    an active group → in a group with a registered OTOP product. Two queries."""
    rows = household_rows(fiscal_year, Village.id == village_id, cutoff)
    income_up = session.scalar(select(func.count()).where(rows.c.counted, rows.c.after > rows.c.before))
    members = trained_members(Village.id == village_id, fiscal_year, cutoff).subquery()
    otop = (select(OtopProduct.id).where(OtopProduct.group_id == members.c.group_id, registered_by(cutoff))
            .correlate(members).exists())
    in_group, with_otop = session.execute(select(func.count(members.c.household_id.distinct()),
                                                 func.count(case((otop, members.c.household_id)).distinct()))).one()
    return list(zip(FUNNEL, (ind.registered, ind.trained, ind.practising, income_up or 0, in_group, with_otop),
                    strict=True))


def group_kpi(session: Session, where, fiscal_year: int, cutoff: date) -> dict[str, dict[str, int]]:
    """District code → {"targets": target villages of the year, "done": of them with the group step done}."""
    villages = dict(session.execute(select(Village.id, Village.district_code)
                                    .where(where, targets_in(fiscal_year))).all())
    done = set(group_villages(session, where, fiscal_year, cutoff))
    done |= set(session.scalars(select(VillageStepMark.village_id)
                                .join(Village, Village.id == VillageStepMark.village_id)
                                .where(where, VillageStepMark.fiscal_year == fiscal_year,
                                       VillageStepMark.step == "group")))
    kpi = defaultdict(lambda: {"targets": 0, "done": 0})
    for village_id, district in villages.items():
        kpi[district]["targets"] += 1
        kpi[district]["done"] += village_id in done
    return dict(kpi)


def groups_by_occupation(session: Session, where, on: date) -> list[tuple]:
    """(occupation Thai, English, typed other, groups founded by `on`, of them active on `on`), most first."""
    groups = (select(OccupationalGroup.occupation_id, OccupationalGroup.occupation_other,
                     status_as_of(on).label("status"))
              .join(Village, Village.id == OccupationalGroup.village_id)
              .where(where, OccupationalGroup.founded_on <= on).subquery())
    n = func.count()
    return list(session.execute(
        select(Occupation.name_th, Occupation.name_en, groups.c.occupation_other, n,
               func.sum(case((groups.c.status == "active", 1), else_=0)))
        .select_from(groups).outerjoin(Occupation, Occupation.id == groups.c.occupation_id)
        .group_by(Occupation.name_th, Occupation.name_en, groups.c.occupation_other)
        .order_by(n.desc(), Occupation.name_th, groups.c.occupation_other)).all())


def products_by_type(session: Session, where, on: date) -> dict[str, dict]:
    """OTOP type → {stars (None: not rated): registered products} in the area, registered by `on`."""
    found: dict[str, dict] = defaultdict(dict)
    for category, stars, n in session.execute(
            select(OtopProduct.category, OtopProduct.stars, func.count())
            .join(OccupationalGroup, OccupationalGroup.id == OtopProduct.group_id)
            .join(Village, Village.id == OccupationalGroup.village_id)
            .where(where, registered_by(on)).group_by(OtopProduct.category, OtopProduct.stars)):
        found[category][stars] = n
    return dict(found)


def groups_of_village(session: Session, village: Village, with_stopped: bool = True,
                      keep: int | None = None) -> list[OccupationalGroup]:
    """The village's groups and its tambon's tambon-wide groups, by name (stopped ones last, or
    left out but for `keep`: a visit's list keeps the group it named)."""
    home = aliased(Village)
    found = [or_(OccupationalGroup.village_id == village.id,
                 and_(OccupationalGroup.tambon_wide.is_(True), home.subdistrict_code == village.subdistrict_code))]
    if not with_stopped:
        found.append(or_(OccupationalGroup.status != "stopped", OccupationalGroup.id == keep))
    return list(session.scalars(
        select(OccupationalGroup).join(home, home.id == OccupationalGroup.village_id).where(*found)
        .order_by(OccupationalGroup.status == "stopped", OccupationalGroup.name, OccupationalGroup.id)))


def change_status(session: Session, group: OccupationalGroup, status: str, on: date, note: str, user_id,
                  today: date) -> None:
    """Record a dated status change; the group's `status` is the one in force today."""
    session.add(GroupStatusChange(group_id=group.id, status=status, changed_on=on, note=note, recorded_by_id=user_id))
    session.flush()
    group.status = session.scalar(
        select(GroupStatusChange.status).where(GroupStatusChange.group_id == group.id,
                                               GroupStatusChange.changed_on <= today)
        .order_by(GroupStatusChange.changed_on.desc(), GroupStatusChange.id.desc()).limit(1)) or group.status


def set_members(session: Session, group: OccupationalGroup, households: set[int], keep_others: set[int],
                new_names: list[str], on: date) -> None:
    """Make the group's members these households and named others from `on`: those unticked leave on
    `on` (a row that started on or after it was a slip, and goes), the newly ticked join on it."""
    current = session.scalars(select(GroupMember).where(GroupMember.group_id == group.id,
                                                        GroupMember.left_on.is_(None))).all()
    present = {m.household_id for m in current if m.household_id}
    for m in current:
        if (m.household_id and m.household_id not in households) or (not m.household_id and m.id not in keep_others):
            if m.joined_on >= on:
                session.delete(m)
            else:
                m.left_on = on
    for household_id in sorted(households - present):
        session.add(GroupMember(group_id=group.id, household_id=household_id, joined_on=on))
    for name in new_names:
        session.add(GroupMember(group_id=group.id, name=name, joined_on=on))


def join_from_visit(session: Session, group_id: int, household_id: int, on: date) -> None:
    """A visit that names the household's group makes it a member from the visit, unless it is one."""
    member = session.scalar(select(GroupMember.id).where(GroupMember.group_id == group_id,
                                                         GroupMember.household_id == household_id,
                                                         GroupMember.left_on.is_(None)))
    if member is None:
        session.add(GroupMember(group_id=group_id, household_id=household_id, joined_on=on))
