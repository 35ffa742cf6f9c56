"""Completion rule, follow-up schedule, and the two indicators on hand-built data."""
from datetime import date

import pytest
from sqlalchemy import select

from sammachip.domain import indicators
from sammachip.domain.schedule import add_months, completed, followup_dates, sync_schedule
from sammachip.extensions import db
from sammachip.models import FollowUp, Village

from .factories import attend, make_followup, make_household, make_training, make_user, make_village

FY = 2570
DAYS = [date(2026, 11, d) for d in (2, 3, 4, 5, 6)]
END = date(2027, 9, 30)  # the year's cut-off: every visit below counts


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


def test_practising_counts_partly_and_only_visited_trained_households(app):
    """Hand-built: 20 trained households. 15 say ทำอยู่ and 2 ทำบ้าง at their latest visit,
    one said ทำอยู่ and then ไม่ได้ทำ (the latest wins), two are not visited yet.
    Practising = 17 of 18 visited = 94.4 %, with "visited 18 of 20"; ทำบ้าง is counted
    and shown on its own."""
    village = make_village()
    days = make_training(village, DAYS, FY)
    households = [make_household(village, f"h{n}", n=n, income=100_000, fiscal_year=FY) for n in range(1, 21)]
    for h in households:
        attend(days, h, 5 if h.id % 2 else 4)
    for h in households[:15]:
        make_followup(h, date(2026, 12, 6), "yes", income=3_000, days=365)
    for h in households[15:17]:
        make_followup(h, date(2026, 12, 6), "partly", income=3_000, days=365)
    make_followup(households[17], date(2026, 12, 6), "yes", income=9_000)
    make_followup(households[17], date(2027, 1, 6), "no")  # the latest visit wins
    result = indicators.for_village(db.session, village.id, FY, END)
    assert (result.registered, result.trained, result.visited, result.not_visited) == (20, 20, 18, 2)
    assert (result.practising, result.partly) == (17, 2)
    assert result.share == pytest.approx(17 / 18) and result.measured and result.on_target
    assert result.income_n == 17 and result.income_change == pytest.approx(0.03) and result.income_on_target


def test_practising_is_not_measured_until_enough_are_visited(app):
    """After the first of 18 visits the share is not yet a figure, neither on target nor behind."""
    village = make_village()
    days = make_training(village, DAYS, FY)
    households = [make_household(village, f"h{n}", n=n, fiscal_year=FY) for n in range(1, 19)]
    for h in households:
        attend(days, h, 5)
    make_followup(households[0], date(2026, 12, 6), "no")
    result = indicators.for_village(db.session, village.id, FY, END)
    assert (result.visited, result.trained, result.share) == (1, 18, 0.0)
    assert not result.measured and not result.on_target and not result.behind
    for h in households[1:15]:  # 15 of 18 = 83 % visited: measured from 80 %
        make_followup(h, date(2026, 12, 6), "yes")
    result = indicators.for_village(db.session, village.id, FY, END)
    assert result.measured and result.share == pytest.approx(14 / 15) and result.on_target


def income_village(subdistrict: str, moo: int, base: int):
    """The issue's hand-computed village: three practising households
    (before 40,000 → after 43,000; 100,000 → 99,000; 60,000 → 61,200), one not
    practising and one never asked the intake occupation income (both out)."""
    village = make_village(subdistrict, moo, f"v{moo}")
    days = make_training(village, DAYS, FY)
    cases = [(40_000, 0, 600, 0, "yes"), (100_000, 10_000, 1_800, 0, "yes"), (60_000, 0, 0, 240, "partly"),
             (50_000, 0, 5_000, 0, "no"), (70_000, None, 5_000, 0, "yes")]
    for k, (before, at_intake, income, saved, practising) in enumerate(cases):
        h = make_household(village, f"h{k}", n=base + k, income=before, at_intake=at_intake, fiscal_year=FY)
        attend(days, h, 5)
        make_followup(h, date(2027, 1, 18), practising, income=income, saved=saved, days=73)
    return village


def test_income_change_is_a_ratio_of_sums(app):
    village = income_village("601303", 1, 100)
    result = indicators.for_village(db.session, village.id, FY, END)
    assert (result.income_n, result.before_sum, result.after_sum) == (3, 200_000, pytest.approx(203_200))
    assert result.income_change == pytest.approx(0.016)  # an average of percentages would say +2.8 %
    assert not result.income_on_target  # below +3 %, and n = 3 is under the 5 needed


def test_a_district_adds_the_sums_of_its_villages(app):
    """With a second village of Σ before 50,000 and Σ after 55,000: (258,200 − 250,000) ÷ 250,000 = +3.28 %."""
    income_village("601303", 1, 100)
    other = make_village("601304", 2, "v2")
    days = make_training(other, DAYS, FY)
    h = make_household(other, "h", n=200, income=50_000, fiscal_year=FY)
    attend(days, h, 5)
    make_followup(h, date(2027, 1, 18), "yes", income=5_000, days=365)
    rollup = indicators.indicators_by(db.session, "district_code", FY, Village.district_code == "6013", END)
    assert rollup["6013"].income_change == pytest.approx(0.0328)
    assert (rollup["6013"].villages, rollup["6013"].villages_reaching) == (2, 0)  # the second has n = 1 < 5


def test_the_district_page_shows_both_figures_with_their_n_and_how_they_are_counted(client, auth, clock):
    income_village("601303", 1, 100)
    other = make_village("601304", 2, "v2")
    days = make_training(other, DAYS, FY)
    h = make_household(other, "h", n=200, income=50_000, fiscal_year=FY)
    attend(days, h, 5)
    make_followup(h, date(2027, 1, 18), "yes", income=5_000, days=365)
    make_user("boss", "district", "6013")
    clock.set(END)
    auth.login("boss")
    page = client.get(f"/districts/6013?fy={FY}").text
    # 6 trained, all visited, 5 practising (4 + 1); income over the 4 practising households with both figures
    assert "3.3%" in page and "n = 4 ครัวเรือน · หมู่บ้านถึงเป้า 0" in page
    assert "5 จาก 6 ที่เยี่ยมแล้ว · เยี่ยม 6 จาก 6 ที่ผ่านอบรม" in page and "วิธีคิด" in page


def test_untrained_households_are_not_counted_as_practising(app):
    village = make_village()
    days = make_training(village, DAYS, FY)
    trained = make_household(village, "ครบ", n=1, fiscal_year=FY)
    untrained = make_household(village, "ไม่ครบ", n=2, fiscal_year=FY)
    attend(days, trained, 4)
    attend(days, untrained, 3)
    make_followup(trained, date(2026, 12, 6), "no")
    make_followup(untrained, date(2026, 12, 6), "yes", income=500)
    result = indicators.for_village(db.session, village.id, FY, END)
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
            make_followup(h, date(2026, 12, 6), "yes" if k < n_practising else "no", income=6_000, days=365)
    rollup = indicators.indicators_by(db.session, "district_code", FY, Village.district_code.in_(["6013", "6011"]), END)
    assert (rollup["6013"].trained, rollup["6013"].practising) == (6, 3)
    assert rollup["6013"].share == pytest.approx(0.5)
    assert rollup["6013"].income_change == pytest.approx(3 * 6_000 / (3 * 50_000))
    assert (rollup["6011"].trained, rollup["6011"].practising) == (3, 3)
