"""Sage candidates, the criteria wizard (criteria.py), selection onto the team,
the lead's course record and certificates."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ..access import requires, village_or_404
from ..domain import reference, thai_id
from ..domain.permissions import can_edit, can_read
from ..domain.persons import history as person_history
from ..domain.persons import link
from ..domain.phone import normalize
from ..domain.programme import rules_for
from ..domain.team import change_role, criteria_result, selection_problems
from ..domain.villages import lock_village
from ..extensions import db
from ..forms_common import OTHER, as_bool, from_bool, id_notice, occupation_choices
from ..labels import role_label
from ..models import Sage, SageCertificate, Village
from ..once import create_once, new_token
from ..web import save_unless_stale
from ..years import picker_years, village_year
from .criteria import criteria_wizard
from .forms import SageForm, TrainingForm
from .queries import candidates, certificate_of_today, history, sage_or_404, team_section
from .wording import known_texts, missing_text, problem_text

bp = Blueprint("sages", __name__)
bp.add_app_template_filter(role_label, "role_label")
bp.add_app_template_global(missing_text, "team_missing")


@bp.get("/villages/<int:village_id>/sages")
@requires(can_read)
def index(village_id: int):
    village = village_or_404(village_id)
    fy = village_year(village.id)
    criteria = reference.criteria_for(db.session, fy)
    sages = candidates(village.id, fy)
    return render_template("sages/index.html", village=village, sages=sages, fy=fy, programme=rules_for(fy),
                           results={s.id: criteria_result(s, criteria) for s in sages},
                           team=team_section(village, fy), years=picker_years(fy, Village.id == village.id))


@bp.route("/villages/<int:village_id>/sages/new", methods=["GET", "POST"])
@requires(can_edit)
def create(village_id: int):
    village = village_or_404(village_id)
    fy = village_year(village.id)  # the page's year, not today's
    form = sage_form()
    if form.validate_on_submit():
        sage = create_once(Sage, form.submit_token.data, lambda token: fill_sage(Sage(
            village_id=village.id, fiscal_year=fy, created_by_id=current_user.id,
            submit_token=token), form))
        flash(_("บันทึกผู้สมัคร %(name)s แล้ว ต่อไปประเมินเกณฑ์ทีละข้อ", name=sage.name), "success")
        say_what_is_known(sage, form)
        return redirect(url_for(".criterion", sage_id=sage.id, step=1), 303)
    return render_template("sages/form.html", form=form, village=village, sage=None)


@bp.route("/sages/<int:sage_id>/edit", methods=["GET", "POST"])
@requires(can_edit)
def edit(sage_id: int):
    sage = sage_or_404(sage_id)
    form = sage_form(sage if request.method == "GET" else None)
    village = db.session.get(Village, sage.village_id)
    if form.validate_on_submit():
        if save_unless_stale(sage, form, lambda: fill_sage(sage, form)):
            flash(_("บันทึกข้อมูล %(name)s แล้ว", name=sage.name), "success")
            say_what_is_known(sage, form)
            return redirect(url_for(".show", sage_id=sage.id), 303)
        return render_template("sages/form.html", form=form, village=village, sage=sage), 409
    return render_template("sages/form.html", form=form, village=village, sage=sage)


def sage_form(sage: Sage | None = None) -> SageForm:
    form = SageForm(obj=sage)
    form.submit_token.data = form.submit_token.data or new_token()
    form.occupation.choices = occupation_choices(reference.occupations(db.session), str(get_locale()))
    if sage is not None:
        form.occupation.data = OTHER if sage.occupation_other else str(sage.occupation_id or "")
        form.lives_in_village.data = from_bool(sage.lives_in_village)
        form.national_id.data = thai_id.formatted(sage.person.national_id) if sage.person.national_id else ""
    return form


def fill_sage(sage: Sage, form: SageForm) -> Sage:
    sage.name = form.name.data
    sage.phone = normalize(form.phone.data)
    other = form.occupation.data == OTHER
    sage.occupation_id = None if other else int(form.occupation.data)
    sage.occupation_other = form.occupation_other.data if other else ""
    sage.years_in_occupation = form.years_in_occupation.data
    sage.success_evidence = form.success_evidence.data or ""
    sage.lives_in_village = as_bool(form.lives_in_village.data)
    sage.notes = form.notes.data or ""
    db.session.add(sage)
    link(db.session, sage, thai_id.normalize(form.national_id.data) if form.national_id.data else "")
    return sage


def say_what_is_known(sage: Sage, form: SageForm) -> None:
    """After a save: the ID's notice, and what is known of this person elsewhere (within the area rules)."""
    if notice := id_notice(form.national_id.data):
        flash(notice, "info")
    for words in known_texts(person_history(db.session, sage), current_user):
        flash(words, "info")


