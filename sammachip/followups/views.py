"""Follow-up visits: the checklist as short steps with a server draft, the
"visits due" list, and extra visits added at any time."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user, login_required
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from ..access import editor_required
from ..domain.clock import today
from ..domain.schedule import add_months
from ..extensions import db
from ..households.queries import household_or_404
from ..models import FollowUp, Household
from ..forms_common import typed_values
from ..once import already_submitted, new_token, save_once
from ..web import conflict_message, go_to_step, is_stale, wants_fragment
from .forms import GroupFundForm, IncomeForm, NextForm, PractisingForm, VisitForm
from .queries import due_visits, followup_or_404, next_scheduled

bp = Blueprint("followups", __name__)

STEPS = {1: PractisingForm, 2: IncomeForm, 3: GroupFundForm, 4: VisitForm, 5: NextForm}
TOTAL_STEPS = 6
TITLES = {1: _l("การประกอบอาชีพ"), 2: _l("รายได้และตลาด"), 3: _l("กลุ่มอาชีพและแหล่งทุน"),
          4: _l("ผู้ไปเยี่ยม"), 5: _l("ปัญหาและนัดครั้งถัดไป"), 6: _l("ตรวจทานและบันทึก")}


@bp.get("/visits")
@login_required
def due():
    day = today()
    return render_template("followups/due.html", groups=due_visits(current_user, day), today=day)


@bp.post("/households/<int:household_id>/followups")
@editor_required
def add(household_id: int):
    """A visit outside the schedule. The form's one-time token makes a double tap one visit."""
    household = household_or_404(household_id)
    token = request.form.get("submit_token") or new_token()
    followup = already_submitted(FollowUp, token)
    if followup is None:
        followup = save_once(FollowUp(household_id=household.id, kind="extra", status="due", due_date=today(),
                                      submit_token=token))
    return redirect(url_for(".step", followup_id=followup.id, step=1), 303)


@bp.route("/followups/<int:followup_id>/<int:step>", methods=["GET", "POST"])
@editor_required  # drafts hold incomes: not for read-only roles
def step(followup_id: int, step: int):
    followup = followup_or_404(followup_id)
    if followup.status == "done":  # submitted already (a retry, or another officer finished it)
        return redirect(url_for("households.show", household_id=followup.household_id), 303)
    if step == TOTAL_STEPS:
        return submit(followup) if request.method == "POST" else review(followup)
    if step not in STEPS:
        abort(404)
    if request.method == "GET":
        return render_step(followup, step, build_form(followup, step))
    form = build_form(followup, step, request.form)
    typed = typed_values(form, request.form, lists=("visitors",))
    if is_stale(followup, request.form.get("version")):
        if followup.step != step and all(followup.data.get(k) == v for k, v in typed.items()):
            # The same answers sent again after a lost reply: already saved, just move on.
            return go_to_step(url_for(".step", followup_id=followup.id, step=followup.step),
                              lambda: step_page(followup, followup.step))
        form.form_errors.append(conflict_message())
        return render_step(followup, step, form, 409)
    followup.data = {**followup.data, **typed}
    followup.status, followup.officer_id = "draft", current_user.id
    going_back = request.form.get("go") == "back"
    if going_back or (form.validate() and step_checks(followup, step, form)):
        followup.step = max(1, step - 1 if going_back else step + 1)
        db.session.commit()
        target = followup.step
        return go_to_step(url_for(".step", followup_id=followup.id, step=target),
                          lambda: step_page(followup, target))
    db.session.commit()
    return render_step(followup, step, form)


def build_form(followup: FollowUp, step: int, formdata=None):
    data = MultiDict()
    for key, value in followup.data.items():
        for v in value if isinstance(value, list) else [value]:
            data.add(key, v)
    if step == 4 and "visit_date" not in data:
        data["visit_date"] = today().isoformat()
    if step == 5 and "next_visit_date" not in data:
        data["next_visit_date"] = default_next_visit(followup).isoformat()
    return STEPS[step](formdata=formdata if formdata is not None else data)


