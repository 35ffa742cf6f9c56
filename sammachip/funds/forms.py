"""A community fund record's form: source, amount, date, purpose (a household's or a group's)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField

from ..domain.date_rules import past_programme_event
from ..domain.groups import not_future
from ..forms_common import day, options, text, whole_number
from ..labels import FUND_SOURCES, codes


class FundForm(FlaskForm):
    source = RadioField(_l("แหล่งทุน"), choices=options(FUND_SOURCES), validate_choice=False)
    source_other = text(_l("แหล่งทุนอื่น (ระบุ)"), 100, required=False)
    amount = whole_number(_l("จำนวนเงิน (บาท)"), 1, 10_000_000)
    received_on = day(_l("วันที่ได้รับ"), required=True, rule=past_programme_event)
    purpose = text(_l("เพื่อใช้ทำอะไร"), 300, required=False, area=True)
    version = HiddenField()
    submit_token = HiddenField()

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if self.source.data not in codes(FUND_SOURCES):
            self.source.errors.append(_l("กรุณาเลือกแหล่งทุนจากรายการ"))
            ok = False
        elif self.source.data == "other" and not self.source_other.data:
            self.source_other.errors.append(_l("กรุณาระบุแหล่งทุน"))
            ok = False
        return ok


class GroupFundForm(FundForm):
    """A group's support: the group has no programme year, so its date runs from the group's founding
    day (`founded_on`, set by the view) to today."""

    received_on = day(_l("วันที่ได้รับ"), required=True, rule=not_future)
    founded_on = None

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if self.received_on.data and self.founded_on and self.received_on.data < self.founded_on:
            self.received_on.errors.append(_l("วันที่ต้องไม่ก่อนวันจัดตั้งกลุ่ม"))
            ok = False
        return ok
