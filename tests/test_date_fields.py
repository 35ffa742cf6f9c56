"""Every date box through the app, on SQLite and on PostgreSQL: a พ.ศ. date is
stored as that day, anything else is refused in Thai with what was typed kept."""
from datetime import date

import pytest
from sqlalchemy import select

from sammachip.domain.clock import today
from sammachip.extensions import db
from sammachip.models import FollowUp, Sage, TrainingDay

from .dbutil import count
from .factories import make_followup, make_household, make_sage

WINDOW_2570 = "วันที่ต้องอยู่ในปีงบประมาณ 2570 หรือปีก่อนหรือปีถัดไป (1 ต.ค. 2568 ถึง 30 ก.ย. 2571)"


@pytest.mark.parametrize("typed", [
    "17/10/2569",
    "๑๗/๑๐/๒๕๖๙",
    "17.10.2569",
    "17 10 2569",
    "17102569",
    "2569-10-17",  # an old page's native picker with a พ.ศ. year: converted, never year 3112
    "2026-10-17",  # an old page's native picker, Christian-era
])
def test_a_training_day_typed_in_buddhist_era_is_stored_as_that_day(client, officer, village, typed):
    response = client.post(f"/villages/{village.id}/training/1/edit", data={"held_on": typed})
    assert response.status_code == 303
    assert db.session.scalar(select(TrainingDay.held_on)) == date(2026, 10, 17)
    assert "17 ต.ค. 2569" in client.get(response.headers["Location"]).text
    assert 'value="17/10/2569"' in client.get(f"/villages/{village.id}/training/1/edit").text


@pytest.mark.parametrize("typed, message, shown", [
    ("17/10/2026", "กรุณากรอกปี พ.ศ. เช่น 2569", "17/10/2026"),
    ("17/10/69", "กรอกวันที่แบบ วว/ดด/ปปปป เช่น 24/11/2569", "17/10/69"),
    ("31/02/2569", "วันที่ไม่ถูกต้อง ไม่มีวันนี้ในปฏิทิน", "31/02/2569"),
    ("17/10/3112", WINDOW_2570, "17/10/3112"),  # 3112 BE is 2569 CE
    ("3112-10-17", WINDOW_2570, "17/10/3112"),  # the year 3112 of the old bug, posted again: refused
    ("30/09/2568", WINDOW_2570, "30/09/2568"),  # FY 2568: two years before
    ("1.10.2571", WINDOW_2570, "01/10/2571"),  # FY 2572: two years after
])
def test_a_training_day_outside_the_rules_is_refused_and_kept(client, officer, village, typed, message, shown):
    """What could not be read stays as typed; a date read but refused is shown as วว/ดด/ปปปป."""
    response = client.post(f"/villages/{village.id}/training/1/edit", data={"held_on": typed})
    assert message in response.text and f'value="{shown}"' in response.text
    assert count(TrainingDay) == 0


@pytest.mark.parametrize("typed, day", [("01/10/2568", date(2025, 10, 1)), ("30/09/2571", date(2028, 9, 30))])
def test_the_window_edges_are_inside(client, officer, village, typed, day):
    assert client.post(f"/villages/{village.id}/training/1/edit", data={"held_on": typed}).status_code == 303
    assert db.session.scalar(select(TrainingDay.held_on)) == day


def test_in_english_the_message_is_english(client, officer, village):
    client.post("/lang/en")
    response = client.post(f"/villages/{village.id}/training/1/edit", data={"held_on": "17/10/2026"})
    assert "Please type the Buddhist-era year, e.g. 2569" in response.text


def post_step(client, followup_id, step, data):
    version = db.session.get(FollowUp, followup_id).version
    return client.post(f"/followups/{followup_id}/{step}", data={**data, "go": "next", "version": version})


def test_a_visit_is_not_after_today(client, officer, village):
    followup = make_followup(make_household(village), None, status="due", due_date=today())
    response = post_step(client, followup.id, 4, {"visit_date": "25/11/2569", "visitors": ["officer"]})
    assert "วันที่ต้องไม่เลยวันนี้ (24 พ.ย. 2569)" in response.text


