"""The household interview: consent, four steps of questions and a review,
saved as a server draft at each step, submitted exactly once with the
draft's one-time token (sammachip/wizard.py does the stepping)."""
from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from ..access import requires, village_or_404
from ..domain import reference, thai_id
from ..domain.households import default_trainer, placement_problems, village_with_id
from ..domain.permissions import can_edit
from ..domain.privacy import notice_for
from ..domain.programme import rules_for
from ..domain.villages import lock_village
from ..extensions import db
from ..forms_common import id_notice, occupation_choices
from ..models import Household, HouseholdDraft, Village
from ..models.base import utcnow
from ..once import is_token, new_token, save_once
from ..wizard import Step, Wizard
from ..years import village_year
from .forms import AssignForm, ConsentForm, HeadForm, LivelihoodForm, NeedForm
from .queries import household_from, my_draft, trainer_choices
from .wording import duplicate_id_text, full_text, placement_text, status_choices, trainer_option

bp = Blueprint("interview", __name__)

CONSENT_TITLE = _l("ความยินยอม (PDPA)")


class Interview(Wizard):
    endpoint = "interview.step"
    fields = "households/_interview_fields.html"
    review = "households/_interview_review.html"
    progress_label = _l("ความคืบหน้าการสัมภาษณ์")
    hint = _l("คำตอบถูกบันทึกไว้ทุกครั้งที่กดถัดไปหรือก่อนหน้า กลับมาทำต่อได้จากหน้าหมู่บ้าน")
    STEPS = {2: Step(HeadForm, _l("หัวหน้าครัวเรือน")), 3: Step(LivelihoodForm, _l("อาชีพและรายได้ตอนนี้")),
             4: Step(NeedForm, _l("อาชีพที่ต้องการ")), 5: Step(AssignForm, _l("มอบหมายวิทยากร"))}

    def steps(self, draft):
        return self.STEPS

    def url_args(self, draft):
        return {"token": draft.token}

    def prepare(self, draft, step, form, fresh):
        rules = rules_for(draft.fiscal_year)
        if step == 4:
            form.need_occupation.choices = occupation_choices(reference.occupations(db.session), str(get_locale()))
            form.committed.label.text = _("ตั้งใจเข้าร่วมฝึกอบรมครบทั้ง %(n)s วัน", n=rules.training_days)
        if step == 5:
            form.status.choices = status_choices(rules)
            if fresh and "status" not in draft.data and full_notice(draft.village_id):
                form.status.data = "reserve"  # a full village: the reserve list is the answer to expect
            team, loads = trainer_choices(draft.village_id, draft.fiscal_year)
            form.trainer.choices = [("", _("ยังไม่มอบหมาย"))] + [
                (str(s.id), trainer_option(s, loads.get(s.id, 0), rules)) for s in team]
            if fresh and "trainer" not in draft.data:
                need = draft.data.get("need_occupation", "")
                best = default_trainer(team, loads, int(need) if need.isdigit() else None)
                form.trainer.data = str(best.id) if best else ""

    def check(self, draft, step, form):
        """Rules that need the database, beyond the form's own validation."""
        if step == 2:
            other = village_with_id(db.session, thai_id.normalize(form.national_id.data), draft.fiscal_year)
            if other is not None:
                form.national_id.errors.append(duplicate_id_text(other, draft.fiscal_year, current_user))
                return False
            if notice := id_notice(form.national_id.data):
                flash(notice, "info")
        if step == 5:
            trainer = int(form.trainer.data) if form.trainer.data else None
            if form.status.data == "reserve":
                trainer = None
                draft.data = {**draft.data, "trainer": ""}
            for code in placement_problems(db.session, draft.village_id, draft.fiscal_year, form.status.data, trainer):
                (form.status if code == "village_full" else form.trainer).errors.append(
                    placement_text(code, rules_for(draft.fiscal_year)))
            return not form.status.errors and not form.trainer.errors
        return True

    def context(self, draft=None, village=None):
        village = village or db.session.get(Village, draft.village_id)
        return {
            "village": village,
            "draft": draft,
            "rules": rules_for(draft.fiscal_year if draft else village_year(village.id)),
            "crumb_url": url_for("villages.show", village_id=village.id),
            "crumb_label": _("← บ้าน%(name)s", name=village.name),
        }

    def tab_title(self, title, ctx):
        return f"{title} · {_('สัมภาษณ์ครัวเรือน')}"

    def already_finished(self, draft):
        # Lock the village so the year's limits and the token hold under two taps at once.
        lock_village(db.session, draft.village_id)
        saved = db.session.scalar(select(Household.id).where(Household.submit_token == draft.token))
        return redirect(url_for("households.show", household_id=saved), 303) if saved else None

    def finish(self, draft, forms):
        token = draft.token
        household = household_from(draft, forms, current_user.id)
        db.session.add(household)
        db.session.execute(delete(HouseholdDraft).where(HouseholdDraft.id == draft.id))
        try:
            db.session.commit()
        except IntegrityError:  # the unique token or ID: the last guard
            db.session.rollback()
            if db.session.scalar(select(Household.id).where(Household.submit_token == token)):
                return already_saved_or_404(token)
            return self.review_page(draft, [(2, str(self.STEPS[2].title))], 422)  # the ID was registered meanwhile
        flash(_("บันทึกครัวเรือน %(name)s แล้ว", name=household.head_name), "success")
        return redirect(url_for("households.show", household_id=household.id), 303)

    def consent_page(self, village, form, refused=False):
        return self.render(
            None,
            1,
            form,
            url=url_for("interview.consent", village_id=village.id),
            context=self.context(village=village),
            title=str(CONSENT_TITLE),
            refused=refused,
            full_notice=full_notice(village.id),
            notice=notice_for(db.session, village_year(village.id), "households"),
            district_code=village.district_code,
        )


