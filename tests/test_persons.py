"""A sage is one person across villages and years, known by national ID, never by phone."""
from sqlalchemy import func, select
from stdnum.th import pin

from sammachip.extensions import db
from sammachip.models import Household, Person, Sage

from .factories import SAGE_FORM, make_household, make_sage, make_user, make_village, phone_no, thai_pin
from .race import at_once, signed_in_clients

# People without Thai registration status get an ID starting with 0 (check digit as any other).
STATELESS = "0" + "12345678901" + pin.calc_check_digit("0123456789010"[:12])


def persons() -> int:
    return db.session.scalar(select(func.count()).select_from(Person))


def test_every_sage_row_has_a_person_and_a_shared_phone_makes_no_match(client, officer, village):
    first = make_sage(village, "สมศรี", phone_no(1))
    second = make_sage(village, "สมชาย", phone_no(1))
    assert first.person_id != second.person_id and persons() == 2
    client.post(f"/villages/{village.id}/sages/new", data={**SAGE_FORM, "name": "สมหญิง", "phone": "081-234-5001"})
    added = db.session.scalar(select(Sage).where(Sage.name == "สมหญิง"))
    assert added.person_id not in (first.person_id, second.person_id) and persons() == 3


def test_last_years_lead_is_recognised_this_year_by_id(client, officer, village):
    last_year = make_sage(village, "ลุงมี", phone_no(1), role="lead", fiscal_year=2569, national_id=thai_pin(41))
    reply = client.post(f"/villages/{village.id}/sages/new?fy=2570",
                        data={**SAGE_FORM, "name": "ลุงมี ปุ๋ยดี", "phone": "089-999-0000",
                              "national_id": pin.format(thai_pin(41))}, follow_redirects=True)
    this_year = db.session.scalar(select(Sage).where(Sage.fiscal_year == 2570))
    assert this_year.person_id == last_year.person_id and persons() == 1
    assert "เคยเป็นวิทยากรหลัก บ้านแม่เล่ย์ หมู่ 2 ต.แม่เล่ย์ ปี 2569" in reply.text
    shown = client.get(f"/sages/{this_year.id}").text
    assert "ประวัติของบุคคลนี้" in shown and "เคยเป็นวิทยากรหลัก บ้านแม่เล่ย์" in shown


def test_two_rows_become_one_person_when_the_same_id_is_entered_on_both(client, officer, village):
    a = make_sage(village, "นางดี", phone_no(1), fiscal_year=2569)
    b = make_sage(village, "นางดี", phone_no(2))
    assert persons() == 2
    for sage in (a, b):
        form = {**SAGE_FORM, "name": "นางดี", "phone": sage.phone, "national_id": thai_pin(52), "version": "1"}
        assert client.post(f"/sages/{sage.id}/edit", data=form).status_code == 303
    db.session.expire_all()
    assert a.person_id == b.person_id and persons() == 1
    assert db.session.get(Person, a.person_id).national_id == thai_pin(52)
    # A typo corrected on one row of a known person moves only that row.
    form = {**SAGE_FORM, "name": "นางดี", "phone": b.phone, "national_id": thai_pin(53), "version": "2"}
    assert client.post(f"/sages/{b.id}/edit", data=form).status_code == 303
    db.session.expire_all()
    assert a.person_id != b.person_id and db.session.get(Person, b.person_id).national_id == thai_pin(53)


def test_another_districts_history_is_only_said_to_exist(client, auth, village):
    make_user("mw", "officer", "6013")
    far = make_village("601101", 3, "ลาดยาวไกล")  # อ.ลาดยาว
    make_sage(far, "ปราชญ์ไกล", phone_no(1), role="lead", fiscal_year=2569, national_id=thai_pin(61))
    auth.login("mw")
    reply = client.post(f"/villages/{village.id}/sages/new?fy=2570",
                        data={**SAGE_FORM, "national_id": thai_pin(61)}, follow_redirects=True)
    assert "มีประวัติในอำเภออื่น" in reply.text and "ลาดยาวไกล" not in reply.text


def test_a_bad_id_is_refused_in_thai_and_a_0_id_is_taken_with_a_notice(client, officer, village):
    bad = client.post(f"/villages/{village.id}/sages/new", data={**SAGE_FORM, "national_id": thai_pin(1)[:-1] + "9"})
    assert bad.status_code == 200 and "เลขตรวจสอบหลักสุดท้ายไม่ตรง" in bad.text
    nine = "9" + thai_pin(1)[1:12]
    nine += pin.calc_check_digit(nine)
    assert "หลักแรกต้องเป็น 0–8" in client.post(f"/villages/{village.id}/sages/new",
                                                 data={**SAGE_FORM, "national_id": nine}).text
    assert persons() == 0
    ok = client.post(f"/villages/{village.id}/sages/new", data={**SAGE_FORM, "national_id": STATELESS},
                     follow_redirects=True)
    assert ok.status_code == 200 and "ไม่มีสถานะทางทะเบียนราษฎร" in ok.text
    assert db.session.scalar(select(Person)).national_id == STATELESS


def test_a_household_head_with_a_0_id_is_taken_with_a_notice(client, officer, village):
    household = make_household(village, "เดิม", n=3)
    form = {"head_name": "นายต่อ", "national_id": STATELESS, "phone": "", "house_no": "1", "members": "3",
            "main_occupation": "ทำไร่", "income_per_year": "50000", "need_occupation": "1",
            "need_occupation_other": "", "occupation_income_per_year": "0", "need_reason": "", "committed": "yes",
            "version": "1"}
    reply = client.post(f"/households/{household.id}/edit", data=form, follow_redirects=True)
    assert "ไม่มีสถานะทางทะเบียนราษฎร" in reply.text
    assert db.session.get(Household, household.id).national_id == STATELESS
    wrong = client.post(f"/households/{household.id}/edit",
                        data={**form, "national_id": STATELESS[:-1] + str((int(STATELESS[-1]) + 1) % 10),
                              "version": "2"})
    assert "เลขตรวจสอบหลักสุดท้ายไม่ตรง" in wrong.text


def test_two_officers_adding_the_same_new_person_at_once_make_one_person(app, village):
    """Real concurrent requests: neither sees the other's new person before inserting its own ID;
    the loser of the unique ID hash joins the winner's person instead of answering 500."""
    make_user("p1", "officer")
    make_user("p2", "officer")
    clients = signed_in_clients(app, ("p1", "p2"))
    village_ids = [village.id, make_village(moo=9, name="บ้านอื่น").id]  # two villages: no shared row to queue on
    db.session.commit()  # release the test's own write lock before the race

    def add(c, village_id):
        return c.post(f"/villages/{village_id}/sages/new", data={**SAGE_FORM, "national_id": thai_pin(77)}).status_code

    codes = at_once(add, list(zip(clients, village_ids, strict=True)))
    db.session.expire_all()
    assert codes == [303, 303]
    sages = db.session.scalars(select(Sage).where(Sage.village_id.in_(village_ids))).all()
    assert len(sages) == 2 and len({s.person_id for s in sages}) == 1
