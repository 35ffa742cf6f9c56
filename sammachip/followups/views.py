"""Follow-up visits: the checklist (checklist.py), the "visits due" list, and
extra visits added at any time."""
from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user

from ..access import household_or_404, requires
from ..domain.clock import today
from ..domain.permissions import can_edit, can_read
from ..labels import PRACTISING, label
from ..models import FollowUp
from ..once import create_once
from .checklist import checklist, finished
from .queries import due_visits, followup_or_404

bp = Blueprint("followups", __name__)
bp.add_app_template_filter(lambda value: label(PRACTISING, value), "practising_label")


@bp.get("/visits")
@requires(can_read)
def due():
    day = today()
    return render_template("followups/due.html", groups=due_visits(current_user, day), today=day)


@bp.post("/households/<int:household_id>/followups")
@requires(can_edit)
def add(household_id: int):
    """A visit outside the schedule. The form's one-time token makes a double tap one visit."""
    household = household_or_404(household_id)
    followup = create_once(FollowUp, request.form.get("submit_token"), lambda token: FollowUp(
        household_id=household.id, kind="extra", status="due", due_date=today(), submit_token=token))
    return redirect(url_for(".step", followup_id=followup.id, step=1), 303)


@bp.route("/followups/<int:followup_id>/<int:step>", methods=["GET", "POST"])
@requires(can_edit)  # drafts hold incomes: not for read-only roles
def step(followup_id: int, step: int):
    followup = followup_or_404(followup_id)
    if followup.status == "done":  # submitted already (a retry, or another officer finished it)
        return finished(followup)
    return checklist.handle(followup, step)
