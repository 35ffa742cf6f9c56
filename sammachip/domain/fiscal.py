"""Thai government fiscal year (ปีงบประมาณ): 1 October to 30 September,
named by the Buddhist-era year in which it ends."""
from datetime import date

BE_OFFSET = 543


def to_be(year: int) -> int:
    return year + BE_OFFSET


def fiscal_year(day: date) -> int:
    """The fiscal year (พ.ศ.) that `day` falls in."""
    ce = day.year + 1 if day.month >= 10 else day.year
    return to_be(ce)


def fiscal_year_bounds(fy: int) -> tuple[date, date]:
    """First and last day of fiscal year `fy` (พ.ศ.)."""
    ce = fy - BE_OFFSET
    return date(ce - 1, 10, 1), date(ce, 9, 30)
