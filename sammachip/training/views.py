"""The village training: its days, and one-tap attendance that keeps the follow-up schedule in step."""
from datetime import datetime

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..access import in_area_or_404, requires, village_or_404
from ..clock import utcnow
from ..domain.centres import village_centres
from ..domain.clock import today
from ..domain.permissions import can_edit, can_read
from ..domain.programme import rules_for
from ..domain.schedule import days_present, sync_schedule
from ..domain.team import team_of
from ..extensions import db
from ..models import Attendance, AttendanceTap, Household, TrainingDay, Village
from ..photos.queries import day_subject
from ..web import save_unless_stale, wants_fragment
from ..years import picker_years, village_year
from .forms import TrainingDayForm
from .rules import order_problem
from .wording import training_place

bp = Blueprint("training", __name__)
bp.add_app_template_filter(training_place, "training_place")


def days_of(village_id: int, fiscal_year: int) -> dict[int, TrainingDay]:
    rows = db.session.scalars(select(TrainingDay).where(
        TrainingDay.village_id == village_id, TrainingDay.fiscal_year == fiscal_year))
    return {d.day_no: d for d in rows}


def registered_of(village_id: int, fiscal_year: int):
    return select(func.count()).select_from(Household).where(
        Household.village_id == village_id, Household.fiscal_year == fiscal_year, Household.status == "registered")


@bp.get("/villages/<int:village_id>/training")
@requires(can_read)
def index(village_id: int):
    village = village_or_404(village_id)
    fy = village_year(village.id)
    days = days_of(village.id, fy)
    counts = dict(db.session.execute(
        select(Attendance.day_id, func.count()).where(Attendance.day_id.in_([d.id for d in days.values()]))
        .group_by(Attendance.day_id)).all())
    return render_template("training/index.html", village=village, days=days, counts=counts,
                           registered=db.session.scalar(registered_of(village.id, fy)), fy=fy,
                           programme=rules_for(fy), years=picker_years(fy, Village.id == village.id))


@bp.route("/villages/<int:village_id>/training/<int:day_no>/edit", methods=["GET", "POST"])
@requires(can_edit)
def edit_day(village_id: int, day_no: int):
    village = village_or_404(village_id)
    fy = village_year(village.id)  # the page's year, not today's
    if day_no not in rules_for(fy).day_numbers:
        abort(404)
    day = days_of(village.id, fy).get(day_no)
    team = team_of(db.session, village.id, fy)
    form = day_form(day, team, fy, village.id)
    if form.validate_on_submit():
        if order_problem(db.session, village.id, fy, day_no, form.held_on.data):
            form.held_on.errors.append(_("วันที่ต้องเรียงตามลำดับ วันที่ 1 ถึงวันที่ %(n)s", n=rules_for(fy).training_days))
        else:
            day = day or TrainingDay(village_id=village.id, fiscal_year=fy, day_no=day_no)
            if save_day(day, form, team):
                flash(_("บันทึกวันอบรมที่ %(n)s แล้ว", n=day_no), "success")
                return redirect(url_for(".attendance", day_id=day.id), 303)
            return day_page(form, village, day_no, fy), 409
    return day_page(form, village, day_no, fy)


def day_page(form: TrainingDayForm, village: Village, day_no: int, fy: int):
    return render_template("training/day_form.html", form=form, village=village, day_no=day_no, programme=rules_for(fy))


def day_form(day: TrainingDay | None, team, fiscal_year: int, village_id: int) -> TrainingDayForm:
    form = TrainingDayForm(obj=day if request.method == "GET" else None)
    form.fiscal_year = day.fiscal_year if day else fiscal_year  # the date rule's year
    form.trainers.choices = [(str(s.id), s.name) for s in team]
    form.centre.choices = [("", _("สถานที่อื่น (ระบุด้านล่าง)"))] + [
        (str(c.id), c.name) for c in village_centres(db.session, village_id)]
    if request.method == "GET" and day:
        form.trainers.data = [str(s.id) for s in day.trainers]
        form.centre.data = str(day.learning_centre_id or "")
    return form


def save_day(day: TrainingDay, form: TrainingDayForm, team) -> bool:
    """Save the day (refused if someone saved it since the form opened); the last day's date sets the schedule."""
    def apply():
        day.held_on, day.topic = form.held_on.data, form.topic.data or ""
        day.learning_centre_id = int(form.centre.data) if form.centre.data else None
        day.place_text = form.place_text.data or ""
        chosen = set(form.trainers.data or [])
        day.trainers = [s for s in team if str(s.id) in chosen]
        db.session.add(day)
        db.session.flush()
        sync_schedule(db.session, day.village_id, day.fiscal_year)

    return save_unless_stale(day, form, apply)


