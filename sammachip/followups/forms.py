"""The follow-up checklist: one form per phone screen."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField
from wtforms.validators import ValidationError

from ..forms_common import day, text, whole_number
from ..users.forms import CheckboxList

PRACTISING = [("yes", _l("ทำอยู่")), ("partly", _l("ทำบ้าง")), ("no", _l("ไม่ได้ทำ"))]
REASONS = [("", _l("— เลือกเหตุผล —")), ("no_market", _l("ไม่มีตลาด/ขายไม่ได้")), ("no_capital", _l("ขาดเงินทุน")),
           ("no_material", _l("ขาดวัตถุดิบ/อุปกรณ์")), ("no_time", _l("ไม่มีเวลา")),
           ("health", _l("เจ็บป่วย")), ("moved", _l("ย้ายที่อยู่")), ("other", _l("อื่น ๆ"))]
FUNDS = [("none", _l("ไม่ได้รับ")), ("community_fund", _l("กองทุนชุมชน")),
         ("savings_group", _l("กลุ่มออมทรัพย์เพื่อการผลิต")), ("village_fund", _l("กองทุนหมู่บ้าน")),
         ("other", _l("อื่น ๆ"))]
VISITORS = [("officer", _l("เจ้าหน้าที่พัฒนาชุมชน")), ("kpst", _l("กพสต. (คณะกรรมการพัฒนาสตรีตำบล)")),
            ("sochot", _l("ศอช.ต.")), ("och_leader", _l("ผู้นำ อช.")), ("savings_group", _l("กลุ่มออมทรัพย์ฯ"))]


def one_of(options, message):
    def check(form, field):
        if field.data not in {value for value, _ in options if value}:
            raise ValidationError(message)
    return check


class PractisingForm(FlaskForm):
    practising = RadioField(_l("ยังประกอบอาชีพที่ฝึกอยู่หรือไม่"), choices=PRACTISING, validate_choice=False,
                            validators=[one_of(PRACTISING, _l("กรุณาเลือก ทำอยู่ ทำบ้าง หรือ ไม่ได้ทำ"))])
    not_practising_reason = SelectField(_l("ถ้าไม่ได้ทำ เพราะอะไร"), choices=REASONS, validate_choice=False)
    reason_text = text(_l("รายละเอียด"), 300, required=False)

    def validate_not_practising_reason(self, field):
        if self.practising.data == "no":
            one_of(REASONS, _l("กรุณาเลือกเหตุผลที่ไม่ได้ทำ"))(self, field)
        elif field.data:
            field.data = ""  # a reason only goes with "no"


class IncomeForm(FlaskForm):
    income_last_month = whole_number(_l("รายได้จากอาชีพนี้ เดือนที่แล้ว (บาท)"), 0, 1_000_000)
    sells_where = text(_l("ขายที่ไหน"), 200, required=False)


class GroupFundForm(FlaskForm):
    group_name = text(_l("เข้ากลุ่มอาชีพ (ชื่อกลุ่ม ถ้ามี)"), 200, required=False)
    fund_source = RadioField(_l("ได้รับการสนับสนุนจากแหล่งทุน"), choices=FUNDS, validate_choice=False, default="none",
                             validators=[one_of(FUNDS, _l("กรุณาเลือกแหล่งทุนจากรายการ"))])
    fund_other = text(_l("แหล่งทุนอื่น (ระบุ)"), 100, required=False)
    fund_amount = whole_number(_l("จำนวนเงิน (บาท)"), 0, 10_000_000, required=False)

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if self.fund_source.data not in ("none", None) and self.fund_amount.data is None and not self.fund_amount.errors:
            self.fund_amount.errors.append(_l("กรุณากรอกจำนวนเงิน"))
            ok = False
        if self.fund_source.data == "other" and not self.fund_other.data:
            self.fund_other.errors.append(_l("กรุณาระบุแหล่งทุน"))
            ok = False
        return ok


class VisitForm(FlaskForm):
    visit_date = day(_l("วันที่ไปเยี่ยม"), required=True)
    visitors = CheckboxList(_l("ผู้ไปเยี่ยม"), choices=VISITORS, validate_choice=False)

    def validate_visitors(self, field):
        known = {value for value, _ in VISITORS}
        if not field.data or not set(field.data) <= known:
            raise ValidationError(_l("กรุณาเลือกผู้ไปเยี่ยมอย่างน้อย 1 รายการ"))


class NextForm(FlaskForm):
    problems = text(_l("ปัญหาที่พบ"), 1000, required=False, area=True)
    help_needed = text(_l("ความช่วยเหลือที่ต้องการ"), 1000, required=False, area=True)
    next_visit_date = day(_l("นัดเยี่ยมครั้งถัดไป"))


class NewVisitForm(FlaskForm):
    submit_token = HiddenField()
