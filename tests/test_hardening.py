"""Hostile or broken input: a Thai 400 (never a 500) and nothing stored, on
SQLite and on PostgreSQL (where a NUL in text used to fail inside the INSERT)."""
import pytest
from sqlalchemy import select

from sammachip.domain.clock import today
from sammachip.extensions import db
from sammachip.models import FollowUp, Household, HouseholdDraft, Sage, SageAnswer, Village

from .dbutil import count
from .factories import make_followup, make_household, make_sage, phone_no

NUL = "นาย\x00สมชาย"
BIG = "ก" * 100_000  # 100 KB of Thai (300 KB as UTF-8): under the 1 MB body limit
NUL_REFUSED = "อักขระพิเศษที่ระบบบันทึกไม่ได้"
TOKEN_REFUSED = "รหัสอ้างอิงไม่ถูกต้อง"
UUID = "1b4e28ba-2fa1-41d2-883f-0016d3cca427"
BAD_TOKENS = ["x" * 37, UUID + "0", "not-a-token", UUID.upper(), "'; DROP TABLE villages; --"]

VILLAGE = {"subdistrict_code": "601303", "moo": "7", "name": "หนองไผ่"}
SAGE = {"name": "นางสมศรี ใจดี", "phone": "081-234-5678", "occupation": "1", "occupation_other": "",
        "years_in_occupation": "12", "success_evidence": "", "lives_in_village": "yes", "notes": ""}
HEAD = {"head_name": "นายสมชาย ขยันดี", "national_id": "1-1017-00207-03-0", "phone": "0891234567",
        "house_no": "12/3", "members": "4"}


def refused(response, message=NUL_REFUSED):
    assert response.status_code == 400, response.text[-500:]
    assert message in response.text
    return response


def start_interview(client, village) -> str:
    response = client.post(f"/villages/{village.id}/households/new", data={"consent": "yes"})
    return response.headers["Location"].split("/")[2]


def followup_at_step_2(client, village) -> FollowUp:
    followup = make_followup(make_household(village), None, status="due", due_date=today())
    client.post(f"/followups/{followup.id}/1", data={"practising": "yes", "go": "next", "version": followup.version})
    db.session.refresh(followup)
    assert followup.step == 2
    return followup


def test_nul_in_the_village_form(client, officer):
    refused(client.post("/villages/new", data={**VILLAGE, "name": NUL}))
    refused(client.post("/villages/new", data={**VILLAGE, "name\x00": "x"}))  # in a field's name too
    refused(client.get("/villages?subdistrict=6013%0003"))  # and in a query string
    assert count(Village) == 0


def test_nul_in_the_sage_form_as_htmx_leaves_the_form_on_screen(client, officer, village):
    response = refused(client.post(f"/villages/{village.id}/sages/new", data={**SAGE, "notes": NUL},
                                   headers={"HX-Request": "true"}))
    assert response.headers["HX-Retarget"] == "#flash"  # the message goes to the flash area, not over the form
    assert count(Sage) == 0


def test_nul_in_an_interview_step_keeps_the_draft_as_it_was(client, officer, village):
    token = start_interview(client, village)
    refused(client.post(f"/interviews/{token}/2", data={**HEAD, "head_name": NUL, "go": "next"}))
    refused(client.post(f"/interviews/{token}/2", data={**HEAD, "house_no": NUL, "go": "back"}))
    draft = db.session.scalar(select(HouseholdDraft))
    assert "head_name" not in draft.data and draft.step == 2


def test_nul_in_a_follow_up_step_keeps_the_visit_as_it_was(client, officer, village):
    followup = followup_at_step_2(client, village)
    version = followup.version
    refused(client.post(f"/followups/{followup.id}/2", data={
        "income_last_month": "3000", "sells_where": NUL, "go": "next", "version": version}))
    db.session.refresh(followup)
    assert (followup.version, followup.step, "sells_where" in followup.data) == (version, 2, False)


def test_nul_in_the_login_form(client):
    refused(client.post("/login", data={"username": "admin\x00", "password": "x"}))


