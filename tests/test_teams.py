"""Support teams: rosters per year copied from last year's, who may edit them, the members a visit
names, and the tambon-team step with its numbers."""
from datetime import date, timedelta

from sqlalchemy import func, select

from sammachip.domain.clock import today
from sammachip.domain.progress import facts_of_village, steps_of
from sammachip.extensions import db
from sammachip.models import SupportTeam, SupportTeamMember, followup_team_members
from sammachip.progress.wording import step_detail

from .dbutil import QueryCounter
from .factories import attend, make_followup, make_household, make_training, make_user, make_village
from .teams_util import make_team, run_visit, visit_with

TOKEN = "6f1d2c3b-0a4e-4f5d-9c8b-7a6e5d4c3b2a"


def step_of(village, fy=2570, on=None):
    facts = facts_of_village(db.session, village.id, fy, on or today())
    return next(s for s in steps_of(facts) if s.code == "followup")


def test_a_year_starts_from_last_years_roster_once(client, officer):
    make_team("601303", 2569, ["นางกพ สต.", "นายศอช"])
    page = client.get("/teams/601303?fy=2570").text
    assert "ยังไม่มีทีมของปี 2570" in page and "จากรายชื่อปี 2569 (2 คน)" in page
    for _ in range(2):  # a double tap: one team
        assert client.post("/teams/601303?fy=2570", data={"submit_token": TOKEN}).status_code == 303
    team = db.session.scalar(select(SupportTeam).where(SupportTeam.fiscal_year == 2570))
    assert [m.name for m in team.members] == ["นางกพ สต.", "นายศอช"]
    assert db.session.scalar(select(func.count()).select_from(SupportTeam)) == 2
    bad = client.post("/teams/601303/members?fy=2570", data={"name": "", "phone": "123", "organisation": "x"})
    assert bad.status_code == 422 and "กรุณากรอกชื่อ-สกุล" in bad.text and "เบอร์โทรศัพท์ไม่ถูกต้อง" in bad.text
    assert "กรุณาเลือกว่ามาจากหน่วยใด" in bad.text
    other = client.post("/teams/601303/members?fy=2570", data={"name": "นางอื่น", "organisation": "other"})
    assert other.status_code == 422 and "กรุณาระบุหน่วยงาน" in other.text
    added = client.post("/teams/601303/members?fy=2570",
                        data={"name": "นางออม ทรัพย์", "phone": "081 234 5678", "organisation": "savings_group"})
    assert added.status_code == 303
    page = client.get("/teams/601303?fy=2570").text
    assert "สมาชิก 3 คน" in page and "กลุ่มออมทรัพย์เพื่อการผลิต" in page and "081 234 5678" in page
    assert [m.name for m in make_team_members(2569)] == ["นางกพ สต.", "นายศอช"]  # last year's untouched


def make_team_members(fy):
    return db.session.scalars(select(SupportTeamMember).join(SupportTeam).where(SupportTeam.fiscal_year == fy)
                              .order_by(SupportTeamMember.id)).all()


def test_a_member_is_edited_with_its_version_and_kept_once_they_visited(client, officer, village):
    team = make_team("601303", 2570, ["นางหนึ่ง", "นางสอง"])
    one, two = team.members
    stale = client.post(f"/team-members/{one.id}", data={"name": "นางหนึ่ง ใหม่", "organisation": "sochot",
                                                         "version": one.version + 1})
    assert stale.status_code == 409 and "มีผู้อื่นแก้ไขข้อมูลนี้" in stale.text
    assert client.post(f"/team-members/{one.id}", data={"name": "นางหนึ่ง ใหม่", "organisation": "sochot",
                                                        "version": one.version}).status_code == 303
    db.session.refresh(one)
    assert (one.name, one.organisation) == ("นางหนึ่ง ใหม่", "sochot")
    visit_with(make_followup(make_household(village), today()), one)
    client.post(f"/team-members/{one.id}/delete")
    assert "มีบันทึกการเยี่ยมแล้ว" in client.get("/teams/601303?fy=2570").text
    client.post(f"/team-members/{two.id}/delete")
    assert [m.name for m in make_team_members(2570)] == ["นางหนึ่ง ใหม่"]


