"""The interview's steps, one form each, and the later edit form."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField, StringField
from wtforms.validators import AnyOf, DataRequired, Optional, ValidationError

from ..domain import thai_id
from ..domain.date_rules import past_programme_event
from ..domain.households import INCOME_MAX
from ..forms_common import (
    ID_MESSAGES,
    choice_values,
    day,
    occupation_checks,
    options,
    phone,
    strip,
    text,
    whole_number,
    yes_no,
)
from ..labels import LEAVING, codes


class ConsentForm(FlaskForm):
    consent = yes_no(_l("ครัวเรือนยินยอมให้เก็บและใช้ข้อมูลตามที่แจ้งหรือไม่"))
    token = HiddenField()  # becomes the draft's token: a double tap opens one interview


class HeadForm(FlaskForm):
    head_name = text(_l("ชื่อ-นามสกุลหัวหน้าครัวเรือน"), 120)
    national_id = StringField(_l("เลขประจำตัวประชาชน 13 หลัก"), filters=[strip],
                              validators=[DataRequired(_l("กรุณากรอกเลขประจำตัวประชาชน"))])
    phone = phone(_l("เบอร์โทรศัพท์"), required=False)
    house_no = text(_l("บ้านเลขที่"), 20, required=False)
    members = whole_number(_l("จำนวนสมาชิกในครัวเรือน (คน)"), 1, 30)

    def validate_national_id(self, field):
        problem = thai_id.problem(field.data)
        if problem:
            raise ValidationError(ID_MESSAGES[problem])


class LivelihoodForm(FlaskForm):
    main_occupation = text(_l("อาชีพหลักตอนนี้"), 100)
    income_per_year = whole_number(_l("รายได้ครัวเรือนต่อปี (บาท)"), 0, INCOME_MAX)


class NeedForm(FlaskForm):
    need_occupation = SelectField(_l("อาชีพที่ต้องการเรียน"), validate_choice=False)
    need_occupation_other = text(_l("อาชีพอื่น ๆ (ระบุ)"), 100, required=False)
    # What this occupation already brings before the training (often 0): part of the income indicator's "before".
    occupation_income_per_year = whole_number(_l("รายได้ต่อปีจากอาชีพนี้ ตอนนี้ (บาท)"), 0, INCOME_MAX)
    need_reason = text(_l("เหตุผลที่อยากเรียน"), 500, required=False, area=True)
    committed = yes_no(_l("ตั้งใจเข้าร่วมฝึกอบรมครบทั้ง 5 วัน"))

    def validate_committed(self, field):
        if field.data == "no":
            raise ValidationError(_l("ครัวเรือนเป้าหมายต้องตั้งใจเข้าร่วมครบ 5 วัน จึงขึ้นทะเบียนได้"))

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        return occupation_checks(self.need_occupation, self.need_occupation_other) and ok


class AssignForm(FlaskForm):
    # Choices come from the year's rules (households/wording.status_choices).
    status = RadioField(_l("สถานะ"), validate_choice=False, default="registered")
    trainer = SelectField(_l("วิทยากรผู้ดูแล"), validate_choice=False)

    def validate_status(self, field):
        if field.data not in ("registered", "reserve"):
            raise ValidationError(_l("กรุณาเลือกสถานะ"))

    def validate_trainer(self, field):
        field.data = field.data or ""  # none posted: not assigned yet
        if field.data not in choice_values(field):
            raise ValidationError(_l("กรุณาเลือกวิทยากรจากรายการ"))


class HouseholdEditForm(HeadForm, LivelihoodForm, NeedForm):
    # The full ID is never shown: left blank it stays as it is; a number typed replaces it.
    national_id = StringField(_l("เลขประจำตัวประชาชนใหม่ 13 หลัก"), filters=[strip], validators=[Optional()])
    version = HiddenField()


class LeaveForm(FlaskForm):
    """A household leaves the programme (its record's year is set by the view, for the date rule)."""

    left_on = day(_l("ออกจากโครงการเมื่อ"), required=True, rule=past_programme_event)
    left_reason = RadioField(_l("เพราะ"), choices=options(LEAVING), validate_choice=False,
                             validators=[AnyOf(codes(LEAVING), message=_l("กรุณาเลือกเหตุผล"))])
