"""The Thai (and English) of every date problem: what was typed
(domain/thai_dates.parse_typed) and which dates a record may carry
(domain/date_rules)."""
from datetime import date

from flask_babel import get_locale
from flask_babel import gettext as _

from .domain.centres import FIRST_CENTRE_DAY
from .domain.date_rules import FIRST_SAGE_COURSE_DAY, programme_window
from .domain.thai_dates import format_date


def date_text(code: str, fiscal_year: int | None = None, today: date | None = None) -> str:
    """One sentence for a problem code, with the dates it is about."""
    locale = str(get_locale() or "th")
    if code == "format":
        return _("กรอกวันที่แบบ วว/ดด/ปปปป เช่น 24/11/2569")
    if code == "ce_year":
        return _("กรุณากรอกปี พ.ศ. เช่น 2569")
    if code == "no_such_day":
        return _("วันที่ไม่ถูกต้อง ไม่มีวันนี้ในปฏิทิน")
    if code == "after_today":
        return _("วันที่ต้องไม่เลยวันนี้ (%(today)s)", today=format_date(today, locale))
    if code == "before_sage_courses":
        return _("วันที่ต้องไม่ก่อน %(first)s", first=format_date(FIRST_SAGE_COURSE_DAY, locale))
    if code == "before_centres":
        return _("วันที่ต้องไม่ก่อน %(first)s", first=format_date(FIRST_CENTRE_DAY, locale))
    if code in ("before_programme_years", "after_programme_years"):
        first, last = programme_window(fiscal_year)
        return _("วันที่ต้องอยู่ในปีงบประมาณ %(fy)s หรือปีก่อนหรือปีถัดไป (%(first)s ถึง %(last)s) "
                 "กรุณาตรวจปี พ.ศ.", fy=fiscal_year, first=format_date(first, locale),
                 last=format_date(last, locale))
    raise KeyError(code)
