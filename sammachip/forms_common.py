"""Form fields with Thai messages, shared by every area's forms.

WTForms ships no Thai catalogue, so every message is given here.
"""
from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from .date_field import ThaiDateField, day  # noqa: F401  (every area's forms take `day` from here)
from .domain import passwords
from .domain.thai_dates import typed


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


def yes_no(label, required: bool = True, **kw):
    first = InputRequired(_l("กรุณาเลือก ใช่ หรือ ไม่ใช่")) if required else Optional()
    # Stripped: a stray space is no answer (an optional field's Optional() would otherwise pass it on).
    return RadioField(label, choices=options([("yes", _l("ใช่")), ("no", _l("ไม่ใช่"))]), validate_choice=False,
                      filters=[strip],
                      validators=[first, AnyOf(["yes", "no"], message=_l("กรุณาเลือก ใช่ หรือ ไม่ใช่"))], **kw)


def options(pairs) -> list[SelectChoice]:
    """(value, label) pairs as WTForms choices (it is retiring plain tuples)."""
    return [SelectChoice(value=value, label=text) for value, text in pairs]


def choice_values(field) -> set[str]:
    return {c.value for c in field.iter_choices()}


def choice_label(field, value=None) -> str:
    """The label of the field's chosen value (or of `value`): for review pages."""
    value = field.data if value is None else value
    return next((str(c.label) for c in field.iter_choices() if c.value == value), "")


def as_bool(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


def from_bool(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


def phone(label, required: bool = True):
    first = DataRequired(_l("กรุณากรอก%(label)s", label=label)) if required else Optional()
    return StringField(label, filters=[strip], validators=[first, Length(max=30), ThaiPhone()])


# A national ID's problem codes (domain/thai_id.py), worded.
ID_MESSAGES = {
    "digits": _l("เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก"),
    "length": _l("เลขประจำตัวประชาชนต้องมี 13 หลัก"),
    "check": _l("เลขประจำตัวประชาชนไม่ถูกต้อง (เลขตรวจสอบหลักสุดท้ายไม่ตรง) กรุณาตรวจทานอีกครั้ง"),
    "first_digit": _l("เลขประจำตัวประชาชนไม่ถูกต้อง (หลักแรกต้องเป็น 0–8)"),
}
ID_NOTICES = {
    "no_thai_status": _l("เลขประจำตัวขึ้นต้นด้วย 0 คือบุคคลที่ไม่มีสถานะทางทะเบียนราษฎร "
                         "เลขตรวจสอบถูกต้อง รับไว้แล้ว กรุณาตรวจกับบัตรอีกครั้ง"),
}


def id_notice(raw: str | None) -> str | None:
    """The words to show beside a valid ID that is out of the ordinary (one starting with 0)."""
    from .domain import thai_id

    code = thai_id.notice(raw or "")
    return str(ID_NOTICES[code]) if code else None


class ThaiNationalId:
    def __call__(self, form, field):
        from .domain import thai_id

        code = thai_id.problem(field.data) if field.data else None
        if code:
            raise ValidationError(ID_MESSAGES[code])


class ThaiPhone:
    def __call__(self, form, field):
        from .domain.phone import normalize

        if field.data and normalize(field.data) is None:
            raise ValidationError(_l("เบอร์โทรศัพท์ไม่ถูกต้อง ใช้เบอร์ไทย เช่น 081 234 5678"))


def occupation_choices(occupations, locale: str = "th") -> list[tuple[str, str]]:
    """The shared occupation list, then "other" with its own text box."""
    name = (lambda o: o.name_en) if locale == "en" else (lambda o: o.name_th)
    return ([("", _l("— เลือกอาชีพ —"))] + [(str(o.id), name(o)) for o in occupations]
            + [(OTHER, _l("อื่น ๆ (ระบุ)"))])


OTHER = "other"


def occupation_checks(select, other) -> bool:
    """The occupation is one from the list, and "other" comes with its text.
    Run from the form's validate(): the text field's Optional() stops its own chain."""
    if select.data not in choice_values(select) - {""}:
        select.errors.append(_l("กรุณาเลือกอาชีพ"))
        return False
    if select.data != OTHER:
        other.data = ""  # a hidden question's answer is not kept (the box shows only for "other")
    elif not other.data:
        other.errors.append(_l("กรุณาระบุอาชีพ"))
        return False
    return True


def typed_values(form, formdata, lists=()) -> dict:
    """What the officer typed into this form, cut to each field's length
    limit, for a server draft: kept even when not valid yet, never unbounded."""
    values = {}
    for name, field in form._fields.items():
        if name == "csrf_token":
            continue
        limit = next((v.max for v in field.validators if isinstance(v, Length) and v.max > 0), 1000)
        if name in lists:  # unticked boxes are not posted: none posted means none ticked
            values[name] = [v[:limit] for v in formdata.getlist(name)][:20]
        elif isinstance(field, ThaiDateField) and field.data:
            values[name] = typed(field.data)  # a reload shows it in พ.ศ., however it was typed
        elif name in formdata:
            values[name] = formdata.get(name)[:limit]
    return values


class CheckboxList(SelectMultipleField):
    """Several choices as a list of checkboxes."""
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def placeholder(label: str) -> list[tuple[str, str]]:
    """The empty first option of a pick-list: "— เลือกอำเภอ —"."""
    from flask_babel import gettext as _

    return [("", _("— เลือก%(label)s —", label=label))]


PASSWORD_MESSAGES = {
    "short": _l("รหัสผ่านต้องยาวอย่างน้อย %(n)s ตัวอักษร"),
    "common": _l("รหัสผ่านนี้ใช้กันทั่วไป เดาได้ง่าย กรุณาตั้งรหัสอื่น"),
    "username": _l("รหัสผ่านต้องไม่มีชื่อผู้ใช้อยู่ในนั้น"),
}


def new_password_ok(field, username: str) -> bool:
    """A new password's rules (domain/passwords.py: PASSWORD_MIN_LENGTH, not a common password, not
    the username), wherever one is set: one's own change, or a user's form (admin, district)."""
    min_length = current_app.config["PASSWORD_MIN_LENGTH"]
    problem = passwords.problem(field.data or "", username, min_length)
    if problem:
        field.errors.append(PASSWORD_MESSAGES[problem] % {"n": min_length})
    return problem is None
