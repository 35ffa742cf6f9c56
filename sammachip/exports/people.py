"""The sages export (one row per sage of the year, with the person's national ID masked as a household
head's is) and the learning centres export (every centre of the area's villages, of any year)."""
from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..labels import role_label
from ..models import LearningCentre, Person, Sage, Village
from .tables import id_for, lang, village_cells, village_head


def sages(user, where, fy: int, _today):
    rows = db.session.execute(select(Sage, Person, Village)
                              .join(Person, Person.id == Sage.person_id).join(Village, Village.id == Sage.village_id)
                              .where(where, Sage.fiscal_year == fy).order_by(Village.code, Sage.role.desc(), Sage.name))
    head = village_head() + [_("ชื่อ-นามสกุล"), _("เลขประจำตัวประชาชน"), _("รหัสบุคคล"), _("บทบาท"),
                             _("อาชีพที่เชี่ยวชาญ"), _("ประกอบอาชีพมาแล้ว (ปี)"), _("อาศัยอยู่ในหมู่บ้าน"),
                             _("ผ่านการอบรมที่ ศพช."), _("วันประชุมระดับจังหวัด")]
    yes, no = _("ใช่"), _("ไม่ใช่")
    body = [village_cells(v) + [s.name, id_for(user, p.national_id) if p.national_id else "", s.person_id,
                                role_label(s.role), s.occupation_label, s.years_in_occupation,
                                yes if s.lives_in_village else no, {True: yes, False: no}.get(s.course_passed, ""),
                                s.workshop_date]
            for s, p, v in rows]
    return head, body


def centres(_user, where, _fy: int, _today):
    rows = db.session.execute(select(LearningCentre, Village).join(Village, Village.id == LearningCentre.village_id)
                              .where(where).order_by(Village.code, LearningCentre.opened_on, LearningCentre.id))
    head = village_head() + [_("ชื่อศูนย์เรียนรู้"), _("วันที่เปิดศูนย์"), _("สถานที่ตั้ง"), _("รายละเอียดสถานที่"),
                             _("ปราชญ์ผู้ดูแล"), _("อาชีพที่สอน")]
    kinds = {"sage_house": _("บ้านปราชญ์"), "community": _("อาคารของชุมชน")}
    body = [village_cells(v) + [c.name, c.opened_on, kinds[c.place_kind], c.place_text,
                                ", ".join(s.name for s in c.hosts), ", ".join(c.taught(lang()))]
            for c, v in rows.tuples()]
    return head, body
