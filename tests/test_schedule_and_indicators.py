"""Completion rule, follow-up schedule, and the two indicators on hand-built data."""
from datetime import date

import pytest
from sqlalchemy import select

from sammachip.domain import indicators
from sammachip.domain.schedule import add_months, completed, followup_dates, sync_schedule
from sammachip.extensions import db
from sammachip.models import FollowUp, Village

from .factories import attend, make_followup, make_household, make_training, make_village

FY = 2570
DAYS = [date(2026, 11, d) for d in (2, 3, 4, 5, 6)]


@pytest.mark.parametrize("days, done", [(3, False), (4, True), (5, True)])
def test_completion_needs_four_of_five_days(days, done):
    assert completed(days, 4) is done


@pytest.mark.parametrize("start, months, expected", [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2027, 12, 31), 2, date(2028, 2, 29)),   # leap year
    (date(2026, 8, 31), 1, date(2026, 9, 30)),
    (date(2026, 11, 30), 3, date(2027, 2, 28)),
    (date(2026, 10, 15), 6, date(2027, 4, 15)),
    (date(2026, 7, 31), 6, date(2027, 1, 31)),
])
def test_months_added_keep_the_day_or_clamp_to_month_end(start, months, expected):
    assert add_months(start, months) == expected


def test_followups_fall_due_1_3_6_months_after_the_last_training_day():
    assert followup_dates(date(2027, 8, 31), [1, 3, 6]) == [date(2027, 9, 30), date(2027, 11, 30), date(2028, 2, 29)]


def test_schedule_follows_completion_and_the_last_day(app):
    village = make_village()
    days = make_training(village, DAYS, FY)
    finished = make_household(village, "ครบ", n=1, fiscal_year=FY)
    short = make_household(village, "ขาดบ่อย", n=2, fiscal_year=FY)
    attend(days, finished, 4)
    attend(days, short, 3)
    sync_schedule(db.session, village.id, FY)
    db.session.commit()
    due = db.session.scalars(select(FollowUp.due_date).where(FollowUp.household_id == finished.id)
                             .order_by(FollowUp.due_date)).all()
    assert due == [date(2026, 12, 6), date(2027, 2, 6), date(2027, 5, 6)]
    assert db.session.scalar(select(FollowUp).where(FollowUp.household_id == short.id)) is None
    # the last day moves: untouched scheduled visits move with it; a started one stays
    first = db.session.scalar(select(FollowUp).where(FollowUp.due_date == date(2026, 12, 6)))
    first.status = "draft"
    days[4].held_on = date(2026, 11, 30)
    db.session.commit()
    sync_schedule(db.session, village.id, FY)
    db.session.commit()
    due = db.session.scalars(select(FollowUp.due_date).where(FollowUp.household_id == finished.id)
                             .order_by(FollowUp.due_date)).all()
    assert due == [date(2026, 12, 6), date(2026, 12, 30), date(2027, 2, 28), date(2027, 5, 30)]


def test_seventeen_of_twenty_practising_is_85_percent_exactly_on_target(app):
    """Hand-built: 20 trained households, baseline 100,000 baht a year each.
    17 practise ("yes" on their latest visit) and earn 250 baht a month from it:
    17 × 3,000 / 17 × 100,000 = 3 % exactly. One household practised earlier
    but says "no" now; two answer "partly", which does not count."""
    village = make_village()
    days = make_training(village, DAYS, FY)
    households = [make_household(village, f"h{n}", n=n, income=100_000, fiscal_year=FY) for n in range(1, 21)]
    for h in households:
        attend(days, h, 5 if h.id % 2 else 4)
    for h in households[:17]:
        make_followup(h, date(2026, 12, 6), "yes", income=250)
    make_followup(households[17], date(2026, 12, 6), "yes", income=9_000)
    make_followup(households[17], date(2027, 1, 6), "no")  # latest visit wins
    for h in households[18:]:
        make_followup(h, date(2026, 12, 6), "partly", income=1_000)
    result = indicators.for_village(db.session, village.id, FY)
    assert (result.registered, result.trained, result.practising) == (20, 20, 17)
    assert result.share == pytest.approx(0.85) and result.on_target
    assert result.income_change == pytest.approx(0.03)


def test_untrained_households_are_not_counted_as_practising(app):
    village = make_village()
    days = make_training(village, DAYS, FY)
    trained = make_household(village, "ครบ", n=1, fiscal_year=FY)
    untrained = make_household(village, "ไม่ครบ", n=2, fiscal_year=FY)
    attend(days, trained, 4)
    attend(days, untrained, 3)
    make_followup(trained, date(2026, 12, 6), "no")
    make_followup(untrained, date(2026, 12, 6), "yes", income=500)
    result = indicators.for_village(db.session, village.id, FY)
    assert (result.trained, result.practising, result.share, result.on_target) == (1, 0, 0.0, False)
    assert result.income_change is None


def test_district_rollup_sums_its_villages(app):
    a, b = make_village("601303", 1, "ก"), make_village("601304", 2, "ข")
    other = make_village("601101", 3, "ลาดยาว")
    for village, n_practising in ((a, 2), (b, 1), (other, 3)):
        days = make_training(village, DAYS, FY)
        for k in range(3):
            h = make_household(village, f"{village.name}{k}", n=village.id * 10 + k, income=50_000, fiscal_year=FY)
            attend(days, h, 4)
            make_followup(h, date(2026, 12, 6), "yes" if k < n_practising else "no", income=500)
    rollup = indicators.indicators_by(db.session, "district_code", FY, Village.district_code.in_(["6013", "6011"]))
    assert (rollup["6013"].trained, rollup["6013"].practising) == (6, 3)
    assert rollup["6013"].share == pytest.approx(0.5)
    assert rollup["6013"].income_change == pytest.approx(3 * 6_000 / (3 * 50_000))
    assert (rollup["6011"].trained, rollup["6011"].practising) == (3, 3)
