from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from ..access import editor_required, village_or_404
from ..domain import reference
from ..domain.areas import can_edit
from ..domain.clock import current_fiscal_year, today
from ..domain.phone import normalize
from ..domain.team import change_role, criteria_result, selection_problems
from ..domain.villages import lock_village
from ..extensions import db
from ..forms_common import OTHER, as_bool, from_bool, occupation_choices
from ..models import Sage, SageAnswer, SageCertificate, Village
from ..once import already_submitted, new_token, save_once
from ..web import conflict_message, go_to_step, is_stale, see_other, wants_fragment
from .forms import CriterionForm, SageForm, TrainingForm
from .queries import candidates, history, sage_or_404, team_section
from .wording import problem_text

bp = Blueprint("sages", __name__)


@bp.get("/villages/<int:village_id>/sages")
@login_required
def index(village_id: int):
    village = village_or_404(village_id)
    fy = current_fiscal_year()
    criteria = reference.criteria_for(db.session, fy)
    sages = candidates(village.id, fy)
    return render_template("sages/index.html", village=village, sages=sages, fy=fy,
                           results={s.id: criteria_result(s, criteria) for s in sages},
                           team=team_section(village, fy))


@bp.route("/villages/<int:village_id>/sages/new", methods=["GET", "POST"])
@editor_required
def create(village_id: int):
    village = village_or_404(village_id)
    form = sage_form()
    form.submit_token.data = form.submit_token.data or new_token()
    if form.validate_on_submit():
        earlier = already_submitted(Sage, form.submit_token.data)
        if earlier is not None:
            return redirect(url_for(".criterion", sage_id=earlier.id, step=1), 303)
        sage = Sage(village_id=village.id, fiscal_year=current_fiscal_year(), created_by_id=current_user.id,
                    submit_token=form.submit_token.data)
        fill_sage(sage, form)
        sage = save_once(sage)
        flash(_("บันทึกผู้สมัคร %(name)s แล้ว ต่อไปประเมินเกณฑ์ทีละข้อ", name=sage.name), "success")
        return redirect(url_for(".criterion", sage_id=sage.id, step=1), 303)
    return render_template("sages/form.html", form=form, village=village, sage=None)


@bp.route("/sages/<int:sage_id>/edit", methods=["GET", "POST"])
@editor_required
def edit(sage_id: int):
    sage = sage_or_404(sage_id)
    form = sage_form(sage if request.method == "GET" else None)
    village = db.session.get(Village, sage.village_id)
    if form.validate_on_submit():
        if not is_stale(sage, form.version.data):
            fill_sage(sage, form)
            try:
                db.session.commit()
                flash(_("บันทึกข้อมูล %(name)s แล้ว", name=sage.name), "success")
                return redirect(url_for(".show", sage_id=sage.id), 303)
            except StaleDataError:
                db.session.rollback()
        form.form_errors.append(conflict_message())
        form.version.data = sage.version
        return render_template("sages/form.html", form=form, village=village, sage=sage), 409
    return render_template("sages/form.html", form=form, village=village, sage=sage)


def sage_form(sage: Sage | None = None) -> SageForm:
    form = SageForm(obj=sage)
    form.occupation.choices = occupation_choices(reference.occupations(db.session), str(get_locale()))
    if sage is not None:
        form.occupation.data = OTHER if sage.occupation_other else str(sage.occupation_id or "")
        form.lives_in_village.data = from_bool(sage.lives_in_village)
    return form


def fill_sage(sage: Sage, form: SageForm) -> None:
    sage.name = form.name.data
    sage.phone = normalize(form.phone.data)
    other = form.occupation.data == OTHER
    sage.occupation_id = None if other else int(form.occupation.data)
    sage.occupation_other = form.occupation_other.data if other else ""
    sage.years_in_occupation = form.years_in_occupation.data
    sage.success_evidence = form.success_evidence.data or ""
    sage.lives_in_village = as_bool(form.lives_in_village.data)
    sage.notes = form.notes.data or ""


@bp.get("/sages/<int:sage_id>")
@login_required
def show(sage_id: int, problems: list[str] | None = None, status: int = 200):
    sage = sage_or_404(sage_id)
    village = db.session.get(Village, sage.village_id)
    criteria = reference.criteria_for(db.session, sage.fiscal_year)
    changes, certificates = history(sage.id)
    return render_template("sages/show.html", sage=sage, village=village, criteria=criteria,
                           result=criteria_result(sage, criteria), problems=problems or [],
                           answers={a.criterion_id: a for a in sage.answers},
                           changes=changes, certificates=certificates,
                           team=team_section(village, sage.fiscal_year)), status


@bp.route("/sages/<int:sage_id>/criteria/<int:step>", methods=["GET", "POST"])
@login_required
def criterion(sage_id: int, step: int):
    """One criterion per screen; back and next both keep what was answered."""
    sage = sage_or_404(sage_id)
    criteria = reference.criteria_for(db.session, sage.fiscal_year)
    if not 1 <= step <= len(criteria):
        abort(404)
    current = criteria[step - 1]
    answer = next((a for a in sage.answers if a.criterion_id == current.id), None)
    form = CriterionForm(data={"met": from_bool(answer.met), "note": answer.note} if answer and request.method == "GET" else None)
    if request.method == "POST":
        if not can_edit(current_user):
            abort(403)
        going_back = request.form.get("go") == "back"
        if form.validate() and (form.met.data or going_back):
            if form.met.data:
                save_answer(sage, current.id, as_bool(form.met.data), form.note.data or "")
                if sage.role and current.required and form.met.data == "no":
                    change_role(db.session, sage, None, current_user.id)  # the team needs every required criterion
                    flash(_("%(name)s ไม่ผ่านเกณฑ์ข้อ (%(code)s) จึงถูกนำออกจากทีม", name=sage.name, code=current.code), "info")
            target = step - 1 if going_back else step + 1
            sage.criteria_step = max(1, min(target, len(criteria)))
            db.session.commit()
            if target > len(criteria):
                flash(_("ประเมินเกณฑ์ครบทุกข้อแล้ว"), "success")
                return see_other(url_for(".show", sage_id=sage.id))
            return next_step(sage, max(target, 1))
        if not form.met.data and not form.met.errors:
            form.met.errors.append(_("กรุณาเลือก ใช่ หรือ ไม่ใช่"))
    return wizard_page(sage, criteria, step, form)


