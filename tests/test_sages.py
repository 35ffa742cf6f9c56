import re
from datetime import date

import pytest
from sqlalchemy import func, select

from sammachip.domain.clock import current_fiscal_year, today
from sammachip.domain.thai_dates import format_date
from sammachip.extensions import db
from sammachip.models import Sage, SageAnswer, SageCertificate, SageCriterion, SageRoleChange

from .dbutil import count
from .factories import SAGE_FORM as VALID
from .factories import make_sage, make_user, make_village, phone_no, thai_pin
from .race import at_once, signed_in_clients


def test_add_candidate_goes_to_the_first_criterion(client, officer, village):
    response = client.post(f"/villages/{village.id}/sages/new", data=VALID)
    sage = db.session.scalar(select(Sage))
    assert response.headers["Location"] == f"/sages/{sage.id}/criteria/1"
    assert (sage.phone, sage.fiscal_year, sage.lives_in_village, sage.occupation.name_th) == (
        "+66812345678", current_fiscal_year(), True, "ปลูกผักปลอดสารพิษ")
    assert "081 234 5678" in client.get(f"/sages/{sage.id}").text


def test_other_occupation_needs_its_text(client, officer, village):
    response = client.post(f"/villages/{village.id}/sages/new", data={**VALID, "occupation": "other"})
    assert "กรุณาระบุอาชีพ" in response.text
    client.post(
        f"/villages/{village.id}/sages/new",
        data={**VALID, "occupation": "other", "occupation_other": "ทำกระเป๋าผักตบชวา"},
    )
    assert db.session.scalar(select(Sage)).occupation_label == "ทำกระเป๋าผักตบชวา"


@pytest.mark.parametrize(
    "change, message",
    [
        ({"name": ""}, "กรุณากรอกชื่อ-นามสกุล"),
        ({"phone": "12345"}, "เบอร์โทรศัพท์ไม่ถูกต้อง"),
        ({"phone": "+1 415 555 0100"}, "เบอร์โทรศัพท์ไม่ถูกต้อง"),
        ({"years_in_occupation": "-1"}, "ต้องอยู่ระหว่าง 0 ถึง 80"),
        ({"notes": "ก" * 10_000}, "ยาวเกิน 1000 ตัวอักษร"),
        ({"occupation": ""}, "กรุณาเลือกอาชีพ"),
        ({"occupation": "99999"}, "กรุณาเลือกอาชีพ"),
        ({"lives_in_village": "maybe"}, "กรุณาเลือก ใช่ หรือ ไม่ใช่"),
    ],
)
def test_bad_candidate_input_is_refused_and_typed_values_kept(client, officer, village, change, message):
    response = client.post(f"/villages/{village.id}/sages/new", data={**VALID, **change})
    assert message in response.text
    assert count(Sage) == 0
    if change.get("name", "x"):
        assert 'value="นางสมศรี ใจดี"' in response.text
    assert "ขายผักได้เดือนละ 8,000 บาท" in response.text


def test_html_in_a_sage_name_is_escaped(client, officer, village):
    client.post(f"/villages/{village.id}/sages/new", data={**VALID, "name": "<script>alert(1)</script>"})
    sage = db.session.scalar(select(Sage))
    html = client.get(f"/sages/{sage.id}").text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_double_submit_makes_one_candidate(client, officer, village):
    data = {**VALID, "submit_token": "11111111-2222-4333-8444-555555555555"}
    first = client.post(f"/villages/{village.id}/sages/new", data=data)
    second = client.post(f"/villages/{village.id}/sages/new", data=data)
    assert first.headers["Location"] == second.headers["Location"]
    assert count(Sage) == 1


def test_wizard_back_and_next_keep_answers_and_resume(client, officer, village):
    sage = make_sage(village, answers="-----")
    client.post(f"/sages/{sage.id}/criteria/1", data={"met": "yes", "note": "ปลูกผักขายมา 12 ปี", "go": "next"})
    client.post(f"/sages/{sage.id}/criteria/2", data={"met": "no", "go": "next"})
    response = client.post(f"/sages/{sage.id}/criteria/3", data={"go": "back"})  # back without answering
    assert response.headers["Location"] == f"/sages/{sage.id}/criteria/2"
    page = client.get(f"/sages/{sage.id}/criteria/2").text
    assert re.search(r"<input checked[^>]*value=\"no\"", page)
    assert 'value="ปลูกผักขายมา 12 ปี"' in client.get(f"/sages/{sage.id}/criteria/1").text
    # leaving and coming back resumes at the step reached
    assert f"/sages/{sage.id}/criteria/2" in client.get(f"/sages/{sage.id}").text


