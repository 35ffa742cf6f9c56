from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField
from wtforms.validators import NumberRange, Optional

from ..date_field import ThaiDateField


class AuditFilter(FlaskForm):
    """The log's filters, from the query string (a GET: no form token)."""

    class Meta:
        csrf = False

    user = SelectField(_l("ผู้ใช้"), validate_choice=False)
    household = IntegerField(_l("เลขที่ครัวเรือน (ในระบบ)"), validators=[
        Optional(), NumberRange(min=1, max=2_000_000_000, message=_l("กรุณากรอกตัวเลข"))])
    since = ThaiDateField(_l("ตั้งแต่วันที่"), validators=[Optional()])
    until = ThaiDateField(_l("ถึงวันที่"), validators=[Optional()])
