"""The knowledge records export: every record of the area's villages, of any year (records are dated, not
tied to a programme year), in the field note's order of parts."""
from flask_babel import gettext as _
from sqlalchemy import select

from ..domain.knowledge import state
from ..extensions import db
from ..labels import KNOWLEDGE_STATES, label
from ..models import KnowledgeRecord, Village
from .tables import village_cells, village_head


def knowledge(user, where, _fy: int, _today):
    rows = db.session.execute(select(KnowledgeRecord, Village).join(Village, Village.id == KnowledgeRecord.village_id)
                              .where(where).order_by(Village.code, KnowledgeRecord.recorded_on, KnowledgeRecord.id))
    head = village_head() + [
        _("ชื่อความรู้"), _("เจ้าของความรู้"), _("ตำแหน่ง"), _("สังกัด"), _("แก้ปัญหาเกี่ยวกับ"), _("อาชีพ"),
        _("วันที่บันทึก"), _("สถานะ"), _("ส่วนนำ"), _("กระบวนการ"), _("ข้อพึงระวัง"), _("เทคนิค"), _("ส่วนสรุป"),
        _("ขุมความรู้"), _("แก่นความรู้")]
    body = [village_cells(v) + [r.title, r.owner_name, r.position, r.office, r.solves, r.occupation_label,
                                r.recorded_on, label(KNOWLEDGE_STATES, state(r)), r.intro, r.method, r.cautions,
                                r.techniques, r.summary, r.key_points, r.core]
            for r, v in rows]
    return head, body
