"""Village process steps, the district dashboard, the province roll-up and the printable report."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..access import refuse, requires, village_or_404
from ..domain import geo
from ..domain.areas import covers
from ..domain.clock import figures_day
from ..domain.permissions import can_edit, can_read, sees_province
from ..domain.programme import rules_for
from ..domain.progress import facts_of_village, steps_of
from ..domain.targets import held, set_targets, ticked
from ..extensions import db
from ..labels import VILLAGE_STATUSES, label
from ..models import Village
from ..web import wants_fragment
from ..years import page_year, picker_years, village_year
from .outcomes import outcomes
from .page_cache import district_page
from .queries import dashboard_args, district_rows, province_rows
from .wording import RESULT_PAGES, step_detail, step_label, step_url

bp = Blueprint("progress", __name__)
bp.add_app_template_filter(step_label, "step_label")
bp.add_app_template_global(step_detail, "step_detail")
bp.add_app_template_global(step_url, "step_url")
bp.add_app_template_global(RESULT_PAGES, "result_pages")
bp.add_app_template_filter(lambda code: label(VILLAGE_STATUSES, code), "status_label_progress")


@bp.route("/villages/<int:village_id>/process", methods=["GET"])
@requires(can_read)
def process(village_id: int):
    village = village_or_404(village_id)
    fy = village_year(village.id)
    facts = facts_of_village(db.session, village.id, fy, figures_day(fy))
    return render_template("progress/village.html", village=village, facts=facts, steps=steps_of(facts),
                           fy=fy, programme=facts.rules, years=picker_years(fy, Village.id == village.id))


def district_or_404(district_code: str) -> str:
    if len(district_code) != 4 or not geo.district_name(district_code) or not covers(current_user, district_code):
        refuse(404)
    return district_code


@bp.get("/districts/<district_code>")
@requires(can_read)
def district(district_code: str):
    district_or_404(district_code)
    fy = page_year()
    args = dashboard_args(district_code, request.args)
    page = max(request.args.get("page", 1, type=int), 1)
    return district_page(district_code, fy, args, page, cards_only=wants_fragment())


@bp.get("/districts/<district_code>/report")
@requires(can_read)
def report(district_code: str):
    district_or_404(district_code)
    fy = page_year()
    rows, counts, totals, _matched, _kpi = district_rows(district_code, fy)
    return render_template("progress/report.html", rows=rows, counts=counts, totals=totals,
                           district=district_code, fy=fy, as_of=figures_day(fy), programme=rules_for(fy))


@bp.get("/provinces/<province_code>")
@requires(sees_province, denied=404)  # district users have their district's dashboard
def province(province_code: str):
    if not geo.province_name(province_code) or not covers(current_user, province_code):
        refuse(404)
    fy = page_year()
    rows, province_total = province_rows(province_code, fy)
    return render_template("progress/province.html", province=province_code, fy=fy, rows=rows,
                           province_total=province_total, programme=rules_for(fy),
                           out=outcomes(Village.province_code == province_code, fy),
                           years=picker_years(fy, Village.province_code == province_code))


@bp.route("/districts/<district_code>/targets", methods=["GET", "POST"])
@requires(can_edit)
def targets(district_code: str):
    """The year's target villages, ticked; a year without any starts from the year before's list."""
    district_or_404(district_code)
    fy, where = page_year(), Village.district_code == district_code
    if request.method == "POST":
        wanted = {int(v) for v in request.form.getlist("village") if v.isdigit()}
        kept = set_targets(db.session, where, fy, wanted)
        db.session.commit()
        flash(_("บันทึกหมู่บ้านเป้าหมายปีงบประมาณ %(fy)s แล้ว", fy=fy), "success")
        if kept:
            flash(_("%(n)s หมู่บ้านมีข้อมูลของปีนี้แล้ว จึงยังเป็นหมู่บ้านเป้าหมาย", n=len(kept)), "info")
        return redirect(url_for(".targets", district_code=district_code), 303)
    chosen, copied = ticked(db.session, where, fy)
    villages = db.session.scalars(select(Village).where(where).order_by(Village.code)).all()
    return render_template("progress/targets.html", district=district_code, fy=fy, villages=villages,
                           chosen=chosen, copied=copied, held=held(db.session, where, fy),
                           years=picker_years(fy, where, ahead=True))
