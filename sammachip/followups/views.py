"""Follow-up visits: the checklist (checklist.py), the "visits due" list, and
extra visits added at any time."""
from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user

from ..access import household_or_404, requires
from ..domain.assignment import household_officer, officers_of, weeks
from ..domain.clock import today
from ..domain.permissions import assigns_visits, can_edit, can_read
from ..extensions import db
from ..labels import PRACTISING, label
from ..models import FollowUp
from ..once import create_once
from .checklist import checklist, finished
from .plan import week_plan, who_filter
from .queries import followup_or_404
from .wording import section_title, weekday

bp = Blueprint("followups", __name__)
bp.add_app_template_filter(lambda value: label(PRACTISING, value), "practising_label")
bp.add_app_template_filter(weekday, "weekday")
bp.add_app_template_filter(section_title, "section_title")


@bp.get("/visits")
@requires(can_read)
def due():
    """The week plan: today and overdue, this week, next week (`?officer=mine|none|<id>` filters)."""
    who, w = who_filter(request.args.get("officer")), weeks(today())
    officers = officers_of(db.session, current_user.district_code) \
        if assigns_visits(current_user) and current_user.district_code else []
    return render_template("followups/due.html", plan=week_plan(current_user, w, who), weeks=w, today=w.today,
                           who=who, officers=officers)


@bp.post("/households/<int:household_id>/followups")
@requires(can_edit)
def add(household_id: int):
    """A visit outside the schedule. The form's one-time token makes a double tap one visit."""
    household = household_or_404(household_id)
    followup = create_once(FollowUp, request.form.get("submit_token"), lambda token: FollowUp(
        household_id=household.id, kind="extra", status="due", due_date=today(), submit_token=token,
        assigned_to_id=household_officer(db.session, household.id)))
    return redirect(url_for(".step", followup_id=followup.id, step=1), 303)


@bp.route("/followups/<int:followup_id>/<int:step>", methods=["GET", "POST"])
@requires(can_edit)  # drafts hold incomes: not for read-only roles
def step(followup_id: int, step: int):
    followup = followup_or_404(followup_id)
    if followup.status == "done":  # submitted already (a retry, or another officer finished it)
        return finished(followup)
    return checklist.handle(followup, step)