def test_the_district_team_is_the_district_offices_and_other_areas_are_404(client, auth):
    make_user("officer", "officer", "6013")
    make_user("boss", "district", "6013")
    make_team("601101", 2570)
    auth.login("officer")
    assert client.get("/teams/6013?fy=2570").status_code == 200
    assert client.post("/teams/6013?fy=2570").status_code == 403  # officers edit tambon teams only
    assert client.post("/teams/601303?fy=2570").status_code == 303
    lat_yao = db.session.scalar(select(SupportTeamMember))
    for url in ("/teams/601101", "/teams/6011", "/districts/6011/teams", "/teams/999999", "/teams/60130",
                f"/team-members/{lat_yao.id}"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/team-members/{lat_yao.id}/delete").status_code == 404
    assert client.post("/teams/601101/members", data={"name": "x", "organisation": "kpst"}).status_code == 404
    auth.logout()
    auth.login("boss")
    assert client.post("/teams/6013?fy=2570").status_code == 303
    assert client.post("/teams/6013/members?fy=2570", data={"name": "นางกพสอ", "organisation": "kpsa"}
                       ).status_code == 303
    index = client.get("/districts/6013/teams?fy=2570").text
    assert "ทีมระดับอำเภอ" in index and "1 คน" in index and "ต.แม่เล่ย์" in index


def test_a_visit_names_the_members_who_came_from_a_list(client, officer, village):
    team = make_team("601303", 2570, ["นางกพ สต.", "นายศอช"])
    make_team("601304", 2570, ["คนตำบลอื่น"])
    household = make_household(village)
    followup = make_followup(household, None, status="due", due_date=today())
    page = client.get(f"/followups/{followup.id}/4").text
    assert "นางกพ สต. (กพสต.)" in page and "คนตำบลอื่น" not in page
    assert '<label><input type="checkbox" name="members"' in page  # the whole row is the box's label
    other = db.session.scalar(select(SupportTeamMember).where(SupportTeamMember.name == "คนตำบลอื่น"))
    wrong = client.post(f"/followups/{followup.id}/4", data={"visit_date": today().isoformat(),
                        "visitors": ["officer"], "members": [str(other.id)], "go": "next", "version": 1})
    assert wrong.status_code == 200 and "กรุณาเลือกจากรายชื่อทีมตำบล" in wrong.text
    done = run_visit(client, followup, today(), step4={"members": [str(team.members[1].id)]})
    assert done.status_code == 303
    named = db.session.scalars(select(followup_team_members.c.member_id)).all()
    assert named == [team.members[1].id]
    db.session.refresh(followup)
    assert followup.with_support_team


def worded(app, step) -> str:
    with app.test_request_context():
        return step_detail("followup", step.detail)


def test_the_step_needs_a_team_member_at_every_trained_household_still_in_the_programme(app):
    """Five registered households: A, B, C trained; D trained, then left; E came 3 of 5 days (not trained).
    Team visits A and B: 2 of 3 (left 1). C visited by the officer alone, then by a member of another
    tambon's team: still 2 of 3. C visited by a member: 3 of 3, done — D never visited, E never."""
    village = make_village("601303", 2, "แม่เล่ย์")
    days = make_training(village, [date(2026, 11, 1) + timedelta(days=k) for k in range(5)])
    a, b, c, d, e = (make_household(village, name, n=k + 1) for k, name in enumerate("ABCDE"))
    for h in (a, b, c, d):
        attend(days, h, 5)
    attend(days, e, 3)
    d.left_on = date(2026, 11, 10)
    db.session.commit()
    assert not step_of(village).done and worded(app, step_of(village)) == "ตำบลยังไม่มีทีมสนับสนุนของปีนี้"
    member = make_team("601303", 2570).members[0]
    elsewhere = make_team("601304", 2570, ["คนตำบลอื่น"]).members[0]
    visit_with(make_followup(a, date(2026, 11, 20)), member)
    visit_with(make_followup(b, date(2026, 11, 21)), member)
    make_followup(c, date(2026, 11, 21), visitors=("officer",))
    visit_with(make_followup(c, date(2026, 11, 22)), elsewhere)
    visit_with(make_followup(c, date(2026, 11, 23), status="due"), member)  # not completed
    step = step_of(village)
    assert not step.done and step.detail == {"team": True, "trained": 3, "visited": 2, "left": 1}
    assert worded(app, step) == "ทีมตำบลเยี่ยมแล้ว 2 จาก 3 (ออกจากโครงการ 1)"
    visit_with(make_followup(c, date(2026, 11, 23)), member)
    step = step_of(village)
    assert step.done and worded(app, step) == "ทีมตำบลเยี่ยมแล้ว 3 จาก 3 (ออกจากโครงการ 1)"
    assert not step_of(village, on=date(2026, 11, 22)).done  # as of the 22nd, C's visit had not happened


def test_the_village_page_lists_who_the_team_has_visited_in_fixed_queries(client, officer):
    village = make_village("601303", 2, "แม่เล่ย์")
    days = make_training(village, [today() - timedelta(days=10 - k) for k in range(5)])
    member = make_team("601303", 2570).members[0]
    households = [make_household(village, f"บ้าน{k}", n=k + 1) for k in range(6)]
    for h in households:
        attend(days, h, 5)
    for h in households[:4]:
        visit_with(make_followup(h, today()), member)
    households[5].left_on = today()
    db.session.commit()
    with QueryCounter(db.engine) as few:
        page = client.get(f"/villages/{village.id}/team").text
    assert page.count("ทีมตำบลยังไม่ได้เยี่ยม") == 1 and page.count("ทีมตำบลเยี่ยมแล้ว") == 4
    assert "ทีม ต.แม่เล่ย์ ปี 2570 (1 คน)" in page
    process = client.get(f"/villages/{village.id}/process").text
    assert "ทีมตำบลเยี่ยมแล้ว 4 จาก 5 (ออกจากโครงการ 1)" in process and f"/villages/{village.id}/team" in process
    for k in range(6, 10):  # more households: the same number of queries
        h = make_household(village, f"บ้าน{k}", n=k + 1)
        attend(days, h, 5)
        visit_with(make_followup(h, today()), member)
    with QueryCounter(db.engine) as more:
        client.get(f"/villages/{village.id}/team")
    assert more.count == few.count


def test_demo_holds_both_teams_visits_naming_members_and_funds(app):
    from sammachip.demo import seed_demo
    from sammachip.models import CommunityFund, Village

    seed_demo(db.session)
    seed_demo(db.session)  # safe to run twice
    teams = db.session.execute(select(SupportTeam.level, SupportTeam.fiscal_year, func.count())
                               .group_by(SupportTeam.level, SupportTeam.fiscal_year)).all()
    assert sorted(tuple(t) for t in teams) == [("district", 2569, 2), ("district", 2570, 2), ("tambon", 2569, 4),
                                               ("tambon", 2570, 4)]
    assert db.session.scalar(select(func.count()).select_from(followup_team_members)) > 0
    assert db.session.scalar(select(func.count()).select_from(CommunityFund).where(CommunityFund.amount > 0)) > 1
    by_code = {v.code: v for v in db.session.scalars(select(Village))}
    last_year = facts_of_village(db.session, by_code["60130101"].id, 2569, today())
    assert {s.code: s.done for s in steps_of(last_year)}["followup"]
    this_year = next(s for s in steps_of(facts_of_village(db.session, by_code["60130302"].id, 2570, today()))
                     if s.code in ("followup", "fund") and not s.done)
    assert this_year.code == "followup" and this_year.detail["visited"] < this_year.detail["trained"]
    fund = next(s for s in steps_of(facts_of_village(db.session, by_code["60130302"].id, 2570, today()))
                if s.code == "fund")
    assert fund.done and fund.detail["amount"] >= 20_000
