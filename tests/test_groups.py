"""Occupational groups and OTOP products: the steps `group` and `otop` from records, as of the cut-off;
the 10 % KPI; the screens; the visit's group picked from a list; exports; the demo."""
from datetime import date, timedelta

from sqlalchemy import select

from sammachip.domain.clock import today
from sammachip.domain.groups import change_status, set_members
from sammachip.extensions import db
from sammachip.models import FollowUp, GroupMember, OccupationalGroup, OtopProduct, VillageStepMark

from .factories import make_followup, make_household, make_user, make_village
from .groups_util import group_of, step, trained

TOKEN = "6b1f0c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e"


def test_the_group_step_flips_with_an_active_group_holding_a_trained_household(app, village):
    households = trained(village, 2)
    untrained = make_household(village, "มาวันเดียว", n=99)
    assert not step(village, "group").done
    group = group_of(village, [untrained], others=["นางอื่น นอกโครงการ"], status="forming")
    assert not step(village, "group").done  # forming, and its only household is not trained
    set_members(db.session, group, {untrained.id, households[0].id}, set(), [], date(2026, 11, 2))
    db.session.commit()
    assert not step(village, "group").done  # still forming
    change_status(db.session, group, "active", date(2026, 11, 3), "", None, today())
    db.session.commit()
    result = step(village, "group")
    assert result.done and not result.legacy and result.detail == {"households": 1}
    assert not step(village, "group", on=date(2026, 11, 2)).done  # as of a day before it was active


def test_the_otop_step_needs_a_registration_number_on_such_a_group(app, village):
    group = group_of(village, trained(village, 1))
    product = OtopProduct(group_id=group.id, name="ผักสลัด", category="food")
    db.session.add(product)
    db.session.commit()
    assert step(village, "group").done and not step(village, "otop").done  # not registered
    product.registration_no, product.registered_year, product.stars, product.stars_year = "601303021", 2569, 4, 2569
    db.session.commit()
    assert step(village, "otop").done and step(village, "otop").detail == {"products": 1}
    product.registered_year = 2570  # registered in a year after the cut-off's (2569)
    db.session.commit()
    assert not step(village, "otop").done


def test_a_tambon_group_counts_for_each_village_whose_trained_household_is_a_member(app, village):
    neighbour = make_village("601303", 5, "หนองบัว")
    elsewhere = make_village("601304", 1, "วังซ่าน")
    mine, theirs, far = trained(village, 1), trained(neighbour, 1, name="บัว"), trained(elsewhere, 1, name="ไกล")
    group = group_of(village, [*mine, *theirs, *far])
    assert step(village, "group").done and not step(neighbour, "group").done  # a village's own group only
    group.tambon_wide = True
    db.session.commit()
    assert step(neighbour, "group").done and not step(elsewhere, "group").done  # another tambon


def test_a_group_stopped_after_the_cut_off_leaves_that_years_step_and_kpi(client, auth, village):
    """FY 2569: trained in January 2026, group active from March; it stops on 15 Oct 2026 (FY 2570)."""
    make_user("boss", "district", "6013")
    other = make_village("601303", 5, "หนองบัว")
    make_household(other, "ไม่มีกลุ่ม", n=5000, fiscal_year=2569)  # a second 2569 target village, no group
    households = trained(village, 1, fy=2569, dates=[date(2026, 1, d) for d in range(5, 10)])
    group = group_of(village, households, founded=date(2026, 3, 1))
    auth.login("boss")
    before = client.get("/districts/6013?fy=2569").text
    assert step(village, "group", 2569).done and "1 จาก 2 หมู่บ้าน" in before and "50%" in before
    make_user("officer", "officer", "6013")
    auth.logout()
    auth.login("officer")
    stopped = client.post(f"/groups/{group.id}/status", data={"status": "stopped", "changed_on": "15/10/2569",
                                                              "note": "เลิกทำ"})
    assert stopped.status_code == 303
    db.session.refresh(group)
    assert group.status == "stopped"
    assert step(village, "group", 2569).done  # last year's step is as it was
    auth.logout()
    auth.login("boss")
    after = client.get("/districts/6013?fy=2569").text
    assert "1 จาก 2 หมู่บ้าน" in after and "50%" in after
    early = group_of(village, households, founded=date(2026, 3, 1))  # a second group, stopped before the cut-off
    group.village_id = other.id  # (the first one moved out of the way)
    db.session.commit()
    change_status(db.session, early, "stopped", date(2026, 9, 1), "", None, today())
    db.session.commit()
    assert not step(village, "group", 2569).done  # a stop before the cut-off does count


