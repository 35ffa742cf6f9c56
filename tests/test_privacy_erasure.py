"""PDPA requests of a household: the copy of everything held (access request) and consent
withdrawal with erasure, which keeps the village's and district's figures right."""
import json
from datetime import date

import pytest
from sqlalchemy import func, select

from sammachip.domain import indicators
from sammachip.domain.clock import today
from sammachip.extensions import db
from sammachip.models import (
    AuditEntry,
    CommunityFund,
    FollowUp,
    Household,
    HouseholdChange,
    Village,
)

from .factories import attend, make_followup, make_household, make_training, make_user, make_village, thai_pin

FY = 2570


def village_and_district(village_id: int, cutoff: date):
    district = indicators.indicators_by(db.session, "district_code", FY, Village.district_code == "6013", cutoff)
    return indicators.for_village(db.session, village_id, FY, cutoff), district["6013"]


@pytest.fixture
def district_user(auth):
    user = make_user("district", "district", "6013")
    auth.login("district")
    return user


@pytest.fixture
def three(village):
    """Three trained, visited households (Oct 2026 training, visits on 10 Nov 2026): A and B practise."""
    days = make_training(village, [date(2026, 10, d) for d in (5, 6, 7, 8, 9)], FY)
    a = make_household(village, "นางเอ ทดสอบ", n=1, income=120_000, fiscal_year=FY)
    b = make_household(village, "นายบี ลบข้อมูล", n=2, income=100_000, fiscal_year=FY)
    c = make_household(village, "นายซี ทดสอบ", n=3, income=90_000, fiscal_year=FY)
    for h, practising, income in ((a, "yes", 3000), (b, "yes", 6000), (c, "no", 0)):
        attend(days, h, 5)
        make_followup(h, date(2026, 11, 10), practising, income=income)
    b.phone, b.house_no, b.need_reason = "+66891234567", "99/9", "อยากมีรายได้เพิ่ม"
    visit = db.session.scalar(select(FollowUp).where(FollowUp.household_id == b.id))
    visit.problems, visit.help_needed, visit.sells_where = "หนี้นอกระบบ", "ขอทุน", "ตลาดนัดบ้านนายบี"
    db.session.add_all([
        HouseholdChange(household_id=b.id, changes={"phone": ["", "+66891234567"]}),
        CommunityFund(village_id=village.id, household_id=b.id, source="village_fund", amount=5000,
                      received_on=date(2026, 11, 12), purpose="ซื้อเมล็ดพันธุ์ให้นายบี"),
        FollowUp(household_id=b.id, kind="scheduled", status="due", due_date=date(2026, 12, 10)),
    ])
    db.session.commit()
    return a, b, c


@pytest.mark.usefixtures("district_user")
def test_erasure_keeps_the_figures_but_the_left_household_leaves_the_denominators(client, village, three):
    _a, b, _c = three
    make_household(make_village("601304", 1, "อื่น"), "อีกหมู่บ้าน", n=9, fiscal_year=FY)  # registered, untrained
    yesterday, now = date(2026, 11, 23), today()
    before_yesterday, before_now = village_and_district(village.id, yesterday), village_and_district(village.id, now)
    # Hand-computed: after = before + income × 365 ÷ 30 (nothing at intake): A 120,000 → 156,500; B 100,000 → 173,000.
    v = before_now[0]
    assert (v.trained, v.visited, v.practising, v.income_n, v.before_sum, v.after_sum) == (
        3, 3, 2, 2, 220_000, 329_500)
    assert client.get(f"/households/{b.id}/erase").status_code == 200
    assert client.post(f"/households/{b.id}/erase", data={}).status_code == 422  # not confirmed: nothing goes
    assert db.session.get(Household, b.id).erased_on is None
    response = client.post(f"/households/{b.id}/erase", data={"confirm": "y"})
    assert response.status_code == 303
    # As of yesterday nothing moved, for the village and for the district.
    assert village_and_district(village.id, yesterday) == before_yesterday
    # From today B has left (the leaving rule): out of every denominator. Hand-computed: A alone practises, C not.
    after = village_and_district(village.id, now)
    v = after[0]
    assert (v.registered, v.trained, v.visited, v.practising, v.income_n, v.before_sum, v.after_sum) == (
        2, 2, 2, 1, 1, 120_000, 156_500)
    assert after[1].registered == before_now[1].registered - 1 == 3  # the other village's household stays
    assert (after[1].trained, after[1].practising) == (2, 1)


