"""The audit log page: scope by district, filters, paging."""
from datetime import date

from sqlalchemy import insert

from sammachip.extensions import db
from sammachip.models import AuditEntry
from sammachip.models.base import utcnow

from .factories import make_user


def add(action="sign_in", district="6013", user_id=None, username="u", household_id=None, at=None, **detail):
    db.session.execute(insert(AuditEntry), [{
        "at": at or utcnow(), "action": action, "district_code": district, "user_id": user_id,
        "username": username, "household_id": household_id, "table_name": "", "path": "", "address": "",
        "detail": detail}])
    db.session.commit()


def test_a_district_user_sees_its_district_only_and_an_admin_all(client, auth):
    make_user("district", "district", "6013")
    make_user("admin", "admin", "6013")
    add(username="mae-wong-officer")
    add(district="6014", username="other-district-officer")
    add(district=None, username="somebody-unknown")
    auth.login("district")
    html = client.get("/audit/").text
    assert "mae-wong-officer" in html and "other-district-officer" not in html and "somebody-unknown" not in html
    auth.logout()
    auth.login("admin")
    html = client.get("/audit/").text
    assert "mae-wong-officer" in html and "other-district-officer" in html and "somebody-unknown" in html


def test_filters_by_person_household_and_date(client, auth, clock):
    district = make_user("district", "district", "6013")
    officer = make_user("o1", "officer", "6013")
    add(user_id=officer.id, username="o1", household_id=5, at=clock.set(date(2026, 11, 20)))
    add(user_id=officer.id, username="o1", household_id=6, action="reveal_id", at=clock.set(date(2026, 11, 22)))
    add(user_id=None, username="zz-other", household_id=5, action="export", at=clock.set(date(2026, 11, 22)),
        rows=3, area="6013", fiscal_year=2570, format="csv", full_ids=False)
    clock.set(date(2026, 11, 24))
    auth.login("district")  # (its own sign-in is a row too)
    by_user = client.get(f"/audit/?user={officer.id}").text
    assert "พบ 2 รายการ" in by_user and "zz-other" not in by_user
    by_household = client.get("/audit/?household=5").text
    assert "พบ 2 รายการ" in by_household and "ครัวเรือนเลขที่ 6" not in by_household
    by_date = client.get("/audit/?since=22/11/2569&until=22/11/2569").text
    assert "พบ 2 รายการ" in by_date and "3 แถว" in by_date
    assert client.get("/audit/?since=31/02/2569").status_code == 400
    assert client.get("/audit/?household=abc").status_code == 400
    assert district.id


def test_pages_of_fifty_newest_first(client, auth):
    make_user("district", "district", "6013")
    for n in range(120):
        add(username=f"user{n:03d}")
    auth.login("district")
    first = client.get("/audit/").text
    assert "หน้า 1 จาก 3" in first and "user119" in first and "user069" not in first
    third = client.get("/audit/?page=3").text
    assert "user000" in third and "user050" not in third
    assert client.get("/audit/?page=0").status_code == 400


def test_officers_and_province_users_may_not_read_it(client, auth):
    make_user("officer", "officer", "6013")
    auth.login("officer")
    assert client.get("/audit/").status_code == 403
