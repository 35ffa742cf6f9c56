"""Dates as Thai officers read and type them: day, month, Buddhist-era year."""
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from ..clock import as_utc
from .fiscal import BE_OFFSET, to_be

BANGKOK = ZoneInfo("Asia/Bangkok")

MONTHS_TH = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
             "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
MONTHS_TH_SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                   "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
MONTHS_EN_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# A typed year below this is Christian-era (or a slip), never a พ.ศ. year: 2400 BE is 1857 CE.
FIRST_BE_YEAR = 2400
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# An ISO date, as posted by a page from before the text fields (a native date picker).
ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# วว/ดด/ปปปป with whatever a phone's number pad offers between the parts.
DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s*[/.,\-\s]\s*(\d{1,2})\s*[/.,\-\s]\s*(\d+)")
RUN_OF_DIGITS = re.compile(r"(\d{2})(\d{2})(\d{4})")  # 24112569


def as_bangkok(moment: datetime) -> datetime:
    """A stored instant in Bangkok time. SQLite gives stored instants back
    without a zone: they were written in UTC, so read them as UTC."""
    return as_utc(moment).astimezone(BANGKOK)


def format_date(day: date | datetime | None, locale: str = "th", long: bool = False) -> str:
    if day is None:
        return ""
    if isinstance(day, datetime):
        # An instant: 06:00 in Bangkok is still the previous day in UTC.
        day = as_bangkok(day).date()
    year = to_be(day.year)
    if locale == "en":
        return f"{day.day} {MONTHS_EN_SHORT[day.month - 1]} {year} BE"
    if long:
        return f"{day.day} {MONTHS_TH[day.month - 1]} พ.ศ. {year}"
    return f"{day.day} {MONTHS_TH_SHORT[day.month - 1]} {year}"


def typed(day: date) -> str:
    """A date as an officer types it, and as a date box and a CSV show it: 24/11/2569."""
    return f"{day.day:02d}/{day.month:02d}/{to_be(day.year)}"


def parse_typed(text: str) -> tuple[date | None, str | None]:
    """What an officer typed into a date box: (the date, None), or (None, a problem code).

    Takes วว/ดด/ปปปป in พ.ศ., with Thai or Arabic digits and / . , - or spaces
    between the parts, or eight digits in a row. Codes: "format" (not a date
    written that way), "ce_year" (a year below 2400: typed in ค.ศ.),
    "no_such_day" (31/02/2569).

    An ISO date (YYYY-MM-DD) comes from a page served before the text boxes:
    its year is Christian-era when below 2400; a larger one is a พ.ศ. year typed
    into the native picker (2569-10-17), and is converted, never kept as 3112.
    """
    value = text.strip().translate(THAI_DIGITS)
    iso = ISO.fullmatch(value)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        return calendar_day(year - BE_OFFSET if year >= FIRST_BE_YEAR else year, month, day)
    parts = DAY_MONTH_YEAR.fullmatch(value) or RUN_OF_DIGITS.fullmatch(value)
    if parts is None or len(parts.group(3)) != 4:
        return None, "format"
    day, month, year = (int(part) for part in parts.groups())
    if year < FIRST_BE_YEAR:
        return None, "ce_year"
    return calendar_day(year - BE_OFFSET, month, day)


def calendar_day(year: int, month: int, day: int) -> tuple[date | None, str | None]:
    try:
        return date(year, month, day), None
    except ValueError:
        return None, "no_such_day"
