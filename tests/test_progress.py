"""Village process steps, dashboards, roll-ups and their fixed query cost."""
import re
from datetime import date, timedelta

from sammachip.domain.clock import today
from sammachip.domain.progress import facts_of_village, steps_of
from sammachip.extensions import db
from sammachip.models import VillageStepMark

from .dbutil import QueryCounter
from .factories import (
    attend,
    full_village,
    make_followup,
    make_household,
    make_sage,
    make_target,
    make_training,
    make_user,
    make_village,
    phone_no,
)
from .teams_util import make_team, visit_with


def steps_done(village) -> dict:
    facts = facts_of_village(db.session, village.id, current_fy(), today())
    return {s.code: s.done for s in steps_of(facts)}


def current_fy():
    from sammachip.domain.clock import current_fiscal_year
    return current_fiscal_year()




def test_each_derived_step_follows_the_data(app):
    village = make_village()
    assert not any(steps_done(village).values())
    lead = make_sage(village, "หลัก", phone_no(0), role="lead")
    assert steps_done(village)["lead_trained"] is False  # selected but not trained yet
    lead.course_passed = True
    db.session.commit()
    assert steps_done(village)["lead_trained"] and not steps_done(village)["workshop"]
    lead.workshop_date = date(2026, 10, 20)
    db.session.commit()
    assert steps_done(village)["workshop"] and not steps_done(village)["team"]
    assistants = [make_sage(village, f"ผช{i}", phone_no(i), role="assistant") for i in range(1, 5)]
    assert steps_done(village)["team"]
    team = [lead] + assistants
    households = [make_household(village, f"h{n}", n=n + 1) for n in range(20)]
    assert not steps_done(village)["households"]  # registered but not assigned
    for n, h in enumerate(households):
        h.trainer_id = team[n // 4].id
    db.session.commit()
    assert steps_done(village)["households"]
    days = make_training(village, [today() - timedelta(days=10 - k) for k in range(4)] + [today() + timedelta(days=1)])
    assert not steps_done(village)["training"]  # day 5 is tomorrow
    days[4].held_on = today()
    db.session.commit()
    assert steps_done(village)["training"]
    for h in households:
        attend(days, h, 4)
    member = make_team(village.subdistrict_code, current_fy()).members[0]
    for h in households[:19]:
        visit_with(make_followup(h, today(), "yes"), member)
    make_followup(households[19], today(), "no", visitors=("officer", "sochot"))
    assert not steps_done(village)["followup"]  # no named member of the tambon team came to the last one
    visit_with(make_followup(households[19], today(), "no"), member)
    assert steps_done(village)["followup"]


def test_old_marks_count_for_their_year_and_no_step_is_marked_by_hand_any_more(client, auth):
    make_user("officer", "officer", "6013")
    village = make_village()
    db.session.add_all([
        VillageStepMark(village_id=village.id, fiscal_year=2570, step="fund", done_on=date(2026, 11, 20),
                        note="กองทุนหมู่บ้าน"),
        VillageStepMark(village_id=village.id, fiscal_year=2569, step="otop", done_on=date(2026, 3, 1))])
    db.session.commit()
    auth.login("officer")
    assert steps_done(village)["fund"] and not steps_done(village)["otop"]  # the 2569 mark stays in 2569
    page = client.get(f"/villages/{village.id}/process").text
    assert "บันทึกเดิม: ทำเมื่อ 20 พ.ย. 2569" in page and "กองทุนหมู่บ้าน" in page
    assert "บันทึกว่าทำแล้ว" not in page
    for step in ("fund", "group", "team"):
        assert client.post(f"/villages/{village.id}/process/{step}",
                           data={f"{step}-done_on": "20/11/2569"}).status_code == 404


def test_village_header_names_the_next_step(client, auth):
    make_user("officer", "officer", "6013")
    village = full_village()
    auth.login("officer")
    html = client.get(f"/villages/{village.id}").text
    assert "6 จาก 11" in html and "ขั้นต่อไป:" in html
    # the next step is a link to where it is done: the village's groups
    assert re.search(rf'href="/villages/{village.id}/groups[^"]*">จัดตั้งกลุ่มอาชีพ</a>', html)
    assert "5/5" in html and "20/20" in html and "85%" in html


def test_district_dashboard_totals_filter_and_links(client, auth):
    """Hand-built district: village A 17/20 practising (85 %, on target), village B 10/20
    (50 %, behind), village C untouched. Totals: 40 trained, 27 practising = 67.5 %;
    income 27 × 3,000 / 27 × 100,000 = 3 %."""
    make_user("boss", "district", "6013")
    a = full_village("601303", 1, "เอ", practising=17, base=0)
    full_village("601304", 2, "บี", practising=10, base=1)
    make_target(make_village("601305", 3, "ซี"))  # a target, untouched
    make_village("601306", 5, "ดี")  # not a target this year: not counted
    make_target(make_village("601101", 4, "ลาดยาว"))
    auth.login("boss")
    assert client.get("/").headers["Location"] == "/districts/6013"
    html = client.get("/districts/6013").text
    assert "67.5%" in html and ">40<" in html and ">3%<" in html
    assert "ถึงเป้า 1" in html and "ต่ำกว่าเป้า 1" in html and "ยังไม่เริ่ม 1" in html
    assert "ลาดยาว" not in html and "บ้านดี" not in html
    assert f"/villages/{a.id}/households?fy=2570" in html  # each number links to its list
    only_b = client.get("/districts/6013?subdistrict=601304", headers={"HX-Request": "true"}).text
    assert "บ้านบี" in only_b and "บ้านเอ" not in only_b and "<html" not in only_b
    behind = client.get("/districts/6013?status=behind").text
    assert "บ้านบี" in behind and "บ้านเอ" not in behind.split('id="district-rows"')[1]
    by_practising = client.get("/districts/6013?sort=practising").text.split('id="district-rows"')[1]
    assert by_practising.index("บ้านเอ") < by_practising.index("บ้านบี")
    assert client.get("/districts/6011").status_code == 404
    report = client.get("/districts/6013/report").text
    assert "รายงานผลการดำเนินงาน" in report and "/static/report-" in report and "บ้านบี" in report
    assert "27 จาก 40 ที่เยี่ยมแล้ว (67.5%)" in report and "3% (n = 27)" in report
    assert "2 จาก 3 หมู่บ้าน" in report  # A and B reach +3 % over n ≥ 5; C has nothing yet


def test_province_rollup_one_row_per_district_only_own_province(client, auth):
    make_user("prov", "province", "6013")
    full_village("601303", 1, "เอ", practising=17)
    make_target(make_village("601101", 4, "ลาดยาว"))
    make_target(make_village("100101", 1, "กรุงเทพ"))
    auth.login("prov")
    assert client.get("/").headers["Location"] == "/provinces/60"
    html = client.get("/provinces/60").text
    assert "อ.แม่วงก์" in html and "อ.ลาดยาว" in html and "ถึงเป้า 1" in html and "ประกอบอาชีพ 85%" in html
    assert "กรุงเทพ" not in html and "พระนคร" not in html
    assert client.get("/provinces/10").status_code == 404
    make_user("boss", "district", "6013")
    auth.logout()
    auth.login("boss")
    assert client.get("/provinces/60").status_code == 404  # district users have their dashboard


def statements(client, url) -> int:
    with QueryCounter(db.engine) as counter:
        assert client.get(url).status_code == 200
    return counter.count


def villages_with_data(n: int, start: int):
    subdistricts = ["601301", "601303", "601304", "601305"]
    for i in range(start, start + n):
        village = make_village(subdistricts[i % 4], i // 4 % 99 + 1, f"v{i}")
        make_sage(village, f"s{i}", phone_no(i), role="lead")
        days = make_training(village, [today() - timedelta(days=3)])
        h = make_household(village, f"h{i}", n=1000 + i)
        attend(days, h, 1)
        make_followup(h, today(), "yes", income=100)
        db.session.add(VillageStepMark(village_id=village.id, fiscal_year=current_fy(), step="group", done_on=today()))
    db.session.commit()


def test_dashboards_cost_the_same_number_of_queries_for_2_or_60_villages(client, auth):
    make_user("boss", "district", "6013")
    make_user("prov", "province", "6013")
    villages_with_data(2, 0)
    auth.login("boss")
    district_small = statements(client, "/districts/6013")
    report_small = statements(client, "/districts/6013/report")
    auth.logout()
    auth.login("prov")
    province_small = statements(client, "/provinces/60")
    villages_with_data(58, 2)
    province_large = statements(client, "/provinces/60")
    auth.logout()
    auth.login("boss")
    assert statements(client, "/districts/6013") == district_small
    assert statements(client, "/districts/6013/report") == report_small
    assert province_large == province_small


def test_village_page_costs_the_same_for_one_household_or_twenty(client, auth):
    make_user("officer", "officer", "6013", coordinated=("601303",))
    small = make_village("601304", 9, "เล็ก")
    make_household(small, trainer=make_sage(small, "คนเดียว", phone_no(50), role="lead"), n=999)
    small_id, full_id = small.id, full_village().id
    auth.login("officer")
    assert statements(client, f"/villages/{small_id}") == statements(client, f"/villages/{full_id}")


def test_no_village_is_behind_before_anyone_has_visited(app):
    from sammachip.domain.progress import facts_for, status_of
    from sammachip.models import Village

    village = make_village()
    days = make_training(village, [today() - timedelta(days=5 - k) for k in range(5)])
    attend(days, make_household(village), 5)
    facts = facts_for(db.session, Village.id == village.id, current_fy(), today())[village.id]
    assert status_of(facts) == "in_progress"
    lead = make_sage(village, "หลัก", phone_no(1), role="lead")
    lead.workshop_date = today() + timedelta(days=3)  # planned, not held
    db.session.commit()
    assert not steps_done(village)["workshop"]