def test_kpi_hand_computed_with_a_legacy_mark_and_the_years_rule(client, auth):
    """Four target villages of 2570 in Mae Wong: A has a group with a trained member, B an older mark,
    C a group without trained members, D nothing: 2 ÷ 4 = 50 % against 10 %. Province: the same."""
    make_user("boss", "district", "6013")
    make_user("prov", "province", "6013")
    a, b, c, d = (make_village("601303", m, n) for m, n in ((1, "เอ"), (2, "บี"), (3, "ซี"), (4, "ดี")))
    group_of(a, trained(a, 1, name="เอ"))
    db.session.add(VillageStepMark(village_id=b.id, fiscal_year=2570, step="group", done_on=date(2026, 11, 1),
                                   note="กลุ่มเดิม"))
    make_household(b, "บี", n=7001)
    group_of(c, [make_household(c, "ซี", n=7002)])
    make_household(d, "ดี", n=7003)
    auth.login("boss")
    page = client.get("/districts/6013").text
    assert "2 จาก 4 หมู่บ้าน" in page and "50%" in page and "เป้า 10%" in page
    assert "ปลูกผักปลอดสารพิษ: 2 กลุ่ม (ดำเนินการอยู่ 2)" in page  # A's and C's groups
    auth.logout()
    auth.login("prov")
    province = client.get("/provinces/60").text
    assert "2 จาก 4 หมู่บ้าน" in province and "มีกลุ่มอาชีพ 2/4 หมู่บ้าน" in province


