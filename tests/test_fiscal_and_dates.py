from datetime import UTC, date, datetime

import pytest

from sammachip.domain.fiscal import fiscal_year, fiscal_year_bounds
from sammachip.domain.thai_dates import format_date


@pytest.mark.parametrize("day, fy", [
    (date(2026, 9, 30), 2569),
    (date(2026, 10, 1), 2570),
    (date(2026, 11, 24), 2570),
    (date(2027, 1, 1), 2570),
    (date(2016, 10, 1), 2560),
    (date(2017, 5, 14), 2560),  # the field note's date: FY 2560
])
def test_fiscal_year_starts_on_1_october_and_is_named_by_its_buddhist_end_year(day, fy):
    assert fiscal_year(day) == fy


def test_fiscal_year_bounds():
    assert fiscal_year_bounds(2570) == (date(2026, 10, 1), date(2027, 9, 30))
    start, end = fiscal_year_bounds(2567)  # a leap-year February inside
    assert fiscal_year(start) == fiscal_year(end) == 2567


def test_dates_show_in_buddhist_era():
    assert format_date(date(2017, 5, 14)) == "14 พ.ค. 2560"
    assert format_date(date(2017, 5, 14), long=True) == "14 พฤษภาคม พ.ศ. 2560"
    assert format_date(datetime(2026, 11, 24, 9, 0), "en") == "24 Nov 2569 BE"
    assert format_date(None) == ""


def test_stored_utc_instants_show_as_the_bangkok_date():
    late_utc = datetime(2026, 11, 23, 20, 30, tzinfo=UTC)  # 03:30 on the 24th in Bangkok
    assert format_date(late_utc) == "24 พ.ย. 2569"


def test_stored_instants_show_the_bangkok_day_on_both_databases(client, officer, village, clock):
    """SQLite hands stored instants back without a zone (they are UTC), PostgreSQL with one:
    the consent date, the timeline and the change history show Bangkok's day on both."""
    from sammachip.extensions import db
    from sammachip.models import HouseholdChange

    from .factories import make_household

    clock.set(datetime(2026, 11, 24, 3, 30))  # 03:30 in Bangkok is 20:30 UTC on the 23rd
    household = make_household(village, "นางมาลี")
    db.session.add(HouseholdChange(household_id=household.id, user_id=officer.id, changes={"members": [4, 5]}))
    db.session.commit()
    clock.set(datetime(2026, 11, 24, 10, 0))
    page = client.get(f"/households/{household.id}").text
    assert page.count("24 พ.ย. 2569") >= 3 and "23 พ.ย. 2569" not in page  # consent, timeline, history
