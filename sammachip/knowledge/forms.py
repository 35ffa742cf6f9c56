"""The knowledge record's steps: who and what first, then one part per screen (long text)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField
from wtforms.validators import ValidationError

from ..domain.date_rules import sage_course
from ..forms_common import choice_values, day, occupation_checks, options, text

LONG = 8000  # one part's text


class OwnerForm(FlaskForm):
    title = text(_l("ชื่อความรู้"), 200)
    owner_kind = RadioField(_l("เจ้าของความรู้เป็น"), validate_choice=False, default="sage", choices=options([
        ("sage", _l("ปราชญ์ของหมู่บ้าน")), ("officer", _l("เจ้าหน้าที่ (ระบุชื่อ)"))]))
    sage_id = SelectField(_l("ปราชญ์"), validate_choice=False)
    owner_name = text(_l("ชื่อเจ้าของความรู้"), 120, required=False)
    position = text(_l("ตำแหน่ง"), 150, required=False)
    office = text(_l("สังกัด"), 200, required=False)
    solves = text(_l("แก้ปัญหาเกี่ยวกับ"), 200)
    occupation = SelectField(_l("อาชีพ"), validate_choice=False)
    occupation_other = text(_l("อาชีพอื่น ๆ (ระบุ)"), 100, required=False)
    recorded_on = day(_l("วันที่บันทึก"), required=True, rule=sage_course)

    def validate_owner_kind(self, field):
        if field.data not in ("sage", "officer"):
            raise ValidationError(_l("กรุณาเลือกเจ้าของความรู้"))

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if self.owner_kind.data == "sage" and self.sage_id.data not in choice_values(self.sage_id) - {""}:
            self.sage_id.errors.append(_l("กรุณาเลือกปราชญ์"))
            ok = False
        if self.owner_kind.data == "officer" and not self.owner_name.data:
            self.owner_name.errors.append(_l("กรุณากรอกชื่อเจ้าของความรู้"))
            ok = False
        return occupation_checks(self.occupation, self.occupation_other) and ok


class IntroForm(FlaskForm):
    intro = text(_l("ส่วนนำ: ที่มาและความสำคัญ"), LONG, area=True)


class ExpandForm(FlaskForm):
    method = text(_l("กระบวนการ / วิธีการ"), LONG, area=True)
    cautions = text(_l("ข้อพึงระวัง"), LONG, required=False, area=True)
    techniques = text(_l("เทคนิค"), LONG, required=False, area=True)


class SummaryForm(FlaskForm):
    summary = text(_l("ส่วนสรุป: ผลของการแก้ปัญหาหรือพัฒนา"), LONG, area=True)


class KeyPointsForm(FlaskForm):
    key_points = text(_l("ขุมความรู้: ประเด็นหลักที่วิเคราะห์ได้จากเนื้อหา"), LONG, area=True)


class CoreForm(FlaskForm):
    core = text(_l("แก่นความรู้: คำสั้น ๆ หรือคำสำคัญ"), 2000, area=True)