def test_screens_add_a_group_its_members_status_and_a_product(client, officer, village):
    households = trained(village, 3)
    form = {"name": "กลุ่มทอผ้า", "occupation": "other", "occupation_other": "ทอผ้า", "scope": "village",
            "founded_on": "01/11/2569", "status": "active", "leader_name": "นางมาลี", "registered": "yes",
            "registered_with": "", "submit_token": TOKEN}
    bad = client.post(f"/villages/{village.id}/groups/new", data=form)
    assert bad.status_code == 422 and "กรุณาระบุว่าจดทะเบียนที่ใด" in bad.text and 'value="กลุ่มทอผ้า"' in bad.text
    form["registered_with"] = "สำนักงานเกษตรอำเภอ (วิสาหกิจชุมชน)"
    made = client.post(f"/villages/{village.id}/groups/new", data=form)
    assert made.status_code == 303
    assert client.post(f"/villages/{village.id}/groups/new", data=form).status_code == 303  # double tap: one group
    group = db.session.scalar(select(OccupationalGroup))
    assert db.session.query(OccupationalGroup).count() == 1 and group.status == "active"
    page = client.get(f"/groups/{group.id}/members").text
    assert 'class="pick-list"' in page and households[0].head_name in page
    saved = client.post(f"/groups/{group.id}/members", data={
        "households": [str(households[0].id), str(households[1].id)], "new_names": "นายนอก โครงการ\n\n",
        "on": "02/11/2569", "version": group.version})
    assert saved.status_code == 303
    assert {m.label for m in db.session.scalars(select(GroupMember))} == {"ครัวเรือน0", "ครัวเรือน1", "นายนอก โครงการ"}
    stale = client.post(f"/groups/{group.id}/members", data={"households": [], "on": "03/11/2569", "version": "1"})
    assert stale.status_code == 409 and "มีผู้อื่นแก้ไข" in stale.text
    assert step(village, "group").done
    wrong = client.post(f"/groups/{group.id}/status", data={"status": "x", "changed_on": "30/11/2569"})
    assert wrong.status_code == 422 and "กรุณาเลือกสถานะของกลุ่ม" in wrong.text
    product = {"name": "ผ้าซิ่นตีนจก", "category": "textile", "registration_no": "6013-0001", "registered_year": "",
               "stars": "5", "stars_year": "2569", "submit_token": TOKEN.replace("6b", "7c")}
    refused = client.post(f"/groups/{group.id}/products/new", data=product)
    assert refused.status_code == 422 and "กรุณากรอกปีที่ขึ้นทะเบียน" in refused.text
    added = client.post(f"/groups/{group.id}/products/new", data={**product, "registered_year": "2569"})
    assert added.status_code == 303
    saved = db.session.scalar(select(OtopProduct))
    assert (saved.stars, saved.registered_year) == (5, 2569) and step(village, "otop").done
    edit = client.post(f"/products/{saved.id}/edit", data={**product, "registered_year": "2569", "stars": "",
                                                           "version": saved.version})
    assert edit.status_code == 303
    db.session.refresh(saved)
    assert saved.stars is None and saved.stars_year is None
    shown = client.get(f"/groups/{group.id}").text
    assert "ผ้าซิ่นตีนจก" in shown and "ผ้า เครื่องแต่งกาย" in shown and "นายนอก โครงการ" in shown
    listed = client.get(f"/villages/{village.id}/groups").text
    assert "กลุ่มทอผ้า" in listed and "สมาชิก 3" in listed
    assert "กลุ่มอาชีพของหมู่บ้าน" in client.get(f"/villages/{village.id}/process").text


def test_the_visit_picks_the_households_group_and_old_names_stay(client, officer, village):
    household = trained(village, 1)[0]
    group = group_of(village, [])
    stopped = group_of(village, [], status="stopped")
    stopped.name = "กลุ่มที่เลิกแล้ว"
    db.session.commit()
    old = make_followup(household, today() - timedelta(days=3))
    old.group_name = "กลุ่มที่พิมพ์ไว้เดิม"
    visit = make_followup(household, None, status="due", due_date=today())
    visit.group_name = "กลุ่มที่พิมพ์ไว้เดิม"
    db.session.commit()
    url = f"/followups/{visit.id}/3"
    page = client.get(url).text
    assert f'value="{group.id}"' in page and "กลุ่มที่เลิกแล้ว" not in page and "ไม่ได้เข้ากลุ่ม" in page
    answers = {1: {"practising": "yes"}, 2: {"occupation_income": "100", "costs_saved": "0"},
               3: {"group_id": "999", "fund_source": "none"}}
    version = db.session.get(FollowUp, visit.id).version
    bad = client.post(url, data={**answers[3], "go": "next", "version": version})
    assert "กรุณาเลือกกลุ่มอาชีพจากรายการ" in bad.text  # the wizard shows the step again
    answers[3]["group_id"] = str(group.id)
    answers[4] = {"visit_date": "20/11/2569", "visitors": ["officer"]}
    answers[5] = {"next_visit_date": "20/12/2569"}
    for n, data in answers.items():
        version = db.session.get(FollowUp, visit.id).version
        sent = client.post(f"/followups/{visit.id}/{n}", data={**data, "go": "next", "version": version})
        assert sent.status_code == 303
    review = client.get(f"/followups/{visit.id}/6").text
    assert "กลุ่มผักปลอดสาร" in review and "บันทึกเดิม: กลุ่มที่พิมพ์ไว้เดิม" in review
    assert client.post(f"/followups/{visit.id}/6").status_code == 303
    db.session.refresh(visit)
    member = db.session.scalar(select(GroupMember).where(GroupMember.household_id == household.id))
    assert visit.group_id == group.id and member.joined_on == date(2026, 11, 20)
    assert step(village, "group").done  # the visit made the trained household a member
    export = client.get("/exports/followups.csv").text
    assert "กลุ่มผักปลอดสาร" in export and "กลุ่มที่พิมพ์ไว้เดิม" in export  # the old visit keeps its name


