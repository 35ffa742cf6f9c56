"""An attendance tap sent from the phone's queue (README "Offline"): the state tapped
and the moment it was tapped. The latest tap wins whenever it arrives (a later tap,
online or queued, is not undone by an earlier one sent late), the follow-up schedule
follows as for a tap online, and the phone's key makes a repeated send change nothing."""
from datetime import UTC, datetime

from flask import url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from .. import batch
from ..access import requires
from ..clock import utcnow
from ..domain.permissions import can_edit
from ..domain.schedule import sync_schedule
from ..domain.villages import lock_village
from ..extensions import db
from ..models import Attendance, AttendanceTap
from .views import bp, day_and_household, set_attendance, tap_problem


@bp.post("/training-days/<int:day_id>/attendance/<int:household_id>/batch")
@requires(can_edit)
def send(day_id: int, household_id: int):
    """One queued tap: `present` ("1" or "0") and `tapped_at` (ISO 8601 with its zone) in `answers`."""
    day, household = day_and_household(day_id, household_id)
    sent = batch.read("attendance")
    at = tapped_at(sent.answers.get("tapped_at"))
    if at is None or sent.answers.get("present") not in ("0", "1"):
        return batch.bad(_("ข้อมูลที่ส่งมาไม่ครบ กรุณาส่งจากแบบฟอร์มในแอป"))
    lock_village(db.session, day.village_id)  # taps of one village one at a time: the latest wins
    earlier = saved_with(sent.key)
    if earlier is not None:
        return earlier
    if problem := tap_problem(day, household):
        return batch.bad(problem, 409)
    want = sent.answers["present"] == "1"
    if later_tap(day.id, household.id, at):  # kept (the key is known), but the later tap stands
        db.session.add(AttendanceTap(submit_token=sent.key, day_id=day.id, household_id=household.id,
                                     present=want, tapped_at=at, user_id=current_user.id))
    elif set_attendance(day, household, want, current_user.id, at, sent.key):
        sync_schedule(db.session, day.village_id, day.fiscal_year, household_ids=[household.id])
    else:
        return send(day_id, household_id)  # an online tap of the same household at this moment: look again
    try:
        db.session.commit()
    except IntegrityError:  # a twin send of the same key got there first
        db.session.rollback()
    return saved_with(sent.key, 201) or batch.bad(_("ข้อมูลที่ส่งมาไม่ครบ กรุณาส่งจากแบบฟอร์มในแอป"))


def tapped_at(value) -> datetime | None:
    """The phone's moment, in UTC (as stored); never later than now."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return min(moment.astimezone(UTC), utcnow()) if moment.tzinfo else None


def later_tap(day_id: int, household_id: int, at: datetime) -> bool:
    """A tap after this one, logged or (from before the log) the present row's own moment."""
    return db.session.scalar(select(
        select(AttendanceTap.id).where(AttendanceTap.day_id == day_id, AttendanceTap.household_id == household_id,
                                       AttendanceTap.tapped_at > at).exists()
        | select(Attendance.day_id).where(Attendance.day_id == day_id, Attendance.household_id == household_id,
                                          Attendance.marked_at > at).exists()))


def saved_with(key: str, status: int = 200):
    tap = db.session.scalar(select(AttendanceTap).where(AttendanceTap.submit_token == key))
    if tap is None:
        return None
    present = db.session.get(Attendance, (tap.day_id, tap.household_id)) is not None
    return batch.known(tap, tap.user_id, url_for("training.attendance", day_id=tap.day_id), status, present=present)
