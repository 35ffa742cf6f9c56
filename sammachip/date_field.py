"""The one date box of every form: วว/ดด/ปปปป in พ.ศ., typed on a phone's
number pad, with a "วันนี้" button (static/app.js fills it), checked by a
rule from domain/date_rules against the form's record."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from wtforms import Field
from wtforms.validators import InputRequired, Optional, ValidationError
from wtforms.widgets import html_params

from .date_wording import date_text
from .domain.clock import today
from .domain.thai_dates import parse_typed, typed


class DateBox:
    """A text box that opens the number pad, and a button for today (Bangkok)."""

    def __call__(self, field, **kwargs):
        kwargs.pop("type", None)
        kwargs.setdefault("id", field.id)
        attrs = html_params(name=field.name, type="text", inputmode="numeric", autocomplete="off", maxlength=20,
                            placeholder=_("วว/ดด/ปปปป"), value=field._value(), **kwargs)
        button = html_params(type="button", class_="today", data_today=typed(today()), aria_controls=kwargs["id"])
        # html_params escapes every value it writes, and the label is escaped here.
        html = f'<span class="date-box"><input {attrs}><button {button}>{escape(_("วันนี้"))}</button></span>'
        return Markup(html)  # nosec B704


class ThaiDateField(Field):
    """A date typed in พ.ศ. (domain/thai_dates.parse_typed says what is taken)."""

    widget = DateBox()

    def process_formdata(self, valuelist):
        if not valuelist:
            return  # not posted: keeps what it had, as WTForms' own DateField
        if not (valuelist[0] or "").strip():
            self.data = None  # left empty: Optional() or InputRequired() says what that means
            return
        self.data, problem = parse_typed(valuelist[0])
        if problem:
            raise ValueError(date_text(problem))

    def _value(self):
        """Always shown in พ.ศ., even when it came as ISO from an old page or draft."""
        if self.data:
            return typed(self.data)
        return self.raw_data[0] if self.raw_data else ""


class DateRule:
    """A rule from domain/date_rules, run on a date that was read. A rule about
    programme years reads the record's year from the form's `fiscal_year`,
    which the view or wizard sets."""

    def __init__(self, rule):
        self.rule = rule

    def __call__(self, form, field):
        if field.data is None:
            return
        fiscal_year, now = getattr(form, "fiscal_year", None), today()
        problem = self.rule(field.data, fiscal_year, now)
        if problem:
            raise ValidationError(date_text(problem, fiscal_year, now))


def day(label, required: bool = False, rule=None, **kw):
    first = InputRequired(_l("กรุณากรอก%(label)s", label=label)) if required else Optional()
    return ThaiDateField(label, validators=[first] + ([DateRule(rule)] if rule else []), **kw)