def test_a_visit_is_checked_against_the_households_year_not_todays(client, officer, village):
    followup = make_followup(make_household(village, fiscal_year=2567), None, status="due", due_date=today())
    response = post_step(client, followup.id, 4, {"visit_date": "24/11/2569", "visitors": ["officer"]})
    assert "ปีงบประมาณ 2567 หรือปีก่อนหรือปีถัดไป (1 ต.ค. 2565 ถึง 30 ก.ย. 2568)" in response.text


def test_the_checklist_draft_keeps_dates_in_buddhist_era(client, officer, village):
    followup = make_followup(make_household(village), None, status="due", due_date=today())
    assert post_step(client, followup.id, 4, {"visit_date": "๒๐-๑๑-๒๕๖๙", "visitors": ["officer"]}).status_code == 303
    assert db.session.get(FollowUp, followup.id).data["visit_date"] == "20/11/2569"
    assert 'value="20/11/2569"' in client.get(f"/followups/{followup.id}/4").text
    assert 'value="20/12/2569"' in client.get(f"/followups/{followup.id}/5").text  # a month after the visit
    bad = post_step(client, followup.id, 4, {"visit_date": "20/11/2026", "visitors": ["officer"]})
    assert "กรุณากรอกปี พ.ศ. เช่น 2569" in bad.text
    assert db.session.get(FollowUp, followup.id).data["visit_date"] == "20/11/2026"  # kept as typed, to fix


def test_a_draft_saved_before_as_iso_reloads_in_buddhist_era(client, officer, village):
    followup = make_followup(make_household(village), None, status="draft", due_date=today())
    followup.data = {"visit_date": "2026-11-20", "visitors": ["officer"], "next_visit_date": "2026-12-20"}
    db.session.commit()
    assert 'value="20/11/2569"' in client.get(f"/followups/{followup.id}/4").text
    assert 'value="20/12/2569"' in client.get(f"/followups/{followup.id}/5").text


def test_a_whole_visit_typed_in_buddhist_era(client, officer, village):
    followup = make_followup(make_household(village), None, status="due", due_date=today())
    steps = {1: {"practising": "yes"}, 2: {"occupation_income": "3000"}, 3: {"fund_source": "none"},
             4: {"visit_date": "20/11/2569", "visitors": ["officer"]}, 5: {"next_visit_date": "๑๕/๐๑/๒๕๗๐"}}
    for step, data in steps.items():
        assert post_step(client, followup.id, step, data).status_code == 303, step
    assert client.post(f"/followups/{followup.id}/6").status_code == 303
    db.session.refresh(followup)
    assert (followup.visit_date, followup.next_visit_date) == (date(2026, 11, 20), date(2027, 1, 15))
    planned = db.session.scalar(select(FollowUp).where(FollowUp.kind == "planned"))
    assert planned.due_date == date(2027, 1, 15)


def test_the_next_visit_stays_in_the_programme_years(client, officer, village):
    followup = make_followup(make_household(village), None, status="due", due_date=today())
    post_step(client, followup.id, 4, {"visit_date": "20/11/2569", "visitors": ["officer"]})
    assert WINDOW_2570 in post_step(client, followup.id, 5, {"next_visit_date": "01/10/2571"}).text
    assert post_step(client, followup.id, 5, {"next_visit_date": "30/09/2571"}).status_code == 303


def test_sage_course_and_workshop_dates_from_2557_up_to_today(client, officer, village):
    lead = make_sage(village, role="lead")
    url = f"/sages/{lead.id}/training"
    early = client.post(url, data={"course_start": "31/12/2556", "course_end": "05/01/2557", "version": "1"})
    assert "วันที่ต้องไม่ก่อน 1 ม.ค. 2557" in early.text
    future = client.post(url, data={"workshop_date": "25/11/2569", "version": "1"})
    assert "วันที่ต้องไม่เลยวันนี้ (24 พ.ย. 2569)" in future.text
    ce = client.post(url, data={"workshop_date": "20/11/2026", "version": "1"})
    assert "กรุณากรอกปี พ.ศ. เช่น 2569" in ce.text
    saved = client.post(url, data={"course_start": "01/01/2557", "course_end": "05/01/2557",
                                   "workshop_date": "๒๔/๑๑/๒๕๖๙", "version": "1"})
    assert saved.status_code == 303
    lead = db.session.get(Sage, lead.id)
    assert (lead.course_start, lead.course_end, lead.workshop_date) == (
        date(2014, 1, 1), date(2014, 1, 5), date(2026, 11, 24))
