"""Whole records from the phone's queue, one request each, exactly once under the
phone's key (sammachip/batch.py and the three routes): an interview, a follow-up
checklist, an attendance tap."""
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from sammachip.domain.clock import today
from sammachip.extensions import db
from sammachip.models import Attendance, AttendanceTap, FollowUp, Household, HouseholdDraft

from .dbutil import count
from .factories import PASSWORD, make_followup, make_household, make_sage, make_training, make_user, phone_no
from .outage import Outage
from .race import at_once, signed_in_clients

KEY = "3b241101-e2bb-4255-8caf-4136c566a962"
ANSWERS = {"head_name": "นายสมชาย ขยันดี", "national_id": "1-1017-00207-03-0", "phone": "0891234567",
           "house_no": "12/3", "members": "4", "main_occupation": "ทำนา", "income_per_year": "60000",
           "need_occupation": "1", "need_occupation_other": "", "occupation_income_per_year": "0",
           "need_reason": "อยากมีรายได้เสริม", "committed": "yes", "status": "registered"}
CHECKLIST = {"practising": "yes", "occupation_income": "3000", "costs_saved": "200", "sells_where": "ตลาดนัด",
             "group_id": "", "fund_source": "savings_group", "fund_amount": "5000", "visitors": ["officer", "kpst"],
             "problems": "", "visit_date": "2569-11-24", "next_visit_date": "2569-12-24"}


def interview(answers=ANSWERS, key=KEY, version=2, consent="yes"):
    return {"key": key, "form_version": version, "consent": consent, "answers": answers,
            "consented_at": "2026-11-24T02:30:00.000Z"}


def send(client, url, body):
    return client.post(url, json=body, headers={"HX-Request": "true"})


@pytest.fixture
def lead(village):
    return make_sage(village, "ครูผัก", phone_no(0), role="lead", occupation_id=1)


def test_a_whole_interview_makes_one_household_and_its_key_answers_it_again(client, auth, officer, village, lead):
    first = send(client, f"/villages/{village.id}/households/batch", interview())
    assert first.status_code == 201, first.text
    household = db.session.scalar(select(Household))
    assert first.json == {"status": "saved", "id": household.id, "url": f"/households/{household.id}"}
    assert (household.submit_token, household.national_id, household.trainer_id, household.created_by_id) == (
        KEY, "1101700207030", lead.id, officer.id)
    assert household.consent_at.replace(tzinfo=UTC) == datetime(2026, 11, 24, 2, 30, tzinfo=UTC)
    again = send(client, f"/villages/{village.id}/households/batch", interview())
    assert (again.status_code, again.json) == (200, first.json)
    assert count(Household) == 1 and count(HouseholdDraft) == 0
    make_user("other", "officer", "6013")
    auth.logout()
    auth.login("other")
    assert send(client, f"/villages/{village.id}/households/batch", interview()).status_code == 404
    assert count(Household) == 1


def test_a_refused_interview_stores_nothing_and_is_sent_again_fixed_with_the_same_key(client, officer, village, lead):
    url = f"/villages/{village.id}/households/batch"
    wrong = send(client, url, interview({**ANSWERS, "national_id": "1101700207031", "members": "0"}))
    assert wrong.status_code == 422
    assert wrong.json["problems"] == {"2": {
        "national_id": ["เลขประจำตัวประชาชนไม่ถูกต้อง (เลขตรวจสอบหลักสุดท้ายไม่ตรง) กรุณาตรวจทานอีกครั้ง"],
        "members": ["ต้องอยู่ระหว่าง 1 ถึง 30"]}}
    assert wrong.json["titles"] == {"2": "หัวหน้าครัวเรือน"} and "หัวหน้าครัวเรือน" in wrong.json["message"]
    assert count(Household) == 0 and count(HouseholdDraft) == 0
    no_consent = send(client, url, interview(consent="no"))
    assert no_consent.status_code == 422 and list(no_consent.json["problems"]) == ["1"]
    fixed = send(client, url, interview())
    assert fixed.status_code == 201 and count(Household) == 1


