"""A household leaves the programme: from that day out of the denominators and the
schedule, still listed, and the change is logged."""
from datetime import date, timedelta

from sqlalchemy import select

from sammachip.domain import indicators
from sammachip.domain.clock import today
from sammachip.extensions import db
from sammachip.models import FollowUp, HouseholdChange

from .factories import attend, make_followup, make_household, make_training

FY = 2570


def test_a_household_that_left_drops_out_of_the_indicators_from_that_day(client, officer, village):
    days = make_training(village, [date(2026, 10, d) for d in (5, 6, 7, 8, 9)], FY)
    stays, goes = (make_household(village, name, n=n, fiscal_year=FY) for n, name in ((1, "อยู่"), (2, "ย้าย")))
    for h in (stays, goes):
        attend(days, h, 5)
        make_followup(h, date(2026, 11, 10), "yes" if h is stays else "no")
    due_id = make_followup(goes, None, status="due", due_date=today() + timedelta(days=10), kind="scheduled").id
    before = indicators.for_village(db.session, village.id, FY, today())
    assert (before.trained, before.visited, before.practising) == (2, 2, 1)
    left = client.post(f"/households/{goes.id}/leave", data={"left_on": "20/11/2569", "left_reason": "moved"})
    assert left.status_code == 303
    after = indicators.for_village(db.session, village.id, FY, today())
    assert (after.trained, after.visited, after.practising, after.share) == (1, 1, 1, 1.0)
    earlier = indicators.for_village(db.session, village.id, FY, date(2026, 11, 19))  # before it left: counted
    assert earlier.trained == 2
    assert db.session.scalar(select(FollowUp.id).where(FollowUp.id == due_id)) is None  # its open visit: cancelled
    change = db.session.scalar(select(HouseholdChange).where(HouseholdChange.household_id == goes.id))
    assert change.changes == {"left_on": [None, "2026-11-20"], "left_reason": ["", "moved"]}
    page = client.get(f"/households/{goes.id}").text
    assert "ออกจากโครงการ 20 พ.ย. 2569 (ย้ายออกจากหมู่บ้าน)" in page
    assert "ย้าย" in client.get(f"/villages/{village.id}/households").text  # still listed
    again = client.post(f"/households/{goes.id}/leave", data={"left_on": "21/11/2569", "left_reason": "died"})
    assert again.status_code == 422


def test_leaving_needs_a_date_not_after_today_and_a_reason(client, officer, village):
    household = make_household(village)
    future = client.post(f"/households/{household.id}/leave", data={"left_on": "30/11/2569", "left_reason": "moved"})
    assert future.status_code == 422
    assert client.post(f"/households/{household.id}/leave", data={"left_on": "20/11/2569"}).status_code == 422
    db.session.refresh(household)
    assert household.left_on is None
