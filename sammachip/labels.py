"""Every coded value's label, in one place that forms, filters, pages and
exports share: (code, label) lists in the order they are offered.

Labels are lazy: they come out in the reader's language (Thai, or English).
A form adds its own placeholder ("— เลือก… —"); the lists here never hold one,
so it can never land in a page or an export as if it were a value.
"""
from flask_babel import lazy_gettext as _l

SAGE_ROLES = [("lead", _l("วิทยากรหลัก")), ("assistant", _l("วิทยากรผู้ช่วย"))]
CANDIDATE = _l("ผู้สมัคร")
USER_ROLES = [("admin", _l("ผู้ดูแลระบบ")), ("province", _l("จังหวัด (ดูข้อมูลทั้งจังหวัด)")),
              ("district", _l("อำเภอ (จัดการอำเภอ)")), ("officer", _l("เจ้าหน้าที่พัฒนาชุมชน"))]
HOUSEHOLD_STATUSES = [("registered", _l("ครัวเรือนเป้าหมาย")), ("reserve", _l("รายชื่อสำรอง"))]
VILLAGE_STATUSES = [("not_started", _l("ยังไม่เริ่ม")), ("in_progress", _l("กำลังดำเนินการ")),
                    ("behind", _l("ต่ำกว่าเป้า")), ("on_target", _l("ถึงเป้า"))]
KNOWLEDGE_STATES = [("draft", _l("ฉบับร่าง (ยังไม่ครบ 5 ส่วน)")), ("editing", _l("บันทึกแล้ว · มีร่างที่กำลังแก้ไข")),
                    ("complete", _l("บันทึกครบ 5 ส่วน"))]
GROUP_STATUSES = [("forming", _l("กำลังจัดตั้ง")), ("active", _l("ดำเนินการอยู่")), ("stopped", _l("หยุดดำเนินการ"))]
YES_NO = [(True, _l("ใช่")), (False, _l("ไม่ใช่"))]
# The five OTOP product types (ประเภทผลิตภัณฑ์ OTOP).
OTOP_TYPES = [("food", _l("อาหาร")), ("drink", _l("เครื่องดื่ม")), ("textile", _l("ผ้า เครื่องแต่งกาย")),
              ("craft", _l("ของใช้ ของตกแต่ง ของที่ระลึก")), ("herbal", _l("สมุนไพรที่ไม่ใช่อาหาร"))]
FOLLOWUP_STATUSES = [("due", _l("รอเยี่ยม")), ("draft", _l("บันทึกค้าง")), ("done", _l("เยี่ยมแล้ว"))]
PRACTISING = [("yes", _l("ทำอยู่")), ("partly", _l("ทำบ้าง")), ("no", _l("ไม่ได้ทำ"))]
LEAVING = [("moved", _l("ย้ายออกจากหมู่บ้าน")), ("withdrew", _l("ถอนความยินยอม")), ("died", _l("เสียชีวิต")),
           ("other", _l("อื่น ๆ"))]
REASONS = [("no_market", _l("ไม่มีตลาด/ขายไม่ได้")), ("no_capital", _l("ขาดเงินทุน")),
           ("no_material", _l("ขาดวัตถุดิบ/อุปกรณ์")), ("no_time", _l("ไม่มีเวลา")),
           ("health", _l("เจ็บป่วย")), ("moved", _l("ย้ายที่อยู่")), ("other", _l("อื่น ๆ"))]
FUND_SOURCES = [("community_fund", _l("กองทุนชุมชน")), ("savings_group", _l("กลุ่มออมทรัพย์เพื่อการผลิต")),
                ("village_fund", _l("กองทุนหมู่บ้าน")), ("kkkc", _l("กข.คจ.")),
                ("women_fund", _l("กองทุนพัฒนาบทบาทสตรี")), ("other", _l("อื่น ๆ"))]
FUNDS = [("none", _l("ไม่ได้รับ"))] + FUND_SOURCES  # a visit's answer: a fund record unless "none"
TEAM_LEVELS = [("tambon", _l("ทีมสนับสนุนระดับตำบล")), ("district", _l("ทีมสนับสนุนระดับอำเภอ"))]
# Each team's organisations, as the field note names them.
TEAM_ORGANISATIONS = {
    "tambon": [("kpst", _l("กพสต.")), ("sochot", _l("ศอช.ต.")), ("och_leader", _l("ผู้นำ อช.")),
               ("savings_group", _l("กลุ่มออมทรัพย์เพื่อการผลิต")), ("other", _l("อื่น ๆ"))],
    "district": [("kpsa", _l("กพสอ.")), ("sochoa", _l("ศอช.อ.")), ("och_leader", _l("ผู้นำ อช.")),
                 ("savings_network", _l("เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต")), ("other", _l("อื่น ๆ"))],
}
VISITORS = [("officer", _l("เจ้าหน้าที่พัฒนาชุมชน")), ("kpst", _l("กพสต. (คณะกรรมการพัฒนาสตรีตำบล)")),
            ("sochot", _l("ศอช.ต.")), ("och_leader", _l("ผู้นำ อช.")), ("savings_group", _l("กลุ่มออมทรัพย์ฯ"))]
ATTENDED = [(True, _l("มา")), (False, _l("ขาด"))]
TRAINED = [(True, _l("ผ่าน")), (False, _l("ไม่ผ่าน"))]


def label(options, value) -> str:
    """The label of a code; an unknown or empty code as itself (never a placeholder)."""
    found = dict(options).get(value)
    return str(found) if found is not None else ("" if value is None else str(value))


def codes(options) -> set:
    return {code for code, _ in options}


def role_label(role: str | None) -> str:
    return label(SAGE_ROLES, role) if role else str(CANDIDATE)
