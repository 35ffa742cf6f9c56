"""Form fields with Thai messages, shared by every area's forms.

WTForms ships no Thai catalogue, so every message is given here.
"""
from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional


def strip(value):
    return value.strip() if isinstance(value, str) else value


def text(label, max_len: int, required: bool = True, area: bool = False, **kw):
    first = DataRequired(_l("กรุณากรอก%(label)s", label=label)) if required else Optional()
    field = TextAreaField if area else StringField
    return field(label, filters=[strip], validators=[
        first, Length(max=max_len, message=_l("ยาวเกิน %(n)s ตัวอักษร", n=max_len))], **kw)


def whole_number(label, low: int, high: int, required: bool = True, **kw):
    first = InputRequired(_l("กรุณากรอก%(label)s", label=label)) if required else Optional()
    return IntegerField(
        label,
        invalid_value_message=_l("กรุณากรอกเป็นตัวเลขจำนวนเต็ม"),
        validators=[first, NumberRange(low, high, message=_l(
            "ต้องอยู่ระหว่าง %(low)s ถึง %(high)s", low=f"{low:,}", high=f"{high:,}"))],
        **kw,
    )
