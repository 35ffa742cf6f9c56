"""Dates as Thai officers read them: day, month, Buddhist-era year."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

from .fiscal import to_be

BANGKOK = ZoneInfo("Asia/Bangkok")

MONTHS_TH = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
             "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
MONTHS_TH_SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                   "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
MONTHS_EN_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def format_date(day: date | datetime | None, locale: str = "th", long: bool = False) -> str:
    if day is None:
        return ""
    if isinstance(day, datetime):
        # Stored in UTC: 06:00 in Bangkok is still the previous day in UTC.
        day = (day.astimezone(BANGKOK) if day.tzinfo else day).date()
    year = to_be(day.year)
    if locale == "en":
        return f"{day.day} {MONTHS_EN_SHORT[day.month - 1]} {year} BE"
    if long:
        return f"{day.day} {MONTHS_TH[day.month - 1]} พ.ศ. {year}"
    return f"{day.day} {MONTHS_TH_SHORT[day.month - 1]} {year}"
