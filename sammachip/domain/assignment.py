"""Planning the week: which visits fall in which week, and who is to go.

A week runs Monday to Sunday by Bangkok date (the caller passes `clock.today()`).
A district gives a target village-year's visits to an officer of the district
(`TargetVillage.assigned_to_id`); every visit made after that (scheduled after the
training, planned at a visit, added on the spot) is assigned to that officer, and
giving the village to another officer moves its open visits that followed the
village. One visit may be given to another officer of the district on its own.
Who is to go (`FollowUp.assigned_to_id`) is never who did it (`FollowUp.officer_id`).
"""
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, or_, select, update
from sqlalchemy.orm import Session

from ..models import FollowUp, Household, TargetVillage, User

# The sections of the week plan, in the order the officer reads them.
SECTIONS = ("now", "this_week", "next_week")


@dataclass(frozen=True)
class Weeks:
    today: date
    this_end: date  # this week's Sunday
    next_start: date  # next week's Monday
    next_end: date  # next week's Sunday


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week the day is in."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def weeks(today: date) -> Weeks:
    _monday, sunday = week_of(today)
    return Weeks(today, sunday, sunday + timedelta(days=1), sunday + timedelta(days=7))


def section(due, w: Weeks):
    """SQL: "now" (today or overdue), "this_week" (later this week) or "next_week" (the rest:
    the caller keeps due dates up to `w.next_end`)."""
    return case((due <= w.today, "now"), (due <= w.this_end, "this_week"), else_="next_week")


def officers_of(session: Session, district_code: str) -> list[User]:
    """Who a district's visits can be given to: its active officers, by name."""
    return list(session.scalars(select(User).where(
        User.role == "officer", User.active.is_(True), User.district_code == district_code)
        .order_by(User.full_name, User.username)).unique())


def refusal(officer: User | None, district_code: str) -> str | None:
    """Why a visit of the district cannot go to this user (None: it can)."""
    if officer is None or officer.role != "officer" or officer.district_code != district_code:
        return "not_district_officer"
    return None if officer.active else "inactive"


def village_officer(session: Session, village_id: int, fiscal_year: int) -> int | None:
    return session.scalar(select(TargetVillage.assigned_to_id).where(
        TargetVillage.village_id == village_id, TargetVillage.fiscal_year == fiscal_year))


def household_officer(session: Session, household_id: int) -> int | None:
    """The officer a new visit of the household goes to: its village-year's."""
    return session.scalar(select(TargetVillage.assigned_to_id).join(
        Household, (Household.village_id == TargetVillage.village_id)
        & (Household.fiscal_year == TargetVillage.fiscal_year)).where(Household.id == household_id))


def assign_village(session: Session, village_id: int, fiscal_year: int, was: int | None,
                   officer_id: int | None) -> int | None:
    """Give the village-year to an officer (None: to nobody), if it is still with `was` (the one
    the page showed; else None: someone changed it in between). Its open visits that followed
    the village (assigned to `was`, or to nobody) go along; a visit given to someone on its own
    stays with them; done visits never change. Returns the visits moved."""
    target = session.execute(
        update(TargetVillage).where(TargetVillage.village_id == village_id, TargetVillage.fiscal_year == fiscal_year,
                                    same(TargetVillage.assigned_to_id, was))
        .values(assigned_to_id=officer_id).execution_options(synchronize_session=False))
    if target.rowcount != 1:
        return None
    households = select(Household.id).where(Household.village_id == village_id, Household.fiscal_year == fiscal_year)
    moved = session.execute(
        update(FollowUp).where(FollowUp.household_id.in_(households), FollowUp.status != "done",
                               or_(FollowUp.assigned_to_id.is_(None), same(FollowUp.assigned_to_id, was)))
        .values(assigned_to_id=officer_id).execution_options(synchronize_session=False))
    return moved.rowcount


def same(column, value: int | None):
    return column.is_(None) if value is None else column == value


def reassign_visit(session: Session, followup_id: int, was: int | None, officer_id: int | None) -> bool:
    """Give one open visit to another officer, if it is still with `was` (the one the page showed):
    False when someone changed it in between or it is done. The visit's `version` is left alone,
    so an officer half-way through its checklist is not stopped by the change."""
    changed = session.execute(
        update(FollowUp).where(FollowUp.id == followup_id, FollowUp.status != "done",
                               same(FollowUp.assigned_to_id, was))
        .values(assigned_to_id=officer_id).execution_options(synchronize_session=False))
    return changed.rowcount == 1
