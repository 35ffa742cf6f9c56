"""Which dates a record may carry. Each rule takes the date, the record's
fiscal year and today, and returns a problem code or None; the Thai is in
sammachip/date_wording.py."""
from datetime import date

from .fiscal import fiscal_year_bounds

# Sage courses and provincial workshops of สัมมาชีพชุมชน are dated from 1 ม.ค. 2557 on.
FIRST_SAGE_COURSE_DAY = date(2014, 1, 1)


def programme_window(fiscal_year: int) -> tuple[date, date]:
    """First and last day a programme event of `fiscal_year` may fall on: its
    fiscal year, the one before (preparation) or the one after (late follow-ups)."""
    return fiscal_year_bounds(fiscal_year - 1)[0], fiscal_year_bounds(fiscal_year + 1)[1]


def programme_event(day: date, fiscal_year: int | None, today: date) -> str | None:
    """A training day or a planned visit: inside its record's programme window."""
    if fiscal_year is None:
        raise ValueError("a programme date is checked against its record's fiscal year")
    first, last = programme_window(fiscal_year)
    if day < first:
        return "before_programme_years"
    if day > last:
        return "after_programme_years"
    return None


def past_programme_event(day: date, fiscal_year: int | None, today: date) -> str | None:
    """A visit made or a step done: not after today, and inside the programme window."""
    if day > today:
        return "after_today"
    return programme_event(day, fiscal_year, today)


def sage_course(day: date, fiscal_year: int | None, today: date) -> str | None:
    """A lead sage's course or provincial workshop: from 1 ม.ค. 2557 up to today."""
    if day < FIRST_SAGE_COURSE_DAY:
        return "before_sage_courses"
    if day > today:
        return "after_today"
    return None
