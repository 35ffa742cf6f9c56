import re

import pytest
from sqlalchemy import select

from sammachip.domain.clock import current_fiscal_year
from sammachip.extensions import db
from sammachip.models import Household, HouseholdChange, HouseholdDraft, PovertyLine

from .dbutil import count
from .factories import make_household, make_sage, make_user, make_village, phone_no, thai_pin
from .race import at_once

HEAD = {"head_name": "นายสมชาย ขยันดี", "national_id": "1-1017-00207-03-0", "phone": "0891234567",
        "house_no": "12/3", "members": "4"}
LIVING = {"main_occupation": "ทำนา", "income_per_year": "60000"}
NEED = {"need_occupation": "1", "need_occupation_other": "", "occupation_income_per_year": "0",
        "need_reason": "อยากมีรายได้เสริม", "committed": "yes"}






@pytest.fixture
def lead(village):
    return make_sage(village, "ครูผัก", phone_no(0), role="lead", occupation_id=1)


def start(client, village) -> str:
    response = client.post(f"/villages/{village.id}/households/new", data={"consent": "yes"})
    return response.headers["Location"].split("/")[2]


def answer(client, token, step, data, go="next"):
    return client.post(f"/interviews/{token}/{step}", data={**data, "go": go})


def interview(client, village, head=HEAD, assign=None) -> str:
    token = start(client, village)
    answer(client, token, 2, head)
    answer(client, token, 3, LIVING)
    answer(client, token, 4, NEED)
    answer(client, token, 5, assign or {"status": "registered"})
    return token


def test_whole_interview_makes_one_household_with_default_trainer(client, officer, village, lead):
    token = interview(client, village)
    review = client.get(f"/interviews/{token}/6")
    assert "ขั้นที่ 6 จาก 6" in review.text and "นายสมชาย ขยันดี" in review.text and "ครูผัก" in review.text
    response = client.post(f"/interviews/{token}/6")
    household = db.session.scalar(select(Household))
    assert response.headers["Location"] == f"/households/{household.id}"
    assert (household.national_id, household.phone, household.members, household.income_per_year) == (
        "1101700207030", "+66891234567", 4, 60000)
    assert (household.trainer_id, household.status, household.consent_by_id) == (lead.id, "registered", officer.id)
    assert count(HouseholdDraft) == 0
    page = client.get(f"/households/{household.id}").text
    assert "X-XXXX-XXXX7-03-0" in page and "1-1017-00207-03-0" not in page  # masked: revealing is a logged tap
    assert f"/villages/{village.id}/households/new" in page  # the next interview, in the same village


def test_refused_consent_stores_nothing(client, officer, village):
    response = client.post(f"/villages/{village.id}/households/new", data={"consent": "no"})
    assert "ครัวเรือนไม่ยินยอม จึงไม่ได้บันทึกข้อมูลใด ๆ ไว้" in response.text
    assert count(HouseholdDraft) == 0 and count(Household) == 0
    assert "กรุณาเลือก ใช่ หรือ ไม่ใช่" in client.post(f"/villages/{village.id}/households/new", data={}).text


def test_draft_left_at_step_3_resumes_with_answers_intact(client, officer, village, lead):
    token = start(client, village)
    answer(client, token, 2, HEAD)
    answer(client, token, 3, {"main_occupation": "ทำนา"})  # leaves mid-step: typed value kept, error shown
    village_page = client.get(f"/villages/{village.id}").text
    assert "สัมภาษณ์ที่ยังไม่เสร็จ" in village_page and f"/interviews/{token}/3" in village_page
    step3 = client.get(f"/interviews/{token}/3").text
    assert 'value="ทำนา"' in step3
    assert 'value="นายสมชาย ขยันดี"' in client.get(f"/interviews/{token}/2").text
    answer(client, token, 3, LIVING)
    answer(client, token, 4, NEED)
    answer(client, token, 5, {"status": "registered", "trainer": str(lead.id)})
    client.post(f"/interviews/{token}/6")
    assert db.session.scalar(select(Household)).income_per_year == 60000


def test_back_keeps_unvalidated_typing(client, officer, village):
    token = start(client, village)
    answer(client, token, 2, {**HEAD, "members": "สี่"}, go="back")
    assert 'value="สี่"' in client.get(f"/interviews/{token}/2").text


def test_drafts_belong_to_their_officer(client, auth, officer, village):
    token = start(client, village)
    make_user("colleague", "officer", "6013")
    auth.logout()
    auth.login("colleague")
    assert client.get(f"/interviews/{token}/2").status_code == 404
    assert f"/interviews/{token}" not in client.get(f"/villages/{village.id}").text


