from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length


class LoginForm(FlaskForm):
    username = StringField(_l("ชื่อผู้ใช้"), validators=[
        DataRequired(_l("กรุณากรอกชื่อผู้ใช้")), Length(max=64)])
    password = PasswordField(_l("รหัสผ่าน"), validators=[
        DataRequired(_l("กรุณากรอกรหัสผ่าน")), Length(max=200)])


class PasswordChangeForm(FlaskForm):
    current = PasswordField(_l("รหัสผ่านปัจจุบัน"), validators=[
        DataRequired(_l("กรุณากรอกรหัสผ่านปัจจุบัน")), Length(max=200)])
    new = PasswordField(_l("รหัสผ่านใหม่"), validators=[
        DataRequired(_l("กรุณากรอกรหัสผ่านใหม่")), Length(max=200, message=_l("ยาวเกิน %(n)s ตัวอักษร", n=200))])
    again = PasswordField(_l("รหัสผ่านใหม่อีกครั้ง"), validators=[
        DataRequired(_l("กรุณากรอกรหัสผ่านใหม่อีกครั้ง")), EqualTo("new", _l("รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน"))])


class CodeForm(FlaskForm):
    """A 6-digit code from the authenticator app, or a recovery code."""

    code = StringField(_l("รหัสจากแอปยืนยันตัวตน"), validators=[
        DataRequired(_l("กรุณากรอกรหัส")), Length(max=20, message=_l("รหัสยาวเกินไป"))])


class SwitchOffForm(FlaskForm):
    """Two-factor login off, by its user: the password and a code confirm it is them."""

    password = PasswordField(_l("รหัสผ่าน"), validators=[
        DataRequired(_l("กรุณากรอกรหัสผ่าน")), Length(max=200)])
    code = StringField(_l("รหัสจากแอปยืนยันตัวตน"), validators=[
        DataRequired(_l("กรุณากรอกรหัส")), Length(max=20, message=_l("รหัสยาวเกินไป"))])