def test_wizard_next_needs_an_answer(client, officer, village):
    sage = make_sage(village, answers="-----")
    response = client.post(f"/sages/{sage.id}/criteria/1", data={"go": "next", "note": "ยังไม่แน่ใจ"})
    assert "กรุณาเลือก ใช่ หรือ ไม่ใช่" in response.text
    assert 'value="ยังไม่แน่ใจ"' in response.text
    assert count(SageAnswer) == 0
    assert client.get(f"/sages/{sage.id}/criteria/6").status_code == 404


def test_wizard_htmx_step_is_a_fragment_with_pushed_url(client, officer, village):
    sage = make_sage(village, answers="-----")
    response = client.post(
        f"/sages/{sage.id}/criteria/1", data={"met": "yes", "go": "next"}, headers={"HX-Request": "true"}
    )
    assert response.headers["HX-Push-Url"] == f"/sages/{sage.id}/criteria/2"
    assert "<html" not in response.text and "เกณฑ์ข้อ 2 จาก 5" in response.text
    for step in range(2, 6):
        last = client.post(
            f"/sages/{sage.id}/criteria/{step}", data={"met": "yes", "go": "next"}, headers={"HX-Request": "true"}
        )
    assert last.headers["HX-Location"] == f"/sages/{sage.id}"


def test_failed_required_criterion_blocks_selection_and_names_it(client, officer, village):
    sage = make_sage(village, answers="yynyy")
    response = client.post(f"/sages/{sage.id}/role", data={"role": "assistant"})
    assert response.status_code == 422
    assert "ไม่ผ่านเกณฑ์ข้อ (c) ประสบความสำเร็จและมั่นคงในอาชีพ" in response.text
    db.session.refresh(sage)
    assert sage.role is None and count(SageRoleChange) == 0


def test_unanswered_required_criterion_blocks_selection(client, officer, village):
    sage = make_sage(village, answers="yyyy-")
    response = client.post(f"/sages/{sage.id}/role", data={"role": "lead"})
    assert "ยังไม่ได้ประเมินเกณฑ์ข้อ (e)" in response.text


def test_optional_criterion_does_not_block(client, officer, village):
    db.session.execute(SageCriterion.__table__.update().where(SageCriterion.code == "e").values(required=False))
    db.session.commit()
    sage = make_sage(village, answers="yyyyn")
    assert client.post(f"/sages/{sage.id}/role", data={"role": "assistant"}).status_code == 303


def test_second_lead_and_fifth_assistant_are_refused(client, officer, village):
    make_sage(village, "หลัก", phone_no(0), role="lead")
    for i in range(1, 5):
        make_sage(village, f"ผู้ช่วย{i}", phone_no(i), role="assistant")
    extra = make_sage(village, "คนที่หก", phone_no(9))
    lead = client.post(f"/sages/{extra.id}/role", data={"role": "lead"})
    assert "หมู่บ้านนี้มีวิทยากรหลักแล้ว (หลัก)" in lead.text
    assistant = client.post(f"/sages/{extra.id}/role", data={"role": "assistant"})
    assert "ทีมมีวิทยากรผู้ช่วยครบ 4 คนแล้ว" in assistant.text
    db.session.refresh(extra)
    assert extra.role is None


def test_a_person_is_on_one_village_team_per_year(client, officer, village):
    other = make_village("601303", 5, "หนองบัว")
    make_sage(other, "คนเดียวกัน", phone_no(1), role="assistant", national_id=thai_pin(7))
    again = make_sage(village, "คนเดียวกัน", phone_no(2), national_id=thai_pin(7))
    response = client.post(f"/sages/{again.id}/role", data={"role": "assistant"})
    assert "อยู่ในทีมวิทยากรของบ้านหนองบัว แล้ว" in response.text
    # last year's team does not count
    db.session.execute(
        Sage.__table__.update().where(Sage.village_id == other.id).values(fiscal_year=current_fiscal_year() - 1)
    )
    db.session.commit()
    assert client.post(f"/sages/{again.id}/role", data={"role": "assistant"}).status_code == 303