@pytest.mark.parametrize("change, message", [
    ({"head_name": ""}, "กรุณากรอกชื่อ-นามสกุลหัวหน้าครัวเรือน"),
    ({"head_name": "ก" * 121}, "ยาวเกิน 120 ตัวอักษร"),
    ({"national_id": "1101700207031"}, "เลขตรวจสอบหลักสุดท้ายไม่ตรง"),
    ({"national_id": "110170020703"}, "ต้องมี 13 หลัก"),
    ({"national_id": ""}, "กรุณากรอกเลขประจำตัวประชาชน"),
    ({"phone": "0212"}, "เบอร์โทรศัพท์ไม่ถูกต้อง"),
    ({"house_no": "1" * 21}, "ยาวเกิน 20 ตัวอักษร"),
    ({"members": "0"}, "ต้องอยู่ระหว่าง 1 ถึง 30"),
    ({"members": "31"}, "ต้องอยู่ระหว่าง 1 ถึง 30"),
])
def test_bad_head_input(client, officer, village, change, message):
    token = start(client, village)
    response = answer(client, token, 2, {**HEAD, **change})
    assert message in response.text
    assert "ขั้นที่ 2 จาก 6" in response.text  # stays on the step
    kept = {**HEAD, **change}["head_name"]
    if kept:
        assert f'value="{kept}"' in response.text


@pytest.mark.parametrize("step, data, message", [
    (3, {**LIVING, "income_per_year": "-1"}, "ต้องอยู่ระหว่าง 0 ถึง 10,000,000"),
    (3, {**LIVING, "income_per_year": "20000000"}, "ต้องอยู่ระหว่าง 0 ถึง 10,000,000"),
    (3, {**LIVING, "income_per_year": "หกหมื่น"}, "กรุณากรอกเป็นตัวเลขจำนวนเต็ม"),
    (3, {**LIVING, "main_occupation": ""}, "กรุณากรอกอาชีพหลักตอนนี้"),
    (4, {**NEED, "need_occupation": ""}, "กรุณาเลือกอาชีพ"),
    (4, {**NEED, "need_occupation": "other"}, "กรุณาระบุอาชีพ"),
    (4, {**NEED, "need_reason": "ก" * 501}, "ยาวเกิน 500 ตัวอักษร"),
    (4, {**NEED, "committed": "no"}, "ต้องตั้งใจเข้าร่วมครบ 5 วัน"),
    (5, {"status": "vip"}, "กรุณาเลือกสถานะ"),
    (5, {"status": "registered", "trainer": "99999"}, "กรุณาเลือกวิทยากรจากรายการ"),
])
def test_bad_input_in_later_steps(client, officer, village, step, data, message):
    token = start(client, village)
    response = answer(client, token, step, data)
    assert message in response.text
    assert f"ขั้นที่ {step} จาก 6" in response.text


def test_html_in_names_is_escaped_everywhere(client, officer, village):
    token = interview(client, village, head={**HEAD, "head_name": "<img src=x onerror=alert(1)>"})
    assert "<img src=x" not in client.get(f"/interviews/{token}/6").text
    client.post(f"/interviews/{token}/6")
    household = db.session.scalar(select(Household))
    for url in (f"/households/{household.id}", f"/villages/{village.id}", f"/villages/{village.id}/households"):
        html = client.get(url).text
        assert "<img src=x" not in html and "&lt;img src=x" in html


def test_same_id_in_the_same_year_anywhere_is_refused_naming_only_villages_of_the_area(client, officer, village):
    """PDPA: an officer learns which village holds the person only inside their own district."""
    far = make_village("601101", 4, "ไกลบ้าน")  # another district
    make_household(far, "คนเดิม", n=7)
    near = make_village("601304", 5, "ใกล้บ้าน")
    make_household(near, "คนใกล้", n=8)
    token = start(client, village)
    response = answer(client, token, 2, {**HEAD, "national_id": thai_pin(7)})
    assert "ขึ้นทะเบียนแล้วในปีงบประมาณ 2570 ในอำเภออื่น" in response.text and "ไกลบ้าน" not in response.text
    nearby = answer(client, token, 2, {**HEAD, "national_id": thai_pin(8)})
    assert "บ้านใกล้บ้าน หมู่ 5" in nearby.text
    # last year's registration does not block
    db.session.execute(Household.__table__.update().values(fiscal_year=current_fiscal_year() - 1))
    db.session.commit()
    assert answer(client, token, 2, {**HEAD, "national_id": thai_pin(7)}).status_code == 303


