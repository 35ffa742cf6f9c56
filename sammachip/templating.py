"""Jinja filters and globals: Thai dates, percentages, labels, area names."""
from flask_babel import get_locale, gettext as _

from .domain import geo
from .domain.areas import can_edit
from .domain.clock import current_fiscal_year
from .domain.thai_dates import format_date


def area_label(user) -> str:
    if user.role == "admin":
        return _("ทุกพื้นที่")
    if user.role == "province":
        return _("จ.%(p)s", p=geo.province_name(user.province_code))
    return _("อ.%(d)s จ.%(p)s", d=geo.district_name(user.district_code),
             p=geo.province_name(user.province_code))


def thai_date(day, long: bool = False) -> str:
    return format_date(day, str(get_locale() or "th"), long)


def percent(share: float | None) -> str:
    """85% when whole, 84.6% otherwise, so a village just under target never reads "85%"."""
    if share is None:
        return "–"
    value = share * 100
    return f"{value:.0f}%" if abs(value - round(value)) < 1e-9 else f"{value:.1f}%"


def init_template_helpers(app) -> None:
    from .domain.phone import display as phone_display
    from .domain import thai_id
    from .followups.forms import PRACTISING
    from .households.wording import FIELD_LABELS, STATUS_LABELS
    from .once import new_token
    from .progress.wording import STATUS_LABELS as PROGRESS_STATUS, STEP_LABELS
    from .sages.wording import missing_text, role_label

    app.jinja_env.filters["thai_date"] = thai_date
    app.jinja_env.filters["pct"] = percent
    app.jinja_env.filters["phone"] = phone_display
    app.jinja_env.filters["role_label"] = role_label
    app.jinja_env.filters["step_label"] = lambda c: str(STEP_LABELS[c])
    app.jinja_env.filters["status_label_progress"] = lambda c: str(PROGRESS_STATUS[c])
    app.jinja_env.filters["practising_label"] = lambda v: str(dict(PRACTISING).get(v, v))
    app.jinja_env.globals["new_token"] = new_token
    app.jinja_env.filters["masked_id"] = thai_id.masked
    app.jinja_env.filters["full_id"] = thai_id.formatted
    app.jinja_env.filters["status_label"] = lambda s: str(STATUS_LABELS[s])
    app.jinja_env.filters["field_label"] = lambda f: str(FIELD_LABELS.get(f, f))
    app.jinja_env.globals["team_missing"] = missing_text
    app.jinja_env.globals.update(
        subdistrict_name=geo.subdistrict_name,
        district_name=geo.district_name,
        province_name=geo.province_name,
        area_label=area_label,
        can_edit=can_edit,
    )

    @app.context_processor
    def common():
        return {"current_fy": current_fiscal_year(), "lang": str(get_locale() or "th")}
