"""What a photo belongs to (a training day or a visit), and the photos a page shows."""
from dataclasses import dataclass
from functools import cached_property

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import and_, func, or_, select

from ..extensions import db
from ..models import FollowUp, Household, Photo, TrainingDay

REPORT_PHOTOS = 12  # one A4 page of thumbnails


@dataclass
class Subject:
    """A training day or a visit, as its photo section needs it."""

    url: str  # its photos page, where a photo is sent
    back: str
    back_label: str
    title: str
    fields: dict  # the new photo's columns: village, day or visit (and household)
    where: object  # its photos

    @cached_property
    def photos(self) -> list[Photo]:
        """Read when first shown, after the request's change."""
        return list(db.session.scalars(select(Photo).where(self.where).order_by(Photo.created_at, Photo.id)))


def day_subject(day: TrainingDay) -> Subject:
    return Subject(url=url_for("photos.day", day_id=day.id), back=url_for("training.attendance", day_id=day.id),
                   back_label=_("← เช็คชื่อ วันที่ %(n)s", n=day.day_no),
                   title=_("รูปถ่ายการอบรม วันที่ %(n)s", n=day.day_no),
                   fields={"village_id": day.village_id, "training_day_id": day.id},
                   where=Photo.training_day_id == day.id)


def visit_subject(followup: FollowUp, household: Household) -> Subject:
    return Subject(url=url_for("photos.visit", followup_id=followup.id),
                   back=url_for("households.show", household_id=household.id) + "#timeline",
                   back_label=_("← %(name)s", name=household.head_name),
                   title=_("รูปถ่ายการเยี่ยม · %(name)s", name=household.head_name),
                   fields={"village_id": household.village_id, "followup_id": followup.id,
                           "household_id": household.id},
                   where=Photo.followup_id == followup.id)


def report_photos(village_id: int, fiscal_year: int, cutoff) -> tuple[list[tuple[Photo, object]], int]:
    """The village-year's photos taken by the cut-off (training days held, visits made),
    oldest first, the first REPORT_PHOTOS of them with their dates; and how many there are."""
    when = func.coalesce(TrainingDay.held_on, FollowUp.visit_date)
    query = (select(Photo, when.label("on"))
             .outerjoin(TrainingDay, TrainingDay.id == Photo.training_day_id)
             .outerjoin(FollowUp, FollowUp.id == Photo.followup_id)
             .outerjoin(Household, Household.id == FollowUp.household_id)
             .where(Photo.village_id == village_id, or_(
                 and_(TrainingDay.fiscal_year == fiscal_year, TrainingDay.held_on <= cutoff),
                 and_(Household.fiscal_year == fiscal_year, FollowUp.status == "done",
                      FollowUp.visit_date <= cutoff))))
    rows = db.session.execute(query.order_by(when, Photo.id).limit(REPORT_PHOTOS)).all()
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    return [(photo, on) for photo, on in rows], total