def test_the_21st_household_goes_to_the_reserve_list(client, officer, village):
    for n in range(1, 21):
        make_household(village, f"ครัวเรือน{n}", n=n)
    token = interview(client, village)
    response = answer(client, token, 5, {"status": "registered"})
    assert "มีครัวเรือนเป้าหมายครบ 20 ครัวเรือนแล้ว บันทึกเป็นรายชื่อสำรองได้" in response.text
    answer(client, token, 5, {"status": "reserve"})
    client.post(f"/interviews/{token}/6")
    assert count(Household, Household.status == "reserve") == 1
    assert count(Household, Household.status == "registered") == 20


def test_the_fifth_household_for_a_trainer_is_refused(client, officer, village, lead):
    for n in range(1, 5):
        make_household(village, f"ครัวเรือน{n}", n=n, trainer=lead)
    token = interview(client, village)
    response = answer(client, token, 5, {"status": "registered", "trainer": str(lead.id)})
    assert "วิทยากรคนนี้ดูแลครบ 4 ครัวเรือนแล้ว" in response.text
    assert count(Household, Household.trainer_id == lead.id) == 4


def test_default_trainer_teaches_the_wanted_occupation(client, officer, village, lead):
    fish = make_sage(village, "ครูปลา", phone_no(1), role="assistant", occupation_id=7)
    token = interview(client, village, assign={"status": "registered"})
    answer(client, token, 4, {**NEED, "need_occupation": "7"})
    page = client.get(f"/interviews/{token}/5").text
    assert re.search(rf'<option selected value="{fish.id}">', page)


def test_same_token_twice_makes_one_household_and_shows_it(client, officer, village, lead):
    token = interview(client, village)
    first = client.post(f"/interviews/{token}/6")
    second = client.post(f"/interviews/{token}/6")
    assert first.headers["Location"] == second.headers["Location"]
    assert client.get(f"/interviews/{token}/6").headers["Location"] == first.headers["Location"]
    assert count(Household) == 1


def test_two_submits_at_once_make_one_household(app, client, officer, village, lead):
    token = interview(client, village)
    db.session.commit()
    codes = at_once(lambda: client.post(f"/interviews/{token}/6").status_code, [(), ()])
    db.session.expire_all()
    assert codes == [303, 303]
    assert count(Household) == 1


def test_stale_edit_is_refused_and_nothing_overwritten(client, officer, village):
    household = make_household(village, "เดิม", n=3)
    form = {**HEAD, **LIVING, **NEED, "national_id": thai_pin(3), "version": "1"}
    assert client.post(f"/households/{household.id}/edit", data={**form, "head_name": "คนแรกแก้"}).status_code == 303
    response = client.post(f"/households/{household.id}/edit", data={**form, "head_name": "คนที่สองแก้"})
    assert response.status_code == 409
    assert "มีผู้อื่นแก้ไขข้อมูลนี้ก่อนคุณบันทึก" in response.text and 'value="คนที่สองแก้"' in response.text
    db.session.refresh(household)
    assert household.head_name == "คนแรกแก้"
    change = db.session.scalar(select(HouseholdChange))
    assert change.changes["head_name"] == ["เดิม", "คนแรกแก้"] and change.user_id == officer.id


def test_move_household_to_another_trainer(client, officer, village, lead):
    other = make_sage(village, "ครูสอง", phone_no(2), role="assistant")
    for n in range(1, 5):
        make_household(village, f"ของครูสอง{n}", n=n, trainer=other)
    mine = make_household(village, "ย้ายฉัน", n=9, trainer=lead)
    refused = client.post(f"/households/{mine.id}/placement", data={"status": "registered", "trainer": str(other.id)})
    assert refused.status_code == 422 and "ดูแลครบ 4 ครัวเรือนแล้ว" in refused.text
    free = make_sage(village, "ครูสาม", phone_no(3), role="assistant")
    placement = {"status": "registered", "trainer": str(free.id)}
    assert client.post(f"/households/{mine.id}/placement", data=placement).status_code == 303
    db.session.refresh(mine)
    assert mine.trainer_id == free.id
    assert "ย้ายฉัน" in client.get(f"/villages/{village.id}").text


