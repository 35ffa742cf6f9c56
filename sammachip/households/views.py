"""Households of a village: the list, one household's page, its edit and its placement."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ..access import household_or_404, requires, village_or_404
from ..domain import reference, thai_id
from ..domain.clock import today
from ..domain.households import below_line, changes_between, placement_problems, poverty_line, village_with_id
from ..domain.permissions import can_edit, can_read, sees_changes
from ..domain.phone import normalize as normalize_phone
from ..domain.programme import rules_for
from ..domain.villages import lock_village
from ..extensions import db
from ..followups.queries import timeline
from ..forms_common import OTHER, as_bool, from_bool, id_notice, occupation_choices
from ..labels import HOUSEHOLD_STATUSES, LEAVING, label
from ..models import HouseholdChange, Sage, Village
from ..web import save_unless_stale
from ..years import picker_years, village_year
from .forms import HouseholdEditForm, LeaveForm
from .queries import changes_of, households_section, trainer_choices
from .wording import FIELD_LABELS, duplicate_id_text, placement_text, trainer_option

bp = Blueprint("households", __name__)
bp.add_app_template_filter(lambda status: label(HOUSEHOLD_STATUSES, status), "status_label")
bp.add_app_template_filter(lambda name: str(FIELD_LABELS.get(name, name)), "field_label")
bp.add_app_template_filter(lambda reason: label(LEAVING, reason), "leaving_label")
bp.add_app_template_global(below_line, "below_line")

EDITABLE = ("head_name", "national_id", "phone", "house_no", "members", "main_occupation", "income_per_year",
            "occupation_income_per_year", "need_occupation_id", "need_occupation_other", "need_reason", "committed")


@bp.get("/villages/<int:village_id>/households")
@requires(can_read)
def index(village_id: int):
    village = village_or_404(village_id)
    fy = village_year(village.id)
    return render_template("households/index.html", village=village, fy=fy, programme=rules_for(fy),
                           hh=households_section(village, fy, with_line=True),
                           years=picker_years(fy, Village.id == village.id))


@bp.get("/households/<int:household_id>")
@requires(can_read)
def show(household_id: int, problems=(), status=200, revealed=False):
    household = household_or_404(household_id)
    village = db.session.get(Village, household.village_id)
    rules = rules_for(household.fiscal_year)
    team, loads = trainer_choices(village.id, household.fiscal_year)
    trainer = db.session.get(Sage, household.trainer_id) if household.trainer_id else None
    return render_template(
        "households/show.html", household=household, village=village, trainer=trainer, programme=rules,
        options=[(s.id, trainer_option(s, loads.get(s.id, 0), rules)) for s in team], problems=problems,
        line=poverty_line(db.session, household.fiscal_year),
        changes=changes_of(household.id) if sees_changes(current_user) else [],
        timeline=timeline(household, today()), leave=LeaveForm(formdata=None), revealed=revealed), status


@bp.route("/households/<int:household_id>/edit", methods=["GET", "POST"])
@requires(can_edit)
def edit(household_id: int):
    household = household_or_404(household_id)
    form = edit_form(household)
    if form.validate_on_submit() and unique_id(form, household):
        if save_unless_stale(household, form, lambda: apply_edit(household, form, current_user.id)):
            flash(_("บันทึกการแก้ไขแล้ว"), "success")
            if notice := id_notice(form.national_id.data):
                flash(notice, "info")
            return redirect(url_for(".show", household_id=household.id), 303)
        return render_template("households/edit.html", form=form, household=household), 409
    return render_template("households/edit.html", form=form, household=household)


def edit_form(household) -> HouseholdEditForm:
    form = HouseholdEditForm(obj=household if request.method == "GET" else None)
    form.need_occupation.choices = occupation_choices(reference.occupations(db.session), str(get_locale()))
    form.committed.label.text = _("ตั้งใจเข้าร่วมฝึกอบรมครบทั้ง %(n)s วัน", n=rules_for(household.fiscal_year).training_days)
    if request.method == "GET":
        form.national_id.data = ""  # never shown: typed only to replace it
        form.need_occupation.data = (
            OTHER if household.need_occupation_other else str(household.need_occupation_id or "")
        )
        form.committed.data = from_bool(household.committed)
    return form


def unique_id(form, household) -> bool:
    if not form.national_id.data:
        return True  # kept as it is
    other = village_with_id(db.session, thai_id.normalize(form.national_id.data), household.fiscal_year, household.id)
    if other is not None:
        form.national_id.errors.append(duplicate_id_text(other, household.fiscal_year, current_user))
        return False
    return True


def apply_edit(household, form, user_id: int) -> None:
    """Apply the edit and record who changed which fields."""
    before = {k: getattr(household, k) for k in EDITABLE}
    other = form.need_occupation.data == OTHER
    household.head_name = form.head_name.data
    if form.national_id.data:
        household.national_id = thai_id.normalize(form.national_id.data)
    household.phone = normalize_phone(form.phone.data) if form.phone.data else ""
    household.house_no = form.house_no.data or ""
    household.members = form.members.data
    household.main_occupation = form.main_occupation.data
    household.income_per_year = form.income_per_year.data
    household.occupation_income_per_year = form.occupation_income_per_year.data
    household.need_occupation_id = None if other else int(form.need_occupation.data)
    household.need_occupation_other = form.need_occupation_other.data if other else ""
    household.need_reason = form.need_reason.data or ""
    household.committed = as_bool(form.committed.data)
    changes = changes_between(before, {k: getattr(household, k) for k in EDITABLE})
    if changes:
        db.session.add(HouseholdChange(household_id=household.id, user_id=user_id, changes=changes))


@bp.post("/households/<int:household_id>/placement")
@requires(can_edit)
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
    problems = placement_problems(
        db.session, household.village_id, household.fiscal_year, status, trainer_id, household.id
    )
    if problems:
        db.session.rollback()
        return show(household_id, [placement_text(p, rules_for(household.fiscal_year)) for p in problems], 422)
    changes = changes_between(
        {"status": household.status, "trainer_id": household.trainer_id}, {"status": status, "trainer_id": trainer_id}
    )
    household.status, household.trainer_id = status, trainer_id
    if changes:
        db.session.add(HouseholdChange(household_id=household.id, user_id=current_user.id, changes=changes))
    db.session.commit()
    flash(_("บันทึกการมอบหมายแล้ว"), "success")
    return redirect(url_for(".show", household_id=household.id), 303)
from . import leaving, reveal  # noqa: E402, F401  (their routes are on this blueprint)
