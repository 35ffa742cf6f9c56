"""Training completion and the follow-up schedule that comes from it."""
import calendar
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..models import Attendance, FollowUp, Household, TrainingDay
from ..models.base import dialect_insert
from ..models.training import SCHEDULED
from .assignment import village_officer
from .programme import rules_for


def add_months(day: date, months: int) -> date:
    """Same day of the month `months` later, or the month's last day (31 Jan + 1 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def completed(days_present: int, min_days: int) -> bool:
    return days_present >= min_days


def followup_dates(last_training_day: date, offsets: list[int]) -> list[date]:
    return [add_months(last_training_day, m) for m in offsets]


def days_present(session: Session, village_id: int, fiscal_year: int,
                 household_ids: list[int] | None = None) -> dict[int, int]:
    """Days attended per household of the village, one query."""
    query = (select(Attendance.household_id, func.count())
             .join(TrainingDay, TrainingDay.id == Attendance.day_id)
             .where(TrainingDay.village_id == village_id, TrainingDay.fiscal_year == fiscal_year)
             .group_by(Attendance.household_id))
    if household_ids is not None:
        query = query.where(Attendance.household_id.in_(household_ids))
    return dict(session.execute(query).all())


def last_training_day(session: Session, village_id: int, fiscal_year: int) -> date | None:
    return session.scalar(select(func.max(TrainingDay.held_on)).where(
        TrainingDay.village_id == village_id, TrainingDay.fiscal_year == fiscal_year))


def sync_schedule(session: Session, village_id: int, fiscal_year: int,
                  household_ids: list[int] | None = None) -> dict[int, int]:
    """Make the scheduled follow-ups match who completed the training and when
    it ended (for the whole village's registered households, or only the
    registered households given). Visits already started or done are never
    touched. Returns days attended per household."""
    rules = rules_for(fiscal_year)
    present = days_present(session, village_id, fiscal_year, household_ids)
    last = last_training_day(session, village_id, fiscal_year)
    # A household that left the programme gets no new visits.
    households = session.scalars(select(Household.id).where(
        Household.village_id == village_id, Household.fiscal_year == fiscal_year,
        Household.status == "registered", Household.left_on.is_(None),
        Household.id.in_(household_ids) if household_ids is not None else True)).all()
    wanted = {(h, d) for h in households if last and completed(present.get(h, 0), rules.days_to_complete)
              for d in followup_dates(last, rules.followup_months)}
    existing = session.execute(select(FollowUp.id, FollowUp.household_id, FollowUp.due_date, FollowUp.status)
                               .where(FollowUp.household_id.in_(households), FollowUp.kind == "scheduled")).all()
    have = {(r.household_id, r.due_date) for r in existing}
    stale = [r.id for r in existing if r.status == "due" and (r.household_id, r.due_date) not in wanted]
    if stale:
        session.execute(delete(FollowUp).where(FollowUp.id.in_(stale)))
    officer = village_officer(session, village_id, fiscal_year)  # new visits follow the village's officer
    missing = [{"household_id": h, "kind": "scheduled", "status": "due", "due_date": d, "assigned_to_id": officer}
               for h, d in sorted(wanted - have)]
    if missing:
        session.execute(insert_if_absent(session), missing)
    return present


def insert_if_absent(session: Session):
    """INSERT of scheduled visits that skips one already there: a request tapping
    another training day of the same household at the same moment may have
    inserted it after we looked (the unique index on scheduled visits says so)."""
    return dialect_insert(session.get_bind(), FollowUp.__table__).on_conflict_do_nothing(
        index_elements=["household_id", "due_date"], index_where=SCHEDULED)
