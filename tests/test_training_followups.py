import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from sammachip.domain.clock import today
from sammachip.extensions import db
from sammachip.models import Attendance, FollowUp, TrainingDay

from .dbutil import count
from .factories import (
    attend,
    make_followup,
    make_household,
    make_sage,
    make_training,
    make_user,
    make_village,
    phone_no,
)

STEPS = {1: {"practising": "yes"}, 2: {"occupation_income": "3000", "costs_saved": "200", "sells_where": "ตลาดนัด"},
         3: {"group_id": "", "fund_source": "savings_group", "fund_amount": "5000"},
         4: {"visit_date": "", "visitors": ["officer", "kpst"]}, 5: {"problems": "", "next_visit_date": ""}}






def past_days(n=5):
    return [today() - timedelta(days=10 - k) for k in range(n)]


def test_training_day_form_and_order(client, officer, village):
    lead = make_sage(village, "ครู", phone_no(0), role="lead")
    response = client.post(f"/villages/{village.id}/training/1/edit",
                           data={"held_on": "2026-11-02", "topic": "เพาะเห็ด", "trainers": [str(lead.id)]})
    day = db.session.scalar(select(TrainingDay))
    assert response.headers["Location"] == f"/training-days/{day.id}"
    assert [s.name for s in day.trainers] == ["ครู"]
    bad = client.post(f"/villages/{village.id}/training/2/edit", data={"held_on": "2026-11-01"})
    assert "วันที่ต้องเรียงตามลำดับ" in bad.text and count(TrainingDay) == 1
    assert "วันที่ไม่ถูกต้อง" in client.post(f"/villages/{village.id}/training/2/edit", data={"held_on": "2026-13-45"}).text
    assert client.get(f"/villages/{village.id}/training/6/edit").status_code == 404


def test_one_tap_attendance_is_a_fragment_with_the_days_count(client, officer, village):
    day = make_training(village, past_days(1))[0]
    households = [make_household(village, f"h{n}", n=n) for n in range(1, 4)]
    page = client.get(f"/training-days/{day.id}").text
    assert 'id="day-count">0/3<' in page
    url = f"/training-days/{day.id}/attendance/{households[0].id}"
    response = client.post(url, data={"present": "1"}, headers={"HX-Request": "true"})
    assert "<html" not in response.text
    assert 'aria-pressed="true"' in response.text and 'hx-swap-oob="true">1/3<' in response.text
    client.post(url, data={"present": "1"}, headers={"HX-Request": "true"})  # double tap: same state
    assert count(Attendance) == 1
    client.post(url, data={"present": "0"}, headers={"HX-Request": "true"})
    assert count(Attendance) == 0
    plain = client.post(url, data={"present": "1"})  # without JavaScript: back to the list
    assert plain.status_code == 303 and plain.headers["Location"].endswith(f"#hh-{households[0].id}")


def test_attendance_not_before_the_day(client, officer, village):
    day = make_training(village, [today() + timedelta(days=3)])[0]
    household = make_household(village)
    assert client.post(f"/training-days/{day.id}/attendance/{household.id}", data={"present": "1"}).status_code == 409
    assert "ยังไม่ถึงวันอบรม" in client.get(f"/training-days/{day.id}").text


def test_fourth_day_schedules_the_followups(client, officer, village):
    days = make_training(village, past_days())
    household = make_household(village)
    for d in days[:3]:
        client.post(f"/training-days/{d.id}/attendance/{household.id}", data={"present": "1"})
    assert count(FollowUp) == 0
    client.post(f"/training-days/{days[3].id}/attendance/{household.id}", data={"present": "1"})
    assert count(FollowUp, FollowUp.kind == "scheduled") == 3
    client.post(f"/training-days/{days[3].id}/attendance/{household.id}", data={"present": "0"})
    assert count(FollowUp) == 0  # untouched scheduled visits go away again


