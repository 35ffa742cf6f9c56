"""The follow-up checklist: five short steps and a review, kept on the visit's
own row (with its version: two officers may open the same visit), submitted once."""
from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from ..domain.assignment import household_officer
from ..domain.clock import today
from ..domain.funds import record_visit_fund
from ..domain.groups import groups_of_village, join_from_visit
from ..domain.schedule import add_months
from ..domain.teams import set_visit_members, tambon_members
from ..domain.thai_dates import typed
from ..extensions import db
from ..models import FollowUp, Household, Village
from ..wizard import Step, Wizard, as_multidict
from .forms import GroupFundForm, IncomeForm, NextForm, PractisingForm, VisitForm
from .queries import next_scheduled, period_start


class Checklist(Wizard):
    endpoint = "followups.step"
    fields = "followups/_checklist_fields.html"
    review = "followups/_checklist_review.html"
    progress_label = _l("ความคืบหน้าการติดตาม")
    STEPS = {1: Step(PractisingForm, _l("การประกอบอาชีพ")), 2: Step(IncomeForm, _l("รายได้และตลาด")),
             3: Step(GroupFundForm, _l("กลุ่มอาชีพและแหล่งทุน")), 4: Step(VisitForm, _l("ผู้ไปเยี่ยม")),
             5: Step(NextForm, _l("ปัญหาและนัดครั้งถัดไป"))}

    def steps(self, followup):
        return self.STEPS

    def url_args(self, followup):
        return {"followup_id": followup.id}

    def version(self, followup):
        return followup.version

    def answers(self, followup, step):
        data = as_multidict(followup.data)
        if step == 4 and "visit_date" not in data:
            data["visit_date"] = typed(today())
        if step == 5 and "next_visit_date" not in data:
            data["next_visit_date"] = typed(default_next_visit(followup))
        return data

    def prepare(self, followup, step, form, fresh):
        household = db.session.get(Household, followup.household_id)
        form.fiscal_year = household.fiscal_year  # for the date rules
        if step == 4:
            form.members.choices = team_choices(household)
        if "group_id" in form:
            form.group_id.choices = group_choices(household, followup.group_id)

    def keep(self, followup, step, form, typed, moved_to):
        super().keep(followup, step, form, typed, moved_to)
        followup.status, followup.officer_id = "draft", current_user.id

    def check(self, followup, step, form):
        """Rules across steps (each date's own rule is its field's)."""
        if step == 5 and form.next_visit_date.data:
            visit = visit_date_of(followup)
            if visit and form.next_visit_date.data <= visit:
                form.next_visit_date.errors.append(_("วันนัดครั้งถัดไปต้องหลังวันที่ไปเยี่ยม"))
                return False
        return True

    def context(self, followup):
        household = db.session.get(Household, followup.household_id)
        return {"followup": followup, "household": household, "village": db.session.get(Village, household.village_id),
                "crumb_url": url_for("households.show", household_id=household.id),
                "crumb_label": _("← %(name)s", name=household.head_name)}

    def header(self, step, total, title, ctx):
        return f"{super().header(step, total, title, ctx)} · {ctx['household'].head_name}"

    def tab_title(self, title, ctx):
        return f"{title} · {_('ติดตามครัวเรือน')}"

    def already_finished(self, followup):
        # Lock the visit's row, then look again: a second tap waits here and finds it done.
        db.session.scalar(select(FollowUp).where(FollowUp.id == followup.id).with_for_update()
                          .execution_options(populate_existing=True))
        return finished(followup) if followup.status == "done" else None

    def finish(self, followup, forms):
        apply_answers(followup, forms, current_user.id)
        household = db.session.get(Household, followup.household_id)
        set_visit_members(db.session, followup.id, [int(m) for m in forms[4].members.data or []])
        record_visit_fund(db.session, followup, household, current_user.id)
        plan_next_visit(followup)
        db.session.commit()
        flash(_("บันทึกการเยี่ยมแล้ว"), "success")
        return finished(followup)


checklist = Checklist()


def team_choices(household: Household) -> list[tuple[str, str]]:
    """The named members of the household's tambon team of its year: "name (organisation)"."""
    from ..labels import TEAM_ORGANISATIONS, label

    village = db.session.get(Village, household.village_id)
    return [(str(m.id), f"{m.name} ({m.organisation_other or label(TEAM_ORGANISATIONS['tambon'], m.organisation)})")
            for m in tambon_members(db.session, village.subdistrict_code, household.fiscal_year)]


def finished(followup: FollowUp):
    return redirect(url_for("households.show", household_id=followup.household_id), 303)


def visit_date_of(followup: FollowUp):
    return VisitForm(formdata=MultiDict({"visit_date": followup.data.get("visit_date", "")}),
                     meta={"csrf": False}).visit_date.data


def default_next_visit(followup: FollowUp):
    """The next visit on the schedule, else a month after this visit."""
    return next_scheduled(followup) or add_months(visit_date_of(followup) or today(), 1)


def apply_answers(followup: FollowUp, forms: dict, user_id: int) -> None:
    practising, income, funds, visit, nxt = (forms[n] for n in sorted(forms))
    followup.practising = practising.practising.data
    followup.not_practising_reason = practising.not_practising_reason.data or ""
    followup.reason_text = (practising.reason_text.data or "") if followup.practising == "no" else ""
    followup.occupation_income = income.occupation_income.data
    followup.costs_saved = income.costs_saved.data or 0
    followup.sells_where = income.sells_where.data or ""
    followup.group_id = int(funds.group_id.data) if funds.group_id.data else None  # an old typed name stays
    followup.fund_source = funds.fund_source.data
    followup.fund_other = funds.fund_other.data if funds.fund_source.data == "other" else ""
    followup.fund_amount = None if funds.fund_source.data == "none" else funds.fund_amount.data
    followup.visit_date = visit.visit_date.data
    start = period_start(followup, followup.visit_date)
    # The days the income covers; None (no training day or earlier visit to count from): not counted.
    followup.period_days = (followup.visit_date - start).days if start else None
    followup.visitors = list(visit.visitors.data)
    followup.with_support_team = any(v != "officer" for v in followup.visitors) or bool(visit.members.data)
    followup.problems = nxt.problems.data or ""
    followup.help_needed = nxt.help_needed.data or ""
    followup.next_visit_date = nxt.next_visit_date.data
    followup.status, followup.officer_id, followup.data = "done", user_id, {}
    if followup.group_id:
        join_from_visit(db.session, followup.group_id, followup.household_id, followup.visit_date)


def plan_next_visit(followup: FollowUp) -> None:
    """Put the agreed next visit on the list, unless a visit is already open for that day."""
    if not followup.next_visit_date:
        return
    open_that_day = db.session.scalar(select(FollowUp.id).where(
        FollowUp.household_id == followup.household_id, FollowUp.status != "done",
        FollowUp.due_date == followup.next_visit_date))
    if open_that_day is None:
        db.session.add(FollowUp(household_id=followup.household_id, kind="planned", status="due",
                                due_date=followup.next_visit_date,
                                assigned_to_id=household_officer(db.session, followup.household_id)))


def group_choices(household: Household, keep: int | None) -> list[tuple[str, str]]:
    """"Not in a group", then the groups of the household's village and its tambon (not stopped, but the one kept)."""
    village = db.session.get(Village, household.village_id)
    return [("", _("ไม่ได้เข้ากลุ่ม"))] + [(str(g.id), g.name) for g in groups_of_village(
        db.session, village, with_stopped=False, keep=keep)]
