from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _
from flask_login import current_user, login_required
from sqlalchemy.orm.exc import StaleDataError

from ..access import editor_required, village_or_404
from ..domain import reference, thai_id
from ..domain.clock import current_fiscal_year, today
from ..domain.households import changes_between, placement_problems, poverty_line, village_with_id
from ..domain.phone import normalize as normalize_phone
from ..domain.villages import lock_village
from ..extensions import db
from ..followups.queries import timeline
from ..forms_common import OTHER, as_bool, from_bool, occupation_choices
from ..models import HouseholdChange, Sage, Village
from ..web import conflict_message, is_stale
from .forms import HouseholdEditForm
from .queries import changes_of, household_or_404, households_section, trainer_choices
from .wording import duplicate_id_text, placement_text, trainer_option

bp = Blueprint("households", __name__)

EDITABLE = ("head_name", "national_id", "phone", "house_no", "members", "main_occupation", "income_per_year",
            "need_occupation_id", "need_occupation_other", "need_reason", "committed")


def sees_personal_data(user) -> bool:
    """PDPA: full national IDs and incomes only for those who work with the household."""
    return user.role in ("admin", "district", "officer")


@bp.get("/villages/<int:village_id>/households")
@login_required
def index(village_id: int):
    village = village_or_404(village_id)
    fy = current_fiscal_year()
    return render_template("households/index.html", village=village, fy=fy,
                           hh=households_section(village, fy, with_line=True),
                           personal=sees_personal_data(current_user))


@bp.get("/households/<int:household_id>")
@login_required
def show(household_id: int, problems=(), status=200):
    household = household_or_404(household_id)
    village = db.session.get(Village, household.village_id)
    team, loads = trainer_choices(village.id, household.fiscal_year)
    trainer = db.session.get(Sage, household.trainer_id) if household.trainer_id else None
    return render_template(
        "households/show.html", household=household, village=village, trainer=trainer,
        options=[(s.id, trainer_option(s, loads.get(s.id, 0))) for s in team], problems=problems,
        personal=sees_personal_data(current_user), line=poverty_line(db.session, household.fiscal_year),
        changes=changes_of(household.id) if sees_personal_data(current_user) else [],
        timeline=timeline(household, today())), status


@bp.route("/households/<int:household_id>/edit", methods=["GET", "POST"])
@editor_required
def edit(household_id: int):
    household = household_or_404(household_id)
    form = edit_form(household)
    if form.validate_on_submit() and unique_id(form, household):
        if is_stale(household, form.version.data):
            return conflict(form, household)
        before = {k: getattr(household, k) for k in EDITABLE}
        apply_edit(household, form)
        changes = changes_between(before, {k: getattr(household, k) for k in EDITABLE})
        if changes:
            db.session.add(HouseholdChange(household_id=household.id, user_id=current_user.id, changes=changes))
        try:
            db.session.commit()
        except StaleDataError:
            db.session.rollback()
            return conflict(form, household)
        flash(_("บันทึกการแก้ไขแล้ว"), "success")
        return redirect(url_for(".show", household_id=household.id), 303)
    return render_template("households/edit.html", form=form, household=household)


def edit_form(household) -> HouseholdEditForm:
    form = HouseholdEditForm(obj=household if request.method == "GET" else None)
    form.need_occupation.choices = occupation_choices(reference.occupations(db.session), str(get_locale()))
    if request.method == "GET":
        form.national_id.data = thai_id.formatted(household.national_id)
        form.need_occupation.data = OTHER if household.need_occupation_other else str(household.need_occupation_id or "")
        form.committed.data = from_bool(household.committed)
    return form


def unique_id(form, household) -> bool:
    other = village_with_id(db.session, thai_id.normalize(form.national_id.data), household.fiscal_year, household.id)
    if other is not None:
        form.national_id.errors.append(duplicate_id_text(other, household.fiscal_year))
        return False
    return True


def apply_edit(household, form) -> None:
    other = form.need_occupation.data == OTHER
    household.head_name = form.head_name.data
    household.national_id = thai_id.normalize(form.national_id.data)
    household.phone = normalize_phone(form.phone.data) if form.phone.data else ""
    household.house_no = form.house_no.data or ""
    household.members = form.members.data
    household.main_occupation = form.main_occupation.data
    household.income_per_year = form.income_per_year.data
    household.need_occupation_id = None if other else int(form.need_occupation.data)
    household.need_occupation_other = form.need_occupation_other.data if other else ""
    household.need_reason = form.need_reason.data or ""
    household.committed = as_bool(form.committed.data)


def conflict(form, household):
    """Another officer saved first: nothing is overwritten, the typing stays."""
    form.form_errors.append(conflict_message())
    form.version.data = household.version
    return render_template("households/edit.html", form=form, household=household), 409


@bp.post("/households/<int:household_id>/placement")
@editor_required
def placement(household_id: int):
    """Move a household to another trainer, or between target list and reserve."""
    household = household_or_404(household_id)
    status = request.form.get("status", household.status)
    raw_trainer = request.form.get("trainer", "")
    team, _loads = trainer_choices(household.village_id, household.fiscal_year)
    if status not in ("registered", "reserve") or (raw_trainer and raw_trainer not in {str(s.id) for s in team}):
        abort(400)
    trainer_id = int(raw_trainer) if raw_trainer and status == "registered" else None
    lock_village(db.session, household.village_id)
    problems = placement_problems(db.session, household.village_id, household.fiscal_year, status, trainer_id, household.id)
    if problems:
        db.session.rollback()
        return show(household_id, [placement_text(p) for p in problems], 422)
    before = {"status": household.status, "trainer_id": household.trainer_id}
    household.status, household.trainer_id = status, trainer_id
    changes = changes_between(before, {"status": status, "trainer_id": trainer_id})
    if changes:
        db.session.add(HouseholdChange(household_id=household.id, user_id=current_user.id, changes=changes))
    db.session.commit()
    flash(_("บันทึกการมอบหมายแล้ว"), "success")
    return redirect(url_for(".show", household_id=household.id), 303)