@pytest.mark.usefixtures("district_user")
def test_erasure_clears_the_person_and_keeps_the_programme_data(client, village, three):
    _a, b, _c = three
    client.post(f"/households/{b.id}/erase", data={"confirm": "y"})
    h = db.session.get(Household, b.id)
    assert (h.head_name, h.national_id, h.phone, h.house_no, h.need_reason) == (f"#{b.id}", None, "", "", "")
    assert (h.members, h.main_occupation, h.income_per_year, h.need_occupation_id) == (4, "รับจ้าง", 100_000, 1)
    assert (h.erased_on, h.left_on, h.left_reason) == (today(), today(), "withdrew")
    visits = db.session.scalars(select(FollowUp).where(FollowUp.household_id == b.id)).all()
    assert [(v.status, v.practising, v.occupation_income, v.problems, v.help_needed, v.sells_where)
            for v in visits] == [("done", "yes", 6000, "", "", "")]  # the open visit went
    fund = db.session.scalar(select(CommunityFund).where(CommunityFund.household_id == b.id))
    assert (fund.amount, fund.purpose) == (5000, "")
    assert db.session.scalar(select(func.count()).select_from(HouseholdChange)
                             .where(HouseholdChange.household_id == b.id)) == 0
    page = client.get(f"/households/{b.id}").text
    assert "ลบข้อมูลส่วนบุคคลแล้ว" in page and "นายบี" not in page and "ถอนความยินยอม" in page
    # Logged by one row that holds nothing personal; the cleared values are not logged one by one.
    rows = db.session.scalars(select(AuditEntry).where(AuditEntry.path == f"/households/{b.id}/erase")).all()
    assert [r.action for r in rows] == ["erase"]
    logged = json.dumps(rows[0].detail, ensure_ascii=False)
    assert rows[0].detail["cleared"]["open_visits"] == 1
    for secret in ("นายบี", thai_pin(2)[-4:], "891234567", "99/9", "หนี้", "เมล็ด"):
        assert secret not in logged
    # Cannot be done twice nor undone: the page now leads back to the household.
    assert client.get(f"/households/{b.id}/erase").status_code == 303
    assert client.post(f"/households/{b.id}/erase", data={"confirm": "y"}).status_code == 303
    assert db.session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "erase")) == 1


@pytest.mark.usefixtures("district_user")
def test_two_erased_households_of_one_year_do_not_collide(client, village, three):
    _a, b, c = three
    for h in (b, c):
        assert client.post(f"/households/{h.id}/erase", data={"confirm": "y"}).status_code == 303
    erased = select(func.count()).select_from(Household).where(Household.national_id_hash.is_(None))
    assert db.session.scalar(erased) == 2


@pytest.mark.usefixtures("district_user")
def test_the_access_copy_holds_everything_in_thai_and_is_logged(client, village, three):
    _a, b, _c = three
    page = client.get(f"/households/{b.id}/data")
    assert page.status_code == 200
    for text in ("นายบี ลบข้อมูล", "089 123 4567", "99/9", "หนี้นอกระบบ",
                 "ซื้อเมล็ดพันธุ์ให้นายบี", "การเข้าอบรม", "วันที่ 5", "สำนักงานพัฒนาชุมชนอำเภอแม่วงก์"):
        assert text in page.text
    file = client.get(f"/households/{b.id}/data?format=json")
    assert file.headers["Content-Disposition"].startswith("attachment")
    data = json.loads(file.data)
    household = data["ครัวเรือน"][0]
    assert household["เลขประจำตัวประชาชน"].replace("-", "") == thai_pin(2)
    assert household["ชื่อ-นามสกุลหัวหน้าครัวเรือน"] == "นายบี ลบข้อมูล"
    assert len(data["การเยี่ยมติดตาม"]) == 2 and data["การสนับสนุนจากกองทุน"][0]["จำนวนเงิน (บาท)"] == 5000
    logged = db.session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "access_export",
                                                                AuditEntry.household_id == b.id)).all()
    assert logged == [{"format": "page"}, {"format": "json"}]


def test_officers_and_province_may_not_and_other_districts_get_404(client, auth, village, three):
    _a, b, _c = three
    make_user("officer", "officer", "6013")
    make_user("lat", "district", "6011")
    auth.login("officer")
    assert client.get(f"/households/{b.id}/data").status_code == 403
    assert client.post(f"/households/{b.id}/erase", data={"confirm": "y"}).status_code == 403
    auth.logout()
    auth.login("lat")
    assert client.get(f"/households/{b.id}/data").status_code == 404
    assert client.post(f"/households/{b.id}/erase", data={"confirm": "y"}).status_code == 404
    assert db.session.get(Household, b.id).erased_on is None


@pytest.mark.usefixtures("district_user")
def test_an_erased_households_id_is_not_offered_nor_revealed(client, village, three):
    _a, b, _c = three
    client.post(f"/households/{b.id}/erase", data={"confirm": "y"})
    assert "แตะเพื่อดูเลขเต็ม" not in client.get(f"/households/{b.id}").text
    assert client.post(f"/households/{b.id}/national-id").status_code == 404
    assert client.get(f"/villages/{village.id}/households").status_code == 200
    assert client.get(f"/households/{b.id}/data").status_code == 200


@pytest.mark.usefixtures("district_user")
def test_exports_and_reports_after_an_erasure(client, village, three):
    _a, b, _c = three
    client.post(f"/households/{b.id}/erase", data={"confirm": "y"})
    for kind in ("households", "followups", "attendance"):
        response = client.get(f"/exports/{kind}.csv?district=6013&fy={FY}")
        assert response.status_code in (200, 404), kind
        assert "นายบี" not in response.data.decode("utf-8-sig")
    assert f"#{b.id}" in client.get(f"/exports/households.csv?district=6013&fy={FY}").data.decode("utf-8-sig")
    assert client.get(f"/villages/{village.id}/report?fy={FY}").status_code == 200
    assert client.get(f"/districts/6013?fy={FY}").status_code == 200
