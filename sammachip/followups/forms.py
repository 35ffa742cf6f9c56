"""The follow-up checklist: one form per phone screen."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField
from wtforms.validators import ValidationError

from ..domain.date_rules import past_programme_event, programme_event
from ..forms_common import CheckboxList, choice_values, day, options, text, whole_number
from ..labels import FUNDS, PRACTISING, REASONS, VISITORS, codes


def one_of(options, message):
    def check(form, field):
        if field.data not in codes(options):
            raise ValidationError(message)
    check.field_flags = {"required": True}  # drawn `required`: a step kept on the phone checks it (app.js)
    return check


class PractisingForm(FlaskForm):
    practising = RadioField(_l("ยังประกอบอาชีพที่ฝึกอยู่หรือไม่"), choices=options(PRACTISING), validate_choice=False,
                            validators=[one_of(PRACTISING, _l("กรุณาเลือก ทำอยู่ ทำบ้าง หรือ ไม่ได้ทำ"))])
    not_practising_reason = SelectField(_l("ถ้าไม่ได้ทำ เพราะอะไร"), validate_choice=False,
                                        choices=options([("", _l("— เลือกเหตุผล —"))] + REASONS))
    reason_text = text(_l("รายละเอียด"), 300, required=False)

    def validate_not_practising_reason(self, field):
        if self.practising.data == "no":
            one_of(REASONS, _l("กรุณาเลือกเหตุผลที่ไม่ได้ทำ"))(self, field)
        elif field.data:
            field.data = ""  # a reason only goes with "no"


class IncomeForm(FlaskForm):
    occupation_income = whole_number(_l("รายได้จากอาชีพที่ฝึก ตั้งแต่การเยี่ยมครั้งก่อน (บาท)"), 0, 1_000_000)
    costs_saved = whole_number(_l("ค่าใช้จ่ายที่ประหยัดได้จากอาชีพนี้ ในช่วงเดียวกัน (บาท)"), 0, 1_000_000, required=False)
    sells_where = text(_l("ขายที่ไหน"), 200, required=False)


class GroupFundForm(FlaskForm):
    # The village's (and its tambon's) groups; the checklist fills the choices. A pick makes the household a member.
    group_id = SelectField(_l("เข้ากลุ่มอาชีพ"), validate_choice=False, default="")
    fund_source = RadioField(
        _l("ได้รับการสนับสนุนจากแหล่งทุน"),
        choices=options(FUNDS),
        validate_choice=False,
        default="none",
        validators=[one_of(FUNDS, _l("กรุณาเลือกแหล่งทุนจากรายการ"))],
    )
    fund_other = text(_l("แหล่งทุนอื่น (ระบุ)"), 100, required=False)
    fund_amount = whole_number(_l("จำนวนเงิน (บาท)"), 0, 10_000_000, required=False)

    def validate_group_id(self, field):
        if field.data and field.data not in choice_values(field):
            raise ValidationError(_l("กรุณาเลือกกลุ่มอาชีพจากรายการ"))

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if (
            self.fund_source.data not in ("none", None)
            and self.fund_amount.data is None
            and not self.fund_amount.errors
        ):
            self.fund_amount.errors.append(_l("กรุณากรอกจำนวนเงิน"))
            ok = False
        if self.fund_source.data == "other" and not self.fund_other.data:
            self.fund_other.errors.append(_l("กรุณาระบุแหล่งทุน"))
            ok = False
        return ok


class VisitForm(FlaskForm):
    visit_date = day(_l("วันที่ไปเยี่ยม"), required=True, rule=past_programme_event)
    visitors = CheckboxList(_l("ผู้ไปเยี่ยม"), choices=options(VISITORS), validate_choice=False)
    # The tambon team's named members of the household's year (choices set by the checklist).
    members = CheckboxList(_l("สมาชิกทีมสนับสนุนระดับตำบลที่มา"), validate_choice=False)

    def validate_visitors(self, field):
        if not field.data or not set(field.data) <= codes(VISITORS):
            raise ValidationError(_l("กรุณาเลือกผู้ไปเยี่ยมอย่างน้อย 1 รายการ"))

    def validate_members(self, field):
        if not set(field.data or []) <= {c[0] for c in field.choices or []}:
            raise ValidationError(_l("กรุณาเลือกจากรายชื่อทีมตำบล"))


class NextForm(FlaskForm):
    problems = text(_l("ปัญหาที่พบ"), 1000, required=False, area=True)
    help_needed = text(_l("ความช่วยเหลือที่ต้องการ"), 1000, required=False, area=True)
    next_visit_date = day(_l("นัดเยี่ยมครั้งถัดไป"), rule=programme_event)