def test_a_registered_id_is_refused_with_the_servers_message(client, officer, village, lead):
    taken = make_household(village, "มีแล้ว", n=7).national_id  # (stored encrypted: read through the model)
    response = send(client, f"/villages/{village.id}/households/batch", interview({**ANSWERS, "national_id": taken}))
    assert response.status_code == 422 and "ขึ้นทะเบียนแล้ว" in response.json["problems"]["2"]["national_id"][0]
    assert count(Household) == 1


@pytest.mark.parametrize("body, message", [
    (None, "ข้อมูลที่ส่งมาไม่ครบ"),
    ({**interview(), "key": "not-a-key"}, "ข้อมูลที่ส่งมาไม่ครบ"),
    ({**interview(), "key": "3b241101-e2bb-1255-8caf-4136c566a962"}, "ข้อมูลที่ส่งมาไม่ครบ"),  # not v4
    (interview(version=0), "รุ่นเก่า"),
    (interview(version=3), "รุ่นเก่า"),
    (interview({**ANSWERS, "members": 4}), "ข้อมูลที่ส่งมาไม่ครบ"),
    (interview({**ANSWERS, "head_name": "นาย\x00ก"}), "NUL"),
])
def test_what_is_not_a_record_is_refused_in_thai(client, officer, village, lead, body, message):
    response = send(client, f"/villages/{village.id}/households/batch", body)
    assert response.status_code == 400 and message in response.json["message"]
    assert count(Household) == 0


def test_the_previous_form_version_is_read_too(client, officer, village, lead):
    assert send(client, f"/villages/{village.id}/households/batch", interview(version=1)).status_code == 201


def test_twenty_parallel_replays_of_one_key_make_one_household(app, village, lead):
    make_user("officer", "officer", "6013")
    clients = signed_in_clients(app, ["officer"] * 20)  # one officer's phone sending again and again
    url = f"/villages/{village.id}/households/batch"
    db.session.commit()
    answers = at_once(lambda c: send(c, url, interview()), [(c,) for c in clients])
    assert count(Household) == 1
    household_id = db.session.scalar(select(Household.id))
    assert sorted(a.status_code for a in answers) == [200] * 19 + [201]
    assert {a.json["id"] for a in answers} == {household_id}


def test_a_whole_checklist_is_saved_once(client, auth, officer, village):
    household = make_household(village)
    followup = make_followup(household, None, status="due", due_date=today())
    url = f"/followups/{followup.id}/batch"
    first = send(client, url, {"key": KEY, "form_version": 2, "answers": CHECKLIST})
    assert first.status_code == 201, first.text
    db.session.refresh(followup)
    assert (followup.status, followup.occupation_income, followup.submit_token, followup.data) == (
        "done", 3000, KEY, {})
    planned = db.session.scalar(select(FollowUp).where(FollowUp.kind == "planned"))
    assert planned.due_date == today() + timedelta(days=30)
    again = send(client, url, {"key": KEY, "form_version": 2, "answers": CHECKLIST})
    assert (again.status_code, again.json) == (200, first.json) and count(FollowUp) == 2
    other_key = send(client, url, {"key": KEY.replace("3b", "4c", 1), "form_version": 2, "answers": CHECKLIST})
    assert other_key.status_code == 409 and "บันทึกการเยี่ยมครั้งนี้แล้ว" in other_key.json["message"]
    make_user("other", "officer", "6013")
    auth.logout()
    auth.login("other")
    assert send(client, url, {"key": KEY, "form_version": 2, "answers": CHECKLIST}).status_code == 404


