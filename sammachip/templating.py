"""Jinja filters and globals shared by every area: Thai dates, percentages,
IDs, place names, the rulebook. Each blueprint registers its own labels."""
import re

from flask import current_app
from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup

from .domain import geo, permissions, thai_id
from .domain.phone import display as phone_display
from .domain.thai_dates import format_date
from .extensions import htmx
from .forms_common import choice_label
from .once import new_token


def lang() -> str:
    return str(get_locale() or "th")


def area_label(user) -> str:
    if permissions.works_anywhere(user):
        return _("ทุกพื้นที่")
    if not user.district_code:
        return _("จ.%(p)s", p=geo.province_name(user.province_code, lang()))
    return _("อ.%(d)s จ.%(p)s", d=geo.district_name(user.district_code, lang()),
             p=geo.province_name(user.province_code, lang()))


def thai_date(day, long: bool = False) -> str:
    return format_date(day, lang(), long)


def percent(share: float | None) -> str:
    """85% when whole, 84.6% otherwise, so a village just under target never reads "85%"."""
    if share is None:
        return "–"
    value = share * 100
    return f"{value:.0f}%" if abs(value - round(value)) < 1e-9 else f"{value:.1f}%"


ARABIC_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_TEXT_BETWEEN_TAGS = re.compile(r">([^<]+)<")
_ENTITY_OR_DIGIT = re.compile(r"&#?\w+;|[0-9]")


def official_digits(html) -> Markup:
    """An official print's text in Thai numerals when the deployment asks for them
    (THAI_NUMERALS): only text between tags, never attributes, URLs or entities."""
    if not current_app.config.get("THAI_NUMERALS"):
        return Markup(html)  # nosec B704: the filtered block is the template's own autoescaped output
    to_thai = lambda m: m.group(0) if m.group(0).startswith("&") else m.group(0).translate(ARABIC_TO_THAI)  # noqa: E731
    thai = _TEXT_BETWEEN_TAGS.sub(lambda m: ">" + _ENTITY_OR_DIGIT.sub(to_thai, m.group(1)) + "<", str(html))
    return Markup(thai)  # nosec B704: escaped output with only its digits changed


RULEBOOK = (permissions.can_edit, permissions.sees_income, permissions.sees_full_id, permissions.sees_audit,
            permissions.plans_visits,
            permissions.sees_province, permissions.can_manage_users, permissions.can_change_settings,
            permissions.works_anywhere, permissions.assigns_visits)


def init_template_helpers(app) -> None:
    app.jinja_env.filters.update(thai_date=thai_date, pct=percent, phone=phone_display,
                                 masked_id=thai_id.masked, full_id=thai_id.formatted,
                                 choice_label=choice_label, official_digits=official_digits)
    app.jinja_env.globals.update(
        new_token=new_token, area_label=area_label,
        subdistrict_name=lambda code: geo.subdistrict_name(code, lang()),
        district_name=lambda code: geo.district_name(code, lang()),
        province_name=lambda code: geo.province_name(code, lang()),
        **{check.__name__: check for check in RULEBOOK})

    @app.context_processor
    def common():
        # A boosted link's answer has its <body> content swapped in and its <title> read, nothing
        # else: the layout leaves out the head's links and the body's messages (about 0.8 KB as sent).
        return {"lang": lang(), "whole_document": not htmx.boosted}
