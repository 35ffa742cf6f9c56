from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from ..access import editor_required, in_area_or_404, village_or_404
from ..domain.clock import current_fiscal_year, today
from ..domain.progress import TRAINING_DAYS
from ..domain.schedule import days_present, sync_schedule
from ..domain.team import team_of
from ..extensions import db
from ..models import Attendance, Household, TrainingDay, Village
from ..web import conflict_message, is_stale, wants_fragment
from .forms import TrainingDayForm
from .rules import order_problem

bp = Blueprint("training", __name__)
DAYS = range(1, TRAINING_DAYS + 1)


def min_training_days() -> int:
    return current_app.config["TRAINING_COMPLETION_MIN_DAYS"]


def settings() -> tuple[int, list[int]]:
    return current_app.config["TRAINING_COMPLETION_MIN_DAYS"], current_app.config["FOLLOWUP_OFFSETS_MONTHS"]


def days_of(village_id: int, fiscal_year: int) -> dict[int, TrainingDay]:
    rows = db.session.scalars(select(TrainingDay).where(
        TrainingDay.village_id == village_id, TrainingDay.fiscal_year == fiscal_year))
    return {d.day_no: d for d in rows}


def day_or_404(day_id: int) -> TrainingDay:
    return in_area_or_404(TrainingDay, day_id)


@bp.get("/villages/<int:village_id>/training")
@login_required
def index(village_id: int):
    village = village_or_404(village_id)
    fy = current_fiscal_year()
    days = days_of(village.id, fy)
    counts = dict(db.session.execute(
        select(Attendance.day_id, func.count()).where(Attendance.day_id.in_([d.id for d in days.values()]))
        .group_by(Attendance.day_id)).all())
    registered = db.session.scalar(select(func.count()).select_from(Household).where(
        Household.village_id == village.id, Household.fiscal_year == fy, Household.status == "registered"))
    return render_template("training/index.html", village=village, days=days, counts=counts,
                           registered=registered, fy=fy, min_days=settings()[0])


@bp.route("/villages/<int:village_id>/training/<int:day_no>/edit", methods=["GET", "POST"])
@editor_required
def edit_day(village_id: int, day_no: int):
    village = village_or_404(village_id)
    if day_no not in DAYS:
        abort(404)
    fy = current_fiscal_year()
    day = days_of(village.id, fy).get(day_no)
    form = TrainingDayForm(obj=day if request.method == "GET" else None)
    team = team_of(db.session, village.id, fy)
    form.trainers.choices = [(str(s.id), s.name) for s in team]
    if request.method == "GET" and day:
        form.trainers.data = [str(s.id) for s in day.trainers]
    if form.validate_on_submit():
        if order_problem(db.session, village.id, fy, day_no, form.held_on.data):
            form.held_on.errors.append(_("วันที่ต้องเรียงตามลำดับ วันที่ 1 ถึงวันที่ 5"))
        elif day is not None and is_stale(day, form.version.data):
            form.form_errors.append(conflict_message())
            form.version.data = day.version
            return render_template("training/day_form.html", form=form, village=village, day_no=day_no), 409
        else:
            day = day or TrainingDay(village_id=village.id, fiscal_year=fy, day_no=day_no)
            day.held_on, day.topic = form.held_on.data, form.topic.data or ""
            chosen = set(form.trainers.data or [])
            day.trainers = [s for s in team if str(s.id) in chosen]
            db.session.add(day)
            try:
                db.session.flush()
                sync_schedule(db.session, village.id, fy, *settings())  # the last day's date sets the schedule
                db.session.commit()
            except (StaleDataError, IntegrityError):
                db.session.rollback()
                form.form_errors.append(conflict_message())
                return render_template("training/day_form.html", form=form, village=village, day_no=day_no), 409
            flash(_("บันทึกวันอบรมที่ %(n)s แล้ว", n=day_no), "success")
            return redirect(url_for(".attendance", day_id=day.id), 303)
    return render_template("training/day_form.html", form=form, village=village, day_no=day_no)


@bp.get("/training-days/<int:day_id>")
@login_required
def attendance(day_id: int):
    day = day_or_404(day_id)
    village = db.session.get(Village, day.village_id)
    households = db.session.scalars(select(Household).where(
        Household.village_id == village.id, Household.fiscal_year == day.fiscal_year,
        Household.status == "registered").order_by(Household.head_name)).all()
    present = set(db.session.scalars(select(Attendance.household_id).where(Attendance.day_id == day.id)))
    return render_template("training/attendance.html", day=day, village=village, households=households,
                           present=present, days=days_present(db.session, village.id, day.fiscal_year),
                           future=day.held_on > today())


@bp.post("/training-days/<int:day_id>/attendance/<int:household_id>")
@editor_required
def mark(day_id: int, household_id: int):
    """Set one household present or absent: the state tapped, not a flip, so a
    double tap or a retried request lands in the same state."""
    day = day_or_404(day_id)
    household = db.session.get(Household, household_id)
    if household is None or household.village_id != day.village_id or household.fiscal_year != day.fiscal_year:
        abort(404)
    if day.held_on > today():
        abort(409, description=_("ยังไม่ถึงวันอบรม เช็คชื่อได้เมื่อถึงวัน"))
    if household.status != "registered":
        abort(409, description=_("ครัวเรือนในรายชื่อสำรองยังไม่ได้เข้าอบรม"))
    want = request.form.get("present") == "1"
    row = db.session.get(Attendance, (day.id, household.id))
    if want and row is None:
        db.session.add(Attendance(day_id=day.id, household_id=household.id, marked_by_id=current_user.id))
    elif not want and row is not None:
        db.session.delete(row)
    try:
        db.session.flush()
    except IntegrityError:  # the same tap arrived twice at once: already present
        db.session.rollback()
        return mark(day_id, household_id)
    present = sync_schedule(db.session, day.village_id, day.fiscal_year, *settings(), household_ids=[household.id])
    if not wants_fragment():
        db.session.commit()
        return redirect(url_for(".attendance", day_id=day.id) + f"#hh-{household.id}", 303)
    # Rendered inside the transaction: after the commit every loaded row would be read again.
    count, total = db.session.execute(select(
        select(func.count()).select_from(Attendance).where(Attendance.day_id == day.id).scalar_subquery(),
        select(func.count()).select_from(Household).where(
            Household.village_id == day.village_id, Household.fiscal_year == day.fiscal_year,
            Household.status == "registered").scalar_subquery())).one()
    html = render_template("training/_mark.html", day=day, h=household, is_present=want, count=count,
                           total=total, days=present)
    db.session.commit()
    return html