def test_a_refused_checklist_leaves_the_visit_as_it_was(client, officer, village):
    followup = make_followup(make_household(village), None, status="due", due_date=today())
    body = {"key": KEY, "form_version": 2, "answers": {**CHECKLIST, "next_visit_date": "2569-11-20"}}
    response = send(client, f"/followups/{followup.id}/batch", body)
    assert response.status_code == 422
    assert response.json["problems"] == {"5": {"next_visit_date": ["วันนัดครั้งถัดไปต้องหลังวันที่ไปเยี่ยม"]}}
    db.session.refresh(followup)
    assert (followup.status, followup.data, followup.submit_token) == ("due", {}, None)
    body["answers"]["next_visit_date"] = "2569-12-24"
    assert send(client, f"/followups/{followup.id}/batch", body).status_code == 201


def tap(client, day, household, present, at, key=KEY):
    return send(client, f"/training-days/{day.id}/attendance/{household.id}/batch",
                {"key": key, "form_version": 1, "answers": {"present": present, "tapped_at": at}})


def key_n(n: int) -> str:
    return f"{n:08d}-0000-4000-8000-000000000000"


def test_a_queued_tap_counts_once_and_schedules_as_online(client, officer, village):
    days = make_training(village, [today() - timedelta(days=10 - k) for k in range(5)])
    household = make_household(village)
    for n, day in enumerate(days[:4]):
        assert tap(client, day, household, "1", "2026-11-24T01:00:00.000Z", key_n(n)).status_code == 201
    again = tap(client, days[3], household, "1", "2026-11-24T01:00:00.000Z", key_n(3))
    assert again.status_code == 200 and again.json["present"] is True
    assert count(Attendance) == 4 and count(AttendanceTap) == 4
    assert count(FollowUp) == 3  # four days of five completes the training: the schedule's visits


def test_the_latest_tap_wins_whenever_it_arrives(client, officer, village):
    day = make_training(village, [today() - timedelta(days=1)])[0]
    household = make_household(village)
    online = client.post(f"/training-days/{day.id}/attendance/{household.id}", data={"present": "1"},
                         headers={"HX-Request": "true"})  # at 10:00 Bangkok, 03:00 UTC
    assert online.status_code == 200
    late = tap(client, day, household, "0", "2026-11-24T02:00:00+00:00", key_n(1))  # tapped at 09:00, sent later
    assert late.status_code == 201 and late.json["present"] is True
    later = tap(client, day, household, "0", "2026-11-24T09:59:00+07:00", key_n(2))  # no: 02:59 UTC, earlier
    assert later.json["present"] is True
    future = tap(client, day, household, "0", "2030-01-01T00:00:00Z", key_n(3))  # the phone's clock ahead: now
    assert future.json["present"] is False and count(Attendance) == 0
    assert tap(client, day, household, "1", "2026-11-24", key_n(4)).status_code == 400  # no zone


def test_a_tap_before_the_day_is_refused(client, officer, village):
    day = make_training(village, [today() + timedelta(days=1)])[0]
    response = tap(client, day, make_household(village), "1", "2026-11-24T01:00:00Z")
    assert response.status_code == 409 and "ยังไม่ถึงวันอบรม" in response.json["message"]
    assert count(AttendanceTap) == 0


def test_the_queue_needs_the_form_token_as_everywhere(app, village, lead):
    with_csrf = Outage(app, WTF_CSRF_ENABLED=True)
    try:
        client = with_csrf.app.test_client()
        make_user("officer", "officer", "6013")
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get("/login").text).group(1)
        client.post("/login", data={"username": "officer", "password": PASSWORD, "csrf_token": token})
        url = f"/villages/{village.id}/households/batch"
        stale = send(client, url, interview())
        assert stale.status_code == 400 and stale.headers["X-CSRF-Expired"] == "1"
        fresh = client.get("/csrf-token").json["token"]
        sent = client.post(url, json=interview(), headers={"HX-Request": "true", "X-CSRFToken": fresh})
        assert sent.status_code == 201
    finally:
        with_csrf.close()
