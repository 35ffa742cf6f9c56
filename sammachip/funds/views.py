"""Community fund records (กองทุนชุมชนสนับสนุนการประกอบอาชีพ): a village's list, and a household's or an
occupational group's records added or changed by hand (a follow-up visit's fund answer makes one too)."""
from flask import Blueprint, flash, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..access import household_or_404, in_area_or_404, requires, village_or_404
from ..domain.clock import figures_day, today
from ..domain.funds import household_funds
from ..domain.groups import groups_of_village
from ..domain.permissions import can_edit, can_read
from ..extensions import db
from ..labels import FUND_SOURCES, label
from ..models import CommunityFund, Household, OccupationalGroup, Village
from ..once import already_submitted, is_token, new_token
from ..web import save_unless_stale, see_other
from ..years import picker_years, village_year
from .forms import FundForm
from .recipient import Recipient

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
    groups = groups_of_village(db.session, place)
    return render_template("funds/village.html", village=place, fy=fy, households=households, cutoff=figures_day(fy),
                           groups=groups_with_funds(groups), years=picker_years(fy, Village.id == place.id))


def groups_with_funds(groups: list[OccupationalGroup]) -> dict:
    """Each group (in the given order) with its records, oldest first: one query."""
    found: dict = {group: [] for group in groups}
    by_id = {group.id: group for group in groups}
    for fund in db.session.scalars(select(CommunityFund).where(CommunityFund.group_id.in_(by_id))
                                   .order_by(CommunityFund.received_on, CommunityFund.id)):
        found[by_id[fund.group_id]].append(fund)
    return found


@bp.route("/households/<int:household_id>/funds/new", methods=["GET", "POST"])
@requires(can_edit)
def create(household_id: int):
    return new_record(Recipient(household=household_or_404(household_id)))


@bp.route("/groups/<int:group_id>/funds/new", methods=["GET", "POST"])
@requires(can_edit)
def create_for_group(group_id: int):
    return new_record(Recipient(group=in_area_or_404(OccupationalGroup, group_id)))


def new_record(recipient: Recipient):
    form = recipient.form(None)
    if request.method == "GET":
        form.submit_token.data, form.received_on.data = new_token(), today()
    elif form.validate():
        token = form.submit_token.data if is_token(form.submit_token.data) else new_token()
        if already_submitted(CommunityFund, token) is None:  # a second tap of the same form finds the first
            fund = CommunityFund(**recipient.owner(), submit_token=token, created_by_id=current_user.id)
            if not save_unless_stale(fund, form, lambda: db.session.add(fill(fund, form))):
                return page(form, recipient, None, 409)
            flash(_("บันทึกการสนับสนุนจากกองทุนแล้ว"), "success")
        return see_other(recipient.back)
    return page(form, recipient, None, 422 if form.errors else 200)


@bp.route("/funds/<int:fund_id>", methods=["GET", "POST"])
@requires(can_edit)
def edit(fund_id: int):
    fund = in_area_or_404(CommunityFund, fund_id)
    recipient = Recipient.of(fund)
    form = recipient.form(fund)
    if request.method == "POST" and form.validate():
        if save_unless_stale(fund, form, lambda: fill(fund, form)):
            flash(_("บันทึกแล้ว"), "success")
            return see_other(recipient.back)
        return page(form, recipient, fund, 409)
    return page(form, recipient, fund, 422 if form.errors else 200)


@bp.post("/funds/<int:fund_id>/delete")
@requires(can_edit)
def remove(fund_id: int):
    fund = in_area_or_404(CommunityFund, fund_id)
    back = Recipient.of(fund).back
    db.session.delete(fund)
    db.session.commit()
    flash(_("ลบรายการแล้ว"), "success")
    return see_other(back)


def page(form: FundForm, recipient: Recipient, fund: CommunityFund | None, status: int):
    return render_template("funds/form.html", form=form, recipient=recipient, fund=fund,
                           heading=recipient.heading(fund)), status


def fill(fund: CommunityFund, form: FundForm) -> CommunityFund:
    fund.source, fund.amount, fund.received_on = form.source.data, form.amount.data, form.received_on.data
    fund.source_other = form.source_other.data if form.source.data == "other" else ""
    fund.purpose = form.purpose.data or ""
    return fund