interview = Interview()


def consent_notice_id(village) -> int | None:
    notice = notice_for(db.session, village_year(village.id), "households")
    return notice.id if notice else None


def full_notice(village_id: int) -> str:
    """Said at the first step, not the fifth: a full village's next household goes on the reserve list."""
    fy = village_year(village_id)
    if "village_full" in placement_problems(db.session, village_id, fy, "registered", None):
        return full_text(rules_for(fy))
    return ""


@bp.route("/villages/<int:village_id>/households/new", methods=["GET", "POST"])
@requires(can_edit)
def consent(village_id: int):
    """Step 1. Nothing about the household is stored before it consents."""
    village = village_or_404(village_id)
    form = ConsentForm()
    form.token.data = form.token.data if is_token(form.token.data) else new_token()
    if not form.validate_on_submit() or form.consent.data == "no":
        return interview.consent_page(village, form, refused=form.consent.data == "no")  # and nothing is stored
    draft = my_draft(form.token.data) or save_once(
        HouseholdDraft(
            token=form.token.data,
            village_id=village.id,
            officer_id=current_user.id,
            fiscal_year=village_year(village.id),  # the page's year, not today's
            consent_at=utcnow(),
            consent_notice_id=consent_notice_id(village),  # the version read out and accepted
            data={},
        ),
        "token",
    )
    if draft.officer_id != current_user.id:
        abort(404)
    return interview.go(draft, 2)


@bp.route("/interviews/<token>/<int:step>", methods=["GET", "POST"])
@requires(can_edit)  # drafts hold incomes: editors only
def step(token: str, step: int):
    draft = my_draft(token)
    return interview.handle(draft, step) if draft else already_saved_or_404(token)


def already_saved_or_404(token: str):
    """A resubmission after success: show the household that was saved."""
    household = db.session.scalar(select(Household).where(Household.submit_token == token))
    if household is None:
        abort(404)
    village_or_404(household.village_id)
    return redirect(url_for("households.show", household_id=household.id), 303)


@bp.post("/interviews/<token>/discard")
@requires(can_edit)
def discard(token: str):
    draft = my_draft(token) or abort(404)
    village_id = draft.village_id
    db.session.delete(draft)
    db.session.commit()
    flash(_("ลบแบบสัมภาษณ์ที่ยังไม่เสร็จแล้ว"), "info")
    return redirect(url_for("villages.show", village_id=village_id), 303)
