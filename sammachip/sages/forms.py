from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField, StringField
from wtforms.validators import Optional, ValidationError

from ..domain.clock import today
from ..domain.date_rules import sage_course
from ..forms_common import ThaiNationalId, day, occupation_checks, options, phone, strip, text, whole_number, yes_no


class SageForm(FlaskForm):
    name = text(_l("ชื่อ-นามสกุล"), 120)
    phone = phone(_l("เบอร์โทรศัพท์"))
    # Optional: with it, the candidate is recognised as the same person in other villages and years.
    national_id = StringField(_l("เลขประจำตัวประชาชน 13 หลัก (ถ้ามี)"), filters=[strip],
                              validators=[Optional(), ThaiNationalId()])
    occupation = SelectField(_l("อาชีพที่เชี่ยวชาญ"), validate_choice=False)
    occupation_other = text(_l("อาชีพอื่น ๆ (ระบุ)"), 100, required=False)
    years_in_occupation = whole_number(_l("ประกอบอาชีพนี้มาแล้ว (ปี)"), 0, 80)
    success_evidence = text(_l("หลักฐานความสำเร็จ (รายได้ ผลผลิต ลูกค้า)"), 1000, required=False, area=True)
    lives_in_village = yes_no(_l("อาศัยอยู่ในหมู่บ้านนี้"))
    notes = text(_l("หมายเหตุ"), 1000, required=False, area=True)
    version = HiddenField()
    submit_token = HiddenField()

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        return occupation_checks(self.occupation, self.occupation_other) and ok


class CriterionForm(FlaskForm):
    met = yes_no(_l("ผ่านเกณฑ์ข้อนี้หรือไม่"), required=False)
    note = text(_l("บันทึกสั้น ๆ (ถ้ามี)"), 500, required=False)


class TrainingForm(FlaskForm):
    training_centre = text(_l("ศูนย์ศึกษาและพัฒนาชุมชน (ศพช.) ที่เข้าอบรม"), 100, required=False)
    course_start = day(_l("วันเริ่มอบรม"), rule=sage_course)
    course_end = day(_l("วันสุดท้ายของการอบรม"), rule=sage_course)
    course_passed = RadioField(_l("ผลการอบรม"), validate_choice=False, default="", choices=options([
        ("", _l("ยังไม่ทราบ")), ("yes", _l("ผ่าน")), ("no", _l("ไม่ผ่าน"))]))
    workshop_date = day(_l("วันประชุมเชิงปฏิบัติการระดับจังหวัด"), rule=sage_course)
    version = HiddenField()

    def validate_course_end(self, field):
        if field.data and self.course_start.data and field.data < self.course_start.data:
            raise ValidationError(_l("วันสุดท้ายต้องไม่ก่อนวันเริ่มอบรม"))

    def validate_course_passed(self, field):
        if field.data not in ("", "yes", "no"):
            raise ValidationError(_l("กรุณาเลือกผลการอบรม"))
        last_day = self.course_end.data or self.course_start.data
        if field.data in ("yes", "no") and last_day and last_day > today():
            raise ValidationError(_l("ยังไม่จบการอบรม บันทึกผลได้เมื่ออบรมเสร็จ"))