def default_next_visit(followup: FollowUp):
    """The next visit on the schedule, else a month after this visit."""
    visit = VisitForm(formdata=MultiDict({"visit_date": followup.data.get("visit_date", "")})).visit_date.data
    return next_scheduled(followup) or add_months(visit or today(), 1)


def step_checks(followup: FollowUp, step: int, form) -> bool:
    """Rules across steps and against today's date."""
    if step == 4 and form.visit_date.data > today():
        form.visit_date.errors.append(_("วันที่ไปเยี่ยมต้องไม่เลยวันนี้"))
        return False
    if step == 5 and form.next_visit_date.data:
        visit = build_form(followup, 4).visit_date.data
        if visit and form.next_visit_date.data <= visit:
            form.next_visit_date.errors.append(_("วันนัดครั้งถัดไปต้องหลังวันที่ไปเยี่ยม"))
            return False
    return True


def step_page(followup: FollowUp, step: int):
    if step == TOTAL_STEPS:
        return review(followup)
    return render_step(followup, step, build_form(followup, step))


def render_step(followup: FollowUp, step: int, form, status=200, **extra):
    household = db.session.get(Household, followup.household_id)
    name = "followups/_step.html" if wants_fragment() else "followups/step.html"
    return render_template(name, followup=followup, household=household, step=step, total=TOTAL_STEPS,
                           title=str(TITLES[step]), form=form, **extra), status


def review(followup: FollowUp, problems=(), status=200):
    forms = {n: build_form(followup, n) for n in STEPS}
    return render_step(followup, TOTAL_STEPS, None, status, forms=forms, problems=problems)


def submit(followup: FollowUp):
    # Lock the visit's row, then look again: a second tap waits here and finds it done.
    followup = db.session.scalar(select(FollowUp).where(FollowUp.id == followup.id).with_for_update()
                                 .execution_options(populate_existing=True))
    if followup.status == "done":
        return redirect(url_for("households.show", household_id=followup.household_id), 303)
    forms = {n: build_form(followup, n) for n in STEPS}
    invalid = [n for n, f in forms.items() if not f.validate() or not step_checks(followup, n, f)]
    if invalid:
        db.session.rollback()
        return review(followup, [(n, str(TITLES[n])) for n in invalid], 422)
    apply_answers(followup, forms)
    plan_next_visit(followup)
    db.session.commit()
    flash(_("บันทึกการเยี่ยมแล้ว"), "success")
    return redirect(url_for("households.show", household_id=followup.household_id), 303)


def apply_answers(followup: FollowUp, forms: dict) -> None:
    practising, income, funds, visit, nxt = (forms[n] for n in STEPS)
    followup.practising = practising.practising.data
    followup.not_practising_reason = practising.not_practising_reason.data or ""
    followup.reason_text = practising.reason_text.data or ""
    followup.income_last_month = income.income_last_month.data
    followup.sells_where = income.sells_where.data or ""
    followup.group_name = funds.group_name.data or ""
    followup.fund_source = funds.fund_source.data
    followup.fund_other = funds.fund_other.data if funds.fund_source.data == "other" else ""
    followup.fund_amount = None if funds.fund_source.data == "none" else funds.fund_amount.data
    followup.visit_date = visit.visit_date.data
    followup.visitors = list(visit.visitors.data)
    followup.with_support_team = any(v != "officer" for v in followup.visitors)
    followup.problems = nxt.problems.data or ""
    followup.help_needed = nxt.help_needed.data or ""
    followup.next_visit_date = nxt.next_visit_date.data
    followup.status, followup.officer_id, followup.data = "done", current_user.id, {}


def plan_next_visit(followup: FollowUp) -> None:
    """Put the agreed next visit on the list, unless a visit is already open for that day."""
    if not followup.next_visit_date:
        return
    open_that_day = db.session.scalar(select(FollowUp.id).where(
        FollowUp.household_id == followup.household_id, FollowUp.status != "done",
        FollowUp.due_date == followup.next_visit_date))
    if open_that_day is None:
        db.session.add(FollowUp(household_id=followup.household_id, kind="planned", status="due",
                                due_date=followup.next_visit_date))