@bp.get("/training-days/<int:day_id>")
@requires(can_read)
def attendance(day_id: int):
    day = in_area_or_404(TrainingDay, day_id)
    village = db.session.get(Village, day.village_id)
    households = registered_households(village.id, day.fiscal_year)
    present = set(db.session.scalars(select(Attendance.household_id).where(Attendance.day_id == day.id)))
    return render_template("training/attendance.html", day=day, village=village, households=households,
                           present=present, days=days_present(db.session, village.id, day.fiscal_year),
                           future=day.held_on > today(), programme=rules_for(day.fiscal_year),
                           subject=day_subject(day))


def registered_households(village_id: int, fiscal_year: int) -> list[Household]:
    return db.session.scalars(select(Household).where(
        Household.village_id == village_id, Household.fiscal_year == fiscal_year,
        Household.status == "registered").order_by(Household.head_name, Household.id)).all()


@bp.get("/training-days/<int:day_id>/sign-in")
@requires(can_read)
def sign_in(day_id: int):
    """The day's sign-in sheet (ใบลงลายมือชื่อ) on A4: one row per registered household, signatures blank."""
    day = in_area_or_404(TrainingDay, day_id)
    village = db.session.get(Village, day.village_id)
    return render_template("training/sign_in.html", day=day, village=village,
                           households=registered_households(village.id, day.fiscal_year))


@bp.post("/training-days/<int:day_id>/attendance/<int:household_id>")
@requires(can_edit)
def mark(day_id: int, household_id: int):
    """Set one household present or absent: the state tapped, not a flip, so a
    double tap or a retried request lands in the same state."""
    day, household = day_and_household(day_id, household_id)
    if problem := tap_problem(day, household):
        abort(409, description=problem)
    if not set_attendance(day, household, request.form.get("present") == "1", current_user.id):
        return mark(day_id, household_id)  # the same tap arrived twice at once: already present
    present = sync_schedule(db.session, day.village_id, day.fiscal_year, household_ids=[household.id])
    if not wants_fragment():
        db.session.commit()
        return redirect(url_for(".attendance", day_id=day.id) + f"#hh-{household.id}", 303)
    # Rendered inside the transaction: after the commit every loaded row would be read again.
    count, total = db.session.execute(select(
        select(func.count()).select_from(Attendance).where(Attendance.day_id == day.id).scalar_subquery(),
        registered_of(day.village_id, day.fiscal_year).scalar_subquery())).one()
    html = render_template("training/_mark.html", day=day, h=household, is_present=request.form.get("present") == "1",
                           count=count, total=total, days=present, programme=rules_for(day.fiscal_year))
    db.session.commit()
    return html


def day_and_household(day_id: int, household_id: int) -> tuple[TrainingDay, Household]:
    """The day (in the user's area) and one of its year's households, else 404."""
    day = in_area_or_404(TrainingDay, day_id)
    household = db.session.get(Household, household_id)
    if household is None or household.village_id != day.village_id or household.fiscal_year != day.fiscal_year:
        abort(404)
    return day, household


def tap_problem(day: TrainingDay, household: Household) -> str | None:
    if day.held_on > today():
        return _("ยังไม่ถึงวันอบรม เช็คชื่อได้เมื่อถึงวัน")
    if household.status != "registered":
        return _("ครัวเรือนในรายชื่อสำรองยังไม่ได้เข้าอบรม")
    return None


def set_attendance(day: TrainingDay, household: Household, want: bool, user_id: int,
                   at: datetime | None = None, key: str | None = None) -> bool:
    """Add or remove the attendance row, and log the tap (`at`: when it was tapped, now
    unless it comes from the phone's queue with its `key`); False when a twin request
    inserted it first."""
    at = at or utcnow()
    row = db.session.get(Attendance, (day.id, household.id))
    if want and row is None:
        db.session.add(Attendance(day_id=day.id, household_id=household.id, marked_by_id=user_id, marked_at=at))
    elif not want and row is not None:
        db.session.delete(row)
    db.session.add(AttendanceTap(submit_token=key, day_id=day.id, household_id=household.id, present=want,
                                 tapped_at=at, user_id=user_id))
    try:
        db.session.flush()
        return True
    except IntegrityError:
        db.session.rollback()
        return False
