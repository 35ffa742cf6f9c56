"""Thai (and English) for the assignment rules' codes (domain/assignment.py)."""
from flask_babel import gettext as _


def refusal_message(code: str) -> str:
    return {"not_chosen": _("กรุณาเลือกผู้รับผิดชอบจากรายการ"),
            "not_district_officer": _("มอบหมายได้เฉพาะเจ้าหน้าที่ของอำเภอนี้"),
            "inactive": _("บัญชีเจ้าหน้าที่นี้ถูกปิดใช้งาน")}[code]


def moved_message(moved: int) -> str:
    if moved:
        return _("บันทึกแล้ว นัดเยี่ยมที่ยังไม่ได้ไป %(n)s รายการย้ายไปด้วย", n=moved)
    return _("บันทึกแล้ว")


def conflict() -> str:
    return _("มีผู้อื่นเปลี่ยนผู้รับผิดชอบก่อนคุณบันทึก หน้านี้แสดงผู้รับผิดชอบล่าสุดแล้ว กรุณาตรวจสอบแล้วบันทึกอีกครั้ง")