def test_a_100_kb_string_is_a_form_error_and_nothing_is_stored(client, officer, village):
    too_long = "ยาวเกิน"
    assert too_long in client.post("/villages/new", data={**VILLAGE, "name": BIG}).text
    assert too_long in client.post(f"/villages/{village.id}/sages/new", data={**SAGE, "notes": BIG}).text
    assert count(Village) == 1 and count(Sage) == 0  # the fixture's village only
    token = start_interview(client, village)
    response = client.post(f"/interviews/{token}/2", data={**HEAD, "head_name": BIG, "go": "next"})
    assert response.status_code == 200 and too_long in response.text
    draft = db.session.scalar(select(HouseholdDraft))
    assert draft.step == 2 and len(draft.data["head_name"]) == 120  # the typing is kept, cut to its limit
    followup = followup_at_step_2(client, village)
    response = client.post(f"/followups/{followup.id}/2", data={
        "income_last_month": "3000", "sells_where": BIG, "go": "next", "version": followup.version})
    assert response.status_code == 200 and too_long in response.text
    db.session.refresh(followup)
    assert followup.step == 2 and len(followup.data["sells_where"]) == 200


@pytest.mark.parametrize("bad", BAD_TOKENS)
def test_a_malformed_submit_token_is_refused_and_nothing_stored(client, officer, village, bad):
    refused(client.post("/villages/new", data={**VILLAGE, "submit_token": bad}), TOKEN_REFUSED)
    refused(client.post(f"/villages/{village.id}/sages/new", data={**SAGE, "submit_token": bad}), TOKEN_REFUSED)
    household = make_household(village)
    refused(client.post(f"/households/{household.id}/followups", data={"submit_token": bad}), TOKEN_REFUSED)
    refused(client.post(f"/villages/{village.id}/households/new", data={"consent": "yes", "token": bad}),
            TOKEN_REFUSED)
    assert (count(Village), count(Sage), count(FollowUp), count(HouseholdDraft)) == (1, 0, 0, 0)


def test_an_empty_submit_token_still_saves(client, officer):
    assert client.post("/villages/new", data={**VILLAGE, "submit_token": ""}).status_code == 303
    assert count(Village) == 1


@pytest.mark.parametrize("bad", ["not-a-token", "z" * 100, UUID + "0", "%00", "a%00b"])
def test_a_malformed_interview_token_in_the_url_is_refused(client, officer, village, bad):
    start_interview(client, village)
    message = NUL_REFUSED if "%00" in bad else TOKEN_REFUSED
    refused(client.get(f"/interviews/{bad}/2"), message)
    refused(client.post(f"/interviews/{bad}/2", data={**HEAD, "go": "next"}), message)
    refused(client.post(f"/interviews/{bad}/discard"), message)
    assert count(HouseholdDraft) == 1 and count(Household) == 0


def test_a_well_formed_unknown_interview_token_is_still_not_found(client, officer):
    assert client.get(f"/interviews/{UUID}/2").status_code == 404


@pytest.mark.parametrize("blank", [" ", "   ", "\t", "\u3000"])
def test_a_blank_criterion_answer_asks_for_one_and_saves_nothing(client, officer, village, blank):
    sage = make_sage(village, "ปราชญ์", phone_no(1), answers="-----")
    response = client.post(f"/sages/{sage.id}/criteria/1", data={"met": blank, "note": " ", "go": "next"})
    assert response.status_code == 200 and "กรุณาเลือก ใช่ หรือ ไม่ใช่" in response.text
    db.session.refresh(sage)
    assert sage.criteria_step == 1 and count(SageAnswer) == 0


def test_a_national_id_typed_in_thai_digits_is_accepted_and_stored_in_arabic_digits(client, officer, village):
    token = start_interview(client, village)
    wrong = client.post(f"/interviews/{token}/2", data={**HEAD, "national_id": "๑-๑๐๑๗-๐๐๒๐๗-๐๓-๑", "go": "next"})
    assert "เลขตรวจสอบหลักสุดท้ายไม่ตรง" in wrong.text  # a wrong check digit is still caught
    response = client.post(f"/interviews/{token}/2", data={**HEAD, "national_id": "๑-๑๐๑๗-๐๐๒๐๗-๐๓-๐", "go": "next"})
    assert response.status_code == 303 and response.headers["Location"].endswith("/3")
    for step, data in ((3, {"main_occupation": "ทำนา", "income_per_year": "60000"}),
                       (4, {"need_occupation": "1", "occupation_income_per_year": "0", "need_reason": "รายได้เสริม",
                           "committed": "yes"}),
                       (5, {"status": "registered"})):
        assert client.post(f"/interviews/{token}/{step}", data={**data, "go": "next"}).status_code == 303
    assert client.post(f"/interviews/{token}/6").status_code == 303
    assert db.session.scalar(select(Household)).national_id == "1101700207030"
