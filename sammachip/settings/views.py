"""Programme settings kept as data, for admins: the sage criteria and the จปฐ.
income criterion (baht per person a year; table `poverty_lines`) per fiscal year
(a new year gets its own rows; earlier years keep theirs), and the shared occupation list."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select

from ..access import requires
from ..domain.clock import current_fiscal_year
from ..domain.permissions import can_change_settings
from ..domain.programme import below_held, forget_cached, freeze_later_years, held_by_year, row_for, rules_for
from ..domain.reference import criteria_for
from ..extensions import db
from ..models import Occupation, PovertyLine, SageCriterion
from .forms import CriterionForm, OccupationForm, PovertyLineForm, RulesForm

bp = Blueprint("settings", __name__, url_prefix="/settings")
admin_required = requires(can_change_settings)


def year_arg() -> int:
    fy = request.args.get("fy", type=int) or current_fiscal_year()
    if not 2560 <= fy <= 2700:
        abort(404)
    return fy


@bp.get("/criteria")
@admin_required
def criteria():
    fy = year_arg()
    rows = criteria_for(db.session, fy)
    return render_template("settings/criteria.html", fy=fy, rows=rows, form=CriterionForm(formdata=None),
                           source_year=rows[0].fiscal_year if rows else None)


@bp.post("/criteria/copy")
@admin_required
def copy_criteria():
    """Give `fy` its own set, starting from the set in force, so it can change alone."""
    fy = year_arg()
    rows = criteria_for(db.session, fy)
    if rows and rows[0].fiscal_year != fy:
        db.session.add_all([SageCriterion(fiscal_year=fy, code=c.code, position=c.position, text_th=c.text_th,
                                          text_en=c.text_en, required=c.required) for c in rows])
        db.session.commit()
        flash(_("สร้างชุดเกณฑ์ของปีงบประมาณ %(fy)s แล้ว", fy=fy), "success")
    return redirect(url_for(".criteria", fy=fy), 303)


@bp.route("/criteria/<int:criterion_id>", methods=["GET", "POST"])
@admin_required
def edit_criterion(criterion_id: int):
    criterion = db.session.get(SageCriterion, criterion_id) or abort(404)
    return edit_in_place(criterion, CriterionForm(obj=criterion), "settings/criterion.html",
                         url_for(".criteria", fy=criterion.fiscal_year), _("บันทึกเกณฑ์แล้ว"), criterion=criterion)


def edit_in_place(record, form, template: str, done_url: str, saved: str, **context):
    """The one edit form of a settings row: save and go back, or show the form's errors."""
    if form.validate_on_submit():
        form.populate_obj(record)
        db.session.commit()
        flash(saved, "success")
        return redirect(done_url, 303)
    return render_template(template, form=form, **context)


@bp.post("/criteria/new")
@admin_required
def add_criterion():
    fy = year_arg()
    rows = criteria_for(db.session, fy)
    form = CriterionForm()
    if rows and rows[0].fiscal_year != fy:
        abort(409, description=_("สร้างชุดเกณฑ์ของปีนี้ก่อน แล้วจึงเพิ่มข้อ"))
    if not form.validate():
        return render_template("settings/criteria.html", fy=fy, rows=rows, form=form, source_year=fy), 422
    position = (
        db.session.scalar(select(func.max(SageCriterion.position)).where(SageCriterion.fiscal_year == fy)) or 0
    ) + 1
    criterion = SageCriterion(fiscal_year=fy, position=position)
    form.populate_obj(criterion)
    db.session.add(criterion)
    db.session.commit()
    return redirect(url_for(".criteria", fy=fy), 303)


PERCENT_FIELDS = ("practising_target", "income_target", "measured_from", "group_target")


@bp.route("/rules", methods=["GET", "POST"])
@admin_required
def rules():
    """One year's programme numbers. Saving gives the year its own row (and later years
    that read it theirs first), so no other year's figures change."""
    fy = year_arg()
    form = RulesForm(data=as_form_data(rules_for(fy)) if request.method == "GET" else None)
    held = held_by_year(db.session, fy)
    if form.validate_on_submit():
        values = {**form.data, **{f: form[f].data / 100 for f in PERCENT_FIELDS}}
        for name, n in below_held(values, held):
            form[name].errors.append(_("ปีนี้มีแล้ว %(n)s ตั้งต่ำกว่านี้ไม่ได้", n=n))
        if not any(form[name].errors for name in held):
            freeze_later_years(db.session, fy)
            row = row_for(db.session, fy)
            for name in RulesForm.FIELDS:
                setattr(row, name, values[name] if name != "followup_months" else values[name].replace(" ", ""))
            db.session.commit()
            forget_cached(db.session)
            flash(_("บันทึกเกณฑ์ของปีงบประมาณ %(fy)s แล้ว", fy=fy), "success")
            return redirect(url_for(".rules", fy=fy), 303)
    return render_template("settings/rules.html", form=form, fy=fy, held=held), 422 if form.errors else 200


def as_form_data(rules) -> dict:
    data = {name: getattr(rules, name) for name in RulesForm.FIELDS}
    data["followup_months"] = ",".join(str(m) for m in rules.followup_months)
    return {**data, **{f: round(data[f] * 100) for f in PERCENT_FIELDS}}


@bp.route("/poverty-lines", methods=["GET", "POST"])
@admin_required
def poverty_lines():
    form = PovertyLineForm()
    if form.validate_on_submit():
        line = db.session.get(PovertyLine, form.fiscal_year.data) or PovertyLine(fiscal_year=form.fiscal_year.data)
        line.baht_per_person_year = form.baht_per_person_year.data
        db.session.add(line)
        db.session.commit()
        flash(_("บันทึกเกณฑ์รายได้ จปฐ. แล้ว"), "success")
        return redirect(url_for(".poverty_lines"), 303)
    rows = db.session.scalars(select(PovertyLine).order_by(PovertyLine.fiscal_year.desc())).all()
    return render_template("settings/poverty_lines.html", form=form, rows=rows)


@bp.route("/occupations", methods=["GET", "POST"])
@admin_required
def occupations():
    """Add to the shared list. Entries are renamed, never deleted: sages and households point at them."""
    form = OccupationForm()
    if form.validate_on_submit():
        position = (db.session.scalar(select(func.max(Occupation.position))) or 0) + 1
        db.session.add(Occupation(name_th=form.name_th.data, name_en=form.name_en.data, position=position))
        db.session.commit()
        flash(_("เพิ่มอาชีพแล้ว"), "success")
        return redirect(url_for(".occupations"), 303)
    rows = db.session.scalars(select(Occupation).order_by(Occupation.position)).all()
    return render_template("settings/occupations.html", form=form, rows=rows)


@bp.route("/occupations/<int:occupation_id>", methods=["GET", "POST"])
@admin_required
def edit_occupation(occupation_id: int):
    occupation = db.session.get(Occupation, occupation_id) or abort(404)
    return edit_in_place(
        occupation,
        OccupationForm(obj=occupation),
        "settings/occupation.html",
        url_for(".occupations"),
        _("บันทึกอาชีพแล้ว"),
        occupation=occupation,
    )