def test_role_changes_are_allowed_and_recorded(client, officer, village):
    sage = make_sage(village)
    for role in ("assistant", "lead", "none"):
        assert client.post(f"/sages/{sage.id}/role", data={"role": role}).status_code == 303
    changes = db.session.scalars(select(SageRoleChange).order_by(SageRoleChange.id)).all()
    assert [(c.from_role, c.to_role) for c in changes] == [(None, "assistant"), ("assistant", "lead"), ("lead", None)]
    assert all(c.changed_by_id == officer.id for c in changes)
    assert "ประวัติการเปลี่ยนบทบาท" in client.get(f"/sages/{sage.id}").text


def test_two_officers_filling_the_last_seat_at_once_one_wins(app, village):
    """Real concurrent requests on the real database: exactly four assistants remain."""
    for i in range(3):
        make_sage(village, f"ผู้ช่วย{i}", phone_no(i), role="assistant")
    rivals = [make_sage(village, f"คู่แข่ง{i}", phone_no(10 + i)) for i in range(2)]
    make_user("a1", "officer")
    make_user("a2", "officer")
    clients = signed_in_clients(app, ("a1", "a2"))
    rival_ids = [s.id for s in rivals]
    db.session.commit()  # release the test's own write lock before the race

    def select_rival(c, sage_id):
        return c.post(f"/sages/{sage_id}/role", data={"role": "assistant"}).status_code

    codes = at_once(select_rival, list(zip(clients, rival_ids, strict=True)))
    db.session.expire_all()
    assert sorted(codes) == [303, 422]
    assert db.session.scalar(select(func.count()).select_from(Sage).where(Sage.role == "assistant")) == 4


def test_criteria_are_data_per_fiscal_year(client, officer, village):
    fy = current_fiscal_year()
    db.session.add(
        SageCriterion(
            fiscal_year=fy,
            code="x",
            position=1,
            text_th="เกณฑ์ใหม่ของปีนี้",
            text_en="This year's only criterion",
            required=True,
        )
    )
    db.session.commit()
    sage = make_sage(village, answers="-")
    page = client.get(f"/sages/{sage.id}/criteria/1").text
    assert "เกณฑ์ใหม่ของปีนี้" in page and "เกณฑ์ข้อ 1 จาก 1" in page
    old = make_sage(village, "ปีก่อน", phone_no(5), answers="-----", fiscal_year=fy - 1)
    assert "เกณฑ์ข้อ 1 จาก 5" in client.get(f"/sages/{old.id}/criteria/1").text


def test_lead_training_record_moves_the_team_bar(client, officer, village):
    lead = make_sage(village, role="lead")
    before = client.get(f"/villages/{village.id}").text
    assert "วิทยากรหลักยังไม่ผ่านการอบรมที่ ศพช." in before
    assert 'aria-valuenow="0"' in before
    bad = client.post(
        f"/sages/{lead.id}/training", data={"course_start": "2026-11-10", "course_end": "2026-11-01", "version": "1"}
    )
    assert "วันสุดท้ายต้องไม่ก่อนวันเริ่มอบรม" in bad.text
    assert (
        client.post(
            f"/sages/{lead.id}/training",
            data={
                "training_centre": "ศพช.พิษณุโลก",
                "course_start": "2026-11-01",
                "course_end": "2026-11-05",
                "course_passed": "yes",
                "workshop_date": "2026-11-20",
                "version": "1",
            },
        ).status_code
        == 303
    )
    after = client.get(f"/villages/{village.id}").text
    assert 'aria-valuenow="2"' in after
    assert "ขาดวิทยากรผู้ช่วยอีก 4 คน" in after
    assert "20 พ.ย. 2569" in client.get(f"/sages/{lead.id}").text


def test_stale_sage_edit_is_refused(client, officer, village):
    sage = make_sage(village)
    client.post(f"/sages/{sage.id}/edit", data={**VALID, "name": "ชื่อแรก", "version": "1"})
    response = client.post(f"/sages/{sage.id}/edit", data={**VALID, "name": "ชื่อที่สอง", "version": "1"})
    assert response.status_code == 409 and 'value="ชื่อที่สอง"' in response.text
    db.session.refresh(sage)
    assert sage.name == "ชื่อแรก"


