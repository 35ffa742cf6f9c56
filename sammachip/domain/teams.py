"""Support teams (ทีมสนับสนุนสัมมาชีพชุมชน): a tambon's and a district's roster per fiscal year,
the members a visit names, and the tambon-team step.

The step "ทีมสนับสนุนระดับตำบลติดตาม" is done, as of the year's cut-off, when the village's tambon
has a team for the year and every trained household of the village-year that has not left the
programme (ออกจากโครงการ by the cut-off) has had at least one completed visit, dated by the
cut-off, on which a named member of that team came. A household that left no longer counts,
so one family moving away cannot block the step for ever.
"""
from sqlalchemy import and_, case, delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..models import (
    Attendance,
    FollowUp,
    Household,
    SupportTeam,
    SupportTeamMember,
    TrainingDay,
    Village,
    followup_team_members,
)
from .programme import rules_for


def level_of(area_code: str) -> str | None:
    """A 6-digit subdistrict code has a tambon team, a 4-digit district code a district team."""
    return {6: "tambon", 4: "district"}.get(len(area_code)) if area_code.isdecimal() else None


def team_of(session: Session, area_code: str, fiscal_year: int) -> SupportTeam | None:
    return session.scalar(select(SupportTeam).where(
        SupportTeam.level == level_of(area_code), SupportTeam.area_code == area_code,
        SupportTeam.fiscal_year == fiscal_year))


def previous_team(session: Session, area_code: str, fiscal_year: int) -> SupportTeam | None:
    """The latest earlier year's roster, the one a new year starts from."""
    return session.scalar(select(SupportTeam).where(
        SupportTeam.level == level_of(area_code), SupportTeam.area_code == area_code,
        SupportTeam.fiscal_year < fiscal_year).order_by(SupportTeam.fiscal_year.desc()).limit(1))


def start_team(session: Session, area_code: str, fiscal_year: int, user_id: int | None) -> SupportTeam:
    """The year's team, made once (a second tap, or a colleague at the same moment, finds it),
    with last year's members copied in."""
    found = team_of(session, area_code, fiscal_year)
    if found is not None:
        return found
    before = previous_team(session, area_code, fiscal_year)
    team = SupportTeam(level=level_of(area_code), area_code=area_code, district_code=area_code[:4],
                       fiscal_year=fiscal_year, created_by_id=user_id,
                       members=[SupportTeamMember(name=m.name, phone=m.phone, organisation=m.organisation,
                                                  organisation_other=m.organisation_other)
                                for m in (before.members if before else [])])
    session.add(team)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        team = team_of(session, area_code, fiscal_year)
    return team


def tambon_members(session: Session, subdistrict_code: str, fiscal_year: int) -> list[SupportTeamMember]:
    return list(session.scalars(
        select(SupportTeamMember).join(SupportTeam, SupportTeam.id == SupportTeamMember.team_id)
        .where(SupportTeam.level == "tambon", SupportTeam.area_code == subdistrict_code,
               SupportTeam.fiscal_year == fiscal_year).order_by(SupportTeamMember.id)))


def set_visit_members(session: Session, followup_id: int, member_ids) -> None:
    session.execute(delete(followup_team_members).where(followup_team_members.c.followup_id == followup_id))
    if member_ids:
        session.execute(insert(followup_team_members),
                        [{"followup_id": followup_id, "member_id": m} for m in sorted(set(member_ids))])


def member_has_visits(session: Session, member_id: int) -> bool:
    return session.scalar(select(followup_team_members.c.followup_id)
                          .where(followup_team_members.c.member_id == member_id).limit(1)) is not None


def count_of(flag):
    return func.sum(case((flag, 1), else_=0))


def household_flags(where, fiscal_year: int, cutoff):
    """One row per registered household of the year in the villages matching `where`, as of the
    cut-off: its village, whether its tambon has a team, trained, left, visited by a team member."""
    days = (select(func.count()).select_from(Attendance).join(TrainingDay, TrainingDay.id == Attendance.day_id)
            .where(Attendance.household_id == Household.id, TrainingDay.held_on <= cutoff)
            .correlate(Household).scalar_subquery())
    the_team = and_(SupportTeam.level == "tambon", SupportTeam.area_code == Village.subdistrict_code,
                    SupportTeam.fiscal_year == fiscal_year)
    has_team = select(SupportTeam.id).where(the_team).limit(1).correlate(Village).scalar_subquery().is_not(None)
    # A scalar lookup per household (see indicators.household_rows on why not EXISTS).
    visited = (select(FollowUp.id)
               .join(followup_team_members, followup_team_members.c.followup_id == FollowUp.id)
               .join(SupportTeamMember, SupportTeamMember.id == followup_team_members.c.member_id)
               .join(SupportTeam, SupportTeam.id == SupportTeamMember.team_id)
               .where(FollowUp.household_id == Household.id, FollowUp.status == "done",
                      FollowUp.visit_date <= cutoff, the_team)
               .limit(1).correlate(Household, Village).scalar_subquery().is_not(None))
    left = and_(Household.left_on.is_not(None), Household.left_on <= cutoff)
    return (select(Household.id.label("household_id"), Household.village_id, has_team.label("team"),
                   (days >= rules_for(fiscal_year).days_to_complete).label("trained"),
                   left.label("left"), visited.label("visited"))
            .join(Village, Village.id == Household.village_id)
            .where(where, Household.fiscal_year == fiscal_year, Household.status == "registered").subquery())


def tambon_visits(session: Session, where, fiscal_year: int, cutoff) -> dict[int, dict]:
    """For every village matching `where` with registered households in the year, one query:
    {"team": the tambon has a team for the year, "trained": trained households not left,
     "visited": of those, visited with a named team member, "left": trained households that left}."""
    rows = household_flags(where, fiscal_year, cutoff)
    staying = and_(rows.c.trained, ~rows.c.left)
    found = session.execute(
        select(rows.c.village_id, count_of(rows.c.team), count_of(staying), count_of(and_(staying, rows.c.visited)),
               count_of(and_(rows.c.trained, rows.c.left))).group_by(rows.c.village_id))
    return {vid: {"team": bool(team), "trained": int(trained), "visited": int(visited), "left": int(gone)}
            for vid, team, trained, visited, gone in found}
