"""A household leaves the programme (ออกจากโครงการ): it moved, withdrew its consent
or died. From that day it is out of every denominator and the schedule (its
open visits from then on are cancelled), and it stays listed."""
from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import delete

from ..access import household_or_404, requires
from ..domain.permissions import can_edit
from ..extensions import db
from ..models import FollowUp, HouseholdChange
from .forms import LeaveForm
from .views import bp, show


@bp.post("/households/<int:household_id>/leave")
@requires(can_edit)
def leave(household_id: int):
    household = household_or_404(household_id)
    form = LeaveForm()
    form.fiscal_year = household.fiscal_year  # the date rule reads the record's year
    if household.left_on is not None or not form.validate_on_submit():
        problems = [e for errors in form.errors.values() for e in errors] or [_("ครัวเรือนนี้ออกจากโครงการแล้ว")]
        return show(household_id, problems, 422)
    household.left_on, household.left_reason = form.left_on.data, form.left_reason.data
    db.session.execute(delete(FollowUp).where(FollowUp.household_id == household.id, FollowUp.status == "due",
                                              FollowUp.due_date >= household.left_on))
    db.session.add(HouseholdChange(household_id=household.id, user_id=current_user.id, changes={
        "left_on": [None, household.left_on.isoformat()], "left_reason": ["", household.left_reason]}))
    db.session.commit()
    flash(_("บันทึกว่า %(name)s ออกจากโครงการแล้ว", name=household.head_name), "success")
    return redirect(url_for(".show", household_id=household.id), 303)