def test_outside_the_area_every_group_page_is_404(client, auth, village):
    make_user("lat", "officer", "6011")
    group = group_of(village, [])
    product = OtopProduct(group_id=group.id, name="x", category="food")
    db.session.add(product)
    db.session.commit()
    auth.login("lat")
    for url in (f"/villages/{village.id}/groups", f"/villages/{village.id}/groups/new", f"/groups/{group.id}",
                f"/groups/{group.id}/edit", f"/groups/{group.id}/members", f"/groups/{group.id}/products/new",
                f"/products/{product.id}/edit"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/groups/{group.id}/status", data={"status": "stopped"}).status_code == 404


def test_exports_of_groups_members_and_products_are_area_filtered_with_ids_masked(client, auth, village):
    make_user("officer", "officer", "6013")
    lat = make_village("601101", 2, "ลาดยาว")
    household = trained(village, 1)[0]
    group = group_of(village, [household], others=["นางนอก"])
    group_of(lat, [])
    db.session.add(OtopProduct(group_id=group.id, name="น้ำพริก", category="food", registration_no="1",
                               registered_year=2569, stars=3, stars_year=2569))
    db.session.commit()
    auth.login("officer")
    groups = client.get("/exports/groups.csv?district=6013").text
    assert groups.count("กลุ่มผักปลอดสาร") == 1 and "ลาดยาว" not in groups and "ดำเนินการอยู่" in groups
    members = client.get("/exports/group_members.csv?district=6013").text
    assert "นางนอก" in members and household.national_id not in members and "XXX" in members.upper()
    products = client.get("/exports/otop_products.csv?district=6013").text
    assert "น้ำพริก" in products and "อาหาร" in products


def test_the_village_page_shows_the_funnel(client, officer, village):
    households = trained(village, 3)
    make_followup(households[0], today() - timedelta(days=1), "yes", income=3_000, days=365)
    make_followup(households[1], today() - timedelta(days=1), "no")
    group = group_of(village, households[:2])
    db.session.add(OtopProduct(group_id=group.id, name="ผัก", category="food", registration_no="9",
                               registered_year=2569))
    db.session.commit()
    page = client.get(f"/villages/{village.id}").text
    funnel = page.split('id="funnel"')[1].split("</section>")[0]
    numbers = [chunk.split("</strong>")[0] for chunk in funnel.split("<strong>")[1:]]
    assert numbers == ["3", "3", "1", "1", "2", "2"]


def test_demo_has_an_active_group_with_a_starred_otop_product_and_a_stopped_one(app):
    from sammachip.demo import seed_demo
    from sammachip.models import Village

    seed_demo(db.session)
    seed_demo(db.session)
    groups = {g.name: g for g in db.session.scalars(select(OccupationalGroup))}
    assert len(groups) == 2
    active, stopped = groups["กลุ่มผักปลอดสารบ้านแม่เล่ย์"], groups["กลุ่มทอผ้าบ้านแม่วงก์"]
    assert active.status == "active" and stopped.status == "stopped"
    product = db.session.scalar(select(OtopProduct))
    assert product.registration_no and product.stars == 3
    here = db.session.get(Village, active.village_id)
    assert step(here, "group").done and step(here, "otop").done
    last_year = db.session.get(Village, stopped.village_id)
    assert step(last_year, "group", 2569).done  # stopped on 1 Oct 2569: after last year's cut-off
