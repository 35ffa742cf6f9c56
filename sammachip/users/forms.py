from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, SelectField, StringField
from wtforms.validators import Length, Optional, Regexp, ValidationError

from ..forms_common import CheckboxList, choice_values, strip, text


class UserForm(FlaskForm):
    username = StringField(_l("ชื่อผู้ใช้"), filters=[strip], validators=[
        Regexp(r"^[A-Za-z0-9_.-]{3,64}$", message=_l("ใช้ a-z, 0-9, _ . - ยาว 3–64 ตัว"))])
    full_name = text(_l("ชื่อ-นามสกุล"), 120)
    # Its rules (length, common passwords) are checked by the view: forms_common.new_password_ok.
    password = PasswordField(_l("รหัสผ่าน"), validators=[
        Optional(), Length(max=200, message=_l("ยาวเกิน %(n)s ตัวอักษร", n=200))])
    role = SelectField(_l("บทบาท"), validate_choice=False)
    province_code = SelectField(_l("จังหวัด"), validate_choice=False)
    district_code = SelectField(_l("อำเภอ"), validate_choice=False)
    subdistricts = CheckboxList(_l("ตำบลที่ประสานงาน"), validate_choice=False)
    active = BooleanField(_l("ใช้งานได้"), default=True)

    def validate_role(self, field):
        if field.data not in choice_values(field):
            raise ValidationError(_l("กรุณาเลือกบทบาท"))
