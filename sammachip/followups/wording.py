"""Thai (and English) for the week plan: its sections and the days of the week."""
from flask_babel import lazy_gettext as _l

SECTION_TITLES = {"now": _l("วันนี้และที่เลยกำหนด"), "this_week": _l("สัปดาห์นี้"), "next_week": _l("สัปดาห์หน้า")}
WEEKDAYS = (_l("วันจันทร์"), _l("วันอังคาร"), _l("วันพุธ"), _l("วันพฤหัสบดี"), _l("วันศุกร์"), _l("วันเสาร์"),
            _l("วันอาทิตย์"))


def section_title(code: str) -> str:
    return str(SECTION_TITLES[code])


def weekday(day) -> str:
    return str(WEEKDAYS[day.weekday()])
