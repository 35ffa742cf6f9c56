"""Support teams (ทีมสนับสนุนสัมมาชีพชุมชน): a district's teams, one team's roster per fiscal year
(started from last year's), its members, and a village's view of its tambon team's visits."""
from flask import Blueprint, abort, flash, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..access import requires, village_or_404
from ..domain import geo
from ..domain.clock import figures_day
from ..domain.permissions import can_edit, can_read, edits_team
from ..domain.teams import member_has_visits, previous_team, start_team, team_of
from ..extensions import db
from ..labels import TEAM_ORGANISATIONS, label
from ..models import SupportTeamMember, Village
from ..templating import lang
from ..web import save_unless_stale, see_other
from ..years import page_year, picker_years, village_year
from .forms import MemberForm
from .queries import area_or_404, member_counts, member_or_404, village_households

bp = Blueprint("teams", __name__)
bp.add_app_template_filter(lambda m: m.organisation_other or label(TEAM_ORGANISATIONS[m.team.level], m.organisation),
                           "organisation_label")


@bp.get("/districts/<district_code>/teams")
@requires(can_read)
def index(district_code: str):
    if area_or_404(district_code) != "district":
        abort(404)
    fy = page_year()
    return render_template("teams/index.html", district=district_code, fy=fy, counts=member_counts(district_code, fy),
                           tambons=geo.subdistricts(district_code, lang()),
                           years=picker_years(fy, Village.district_code == district_code))


@bp.get("/teams/<area_code>")
@requires(can_read)
def show(area_code: str):
    level = area_or_404(area_code)
    return team_page(area_code, level, page_year(), MemberForm(formdata=None).for_level(level))


def team_page(area_code: str, level: str, fy: int, form: MemberForm, status: int = 200):
    team = team_of(db.session, area_code, fy)
    return render_template("teams/show.html", area_code=area_code, level=level, fy=fy, team=team,
                           before=None if team else previous_team(db.session, area_code, fy),
                           editor=edits_team(current_user, level), form=form,
                           years=picker_years(fy, Village.district_code == area_code[:4])), status


@bp.post("/teams/<area_code>")
@requires(can_edit)
def start(area_code: str):
    level = area_or_404(area_code)
    if not edits_team(current_user, level):
        abort(403)
    fy = page_year()
    team = start_team(db.session, area_code, fy, current_user.id)
    flash(_("เริ่มทีมปี %(fy)s แล้ว (%(n)s คน)", fy=fy, n=len(team.members)), "success")
    return see_other(url_for(".show", area_code=area_code, fy=fy))


@bp.post("/teams/<area_code>/members")
@requires(can_edit)
def add(area_code: str):
    level = area_or_404(area_code)
    fy = page_year()
    team = team_of(db.session, area_code, fy)
    if team is None or not edits_team(current_user, level):
        abort(404 if team is None else 403)
    form = MemberForm().for_level(level)
    if not form.validate():
        return team_page(area_code, level, fy, form, 422)
    team.members.append(member_from(form, SupportTeamMember()))
    db.session.commit()
    flash(_("เพิ่ม %(name)s แล้ว", name=form.name.data), "success")
    return see_other(url_for(".show", area_code=area_code, fy=fy))


@bp.route("/team-members/<int:member_id>", methods=["GET", "POST"])
@requires(can_edit)
def edit(member_id: int):
    member = member_or_404(member_id)
    if not edits_team(current_user, member.team.level):
        abort(403)
    form = MemberForm(obj=member if request.method == "GET" else None).for_level(member.team.level)
    back = url_for(".show", area_code=member.team.area_code, fy=member.team.fiscal_year)
    if form.validate_on_submit():
        if save_unless_stale(member, form, lambda: member_from(form, member)):
            flash(_("บันทึกแล้ว"), "success")
            return see_other(back)
        return render_template("teams/member.html", form=form, member=member, back=back), 409
    return render_template("teams/member.html", form=form, member=member, back=back), 422 if form.errors else 200


@bp.post("/team-members/<int:member_id>/delete")
@requires(can_edit)
def remove(member_id: int):
    member = member_or_404(member_id)
    team = member.team
    if not edits_team(current_user, team.level):
        abort(403)
    if member_has_visits(db.session, member.id):
        flash(_("%(name)s มีบันทึกการเยี่ยมแล้ว ลบออกจากทีมปีนี้ไม่ได้", name=member.name), "error")
    else:
        db.session.delete(member)
        db.session.commit()
        flash(_("ลบ %(name)s ออกจากทีมแล้ว", name=member.name), "success")
    return see_other(url_for(".show", area_code=team.area_code, fy=team.fiscal_year))


@bp.get("/villages/<int:village_id>/team")
@requires(can_read)
def village(village_id: int):
    place = village_or_404(village_id)
    fy = village_year(place.id)
    return render_template("teams/village.html", village=place, fy=fy,
                           team=team_of(db.session, place.subdistrict_code, fy),
                           households=village_households(place, fy, figures_day(fy)),
                           years=picker_years(fy, Village.id == place.id))


def member_from(form: MemberForm, member: SupportTeamMember) -> SupportTeamMember:
    from ..domain.phone import normalize

    member.name, member.phone = form.name.data, normalize(form.phone.data) if form.phone.data else ""
    member.organisation = form.organisation.data
    member.organisation_other = form.organisation_other.data if form.organisation.data == "other" else ""
    return member