@bp.get("/sages/<int:sage_id>")
@requires(can_read)
def show(sage_id: int, problems: list[str] | None = None, status: int = 200):
    sage = sage_or_404(sage_id)
    village = db.session.get(Village, sage.village_id)
    criteria = reference.criteria_for(db.session, sage.fiscal_year)
    changes, certificates = history(sage.id)
    return render_template("sages/show.html", sage=sage, village=village, criteria=criteria,
                           result=criteria_result(sage, criteria), problems=problems or [],
                           answers={a.criterion_id: a for a in sage.answers},
                           changes=changes, certificates=certificates,
                           known=known_texts(person_history(db.session, sage), current_user),
                           team=team_section(village, sage.fiscal_year)), status


@bp.route("/sages/<int:sage_id>/criteria/<int:step>", methods=["GET", "POST"])
@requires(can_read, write=can_edit)
def criterion(sage_id: int, step: int):
    """One criterion per screen; back and next both keep what was answered."""
    return criteria_wizard.handle(sage_or_404(sage_id), step)


@bp.post("/sages/<int:sage_id>/role")
@requires(can_edit)
def set_role(sage_id: int):
    sage = sage_or_404(sage_id)
    role = request.form.get("role")
    if role not in ("lead", "assistant", "none"):
        abort(400)
    lock_village(db.session, sage.village_id)  # two officers filling the last seat: one wins
    role = None if role == "none" else role
    if role is not None:
        problems = selection_problems(db.session, sage, role, reference.criteria_for(db.session, sage.fiscal_year))
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
@requires(can_edit)
def training(sage_id: int):
    """The lead's course at the regional ศพช. and the provincial workshop."""
    sage = sage_or_404(sage_id)
    form = TrainingForm(obj=sage if request.method == "GET" else None)
    if request.method == "GET":
        form.course_passed.data = from_bool(sage.course_passed) or ""
    if form.validate_on_submit():
        if save_unless_stale(sage, form, lambda: fill_training(sage, form)):
            flash(_("บันทึกผลการอบรมแล้ว"), "success")
            return redirect(url_for(".show", sage_id=sage.id), 303)
        return render_template("sages/training.html", form=form, sage=sage), 409
    return render_template("sages/training.html", form=form, sage=sage)


def fill_training(sage: Sage, form: TrainingForm) -> None:
    sage.training_centre = form.training_centre.data or ""
    sage.course_start, sage.course_end = form.course_start.data, form.course_end.data
    sage.workshop_date = form.workshop_date.data
    sage.course_passed = as_bool(form.course_passed.data)


@bp.post("/sages/<int:sage_id>/certificates")
@requires(can_edit)
def issue_certificate(sage_id: int):
    sage = sage_or_404(sage_id)
    if sage.role is None:
        return show(sage_id, [_("ออกใบประกาศได้เฉพาะผู้ที่อยู่ในทีมวิทยากร")], 422)
    certificate = certificate_of_today(sage, current_user.id)
    return redirect(url_for(".certificate", sage_id=sage.id, certificate_id=certificate.id), 303)


@bp.get("/sages/<int:sage_id>/certificates/<int:certificate_id>")
@requires(can_read)
def certificate(sage_id: int, certificate_id: int):
    sage = sage_or_404(sage_id)
    cert = db.session.get(SageCertificate, certificate_id)
    if cert is None or cert.sage_id != sage.id:
        abort(404)
    village = db.session.get(Village, sage.village_id)
    return render_template("sages/certificate.html", sage=sage, village=village, certificate=cert)