def save_answer(sage: Sage, criterion_id: int, met: bool, note: str) -> None:
    answer = next((a for a in sage.answers if a.criterion_id == criterion_id), None)
    if answer is None:
        sage.answers.append(SageAnswer(criterion_id=criterion_id, met=met, note=note))
    else:
        answer.met, answer.note = met, note


def next_step(sage: Sage, step: int):
    def fragment():
        criteria = reference.criteria_for(db.session, sage.fiscal_year)
        answer = next((a for a in sage.answers if a.criterion_id == criteria[step - 1].id), None)
        data = {"met": from_bool(answer.met), "note": answer.note} if answer else None
        return wizard_page(sage, criteria, step, CriterionForm(formdata=None, data=data))

    return go_to_step(url_for(".criterion", sage_id=sage.id, step=step), fragment)


def wizard_page(sage, criteria, step, form):
    template = "sages/_criterion.html" if wants_fragment() else "sages/criterion.html"
    village = db.session.get(Village, sage.village_id)
    return render_template(template, sage=sage, village=village, criteria=criteria, step=step,
                           criterion=criteria[step - 1], form=form)


@bp.post("/sages/<int:sage_id>/role")
@editor_required
def set_role(sage_id: int):
    sage = sage_or_404(sage_id)
    role = request.form.get("role")
    if role not in ("lead", "assistant", "none"):
        abort(400)
    lock_village(db.session, sage.village_id)  # two officers filling the last seat: one wins
    role = None if role == "none" else role
    if role is not None:
        criteria = reference.criteria_for(db.session, sage.fiscal_year)
        problems = selection_problems(db.session, sage, role, criteria)
        if problems:
            db.session.rollback()
            return show(sage_id, [problem_text(p) for p in problems], 422)
    released = change_role(db.session, sage, role, current_user.id)
    db.session.commit()
    flash(_("นำ %(name)s ออกจากทีมแล้ว", name=sage.name) if role is None else
          _("เลือก %(name)s เข้าทีมแล้ว", name=sage.name), "success")
    if released:
        flash(_("มีครัวเรือน %(n)s ครัวเรือนที่ยังไม่มีวิทยากรดูแล กรุณามอบหมายใหม่", n=released), "info")
    return redirect(url_for(".show", sage_id=sage.id), 303)


@bp.route("/sages/<int:sage_id>/training", methods=["GET", "POST"])
@editor_required
def training(sage_id: int):
    sage = sage_or_404(sage_id)
    form = TrainingForm(obj=sage if request.method == "GET" else None)
    if request.method == "GET":
        form.course_passed.data = from_bool(sage.course_passed) or ""
    if form.validate_on_submit():
        if not is_stale(sage, form.version.data):
            for name in ("training_centre", "course_start", "course_end", "workshop_date"):
                setattr(sage, name, getattr(form, name).data or (None if name != "training_centre" else ""))
            sage.course_passed = as_bool(form.course_passed.data)
            try:
                db.session.commit()
                flash(_("บันทึกผลการอบรมแล้ว"), "success")
                return redirect(url_for(".show", sage_id=sage.id), 303)
            except StaleDataError:
                db.session.rollback()
        form.form_errors.append(conflict_message())
        form.version.data = sage.version
        return render_template("sages/training.html", form=form, sage=sage), 409
    return render_template("sages/training.html", form=form, sage=sage)


@bp.post("/sages/<int:sage_id>/certificates")
@editor_required
def issue_certificate(sage_id: int):
    sage = sage_or_404(sage_id)
    if sage.role is None:
        return show(sage_id, [_("ออกใบประกาศได้เฉพาะผู้ที่อยู่ในทีมวิทยากร")], 422)
    issued_on = today()
    # One certificate per sage per day: a double tap finds the one just issued.
    certificate = db.session.scalar(select(SageCertificate).where(
        SageCertificate.sage_id == sage.id, SageCertificate.issued_on == issued_on))
    if certificate is None:
        certificate = SageCertificate(sage_id=sage.id, issued_on=issued_on, issued_by_id=current_user.id)
        db.session.add(certificate)
        try:
            db.session.commit()
        except IntegrityError:  # the other tap won the race
            db.session.rollback()
            certificate = db.session.scalar(select(SageCertificate).where(
                SageCertificate.sage_id == sage_id, SageCertificate.issued_on == issued_on))
    return redirect(url_for(".certificate", sage_id=sage.id, certificate_id=certificate.id), 303)


@bp.get("/sages/<int:sage_id>/certificates/<int:certificate_id>")
@login_required
def certificate(sage_id: int, certificate_id: int):
    sage = sage_or_404(sage_id)
    cert = db.session.get(SageCertificate, certificate_id)
    if cert is None or cert.sage_id != sage.id:
        abort(404)
    village = db.session.get(Village, sage.village_id)
    return render_template("sages/certificate.html", sage=sage, village=village, certificate=cert)
