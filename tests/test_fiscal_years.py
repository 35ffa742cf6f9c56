"""Fiscal years everywhere: the picker, 1 October, records taking their page's year, target villages."""
import re
from datetime import date

from sqlalchemy import select

from sammachip.extensions import db
from sammachip.models import HouseholdDraft, Sage, TargetVillage, TrainingDay

from .factories import SAGE_FORM, full_village, make_household, make_sage, make_target, make_user, make_village

PICKER = re.compile(r'<nav class="fy-picker".*?</nav>', re.S)
TOKEN = re.compile(r'"X-CSRFToken": "[^"]*"|name="csrf_token"[^>]*>')  # either attribute order


def comparable(html: str) -> str:
    """The page without the picker (it gains the new year) and form tokens (signed with the real time)."""
    return TOKEN.sub("", PICKER.sub("", html))


def targets() -> set[tuple[int, int]]:
    return set(db.session.execute(select(TargetVillage.village_id, TargetVillage.fiscal_year)).tuples())


def test_on_1_october_last_year_is_one_click_away_with_the_same_numbers(client, auth, clock):
    """A village run through FY 2569. With the clock at 30 Sep 2026, then 1 Oct 2026 (FY 2570)
    and no writes between, FY 2569's district page and villages export are the same, byte for byte
    (but for the picker, which gains the new current year), and the 2570 page links to 2569."""
    clock.set(date(2026, 9, 1))
    village = full_village(practising=17)
    make_user("boss", "district", "6013")
    clock.set(date(2026, 9, 30), hour=23)  # late on the last day, and early next morning: one session
    auth.login("boss")
    before = client.get("/districts/6013?fy=2569").text, client.get("/exports/villages.csv?district=6013&fy=2569").data
    assert "85%" in before[0] and "บ้านครบ" in before[0]
    assert "2569" in before[1].decode() or b"85" in before[1]
    clock.set(date(2026, 10, 1), hour=8)
    after = client.get("/districts/6013?fy=2569").text, client.get("/exports/villages.csv?district=6013&fy=2569").data
    assert comparable(after[0]) == comparable(before[0])
    assert after[1] == before[1]
    now = client.get("/districts/6013").text  # the new year, empty so far
    assert "ปีงบประมาณ 2570" in now and "บ้านครบ" not in now
    assert 'href="/districts/6013?fy=2569"' in PICKER.search(now).group(0)  # one click back
    assert 'aria-current="page">2570<' in PICKER.search(now).group(0)
    # A village page opens on the latest year the village is a target in, and its links keep it.
    page = client.get(f"/villages/{village.id}").text
    assert "ปีงบประมาณ 2569" in page and f"/villages/{village.id}/households?fy=2569" in page


def test_pages_refuse_a_year_that_cannot_be(client, officer, village):
    assert client.get("/districts/6013?fy=2400").status_code == 404
    assert client.get(f"/villages/{village.id}?fy=2580").status_code == 404
    assert client.get("/districts/6013?fy=2571").status_code == 200  # next year may be planned


def test_records_made_from_a_page_take_its_year(client, officer, village, clock):
    """On 1 Oct 2026 (FY 2570), an officer finishing FY 2569's work from its pages."""
    clock.set(date(2026, 10, 1))
    q = "?fy=2569"
    assert client.post(f"/villages/{village.id}/sages/new{q}", data=SAGE_FORM).status_code == 303
    assert db.session.scalar(select(Sage.fiscal_year)) == 2569
    assert client.post(f"/villages/{village.id}/households/new{q}", data={"consent": "yes"}).status_code in (200, 303)
    assert db.session.scalar(select(HouseholdDraft.fiscal_year)) == 2569
    held_on = {"held_on": "15/09/2569"}
    assert client.post(f"/villages/{village.id}/training/1/edit{q}", data=held_on).status_code == 303
    assert db.session.scalar(select(TrainingDay.fiscal_year)) == 2569
    assert targets() == {(village.id, 2569)}  # each record made its village-year a target, once