def test_visits_due_lists_overdue_first_own_subdistricts_first_and_only_the_area(client, officer):
    mine = make_village("601304", 3, "ของฉัน")
    other = make_village("601301", 1, "อื่น")
    far = make_village("601101", 2, "ลาดยาว")
    t = today()
    make_followup(make_household(other, "อื่น-เลยกำหนด", n=1), None, status="due", due_date=t - timedelta(days=9))
    make_followup(make_household(mine, "ฉัน-วันนี้", n=2), None, status="due", due_date=t)
    make_followup(make_household(mine, "ฉัน-เลยกำหนด", n=3), None, status="due", due_date=t - timedelta(days=2))
    make_followup(make_household(mine, "ฉัน-พรุ่งนี้", n=4), None, status="due", due_date=t + timedelta(days=1))
    make_followup(make_household(mine, "ฉัน-เสร็จแล้ว", n=5), t - timedelta(days=1), due_date=t - timedelta(days=1))
    make_followup(make_household(far, "ลาดยาว-เลยกำหนด", n=6), None, status="due", due_date=t - timedelta(days=5))
    html = client.get("/").headers["Location"] == "/visits" and client.get("/visits").text
    order = [name for name in ("ฉัน-เลยกำหนด", "ฉัน-วันนี้", "อื่น-เลยกำหนด", "ฉัน-พรุ่งนี้") if name in html]
    assert order == ["ฉัน-เลยกำหนด", "ฉัน-วันนี้", "อื่น-เลยกำหนด", "ฉัน-พรุ่งนี้"]  # tomorrow: this week's part
    assert sorted(order, key=html.index) == order
    for absent in ("ฉัน-เสร็จแล้ว", "ลาดยาว-เลยกำหนด"):
        assert absent not in html
    assert "เลยกำหนด 2 วัน" in html


def run_checklist(client, followup_id, steps=STEPS):
    for n, data in steps.items():
        data = {**data}
        if n == 4 and not data["visit_date"]:
            data["visit_date"] = today().isoformat()
        if n == 5 and not data["next_visit_date"]:
            data["next_visit_date"] = (today() + timedelta(days=30)).isoformat()
        version = db.session.get(FollowUp, followup_id).version
        response = client.post(f"/followups/{followup_id}/{n}", data={**data, "go": "next", "version": version})
        assert response.status_code == 303, (n, response.text[-2000:])
    return client.post(f"/followups/{followup_id}/6")


def test_checklist_records_the_visit_once_and_plans_the_next(client, officer, village):
    household = make_household(village)
    followup = make_followup(household, None, status="due", due_date=today())
    done = run_checklist(client, followup.id)
    assert done.headers["Location"] == f"/households/{household.id}"
    again = client.post(f"/followups/{followup.id}/6")
    assert again.headers["Location"] == done.headers["Location"]
    db.session.refresh(followup)
    assert (followup.status, followup.practising, followup.occupation_income, followup.costs_saved,
            followup.fund_source) == ("done", "yes", 3000, 200, "savings_group")
    assert followup.visitors == ["officer", "kpst"] and followup.data == {}
    planned = db.session.scalar(select(FollowUp).where(FollowUp.kind == "planned"))
    assert planned.due_date == today() + timedelta(days=30)
    page = client.get(f"/households/{household.id}").text
    assert "เยี่ยมติดตาม: ทำอยู่" in page and "3,000" in page


def test_checklist_draft_resumes_and_back_keeps_answers(client, officer, village):
    followup = make_followup(make_household(village), None, status="due", due_date=today())
    answers = {"practising": "no", "not_practising_reason": "no_capital", "version": 1, "go": "next"}
    client.post(f"/followups/{followup.id}/1", data=answers)
    client.post(f"/followups/{followup.id}/2", data={"occupation_income": "0", "version": 2, "go": "back"})
    page = client.get(f"/followups/{followup.id}/1").text
    assert 'value="no_capital" selected' in page or 'selected value="no_capital"' in page
    assert 'value="0"' in client.get(f"/followups/{followup.id}/2").text
    assert "บันทึกค้างไว้" in client.get("/visits").text


