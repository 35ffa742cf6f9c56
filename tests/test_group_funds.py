"""Community fund support given to an occupational group: the group's form and page, the step `fund`
counting a qualifying group's record as of the cut-off, the area rule, the export and the migration."""
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from sammachip.domain.clock import today
from sammachip.domain.groups import change_status
from sammachip.domain.results import fund_done
from sammachip.extensions import db
from sammachip.models import CommunityFund, Village
from sammachip.progress.wording import step_detail

from .dbutil import QueryCounter, count
from .factories import make_household, make_target, make_user, make_village
from .groups_util import group_of, step, trained
from .reading import read_csv

TOKEN = "9c2d4e6f-1a3b-4c5d-8e7f-0a1b2c3d4e5f"
FORM = {"source": "savings_group", "amount": "20000", "received_on": "10/11/2569", "purpose": "ซื้อเมล็ดพันธุ์ผัก"}


def give(group, amount=20_000, on=date(2026, 11, 10), source="savings_group") -> CommunityFund:
    fund = CommunityFund(village_id=group.village_id, group_id=group.id, source=source, amount=amount,
                         received_on=on)
    db.session.add(fund)
    db.session.commit()
    return fund


def test_a_groups_record_flips_the_fund_step(app, client, officer, village):
    group = group_of(village, trained(village, 1))
    assert step(village, "group").done and not step(village, "fund").done
    for _ in range(2):  # a double tap: one record
        answer = client.post(f"/groups/{group.id}/funds/new", data={**FORM, "submit_token": TOKEN})
        assert answer.status_code == 303 and answer.location.endswith(f"/groups/{group.id}#funds")
    fund = db.session.scalar(select(CommunityFund))
    assert count(CommunityFund) == 1
    assert (fund.group_id, fund.household_id, fund.village_id, fund.amount) == (group.id, None, village.id, 20_000)
    result = step(village, "fund")
    assert result.done and result.detail == {"households": 0, "groups": 1, "amount": 20_000}
    with app.test_request_context():
        assert step_detail("fund", result.detail) == "กลุ่มอาชีพได้รับทุน 1 กลุ่ม รวม 20,000 บาท"
    assert not step(village, "fund", on=date(2026, 11, 9)).done  # dated after that day's cut-off
    page = client.get(f"/groups/{group.id}").text
    assert "กองทุนที่กลุ่มได้รับ" in page and "20,000 บาท" in page and "ซื้อเมล็ดพันธุ์ผัก" in page
    assert f"/groups/{group.id}/funds/new" in page and f"/funds/{fund.id}" in page
    listed = client.get(f"/villages/{village.id}/funds").text
    assert "กลุ่มผักปลอดสาร" in listed and "กลุ่มออมทรัพย์เพื่อการผลิต · 20,000 บาท" in listed
    household = make_household(village, "มีทุนเอง", n=77)
    db.session.add(CommunityFund(village_id=village.id, household_id=household.id, source="kkkc", amount=5_000,
                                 received_on=date(2026, 11, 12)))
    db.session.commit()
    result = step(village, "fund")
    assert result.detail == {"households": 1, "groups": 1, "amount": 25_000}
    with app.test_request_context():
        assert step_detail("fund", result.detail) == "ได้รับทุน 1 ครัวเรือน และ 1 กลุ่ม รวม 25,000 บาท"


def test_a_group_not_active_on_the_cut_off_or_without_a_trained_member_does_not_count(village):
    members = trained(village, 1)
    group = group_of(village, members, status="forming")
    give(group)
    assert not step(village, "fund").done  # forming
    change_status(db.session, group, "active", date(2026, 11, 20), "", None, today())
    db.session.commit()
    assert step(village, "fund").done
    assert not step(village, "fund", on=date(2026, 11, 19)).done  # the record is older, the group not yet active
    change_status(db.session, group, "stopped", date(2026, 11, 22), "", None, today())
    db.session.commit()
    assert not step(village, "fund").done
    assert step(village, "fund", on=date(2026, 11, 21)).done  # a day it was active
    untrained = group_of(village, [make_household(village, "มาวันเดียว", n=99)])
    give(untrained, 9_000)
    assert not step(village, "fund").done  # its only household is not trained


def test_a_tambon_wide_groups_record_counts_where_the_group_qualifies_in_a_fixed_number_of_queries(village):
    neighbour, far = make_village("601303", 5, "หนองบัว"), make_village("601303", 6, "ไกล")
    group = group_of(village, [*trained(village, 1), *trained(neighbour, 1, name="บัว")], tambon_wide=True)
    give(group, 3_000)
    give(group, 4_000, on=date(2026, 11, 11))
    trained(far, 1, name="ไกล")
    here, there = village.id, neighbour.id
    fund_done(db.session, Village.id == far.id, 2570, today())  # the year's rules are read once, then kept
    with QueryCounter(db.engine) as one:
        fund_done(db.session, Village.id == here, 2570, today())
    with QueryCounter(db.engine) as three:
        found = fund_done(db.session, Village.subdistrict_code == "601303", 2570, today())
    assert three.count == one.count == 1
    assert {vid: r.detail for vid, r in found.items()} == {
        here: {"households": 0, "groups": 1, "amount": 7_000},
        there: {"households": 0, "groups": 1, "amount": 7_000}}  # no trained member in the third


