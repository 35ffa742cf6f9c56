"""Household rule problems, worded for the officer."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..domain import geo
from ..domain.areas import covers
from ..domain.programme import Rules
from ..labels import HOUSEHOLD_STATUSES, label, role_label


def status_choices(rules: Rules) -> list[tuple[str, str]]:
    return [("registered", _("ครัวเรือนเป้าหมาย (%(n)s ครัวเรือน)", n=rules.households_per_village)),
            ("reserve", label(HOUSEHOLD_STATUSES, "reserve"))]


def duplicate_id_text(village, fiscal_year: int, user) -> str:
    """Where the person is registered already: named only inside the user's own area (PDPA)."""
    if not covers(user, village.district_code):
        return _("เลขประจำตัวนี้ขึ้นทะเบียนแล้วในปีงบประมาณ %(fy)s ในอำเภออื่น", fy=fiscal_year)
    return _("เลขประจำตัวนี้ขึ้นทะเบียนแล้วในปีงบประมาณ %(fy)s ที่บ้าน%(v)s หมู่ %(moo)s ต.%(t)s อ.%(d)s",
             fy=fiscal_year, v=village.name, moo=village.moo, t=geo.subdistrict_name(village.subdistrict_code),
             d=geo.district_name(village.district_code))


def placement_text(code: str, rules: Rules) -> str:
    if code == "village_full":
        return _("หมู่บ้านนี้มีครัวเรือนเป้าหมายครบ %(n)s ครัวเรือนแล้ว บันทึกเป็นรายชื่อสำรองได้",
                 n=rules.households_per_village)
    return _("วิทยากรคนนี้ดูแลครบ %(n)s ครัวเรือนแล้ว กรุณาเลือกวิทยากรคนอื่น", n=rules.households_per_trainer)


def full_text(rules: Rules) -> str:
    return _("หมู่บ้านนี้มีครัวเรือนเป้าหมายครบ %(n)s ครัวเรือนแล้ว ครัวเรือนที่สัมภาษณ์ต่อจากนี้จะอยู่ในรายชื่อสำรอง",
             n=rules.households_per_village)


def trainer_option(sage, load: int, rules: Rules) -> str:
    return _("%(name)s (%(role)s) · %(occ)s · ดูแล %(n)s/%(max)s", name=sage.name, role=role_label(sage.role),
             occ=sage.occupation_label, n=load, max=rules.households_per_trainer)

FIELD_LABELS = {
    "head_name": _l("ชื่อ"), "national_id": _l("เลขประจำตัว"), "phone": _l("โทรศัพท์"),
    "house_no": _l("บ้านเลขที่"), "members": _l("สมาชิก"), "main_occupation": _l("อาชีพหลัก"),
    "income_per_year": _l("รายได้"), "left_on": _l("ออกจากโครงการ"), "left_reason": _l("เหตุที่ออก"),
    "occupation_income_per_year": _l("รายได้จากอาชีพที่จะฝึก"), "need_occupation_id": _l("อาชีพที่อยากเรียน"),
    "need_occupation_other": _l("อาชีพที่อยากเรียน"), "need_reason": _l("เหตุผล"),
    "committed": _l("ความตั้งใจ"), "status": _l("สถานะ"), "trainer_id": _l("วิทยากร"),
}