@pytest.mark.parametrize(
    "step, data, message",
    [
        (1, {"practising": "maybe"}, "กรุณาเลือก ทำอยู่ ทำบ้าง หรือ ไม่ได้ทำ"),
        (1, {"practising": "no"}, "กรุณาเลือกเหตุผลที่ไม่ได้ทำ"),
        (2, {"occupation_income": "-500"}, "ต้องอยู่ระหว่าง 0 ถึง 1,000,000"),
        (3, {"fund_source": "lottery", "fund_amount": "100"}, "กรุณาเลือกแหล่งทุนจากรายการ"),
        (3, {"fund_source": "village_fund"}, "กรุณากรอกจำนวนเงิน"),
        (3, {"fund_source": "village_fund", "fund_amount": "-1"}, "ต้องอยู่ระหว่าง 0 ถึง 10,000,000"),
        (4, {"visit_date": "2026-11-01"}, "กรุณาเลือกผู้ไปเยี่ยมอย่างน้อย 1 รายการ"),
        (
            4,
            {"visit_date": "2026-11-29", "visitors": ["officer"]},  # after the clock's today
            "วันที่ต้องไม่เลยวันนี้",
        ),
        (4, {"visit_date": "2026-11-01", "visitors": ["stranger"]}, "กรุณาเลือกผู้ไปเยี่ยมอย่างน้อย 1 รายการ"),
    ],
)
def test_bad_checklist_input(client, officer, village, step, data, message):
    followup = make_followup(make_household(village), None, status="due", due_date=today())
    response = client.post(f"/followups/{followup.id}/{step}", data={**data, "version": 1, "go": "next"})
    assert message in response.text
    db.session.refresh(followup)
    assert followup.step == 1 and followup.status != "done"


def test_next_visit_must_follow_the_visit(client, officer, village):
    followup = make_followup(make_household(village), None, status="due", due_date=today())
    client.post(
        f"/followups/{followup.id}/4",
        data={"visit_date": today().isoformat(), "visitors": ["officer"], "version": 1, "go": "next"},
    )
    response = client.post(
        f"/followups/{followup.id}/5",
        data={"next_visit_date": (today() - timedelta(days=1)).isoformat(), "version": 2, "go": "next"},
    )
    assert "วันนัดครั้งถัดไปต้องหลังวันที่ไปเยี่ยม" in response.text


def test_stale_checklist_step_is_refused(client, officer, village):
    followup = make_followup(make_household(village), None, status="due", due_date=today())
    client.post(f"/followups/{followup.id}/1", data={"practising": "yes", "version": 1, "go": "next"})
    response = client.post(f"/followups/{followup.id}/1", data={"practising": "no", "version": 1, "go": "next"})
    assert response.status_code == 409 and "มีผู้อื่นแก้ไขข้อมูลนี้ก่อนคุณบันทึก" in response.text
    db.session.refresh(followup)
    assert followup.data["practising"] == "yes"


def test_extra_visit_double_tap_makes_one(client, officer, village):
    household = make_household(village)
    first = client.post(
        f"/households/{household.id}/followups", data={"submit_token": "aaaaaaaa-0000-4000-8000-000000000000"}
    )
    second = client.post(
        f"/households/{household.id}/followups", data={"submit_token": "aaaaaaaa-0000-4000-8000-000000000000"}
    )
    assert first.headers["Location"] == second.headers["Location"]
    assert count(FollowUp) == 1


def test_timeline_in_order(client, officer, village):
    days = make_training(village, past_days())
    household = make_household(village)
    household.consent_at -= timedelta(days=20)  # interviewed before the training
    db.session.commit()
    attend(days, household, 4)
    make_followup(household, today() - timedelta(days=1), "partly", income=800)
    html = client.get(f"/households/{household.id}").text
    positions = [html.index(t) for t in ("ขึ้นทะเบียน (สัมภาษณ์", "อบรมวันที่ 1: มา", "อบรมวันที่ 5: ขาด", "เยี่ยมติดตาม: ทำบ้าง")]
    assert positions == sorted(positions)


