"""The household interview: six short steps, saved as a server draft at each
step, submitted exactly once with the draft's one-time token."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _, lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import MultiDict

from ..access import editor_required, village_or_404
from ..domain import reference, thai_id
from ..domain.clock import current_fiscal_year
from ..domain.households import default_trainer, placement_problems, village_with_id
from ..domain.phone import normalize as normalize_phone
from ..domain.villages import lock_village
from ..extensions import db
from ..forms_common import OTHER, as_bool, occupation_choices, typed_values
from ..models import Household, HouseholdDraft, Village
from ..models.base import utcnow
from ..once import is_token, new_token, save_once
from ..web import go_to_step, wants_fragment
from .forms import AssignForm, ConsentForm, HeadForm, LivelihoodForm, NeedForm
from .queries import my_draft, trainer_choices
from .wording import duplicate_id_text, placement_text, trainer_option

bp = Blueprint("interview", __name__)

STEPS = {2: HeadForm, 3: LivelihoodForm, 4: NeedForm, 5: AssignForm}
TOTAL_STEPS = 6
TITLES = {1: _l("ความยินยอม (PDPA)"), 2: _l("หัวหน้าครัวเรือน"), 3: _l("อาชีพและรายได้ตอนนี้"),
          4: _l("อาชีพที่ต้องการ"), 5: _l("มอบหมายวิทยากร"), 6: _l("ตรวจทานและบันทึก")}


@bp.route("/villages/<int:village_id>/households/new", methods=["GET", "POST"])
@editor_required
def consent(village_id: int):
    """Step 1. Nothing about the household is stored before it consents."""
    village = village_or_404(village_id)
    form = ConsentForm()
    form.token.data = form.token.data if is_token(form.token.data) else new_token()
    if form.validate_on_submit():
        if form.consent.data == "no":
            return render_step(1, form, village=village, refused=True)  # and nothing is stored
        draft = my_draft(form.token.data) or save_once(HouseholdDraft(
            token=form.token.data, village_id=village.id, officer_id=current_user.id,
            fiscal_year=current_fiscal_year(), consent_at=utcnow(), data={}), "token")
        if draft.officer_id != current_user.id:
            abort(404)
        return go_to_step(url_for(".step", token=draft.token, step=2), lambda: step_page(draft, 2))
    return render_step(1, form, village=village)


@bp.route("/interviews/<token>/<int:step>", methods=["GET", "POST"])
@editor_required
def step(token: str, step: int):
    draft = my_draft(token)
    if draft is None:
        return already_saved_or_404(token)
    if step == TOTAL_STEPS:
        return submit(draft) if request.method == "POST" else review_page(draft)
    if step not in STEPS:
        abort(404)
    if request.method == "GET":
        return step_page(draft, step)
    form = build_form(draft, step, request.form)
    draft.data = {**draft.data, **typed_values(form, request.form)}  # keep every answer, valid or not yet
    going_back = request.form.get("go") == "back"
    if going_back or (form.validate() and step_checks(draft, step, form)):
        draft.step = max(2, step - 1 if going_back else step + 1)  # consent (step 1) is not redone
        db.session.commit()
        target = draft.step
        return go_to_step(url_for(".step", token=token, step=target), lambda: step_page(draft, target))
    db.session.commit()
    return render_step(step, form, draft=draft)


def already_saved_or_404(token: str):
    """A resubmission after success: show the household that was saved."""
    household = db.session.scalar(select(Household).where(Household.submit_token == token))
    if household is None:
        abort(404)
    village_or_404(household.village_id)
    return redirect(url_for("households.show", household_id=household.id), 303)


def build_form(draft: HouseholdDraft, step: int, formdata=None):
    form = STEPS[step](formdata=formdata if formdata is not None else MultiDict(draft.data))
    if step == 4:
        form.need_occupation.choices = occupation_choices(reference.occupations(db.session), str(get_locale()))
    if step == 5:
        team, loads = trainer_choices(draft.village_id, draft.fiscal_year)
        form.trainer.choices = [("", _("ยังไม่มอบหมาย"))] + [(str(s.id), trainer_option(s, loads.get(s.id, 0))) for s in team]
        if formdata is None and "trainer" not in draft.data:
            need = draft.data.get("need_occupation", "")
            best = default_trainer(team, loads, int(need) if need.isdigit() else None)
            form.trainer.data = str(best.id) if best else ""
    return form


def step_checks(draft: HouseholdDraft, step: int, form) -> bool:
    """Rules that need the database, beyond the form's own validation."""
    if step == 2:
        other = village_with_id(db.session, thai_id.normalize(form.national_id.data), draft.fiscal_year)
        if other is not None:
            form.national_id.errors.append(duplicate_id_text(other, draft.fiscal_year))
            return False
    if step == 5:
        trainer = int(form.trainer.data) if form.trainer.data else None
        if form.status.data == "reserve":
            trainer = None
            draft.data = {**draft.data, "trainer": ""}
        for code in placement_problems(db.session, draft.village_id, draft.fiscal_year, form.status.data, trainer):
            (form.status if code == "village_full" else form.trainer).errors.append(placement_text(code))
        return not form.status.errors and not form.trainer.errors
    return True


