"""Giving visits to an officer: a village-year's (a select in its row) or one visit's (radio rows)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField

NOBODY = ""  # the choice "not assigned"


def officer_choices(officers) -> list[tuple[str, str]]:
    return [(NOBODY, str(_l("ยังไม่มอบหมาย")))] + [(str(o.id), o.full_name or o.username) for o in officers]


def as_id(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


class VillageAssignForm(FlaskForm):
    officer = SelectField(_l("เจ้าหน้าที่ผู้รับผิดชอบ"), validate_choice=False)  # checked: views.checked
    was = HiddenField()  # the officer the page showed: a change made by someone else meanwhile is not overwritten


class VisitAssignForm(FlaskForm):
    officer = RadioField(_l("มอบหมายให้"), validate_choice=False)
    was = HiddenField()
    officer_filter = HiddenField()  # /visits' filter, kept for the way back


def assign_form(cls, officers, current: int | None, posted: bool = False):
    """The form, its choices the district's officers: as posted, or showing `current`."""
    form = cls() if posted else cls(formdata=None, data={"officer": str(current or NOBODY),
                                                          "was": str(current or NOBODY)})
    form.officer.choices = officer_choices(officers)
    return form