def test_villages_not_targets_in_a_year_are_not_counted(client, auth):
    make_user("boss", "district", "6013")
    a = make_village("601303", 1, "เอ")
    b = make_village("601304", 2, "บี")
    make_household(a, "ก", n=1, fiscal_year=2569)
    make_household(b, "ข", n=2, fiscal_year=2570)
    auth.login("boss")
    last, this = client.get("/districts/6013?fy=2569").text, client.get("/districts/6013?fy=2570").text
    assert "บ้านเอ" in last and "บ้านบี" not in last
    assert "บ้านบี" in this and "บ้านเอ" not in this
    csv = client.get("/exports/villages.csv?district=6013&fy=2569").data.decode()
    assert "เอ" in csv and "บี" not in csv


def test_a_district_ticks_its_targets_starting_from_last_years_list(client, auth):
    make_user("boss", "district", "6013")
    a, b, c = (make_village("601303", n, name) for n, name in ((1, "เอ"), (2, "บี"), (3, "ซี")))
    make_target(a, 2570)
    make_target(b, 2570)
    auth.login("boss")
    page = client.get("/districts/6013/targets?fy=2569").text  # no list that year, none the year before
    assert "ยังไม่มีรายชื่อ" in page and " checked" not in page and "บ้านซี" in page
    page = client.get("/districts/6013/targets?fy=2571").text
    assert "ติ๊กไว้ตามปี 2570" in page
    assert f'value="{a.id}" checked' in page and f'value="{b.id}" checked' in page
    assert f'value="{c.id}">' in page
    response = client.post("/districts/6013/targets?fy=2571", data={"village": [str(a.id)]})
    assert response.status_code == 303 and response.headers["Location"].endswith("?fy=2571")
    assert {v for v, fy in targets() if fy == 2571} == {a.id}
    make_sage(b, fiscal_year=2571)
    client.post("/districts/6013/targets?fy=2571", data={"village": []})  # b holds a sage: kept
    assert {v for v, fy in targets() if fy == 2571} == {b.id}
    assert {v for v, fy in targets() if fy == 2570} == {a.id, b.id}  # another year is untouched
    assert client.get("/districts/6011/targets").status_code == 404  # another district


def test_every_record_makes_its_village_year_a_target(village):
    make_sage(village, fiscal_year=2568)
    make_household(village, fiscal_year=2569)
    make_household(village, "อีก", n=2, fiscal_year=2569)
    assert targets() == {(village.id, 2568), (village.id, 2569)}


def test_demo_holds_a_finished_year_and_one_under_way_and_seeds_once(app, client, auth):
    from sammachip.demo import DEMO_PASSWORD
    from sammachip.models import FollowUp, Household, Village

    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    tables = (Sage, Household, TrainingDay, FollowUp, TargetVillage)
    counts = [db.session.scalar(select(db.func.count()).select_from(t)) for t in tables]
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    assert [db.session.scalar(select(db.func.count()).select_from(t)) for t in tables] == counts
    held = db.session.execute(select(TrainingDay.fiscal_year, db.func.min(TrainingDay.held_on),
                                     db.func.max(TrainingDay.held_on)).group_by(TrainingDay.fiscal_year)).all()
    assert {fy for fy, *_ in held} == {2569, 2570}
    visits = db.session.execute(select(Household.fiscal_year, FollowUp.status, FollowUp.visit_date)
                                .join(Household, Household.id == FollowUp.household_id)).all()
    last_year = [(s, d) for fy, s, d in visits if fy == 2569]
    assert last_year and all(s == "done" and date(2025, 10, 1) <= d <= date(2026, 9, 30) for s, d in last_year)
    assert {s for fy, s, _ in visits if fy == 2570} == {"done", "due"}  # under way
    auth.login("district", DEMO_PASSWORD)
    now = client.get("/districts/6013").text
    assert 'href="/districts/6013?fy=2569"' in now
    last = client.get("/districts/6013?fy=2569").text
    mae_wong = db.session.scalar(select(Village.name).where(Village.code == "60130101"))
    assert f"บ้าน{mae_wong}" in last and f"บ้าน{mae_wong}" not in now
