from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField
from wtforms.validators import ValidationError

from ..forms_common import text, whole_number


class CriterionForm(FlaskForm):
    code = text(_l("รหัสข้อ (เช่น a, b, f)"), 8)
    text_th = text(_l("ข้อความภาษาไทย"), 300)
    text_en = text(_l("ข้อความภาษาอังกฤษ"), 300)
    required = BooleanField(_l("บังคับผ่าน"), default=True)


class PovertyLineForm(FlaskForm):
    fiscal_year = whole_number(_l("ปีงบประมาณ (พ.ศ.)"), 2560, 2700)
    baht_per_person_year = whole_number(_l("บาทต่อคนต่อปี"), 1, 1_000_000)


class OccupationForm(FlaskForm):
    name_th = text(_l("ชื่ออาชีพภาษาไทย"), 100)
    name_en = text(_l("ชื่ออาชีพภาษาอังกฤษ"), 100)


class RulesForm(FlaskForm):
    """One fiscal year's programme numbers (domain/programme.py); shares as whole per cents."""

    households_per_village = whole_number(_l("ครัวเรือนเป้าหมายต่อหมู่บ้าน"), 1, 200)
    households_per_trainer = whole_number(_l("ครัวเรือนต่อวิทยากรหนึ่งคน"), 1, 50)
    assistants = whole_number(_l("วิทยากรผู้ช่วยต่อทีม"), 0, 20)
    training_days = whole_number(_l("จำนวนวันฝึกอบรม"), 1, 30)
    days_to_complete = whole_number(_l("ผ่านการอบรมเมื่อมาอย่างน้อย (วัน)"), 1, 30)
    followup_months = text(_l("เยี่ยมติดตามหลังอบรม (เดือน คั่นด้วยจุลภาค)"), 40)
    practising_target = whole_number(_l("เป้าหมายการประกอบอาชีพ (ร้อยละ)"), 1, 100)
    income_target = whole_number(_l("เป้าหมายรายได้เพิ่มขึ้น (ร้อยละ)"), 1, 100)
    measured_from = whole_number(_l("วัดการประกอบอาชีพได้เมื่อเยี่ยมแล้ว (ร้อยละของผู้ผ่านอบรม)"), 1, 100)
    income_min_n = whole_number(_l("ถึงเป้ารายได้เมื่อวัดได้อย่างน้อย (ครัวเรือน)"), 1, 200)
    group_target = whole_number(_l("เป้าหมายหมู่บ้านที่มีกลุ่มอาชีพ (ร้อยละของหมู่บ้านเป้าหมาย)"), 1, 100)
    FIELDS = ("households_per_village", "households_per_trainer", "assistants", "training_days", "days_to_complete",
              "followup_months", "practising_target", "income_target", "measured_from", "income_min_n",
              "group_target")

    def validate_followup_months(self, field):
        months = [m.strip() for m in (field.data or "").split(",")]
        if not all(m.isdigit() and 0 < int(m) <= 24 for m in months):
            raise ValidationError(_l("กรอกเป็นเดือน คั่นด้วยจุลภาค เช่น 1,3,6"))

    def validate_days_to_complete(self, field):
        if self.training_days.data and field.data and field.data > self.training_days.data:
            raise ValidationError(_l("ต้องไม่เกินจำนวนวันฝึกอบรม"))
