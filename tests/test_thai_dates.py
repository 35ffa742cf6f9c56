"""Dates as an officer types them, and which dates a record may carry (no database)."""
from datetime import UTC, date, datetime

import pytest

from sammachip.domain.date_rules import past_programme_event, programme_event, programme_window, sage_course
from sammachip.domain.thai_dates import as_bangkok, parse_typed, typed

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize("text, day", [
    ("24/11/2569", date(2026, 11, 24)),
    ("๒๔/๑๑/๒๕๖๙", date(2026, 11, 24)),  # Thai digits
    ("24.11.2569", date(2026, 11, 24)),  # what a number pad offers
    ("24-11-2569", date(2026, 11, 24)),
    ("24,11,2569", date(2026, 11, 24)),
    (" 24 / 11 / 2569 ", date(2026, 11, 24)),
    ("24 11 2569", date(2026, 11, 24)),
    ("24112569", date(2026, 11, 24)),  # eight digits in a row
    ("1/2/2569", date(2026, 2, 1)),
    ("29/02/2567", date(2024, 2, 29)),  # 2567 is a leap year (2024)
    ("01/01/2557", date(2014, 1, 1)),
])
def test_a_buddhist_era_date_is_read(text, day):
    assert parse_typed(text) == (day, None)


@pytest.mark.parametrize("text, code", [
    ("24/11/2026", "ce_year"),  # a Christian-era year
    ("24/11/1969", "ce_year"),
    ("1/1/2399", "ce_year"),
    ("24/11/69", "format"),  # two-digit year: which century?
    ("24/11/25690", "format"),
    ("พรุ่งนี้", "format"),
    ("24/11", "format"),
    ("31/02/2569", "no_such_day"),
    ("29/02/2568", "no_such_day"),
    ("00/11/2569", "no_such_day"),
    ("24/13/2569", "no_such_day"),
])
def test_what_is_not_a_buddhist_era_date_gets_a_code(text, code):
    assert parse_typed(text) == (None, code)


@pytest.mark.parametrize("text, day", [
    ("2026-11-24", date(2026, 11, 24)),  # an old page's native picker, Christian-era
    ("2569-10-17", date(2026, 10, 17)),  # a พ.ศ. year typed into that picker: converted, not 3112
    ("๒๕๖๙-๑๐-๑๗", date(2026, 10, 17)),
])
def test_an_iso_date_from_an_old_page_is_never_year_3112(text, day):
    assert parse_typed(text) == (day, None)


def test_iso_with_an_impossible_day_is_refused():
    assert parse_typed("2026-13-45") == (None, "no_such_day")


def test_a_date_is_shown_for_typing_in_buddhist_era():
    assert typed(date(2026, 11, 24)) == "24/11/2569"
    assert typed(date(2026, 2, 1)) == "01/02/2569"
    assert parse_typed(typed(date(2024, 2, 29))) == (date(2024, 2, 29), None)


def test_a_stored_instant_without_zone_is_utc():
    """SQLite returns stored instants without a zone; they were written in UTC."""
    naive = datetime(2026, 11, 23, 20, 30)
    assert as_bangkok(naive).date() == date(2026, 11, 24)
    assert as_bangkok(naive.replace(tzinfo=UTC)) == as_bangkok(naive)


def test_the_programme_window_is_the_fiscal_year_and_the_ones_either_side():
    assert programme_window(2570) == (date(2025, 10, 1), date(2028, 9, 30))  # 1 ต.ค. 2568 – 30 ก.ย. 2571


@pytest.mark.parametrize("day, code", [
    (date(2025, 9, 30), "before_programme_years"),  # FY 2568
    (date(2025, 10, 1), None),  # first day of FY 2569
    (date(2026, 11, 24), None),
    (date(2028, 9, 30), None),  # last day of FY 2571
    (date(2028, 10, 1), "after_programme_years"),  # FY 2572
])
def test_a_programme_event_falls_in_its_fiscal_year_or_the_one_either_side(day, code):
    assert programme_event(day, 2570, TODAY) == code


def test_a_visit_or_a_step_done_is_not_after_today():
    assert past_programme_event(date(2026, 11, 25), 2570, TODAY) == "after_today"
    assert past_programme_event(TODAY, 2570, TODAY) is None
    assert past_programme_event(date(2025, 9, 30), 2570, TODAY) == "before_programme_years"


def test_a_programme_date_needs_its_records_year():
    with pytest.raises(ValueError):
        programme_event(TODAY, None, TODAY)


@pytest.mark.parametrize("day, code", [
    (date(2013, 12, 31), "before_sage_courses"),
    (date(2014, 1, 1), None),
    (TODAY, None),
    (date(2026, 11, 25), "after_today"),
])
def test_sage_courses_and_workshops_from_2557_up_to_today(day, code):
    assert sage_course(day, None, TODAY) == code
