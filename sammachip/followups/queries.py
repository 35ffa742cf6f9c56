"""A household's timeline, follow-ups within the user's area."""
from datetime import date

from sqlalchemy import select

from ..access import in_area_or_404
from ..domain.thai_dates import as_bangkok
from ..extensions import db
from ..models import Attendance, FollowUp, Household, Photo, TrainingDay


def followup_or_404(followup_id: int) -> FollowUp:
    return in_area_or_404(FollowUp, followup_id, Household, Household.id == FollowUp.household_id)


def timeline(household: Household, today: date) -> list[dict]:
    """Intake, each training day, each follow-up, in date order."""
    entries = [{"date": as_bangkok(household.consent_at).date(), "kind": "intake"}]
    days = db.session.execute(
        select(TrainingDay, Attendance.household_id)
        .outerjoin(Attendance, (Attendance.day_id == TrainingDay.id) & (Attendance.household_id == household.id))
        .where(TrainingDay.village_id == household.village_id, TrainingDay.fiscal_year == household.fiscal_year,
               TrainingDay.held_on <= today)).all()
    entries += [{"date": d.held_on, "kind": "training", "day": d, "present": present is not None}
                for d, present in days]
    followups = db.session.scalars(select(FollowUp).where(FollowUp.household_id == household.id)).all()
    entries += [{"date": f.visit_date or f.due_date, "kind": "followup", "followup": f} for f in followups]
    photos = photos_of_entries([d.id for d, _present in days], [f.id for f in followups])
    for e in entries:
        key = ("day", e["day"].id) if e["kind"] == "training" else \
            ("visit", e["followup"].id) if e["kind"] == "followup" else None
        e["photos"] = photos.get(key, [])
    return sorted(entries, key=lambda e: (e["date"], e["kind"] != "intake"))


def photos_of_entries(day_ids: list[int], followup_ids: list[int]) -> dict[tuple, list[Photo]]:
    """The photos of these training days and visits, in one query, by ("day" | "visit", id)."""
    if not day_ids and not followup_ids:
        return {}
    found: dict[tuple, list[Photo]] = {}
    photos = db.session.scalars(select(Photo).where(
        Photo.training_day_id.in_(day_ids) | Photo.followup_id.in_(followup_ids)).order_by(Photo.created_at, Photo.id))
    for photo in photos:
        key = ("day", photo.training_day_id) if photo.training_day_id else ("visit", photo.followup_id)
        found.setdefault(key, []).append(photo)
    return found


def next_scheduled(followup: FollowUp) -> date | None:
    return db.session.scalar(select(FollowUp.due_date).where(
        FollowUp.household_id == followup.household_id, FollowUp.id != followup.id,
        FollowUp.status != "done", FollowUp.due_date > followup.due_date).order_by(FollowUp.due_date).limit(1))


def period_start(followup: FollowUp, visit_date: date | None) -> date | None:
    """Where the period a visit's income covers begins: the household's previous
    completed visit, else the last day of its village's training that year."""
    if visit_date is None:
        return None
    previous = db.session.scalar(
        select(FollowUp.visit_date).where(FollowUp.household_id == followup.household_id, FollowUp.status == "done",
                                          FollowUp.id != followup.id, FollowUp.visit_date < visit_date)
        .order_by(FollowUp.visit_date.desc()).limit(1))
    if previous:
        return previous
    household = db.session.get(Household, followup.household_id)
    return db.session.scalar(
        select(TrainingDay.held_on).where(TrainingDay.village_id == household.village_id,
                                          TrainingDay.fiscal_year == household.fiscal_year,
                                          TrainingDay.held_on < visit_date)
        .order_by(TrainingDay.held_on.desc()).limit(1))
