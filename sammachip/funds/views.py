"""Community fund records (กองทุนชุมชนสนับสนุนการประกอบอาชีพ): a village's list, and a household's
records added or changed by hand (a follow-up visit's fund answer makes one too)."""
from flask import Blueprint, flash, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..access import household_or_404, in_area_or_404, requires, village_or_404
from ..domain.clock import figures_day, today
from ..domain.funds import household_funds
from ..domain.permissions import can_edit, can_read
from ..extensions import db
from ..labels import FUND_SOURCES, label
from ..models import CommunityFund, Household, Village
from ..once import already_submitted, is_token, new_token
from ..web import save_unless_stale, see_other
from ..years import picker_years, village_year
from .forms import FundForm

bp = Blueprint("funds", __name__)
bp.add_app_template_filter(lambda f: f.source_other or label(FUND_SOURCES, f.source), "fund_source")
# A household's page lists its fund records (one query, only where the page includes them).
bp.add_app_template_global(lambda household_id: household_funds(db.session, household_id), "funds_of")


@bp.get("/villages/<int:village_id>/funds")
@requires(can_read)
def village(village_id: int):
    place = village_or_404(village_id)
    fy = village_year(place.id)
    rows = db.session.execute(
        select(Household, CommunityFund).outerjoin(CommunityFund, CommunityFund.household_id == Household.id)
        .where(Household.village_id == place.id, Household.fiscal_year == fy, Household.status == "registered")
        .order_by(Household.head_name, Household.id, CommunityFund.received_on)).all()
    households: dict = {}
    for household, fund in rows:  # in name order, each with its records
        households.setdefault(household, []).extend([fund] if fund else [])
    return render_template("funds/village.html", village=place, fy=fy, households=households, cutoff=figures_day(fy),
                           years=picker_years(fy, Village.id == place.id))


@bp.route("/households/<int:household_id>/funds/new", methods=["GET", "POST"])
@requires(can_edit)
def create(household_id: int):
    household = household_or_404(household_id)
    form = fund_form(household, None)
    if request.method == "GET":
        form.submit_token.data, form.received_on.data = new_token(), today()
    elif form.validate():
        token = form.submit_token.data if is_token(form.submit_token.data) else new_token()
        if already_submitted(CommunityFund, token) is None:  # a second tap of the same form finds the first
            fund = CommunityFund(household_id=household.id, village_id=household.village_id, submit_token=token,
                                 created_by_id=current_user.id)
            if not save_unless_stale(fund, form, lambda: db.session.add(fill(fund, form))):
                return page(form, household, None, 409)
            flash(_("บันทึกการสนับสนุนจากกองทุนแล้ว"), "success")
        return see_other(url_for("households.show", household_id=household.id))
    return page(form, household, None, 422 if form.errors else 200)


@bp.route("/funds/<int:fund_id>", methods=["GET", "POST"])
@requires(can_edit)
def edit(fund_id: int):
    fund = in_area_or_404(CommunityFund, fund_id)
    household = db.session.get(Household, fund.household_id)
    form = fund_form(household, fund)
    if request.method == "POST" and form.validate():
        if save_unless_stale(fund, form, lambda: fill(fund, form)):
            flash(_("บันทึกแล้ว"), "success")
            return see_other(url_for("households.show", household_id=household.id))
        return page(form, household, fund, 409)
    return page(form, household, fund, 422 if form.errors else 200)


@bp.post("/funds/<int:fund_id>/delete")
@requires(can_edit)
def remove(fund_id: int):
    fund = in_area_or_404(CommunityFund, fund_id)
    household_id = fund.household_id
    db.session.delete(fund)
    db.session.commit()
    flash(_("ลบรายการแล้ว"), "success")
    return see_other(url_for("households.show", household_id=household_id))


def fund_form(household: Household, fund: CommunityFund | None) -> FundForm:
    form = FundForm(obj=fund if request.method == "GET" else None)
    form.fiscal_year = household.fiscal_year  # the date rule's year
    return form


def page(form: FundForm, household: Household, fund: CommunityFund | None, status: int):
    return render_template("funds/form.html", form=form, household=household, fund=fund,
                           funds=household_funds(db.session, household.id)), status


def fill(fund: CommunityFund, form: FundForm) -> CommunityFund:
    fund.source, fund.amount, fund.received_on = form.source.data, form.amount.data, form.received_on.data
    fund.source_other = form.source_other.data if form.source.data == "other" else ""
    fund.purpose = form.purpose.data or ""
    return fund
