"""The statements the support team pages need, each scoped to the user's area."""
from flask import abort
from flask_login import current_user
from sqlalchemy import func, select

from ..domain import geo
from ..domain.areas import covers
from ..domain.teams import household_flags, level_of
from ..extensions import db
from ..models import Household, SupportTeam, SupportTeamMember, Village


def area_or_404(area_code: str) -> str:
    """A real subdistrict (tambon team) or district code inside the user's area, else 404."""
    level = level_of(area_code)
    name = {"tambon": geo.subdistrict_name, "district": geo.district_name}.get(level, lambda _c: "")(area_code)
    if not name or not covers(current_user, area_code):
        abort(404)
    return level


def member_or_404(member_id: int) -> SupportTeamMember:
    member = db.session.get(SupportTeamMember, member_id)
    if member is None or not covers(current_user, member.team.area_code):
        abort(404)
    return member


def member_counts(district_code: str, fiscal_year: int) -> dict[str, int]:
    """Members of each team of the district (its tambons' and its own) in the year, one query."""
    return {code: n for code, n in db.session.execute(
        select(SupportTeam.area_code, func.count(SupportTeamMember.id))
        .outerjoin(SupportTeamMember, SupportTeamMember.team_id == SupportTeam.id)
        .where(SupportTeam.district_code == district_code, SupportTeam.fiscal_year == fiscal_year)
        .group_by(SupportTeam.area_code))}


def village_households(village: Village, fiscal_year: int, cutoff) -> list:
    """The village-year's registered households with whether each is trained, has left, and has had
    a visit with a member of the tambon team: the same rows the step counts, one query."""
    rows = household_flags(Village.id == village.id, fiscal_year, cutoff)
    return db.session.execute(
        select(Household.id, Household.head_name, rows.c.trained, rows.c.left, rows.c.visited)
        .join(rows, rows.c.household_id == Household.id).order_by(Household.head_name, Household.id)).all()
