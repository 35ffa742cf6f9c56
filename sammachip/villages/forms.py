from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.validators import ValidationError

from ..forms_common import choice_values, text, whole_number


class VillageForm(FlaskForm):
    # Shown only to admins, who may work in any district.
    province_code = SelectField(_l("จังหวัด"), validate_choice=False)
    district_code = SelectField(_l("อำเภอ"), validate_choice=False)
    subdistrict_code = SelectField(_l("ตำบล"), validate_choice=False)
    moo = whole_number(_l("หมู่ที่"), 1, 99)
    name = text(_l("ชื่อหมู่บ้าน"), 100)
    version = HiddenField()
    submit_token = HiddenField()

    def validate_subdistrict_code(self, field):
        if not field.data or field.data not in choice_values(field):
            raise ValidationError(_l("กรุณาเลือกตำบลจากรายการ"))