def step_page(draft: HouseholdDraft, step: int):
    if step == TOTAL_STEPS:
        return review_page(draft)
    return render_step(step, build_form(draft, step), draft=draft)


def render_step(step: int, form, draft=None, village=None, status=200, **extra):
    village = village or db.session.get(Village, draft.village_id)
    name = "households/_step.html" if wants_fragment() else "households/step.html"
    return render_template(name, step=step, total=TOTAL_STEPS, title=str(TITLES[step]), form=form,
                           draft=draft, village=village, **extra), status


def review_page(draft: HouseholdDraft, problems=(), status=200):
    forms = {n: build_form(draft, n) for n in STEPS}
    return render_step(TOTAL_STEPS, None, draft=draft, status=status, forms=forms, problems=problems)


def submit(draft: HouseholdDraft):
    """Create the household once. Locks the village so the 20/4 limits and
    the token hold under two taps at once; the unique token is the last guard."""
    token = draft.token
    lock_village(db.session, draft.village_id)
    saved = db.session.scalar(select(Household).where(Household.submit_token == token))
    if saved is not None:
        return redirect(url_for("households.show", household_id=saved.id), 303)
    forms = {n: build_form(draft, n) for n in STEPS}
    invalid = [n for n, f in forms.items() if not f.validate() or not step_checks(draft, n, f)]
    if invalid:
        db.session.rollback()
        return review_page(draft, [(n, str(TITLES[n])) for n in invalid], 422)
    household = household_from(draft, forms)
    db.session.add(household)
    db.session.execute(delete(HouseholdDraft).where(HouseholdDraft.id == draft.id))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        if db.session.scalar(select(Household.id).where(Household.submit_token == token)):
            return already_saved_or_404(token)
        return review_page(draft, [(2, str(TITLES[2]))], 422)  # the ID was registered elsewhere meanwhile
    flash(_("บันทึกครัวเรือน %(name)s แล้ว", name=household.head_name), "success")
    return redirect(url_for("households.show", household_id=household.id), 303)


def household_from(draft: HouseholdDraft, forms: dict) -> Household:
    head, living, need, assign = forms[2], forms[3], forms[4], forms[5]
    other = need.need_occupation.data == OTHER
    reserve = assign.status.data == "reserve"
    return Household(
        village_id=draft.village_id, fiscal_year=draft.fiscal_year, submit_token=draft.token,
        status=assign.status.data, head_name=head.head_name.data,
        national_id=thai_id.normalize(head.national_id.data),
        phone=normalize_phone(head.phone.data) if head.phone.data else "",
        house_no=head.house_no.data or "", members=head.members.data,
        main_occupation=living.main_occupation.data, income_per_year=living.income_per_year.data,
        need_occupation_id=None if other else int(need.need_occupation.data),
        need_occupation_other=need.need_occupation_other.data if other else "",
        need_reason=need.need_reason.data or "", committed=as_bool(need.committed.data),
        trainer_id=None if reserve or not assign.trainer.data else int(assign.trainer.data),
        consent_at=draft.consent_at, consent_by_id=draft.officer_id, created_by_id=current_user.id)


@bp.post("/interviews/<token>/discard")
@editor_required
def discard(token: str):
    draft = my_draft(token)
    if draft is None:
        abort(404)
    village_id = draft.village_id
    db.session.delete(draft)
    db.session.commit()
    flash(_("ลบแบบสัมภาษณ์ที่ยังไม่เสร็จแล้ว"), "info")
    return redirect(url_for("villages.show", village_id=village_id), 303)