def test_bad_input_on_a_groups_form_is_a_thai_422(client, officer, village):
    group = group_of(village, founded=date(2026, 11, 1))
    bad = client.post(f"/groups/{group.id}/funds/new", data={"source": "lottery", "amount": "abc",
                                                             "received_on": "31/10/2569"})
    assert bad.status_code == 422 and "กรุณาเลือกแหล่งทุนจากรายการ" in bad.text
    assert "กรุณากรอกเป็นตัวเลขจำนวนเต็ม" in bad.text and "วันที่ต้องไม่ก่อนวันจัดตั้งกลุ่ม" in bad.text
    late = client.post(f"/groups/{group.id}/funds/new", data={**FORM, "received_on": "25/11/2569"})
    assert late.status_code == 422 and "วันที่ต้องไม่เลยวันนี้" in late.text
    other = client.post(f"/groups/{group.id}/funds/new", data={**FORM, "source": "other", "amount": "0"})
    assert other.status_code == 422 and "กรุณาระบุแหล่งทุน" in other.text and "ต้องอยู่ระหว่าง 1" in other.text
    assert "บันทึกการได้รับทุนของกลุ่ม" in client.get(f"/groups/{group.id}/funds/new").text
    assert count(CommunityFund) == 0


def test_a_groups_record_is_edited_and_removed_through_the_fund_routes(client, officer, village):
    group = group_of(village)
    fund = give(group)
    form = client.get(f"/funds/{fund.id}").text
    assert "แก้ไขการได้รับทุนของกลุ่ม" in form and f'href="/groups/{group.id}#funds"' in form
    data = {**FORM, "amount": "21000", "version": fund.version}
    assert client.post(f"/funds/{fund.id}", data={**data, "version": fund.version + 1}).status_code == 409
    assert client.post(f"/funds/{fund.id}", data={**data, "received_on": "01/10/2569"}).status_code == 422
    saved = client.post(f"/funds/{fund.id}", data=data)
    assert saved.status_code == 303 and saved.location.endswith(f"/groups/{group.id}#funds")
    db.session.refresh(fund)
    assert fund.amount == 21_000
    gone = client.post(f"/funds/{fund.id}/delete")
    assert gone.status_code == 303 and gone.location.endswith(f"/groups/{group.id}#funds")
    assert count(CommunityFund) == 0


def test_a_groups_fund_pages_of_another_district_are_404(client, auth):
    group = group_of(make_village("601101", 2, "ลาดยาว"))
    fund = give(group)
    make_user("officer", "officer", "6013")
    auth.login("officer")
    for url in (f"/groups/{group.id}/funds/new", f"/funds/{fund.id}"):
        assert client.get(url).status_code == 404, url
        assert client.post(url, data=FORM).status_code == 404, url
    assert client.post(f"/funds/{fund.id}/delete").status_code == 404
    assert count(CommunityFund) == 1


def test_the_funds_export_names_the_group_of_its_year_and_area(client, auth, village):
    make_target(village)
    give(group_of(village), 6_000)
    give(group_of(village), 1_000, on=date(2025, 11, 1))  # fiscal year 2569
    give(group_of(make_target(make_village("601101", 2, "ลาดยาว"))), 2_000)
    make_user("officer", "officer", "6013")
    auth.login("officer")
    head, *rows = read_csv(client.get("/exports/funds.csv?fy=2570"))
    assert head[5] == "ชื่อหัวหน้าครัวเรือน หรือกลุ่มอาชีพ"
    assert [r[5:10] for r in rows] == [["กลุ่มผักปลอดสาร", "", "กลุ่มออมทรัพย์เพื่อการผลิต", "6000", "10/11/2569"]]


def test_a_record_names_exactly_one_of_a_household_and_a_group(village):
    group, household = group_of(village), make_household(village)
    for owner in ({}, {"group_id": group.id, "household_id": household.id}):
        db.session.add(CommunityFund(village_id=village.id, source="other", source_other="x", amount=1,
                                     received_on=today(), **owner))
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()


def test_the_migration_goes_down_without_groups_records_and_up_again(village):
    """Down: a group's records go (they have no household), a household's stay; up: a group's may be added."""
    from flask_migrate import downgrade, upgrade

    group, household = group_of(village), make_household(village)
    give(group)
    db.session.add(CommunityFund(village_id=village.id, household_id=household.id, source="kkkc", amount=5,
                                 received_on=today()))
    db.session.commit()
    group_id, household_id, village_id = group.id, household.id, village.id
    db.session.remove()
    downgrade(revision="d7c45b77730c")  # just before funds given to groups
    upgrade()
    assert db.session.execute(select(CommunityFund.household_id, CommunityFund.group_id)).all() == [(household_id,
                                                                                                     None)]
    db.session.add(CommunityFund(village_id=village_id, group_id=group_id, source="other", source_other="x",
                                 amount=1, received_on=today()))
    db.session.commit()
    assert count(CommunityFund) == 2
