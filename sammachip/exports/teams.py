"""The support teams export (one row per member of each team of the year in the area) and the community
funds export (one row per fund record of the year's households, and of the area's occupational groups
dated in the year)."""
from flask_babel import gettext as _
from sqlalchemy import select

from ..domain import geo
from ..domain.fiscal import fiscal_year_bounds
from ..domain.phone import display
from ..extensions import db
from ..labels import FUND_SOURCES, TEAM_LEVELS, TEAM_ORGANISATIONS, label
from ..models import CommunityFund, Household, OccupationalGroup, SupportTeam, SupportTeamMember, Village
from .tables import id_for, lang, village_cells, village_head


def area_name(code: str) -> str:
    return geo.subdistrict_name(code, lang()) if len(code) == 6 else geo.district_name(code, lang())


def support_teams(user, where, fy: int, _today):
    """Teams are an area's, not a village's: those of the districts the area's villages lie in."""
    districts = select(Village.district_code).where(where).distinct()
    rows = db.session.execute(
        select(SupportTeam, SupportTeamMember).join(SupportTeamMember, SupportTeamMember.team_id == SupportTeam.id)
        .where(SupportTeam.district_code.in_(districts), SupportTeam.fiscal_year == fy)
        .order_by(SupportTeam.district_code, SupportTeam.level, SupportTeam.area_code, SupportTeamMember.id))
    head = [_("ปีงบประมาณ"), _("ทีม"), _("รหัสพื้นที่"), _("ตำบล/อำเภอ"), _("อำเภอ"), _("ชื่อ-สกุล"), _("มาจาก"),
            _("เบอร์โทรศัพท์")]
    body = [[t.fiscal_year, label(TEAM_LEVELS, t.level), t.area_code, area_name(t.area_code),
             geo.district_name(t.district_code, lang()), m.name,
             m.organisation_other or label(TEAM_ORGANISATIONS[t.level], m.organisation), display(m.phone)]
            for t, m in rows]
    return head, body


def funds(user, where, fy: int, _today):
    """A household's record names its head (and masked ID); a group's names the group (no ID). Households
    first in each village, by name. Two queries."""
    first, last = fiscal_year_bounds(fy)
    households = db.session.execute(
        select(CommunityFund, Household, Village).join(Household, Household.id == CommunityFund.household_id)
        .join(Village, Village.id == Household.village_id).where(where, Household.fiscal_year == fy))
    groups = db.session.execute(
        select(CommunityFund, OccupationalGroup, Village).join(OccupationalGroup,
                                                               OccupationalGroup.id == CommunityFund.group_id)
        .join(Village, Village.id == OccupationalGroup.village_id)
        .where(where, CommunityFund.received_on.between(first, last)))
    rows = sorted([(v.code, 0, h.head_name, f.received_on, f.id, v, f, h.head_name, id_for(user, h.national_id))
                   for f, h, v in households] +
                  [(v.code, 1, g.name, f.received_on, f.id, v, f, g.name, "") for f, g, v in groups],
                  key=lambda r: r[:5])
    head = village_head() + [_("ชื่อหัวหน้าครัวเรือน หรือกลุ่มอาชีพ"), _("เลขประจำตัวประชาชน"), _("แหล่งทุน"),
                             _("จำนวนเงิน (บาท)"), _("วันที่ได้รับ"), _("เพื่อใช้ทำอะไร"), _("จากการเยี่ยมติดตาม")]
    body = [village_cells(v) + [name, national_id, f.source_other or label(FUND_SOURCES, f.source), f.amount,
                                f.received_on, f.purpose, _("ใช่") if f.followup_id else ""]
            for *_key, v, f, name, national_id in rows]
    return head, body