def test_village_page_shows_both_indicators(client, officer, village):
    days = make_training(village, past_days())
    for n in range(1, 3):
        h = make_household(village, f"h{n}", n=n, income=100_000)
        attend(days, h, 5)
        make_followup(h, today(), "yes" if n == 1 else "no", income=6_000, days=365)
    html = client.get(f"/villages/{village.id}").text
    assert "ผ่านการอบรม 2 จาก 2 ครัวเรือน" in html
    assert "ประกอบอาชีพตามที่ฝึก 1 จาก 2 ครัวเรือนที่เยี่ยมแล้ว = 50% (เป้าหมาย 85%)" in html
    assert "เยี่ยมแล้ว 2 จาก 2 ครัวเรือนที่ผ่านการอบรม" in html and "วิธีคิด" in html
    assert "เพิ่มขึ้น 6% (n = 1 ครัวเรือน, เป้าหมาย +3%)" in html  # 6,000 a year on 100,000


def test_training_and_followup_routes_are_404_for_another_district(client, auth, village):
    day = make_training(village, past_days(1))[0]
    household = make_household(village)
    followup = make_followup(household, None, status="due", due_date=today())
    make_user("latyao", "district", "6011")
    auth.login("latyao")
    for url in (
        f"/villages/{village.id}/training",
        f"/villages/{village.id}/training/1/edit",
        f"/training-days/{day.id}",
        f"/followups/{followup.id}/1",
        f"/followups/{followup.id}/6",
    ):
        assert client.get(url).status_code == 404, url
    for url, data in (
        (f"/villages/{village.id}/training/1/edit", {"held_on": "2026-11-01"}),
        (f"/training-days/{day.id}/attendance/{household.id}", {"present": "1"}),
        (f"/followups/{followup.id}/1", {"practising": "yes", "version": 1}),
        (f"/followups/{followup.id}/6", {}),
        (f"/households/{household.id}/followups", {}),
    ):
        assert client.post(url, data=data).status_code == 404, url
    assert "แม่เล่ย์" not in client.get("/visits").text
    assert count(Attendance) == 0 and count(FollowUp) == 1


def test_resending_a_saved_step_after_a_lost_reply_just_moves_on(client, officer, village):
    followup = make_followup(make_household(village), None, status="due", due_date=today())
    data = {"practising": "yes", "version": 1, "go": "next"}
    assert client.post(f"/followups/{followup.id}/1", data=data).headers["Location"] == f"/followups/{followup.id}/2"
    again = client.post(f"/followups/{followup.id}/1", data=data)  # the reply was lost: same answers again
    assert again.status_code == 303 and again.headers["Location"] == f"/followups/{followup.id}/2"


def test_read_only_roles_cannot_open_a_checklist(client, auth, village):
    followup = make_followup(make_household(village), None, status="due", due_date=today())
    make_user("prov", "province", "6013")
    auth.login("prov")
    assert client.get(f"/followups/{followup.id}/2").status_code == 403


def test_why_not_applies_only_to_not_practising(client, officer, village):
    """Skip logic: the reason questions are hidden unless "ไม่ได้ทำ", and a reason typed
    before the answer changed is not kept."""
    followup = make_followup(make_household(village), None, status="due", due_date=today())
    page = client.get(f"/followups/{followup.id}/1").text
    assert 'data-show-if="practising=no" hidden' in page
    done = run_checklist(client, followup.id, {**STEPS, 1: {"practising": "yes", "reason_text": "ไม่มีตลาด"}})
    assert done.status_code == 303
    db.session.refresh(followup)
    assert (followup.practising, followup.not_practising_reason, followup.reason_text) == ("yes", "", "")


def test_the_checklist_marks_the_answers_it_cannot_go_without_as_required(client, officer, village):
    """Drawn `required`, a step recorded on the phone without a signal checks them before going on
    (app.js); the reason for "ไม่ได้ทำ" is required only with that answer, so it is not marked."""
    followup = make_followup(make_household(village), None, status="due", due_date=today())
    first = client.get(f"/followups/{followup.id}/1").text
    radios = re.findall(r'<input[^>]*name="practising"[^>]*>', first)
    assert len(radios) == 3 and all("required" in r for r in radios)
    assert not re.search(r'<select[^>]*name="not_practising_reason"[^>]*required', first)
