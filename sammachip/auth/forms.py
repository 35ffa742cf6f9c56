from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    username = StringField(_l("ชื่อผู้ใช้"), validators=[
        DataRequired(_l("กรุณากรอกชื่อผู้ใช้")), Length(max=64)])
    password = PasswordField(_l("รหัสผ่าน"), validators=[
        DataRequired(_l("กรุณากรอกรหัสผ่าน")), Length(max=200)])