def test_certificate_is_printable_dated_and_recorded_once_a_day(client, officer, village):
    sage = make_sage(village, "นางสมศรี", role="assistant")
    first = client.post(f"/sages/{sage.id}/certificates")
    second = client.post(f"/sages/{sage.id}/certificates")
    assert first.headers["Location"] == second.headers["Location"]
    cert = db.session.scalar(select(SageCertificate))
    assert (cert.issued_on, cert.issued_by_id) == (today(), officer.id)
    page = client.get(first.headers["Location"]).text
    assert "ใบประกาศเกียรติคุณ" in page and "นางสมศรี" in page
    assert format_date(today(), long=True) in page and "/static/certificate-" in page


def test_certificate_only_for_team_members(client, officer, village):
    sage = make_sage(village)
    assert client.post(f"/sages/{sage.id}/certificates").status_code == 422
    assert count(SageCertificate) == 0


def test_province_user_reads_sages_but_cannot_change_them(client, auth, village):
    sage = make_sage(village)
    make_user("prov", "province", "6013")
    auth.login("prov")
    assert client.get(f"/sages/{sage.id}").status_code == 200
    assert client.post(f"/sages/{sage.id}/role", data={"role": "lead"}).status_code == 403
    assert client.post(f"/sages/{sage.id}/criteria/1", data={"met": "no", "go": "next"}).status_code == 403


def test_every_sage_route_is_404_for_another_district(client, auth, village):
    sage = make_sage(village, role="lead")
    cert = SageCertificate(sage_id=sage.id, issued_on=date(2026, 11, 1))
    db.session.add(cert)
    db.session.commit()
    make_user("latyao", "district", "6011")
    auth.login("latyao")
    gets = [
        f"/villages/{village.id}/sages",
        f"/villages/{village.id}/sages/new",
        f"/sages/{sage.id}",
        f"/sages/{sage.id}/edit",
        f"/sages/{sage.id}/criteria/1",
        f"/sages/{sage.id}/training",
        f"/sages/{sage.id}/certificates/{cert.id}",
    ]
    for url in gets:
        assert client.get(url).status_code == 404, url
    posts = [
        (f"/villages/{village.id}/sages/new", VALID),
        (f"/sages/{sage.id}/edit", {**VALID, "version": "1"}),
        (f"/sages/{sage.id}/criteria/1", {"met": "no", "go": "next"}),
        (f"/sages/{sage.id}/role", {"role": "none"}),
        (f"/sages/{sage.id}/training", {"version": "1"}),
        (f"/sages/{sage.id}/certificates", {}),
    ]
    for url, data in posts:
        assert client.post(url, data=data).status_code == 404, url
    db.session.refresh(sage)
    assert sage.role == "lead" and count(Sage) == 1 and count(SageCertificate) == 1


def test_a_team_member_who_now_fails_a_required_criterion_leaves_the_team(client, officer, village):
    lead = make_sage(village, "หลัก", role="lead")
    client.post(f"/sages/{lead.id}/criteria/2", data={"met": "no", "go": "next"})
    db.session.refresh(lead)
    assert lead.role is None
    assert db.session.scalar(select(SageRoleChange.to_role)) is None and count(SageRoleChange) == 1


def test_one_person_takes_one_seat_on_a_team(client, officer, village):
    make_sage(village, "สมศรี", phone_no(1), role="assistant", national_id=thai_pin(3))
    twin = make_sage(village, "สมศรี (ซ้ำ)", phone_no(2), national_id=thai_pin(3))
    response = client.post(f"/sages/{twin.id}/role", data={"role": "assistant"})
    assert response.status_code == 422 and "คนละ 1 ที่นั่ง" in response.text


def test_two_people_sharing_a_phone_are_two_people(client, officer, village):
    make_sage(village, "สมศรี", phone_no(1), role="assistant")
    spouse = make_sage(village, "สมชาย", phone_no(1))  # the household's one phone
    assert client.post(f"/sages/{spouse.id}/role", data={"role": "assistant"}).status_code == 303


def test_a_course_cannot_be_passed_before_it_ends(client, officer, village):
    from datetime import timedelta

    lead = make_sage(village, role="lead")
    later = (today() + timedelta(days=30)).isoformat()
    response = client.post(
        f"/sages/{lead.id}/training",
        data={"course_start": later, "course_end": later, "course_passed": "yes", "version": "1"},
    )
    assert "ยังไม่จบการอบรม" in response.text
    db.session.refresh(lead)
    assert lead.course_passed is None