def test_deselected_trainer_leaves_households_unassigned(client, officer, village, lead):
    household = make_household(village, "ลูกศิษย์", n=5, trainer=lead)
    response = client.post(f"/sages/{lead.id}/role", data={"role": "none"}, follow_redirects=True)
    assert "ยังไม่มีวิทยากรดูแล" in response.text
    db.session.refresh(household)
    assert household.trainer_id is None


def test_ids_masked_on_lists_and_for_province(client, auth, officer, village):
    household = make_household(village, "ส่วนตัว", n=11)
    listing = client.get(f"/villages/{village.id}/households").text
    assert "X-XXXX-XXXX" in listing and thai_pin(11) not in listing
    make_user("prov", "province", "6013")
    auth.logout()
    auth.login("prov")
    page = client.get(f"/households/{household.id}").text
    full = f"{thai_pin(11)[0]}-{thai_pin(11)[1:5]}"
    assert "X-XXXX-XXXX" in page and full not in page
    assert "120,000" not in page  # income hidden too


def test_the_jpt_income_criterion_is_data_per_year(client, officer, village):
    make_household(village, "รายได้น้อย", n=1, income=100_000, members=3)  # 33,333 per person < 38,000
    make_household(village, "พอมี", n=2, income=120_000, members=3)  # 40,000 per person
    listing = client.get(f"/villages/{village.id}/households").text
    assert listing.count("ต่ำกว่าเกณฑ์รายได้ จปฐ.") == 1 and "เกณฑ์รายได้ จปฐ. 38,000" in listing
    assert "ยากจน" not in listing  # the จปฐ. income criterion, not the poverty line
    db.session.add(PovertyLine(fiscal_year=current_fiscal_year(), baht_per_person_year=45_000))
    db.session.commit()
    assert client.get(f"/villages/{village.id}/households").text.count("ต่ำกว่าเกณฑ์รายได้ จปฐ.") == 2


def test_every_household_route_is_404_for_another_district(client, auth, officer, village):
    household = make_household(village, "ของแม่วงก์", n=1)
    token = start(client, village)
    make_user("latyao", "district", "6011")
    auth.logout()
    auth.login("latyao")
    for url in (
        f"/villages/{village.id}/households",
        f"/villages/{village.id}/households/new",
        f"/households/{household.id}",
        f"/households/{household.id}/edit",
        f"/interviews/{token}/2",
    ):
        assert client.get(url).status_code == 404, url
    for url, data in (
        (f"/villages/{village.id}/households/new", {"consent": "yes"}),
        (f"/households/{household.id}/edit", {**HEAD, **LIVING, **NEED, "version": "1"}),
        (f"/households/{household.id}/placement", {"status": "reserve"}),
        (f"/interviews/{token}/2", HEAD),
        (f"/interviews/{token}/6", {}),
        (f"/interviews/{token}/discard", {}),
    ):
        assert client.post(url, data=data).status_code == 404, url
    db.session.refresh(household)
    assert household.status == "registered" and count(HouseholdDraft) == 1


def test_double_tap_on_consent_opens_one_interview(client, officer, village):
    token = "0d6c1c2e-1111-4222-8333-444455556666"
    first = client.post(f"/villages/{village.id}/households/new", data={"consent": "yes", "token": token})
    second = client.post(f"/villages/{village.id}/households/new", data={"consent": "yes", "token": token})
    assert first.headers["Location"] == second.headers["Location"] == f"/interviews/{token}/2"
    assert count(HouseholdDraft) == 1


def test_back_from_the_first_answers_stays_in_the_draft(client, officer, village):
    token = start(client, village)
    response = answer(client, token, 2, {"head_name": "ยังไม่เสร็จ"}, go="back")
    assert response.headers["Location"] == f"/interviews/{token}/2"
    assert f"/interviews/{token}/2" in client.get(f"/villages/{village.id}").text


def test_draft_answers_are_cut_to_their_limits(client, officer, village):
    token = start(client, village)
    answer(client, token, 2, {**HEAD, "head_name": "ก" * 5000, "house_no": "9" * 5000})
    draft = db.session.scalar(select(HouseholdDraft))
    assert len(draft.data["head_name"]) == 120 and len(draft.data["house_no"]) == 20


def test_change_history_says_who(client, officer, village):
    household = make_household(village, "เดิม", n=3)
    form = {**HEAD, **LIVING, **NEED, "national_id": thai_pin(3), "version": "1", "head_name": "ใหม่"}
    client.post(f"/households/{household.id}/edit", data=form)
    assert "officer: ชื่อ" in client.get(f"/households/{household.id}").text
