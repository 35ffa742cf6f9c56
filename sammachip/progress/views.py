"""Village process steps, the district dashboard, the province roll-up and the printable report."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from ..access import editor_required, village_or_404
from ..domain import geo
from ..domain.areas import covers
from ..domain.clock import current_fiscal_year, today
from ..domain.indicators import Indicators, total
from ..domain.progress import MANUAL_STEPS, VillageFacts, facts_for, facts_of_village, status_of, steps_of
from ..extensions import db
from ..models import Village, VillageStepMark
from ..training.views import min_training_days
from ..web import render
from .forms import StepMarkForm

bp = Blueprint("progress", __name__)
STATUSES = ("not_started", "in_progress", "behind", "on_target")
SORTS = {
    "code": lambda row: row["village"].code,
    "progress": lambda row: (-row["done"], row["village"].code),
    "practising": lambda row: (-(row["facts"].ind.share or -1), row["village"].code),
}


@bp.route("/villages/<int:village_id>/process", methods=["GET"])
@login_required
def process(village_id: int, forms=None, status=200):
    village = village_or_404(village_id)
    fy = current_fiscal_year()
    facts = facts_of_village(db.session, village.id, fy, min_training_days(), today())
    forms = forms or {}
    for code in MANUAL_STEPS:
        forms.setdefault(code, StepMarkForm(formdata=None, data={"done_on": today()}, prefix=code))
    return render_template("progress/village.html", village=village, facts=facts, steps=steps_of(facts),
                           forms=forms, fy=fy), status


@bp.post("/villages/<int:village_id>/process/<step>")
@editor_required
def mark(village_id: int, step: str):
    village = village_or_404(village_id)
    if step not in MANUAL_STEPS:
        abort(404)
    form = StepMarkForm(prefix=step)
    if not form.validate():
        return process(village_id, {step: form}, 422)
    if form.done_on.data > today():
        form.done_on.errors.append(_("วันที่ต้องไม่เลยวันนี้"))
        return process(village_id, {step: form}, 422)
    mark = current_mark(village.id, step) or VillageStepMark(
        village_id=village.id, fiscal_year=current_fiscal_year(), step=step)
    mark.done_on, mark.note, mark.marked_by_id = form.done_on.data, form.note.data or "", current_user.id
    db.session.add(mark)
    db.session.commit()
    flash(_("บันทึกขั้นตอนแล้ว"), "success")
    return redirect(url_for(".process", village_id=village.id) + f"#step-{step}", 303)


@bp.post("/villages/<int:village_id>/process/<step>/undo")
@editor_required
def undo(village_id: int, step: str):
    village = village_or_404(village_id)
    if step not in MANUAL_STEPS:
        abort(404)
    mark = current_mark(village.id, step)
    if mark is not None:
        db.session.delete(mark)
        db.session.commit()
        flash(_("ยกเลิกการทำเครื่องหมายแล้ว"), "info")
    return redirect(url_for(".process", village_id=village.id) + f"#step-{step}", 303)


def current_mark(village_id: int, step: str) -> VillageStepMark | None:
    return db.session.scalar(select(VillageStepMark).where(
        VillageStepMark.village_id == village_id, VillageStepMark.fiscal_year == current_fiscal_year(),
        VillageStepMark.step == step))


def district_rows(district_code: str, subdistrict: str = "", status: str = "", sort: str = "code"):
    """Every village of the district with its facts (a fixed number of queries),
    the rows filtered and sorted as asked; counts and totals for the whole district."""
    where = Village.district_code == district_code
    fy = current_fiscal_year()
    villages = db.session.scalars(select(Village).where(where)).all()
    facts = facts_for(db.session, where, fy, min_training_days(), today())
    rows = []
    for v in villages:
        f = facts.get(v.id) or VillageFacts()
        steps = steps_of(f)
        rows.append({"village": v, "facts": f, "steps": steps, "done": sum(s.done for s in steps), "status": status_of(f)})
    counts = {key: sum(r["status"] == key for r in rows) for key in STATUSES}
    totals = total(r["facts"].ind for r in rows)
    rows = [r for r in rows if (not subdistrict or r["village"].subdistrict_code == subdistrict)
            and (not status or r["status"] == status)]
    return sorted(rows, key=SORTS.get(sort, SORTS["code"])), counts, totals, fy


def district_or_404(district_code: str) -> str:
    if len(district_code) != 4 or not geo.district_name(district_code) or not covers(current_user, district_code):
        abort(404)
    return district_code


@bp.get("/districts/<district_code>")
@login_required
def district(district_code: str):
    district_or_404(district_code)
    args = {k: request.args.get(k, "") for k in ("subdistrict", "status", "sort")}
    rows, counts, totals, fy = district_rows(district_code, **args)
    return render("progress/district.html", "progress/_district_rows.html", rows=rows, counts=counts,
                  totals=totals, district=district_code, fy=fy, args=args,
                  subdistricts=geo.subdistricts(district_code))


@bp.get("/districts/<district_code>/report")
@login_required
def report(district_code: str):
    district_or_404(district_code)
    rows, counts, totals, fy = district_rows(district_code)
    return render_template("progress/report.html", rows=rows, counts=counts, totals=totals,
                           district=district_code, fy=fy, today=today())


@bp.get("/provinces/<province_code>")
@login_required
def province(province_code: str):
    if not geo.province_name(province_code) or not covers(current_user, province_code) \
            or current_user.role not in ("admin", "province"):
        abort(404)
    fy = current_fiscal_year()
    where = Village.province_code == province_code
    villages = db.session.execute(select(Village.id, Village.district_code).where(where)).all()
    facts = facts_for(db.session, where, fy, min_training_days(), today())
    rows = {}
    for vid, district_code in villages:  # adding up villages' aggregates, already computed in SQL
        f = facts.get(vid) or VillageFacts()
        row = rows.setdefault(district_code, {"villages": 0, "team": 0, "registered": 0, "ind": Indicators(),
                                              "statuses": dict.fromkeys(STATUSES, 0)})
        row["villages"] += 1
        row["team"] += f.team_size == 5
        row["registered"] += f.registered
        row["ind"] += f.ind
        row["statuses"][status_of(f)] += 1
    return render_template("progress/province.html", province=province_code, fy=fy, rows=sorted(rows.items()),
                           province_total=total(r["ind"] for r in rows.values()))
