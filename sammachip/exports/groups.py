"""Occupational groups, their members and OTOP products: every record of the area's villages, of any year
(records are dated, not tied to a programme year). Members' national IDs are masked as for households."""
from flask_babel import gettext as _
from sqlalchemy import func, select

from ..extensions import db
from ..labels import GROUP_STATUSES, OTOP_TYPES, YES_NO, label
from ..models import GroupMember, Household, OccupationalGroup, OtopProduct, Village
from .tables import id_for, village_cells, village_head


def groups(user, where, _fy: int, _today):
    members = (select(func.count()).where(GroupMember.group_id == OccupationalGroup.id, GroupMember.left_on.is_(None))
               .correlate(OccupationalGroup).scalar_subquery())
    rows = db.session.execute(select(OccupationalGroup, Village, members)
                              .join(Village, Village.id == OccupationalGroup.village_id)
                              .where(where).order_by(Village.code, OccupationalGroup.name, OccupationalGroup.id))
    head = village_head() + [_("ชื่อกลุ่ม"), _("อาชีพ"), _("กลุ่มระดับตำบล"), _("วันที่จัดตั้ง"), _("ประธานกลุ่ม"),
                             _("สถานะ"), _("สมาชิกปัจจุบัน (คน)"), _("จดทะเบียน"), _("จดทะเบียนที่")]
    body = [village_cells(v) + [g.name, g.occupation_label, label(YES_NO, g.tambon_wide), g.founded_on, g.leader_name,
                                label(GROUP_STATUSES, g.status), n, label(YES_NO, g.registered), g.registered_with]
            for g, v, n in rows]
    return head, body


def group_members(user, where, _fy: int, _today):
    rows = db.session.execute(select(GroupMember, OccupationalGroup.name, Village, Household)
                              .join(OccupationalGroup, OccupationalGroup.id == GroupMember.group_id)
                              .join(Village, Village.id == OccupationalGroup.village_id)
                              .outerjoin(Household, Household.id == GroupMember.household_id)
                              .where(where).order_by(Village.code, OccupationalGroup.name, GroupMember.id))
    head = village_head() + [_("ชื่อกลุ่ม"), _("ชื่อสมาชิก"), _("เลขประจำตัวประชาชน"),
                             _("ครัวเรือนในโครงการ ปีงบประมาณ"), _("เข้ากลุ่มเมื่อ"), _("ออกจากกลุ่มเมื่อ")]
    body = [village_cells(v) + [group, h.head_name if h else m.name, id_for(user, h.national_id) if h else "",
                                h.fiscal_year if h else None, m.joined_on, m.left_on]
            for m, group, v, h in rows]
    return head, body


def otop_products(user, where, _fy: int, _today):
    rows = db.session.execute(select(OtopProduct, OccupationalGroup.name, Village)
                              .join(OccupationalGroup, OccupationalGroup.id == OtopProduct.group_id)
                              .join(Village, Village.id == OccupationalGroup.village_id)
                              .where(where).order_by(Village.code, OccupationalGroup.name, OtopProduct.name))
    head = village_head() + [_("ชื่อกลุ่ม"), _("ชื่อผลิตภัณฑ์"), _("ประเภท OTOP"), _("เลขทะเบียน"),
                             _("ปีที่ขึ้นทะเบียน (พ.ศ.)"), _("ระดับดาว"), _("ปีที่ได้ระดับดาว (พ.ศ.)")]
    body = [village_cells(v) + [group, p.name, label(OTOP_TYPES, p.category), p.registration_no, p.registered_year,
                                p.stars, p.stars_year]
            for p, group, v in rows]
    return head, body
