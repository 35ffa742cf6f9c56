"""Who goes on the visits: a district gives each target village-year to an officer, and may
give one visit to another officer of the district (rules: domain/assignment.py)."""
from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from ..access import requires, village_or_404
from ..domain import geo
from ..domain.areas import covers
from ..domain.assignment import assign_village, officers_of, reassign_visit, refusal, village_officer
from ..domain.permissions import assigns_visits
from ..extensions import db
from ..followups.queries import followup_or_404
from ..models import Household, User, Village
from ..web import wants_fragment
from ..years import page_year, picker_years, village_year
from .forms import NOBODY, VillageAssignForm, VisitAssignForm, as_id, assign_form
from .queries import village_row, village_rows
from .wording import conflict, moved_message, refusal_message

bp = Blueprint("assignments", __name__)


@bp.get("/districts/<district_code>/assignments")
@requires(assigns_visits)
def district(district_code: str):
    """The year's target villages, each with its officer and a control to change it."""
    if len(district_code) != 4 or not geo.district_name(district_code) or not covers(current_user, district_code):
        abort(404)
    fy, where = page_year(), Village.district_code == district_code
    officers = officers_of(db.session, district_code)
    rows = [(row, assign_form(VillageAssignForm, officers, row.assigned_to_id)) for row in village_rows(where, fy)]
    return render_template("assignments/district.html", district=district_code, fy=fy, rows=rows,
                           officers=officers, years=picker_years(fy, where, ahead=True))


@bp.post("/villages/<int:village_id>/assignment")
@requires(assigns_visits)
def village(village_id: int):
    """Give the village-year (`?fy=`, else its latest) to an officer; its open visits follow."""
    place = village_or_404(village_id)
    fy = village_year(place.id)
    row = village_row(place.id, fy) or abort(404)  # not a target that year
    officers = officers_of(db.session, place.district_code)
    form = assign_form(VillageAssignForm, officers, None, posted=True)
    if not checked(form, place.district_code):
        return village_card(row, form, 422)
    moved = assign_village(db.session, place.id, fy, as_id(form.was.data), as_id(form.officer.data))
    if moved is None:  # someone changed it since the page was drawn: show theirs, keep nothing of ours
        db.session.rollback()
        row = village_row(place.id, fy)
        form = assign_form(VillageAssignForm, officers, row.assigned_to_id)
        form.form_errors.append(conflict())
        return village_card(row, form, 409)
    db.session.commit()
    if wants_fragment():
        row = village_row(place.id, fy)
        form = assign_form(VillageAssignForm, officers, row.assigned_to_id)
        return village_card(row, form, 200, moved_message(moved))
    flash(moved_message(moved), "success")
    return redirect(url_for(".district", district_code=place.district_code, fy=fy) + f"#v{place.id}", 303)


@bp.route("/followups/<int:followup_id>/assign", methods=["GET", "POST"])
@requires(assigns_visits)
def visit(followup_id: int):
    """Give one visit to another officer of the district (who did it stays the visit's `officer_id`)."""
    followup = followup_or_404(followup_id)
    household = db.session.get(Household, followup.household_id)
    place = db.session.get(Village, household.village_id)
    officers = officers_of(db.session, place.district_code)
    form = assign_form(VisitAssignForm, officers, followup.assigned_to_id, posted=request.method == "POST")
    if request.method == "GET" or followup.status == "done":
        return visit_page(followup, household, place, form, 409 if request.method == "POST" else 200)
    if not checked(form, place.district_code):
        return visit_page(followup, household, place, form, 422)
    if not reassign_visit(db.session, followup.id, as_id(form.was.data), as_id(form.officer.data)):
        db.session.rollback()
        db.session.refresh(followup)
        form = assign_form(VisitAssignForm, officers, followup.assigned_to_id)
        form.form_errors.append(conflict())
        return visit_page(followup, household, place, form, 409)
    db.session.commit()
    flash(moved_message(0), "success")
    back = form.officer_filter.data
    return redirect(url_for("followups.due", **({"officer": back} if back else {})), 303)


def checked(form, district_code: str) -> bool:
    """The choice is nobody or an active officer of the district (else a Thai reason on the field)."""
    if not form.validate():
        return False
    chosen = form.officer.data
    if not form.officer.raw_data or not (chosen == NOBODY or chosen.isdigit()):
        form.officer.errors.append(refusal_message("not_chosen"))
        return False
    officer_id = as_id(chosen)
    code = refusal(db.session.get(User, officer_id), district_code) if officer_id else None
    if code:
        form.officer.errors.append(refusal_message(code))
    return code is None


def village_card(row, form, status: int, message: str = ""):
    return render_template("assignments/_village.html", row=row, form=form, fy=g.page_fy, message=message), status


def visit_page(followup, household, place, form, status: int):
    """The visit, who is to go, the village's officer, and who did it (once done)."""
    officer_of_village = village_officer(db.session, place.id, household.fiscal_year)
    ids = [i for i in (followup.assigned_to_id, followup.officer_id, officer_of_village) if i]
    names = dict(db.session.execute(select(User.id, User.full_name).where(User.id.in_(ids))).all())
    if request.method == "GET":
        form.officer_filter.data = request.args.get("officer", "")
    return render_template("assignments/visit.html", followup=followup, household=household, village=place,
                           form=form, names=names, village_officer=officer_of_village), status
