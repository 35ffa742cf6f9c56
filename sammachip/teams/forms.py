"""A support team member's form: name, phone (optional), organisation from the team's list."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField

from ..forms_common import options, phone, text
from ..labels import TEAM_ORGANISATIONS


class MemberForm(FlaskForm):
    name = text(_l("ชื่อ-สกุล"), 120)
    phone = phone(_l("เบอร์โทรศัพท์ (ถ้ามี)"), required=False)
    organisation = RadioField(_l("มาจาก"), validate_choice=False)
    organisation_other = text(_l("หน่วยงานอื่น (ระบุ)"), 100, required=False)
    version = HiddenField()

    def for_level(self, level: str) -> "MemberForm":
        self.organisation.choices = options(TEAM_ORGANISATIONS[level])
        return self

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if self.organisation.data not in {c.value for c in self.organisation.choices}:
            self.organisation.errors.append(_l("กรุณาเลือกว่ามาจากหน่วยใด"))
            ok = False
        elif self.organisation.data == "other" and not self.organisation_other.data:
            self.organisation_other.errors.append(_l("กรุณาระบุหน่วยงาน"))
            ok = False
        return ok
