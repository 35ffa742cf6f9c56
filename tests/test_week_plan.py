"""Plan the week: /visits in three parts by Bangkok week (Monday to Sunday), visits given to
officers per target village-year and one at a time, "mine", and who may do it."""
import re
from datetime import date, datetime, timedelta

from sqlalchemy import select

from sammachip.domain.assignment import weeks
from sammachip.domain.clock import today
from sammachip.domain.thai_dates import BANGKOK
from sammachip.extensions import db
from sammachip.models import FollowUp, TargetVillage

from .dbutil import QueryCounter
from .factories import attend, make_followup, make_household, make_training, make_user, make_village

SUNDAY_LATE = datetime(2026, 11, 29, 23, 30, tzinfo=BANGKOK)  # 16:30 UTC on Sunday
MONDAY_EARLY = datetime(2026, 11, 30, 0, 10, tzinfo=BANGKOK)  # still Sunday 17:10 in UTC


def parts(html: str) -> dict[str, str]:
    """The page's three parts, each as its HTML."""
    pieces = re.split(r'<h2 id="(now|this_week|next_week)"', html)
    return {pieces[i]: pieces[i + 1] for i in range(1, len(pieces), 2)}


def due(village, name, n, on, **kw):
    return make_followup(make_household(village, name, n=n), None, status="due", due_date=on, **kw)


def assign(client, village, officer_id, was=None, fy=2570):
    return client.post(f"/villages/{village.id}/assignment?fy={fy}",
                       data={"officer": str(officer_id or ""), "was": str(was or "")})


def test_weeks_run_monday_to_sunday():
    w = weeks(date(2026, 11, 29))  # a Sunday
    assert (w.this_end, w.next_start, w.next_end) == (date(2026, 11, 29), date(2026, 11, 30), date(2026, 12, 6))
    w = weeks(date(2026, 11, 30))  # a Monday
    assert (w.this_end, w.next_start, w.next_end) == (date(2026, 12, 6), date(2026, 12, 7), date(2026, 12, 13))


def test_the_week_turns_on_the_bangkok_date(client, auth, officer, village, clock):
    for n, (name, on) in enumerate([("อาทิตย์29", date(2026, 11, 29)), ("จันทร์30", date(2026, 11, 30)),
                                    ("อาทิตย์6", date(2026, 12, 6)), ("จันทร์7", date(2026, 12, 7)),
                                    ("อาทิตย์13", date(2026, 12, 13)), ("จันทร์14", date(2026, 12, 14))], 1):
        due(village, name, n, on)
    clock.set(SUNDAY_LATE)
    auth.login("officer")  # five days on: a new session
    page = parts(client.get("/visits").text)
    assert "อาทิตย์29" in page["now"] and "ครบกำหนดวันนี้" in page["now"]
    assert "ไม่มีนัดเยี่ยม" in page["this_week"]  # Sunday night: nothing left of this week
    assert "จันทร์30" in page["next_week"] and "อาทิตย์6" in page["next_week"]
    assert all(name not in "".join(page.values()) for name in ("จันทร์7", "อาทิตย์13", "จันทร์14"))
    clock.set(MONDAY_EARLY)  # Bangkok has turned Monday, UTC has not
    page = parts(client.get("/visits").text)
    assert "อาทิตย์29" in page["now"] and "เลยกำหนด 1 วัน" in page["now"] and "จันทร์30" in page["now"]
    assert "อาทิตย์6" in page["this_week"] and "วันอาทิตย์ 6 ธ.ค. 2569" in page["this_week"]
    assert "จันทร์7" in page["next_week"] and "อาทิตย์13" in page["next_week"]
    assert "จันทร์14" not in "".join(page.values())


def test_the_plan_is_a_fixed_number_of_queries_as_visits_grow(client, officer):
    villages = [make_village("601303", m, f"บ้าน{m}") for m in (1, 2)]
    for k in range(3):
        due(villages[k % 2], f"ครัว{k}", k + 1, today() + timedelta(days=k))
    client.get("/visits")
    with QueryCounter(db.engine) as few:
        client.get("/visits")
    villages += [make_village("601304", m, f"หมู่{m}") for m in (3, 4, 5)]
    for k in range(3, 30):
        due(villages[k % 5], f"ครัว{k}", k + 1, today() + timedelta(days=k % 12 - 3))
    with QueryCounter(db.engine) as more:
        html = client.get("/visits").text
    assert more.count == few.count
    assert html.count('class="card-link"') == 30


def test_a_village_given_to_an_officer_takes_its_open_visits_and_its_new_ones(client, auth, village):
    make_user("district", "district", "6013")
    somchai, somsri = make_user("somchai"), make_user("somsri")
    days = make_training(village, [today() - timedelta(days=10 - k) for k in range(5)])
    open_visit = due(village, "เปิดอยู่", 1, today())
    done = make_followup(make_household(village, "เสร็จแล้ว", n=2), today() - timedelta(days=2))
    done.officer_id = somsri.id
    trained = make_household(village, "อบรมครบ", n=3)
    attend(days, trained, 3)
    auth.login("district")
    assert assign(client, village, somchai.id).status_code == 303
    target = db.session.scalar(select(TargetVillage).where(TargetVillage.village_id == village.id))
    db.session.refresh(open_visit)
    db.session.refresh(done)
    assert target.assigned_to_id == somchai.id and open_visit.assigned_to_id == somchai.id
    assert (done.assigned_to_id, done.officer_id) == (None, somsri.id)  # a done visit stays as it was
    # The fourth day completes the training: the visits it schedules go to the village's officer.
    client.post(f"/training-days/{days[3].id}/attendance/{trained.id}", data={"present": "1"})
    scheduled = db.session.scalars(select(FollowUp).where(FollowUp.household_id == trained.id)).all()
    assert len(scheduled) == 3 and {f.assigned_to_id for f in scheduled} == {somchai.id}
    # So does a visit added on the spot, whoever adds it.
    client.post(f"/households/{trained.id}/followups")
    extra = db.session.scalar(select(FollowUp).where(FollowUp.kind == "extra", FollowUp.household_id == trained.id))
    assert extra.assigned_to_id == somchai.id
    # The page shows the officer; a stale page does not overwrite a newer choice.
    assert "somchai" in client.get("/districts/6013/assignments").text
    stale = assign(client, village, somsri.id, was=None)
    assert stale.status_code == 409 and "มีผู้อื่นเปลี่ยนผู้รับผิดชอบ" in stale.text
    db.session.refresh(target)
    assert target.assigned_to_id == somchai.id


def test_one_visit_given_to_another_officer_stays_with_them(client, auth, village):
    make_user("district", "district", "6013")
    somchai, somsri, other = make_user("somchai"), make_user("somsri"), make_user("latyao", "officer", "6011")
    first, second = due(village, "หนึ่ง", 1, today()), due(village, "สอง", 2, today() + timedelta(days=1))
    auth.login("district")
    assign(client, village, somchai.id)
    page = client.get(f"/followups/{first.id}/assign?officer=none")
    assert page.status_code == 200 and "หนึ่ง" in page.text and "somchai" in page.text
    wrong = client.post(f"/followups/{first.id}/assign", data={"officer": str(other.id), "was": str(somchai.id)})
    assert wrong.status_code == 422 and "มอบหมายได้เฉพาะเจ้าหน้าที่ของอำเภอนี้" in wrong.text
    moved = client.post(f"/followups/{first.id}/assign",
                        data={"officer": str(somsri.id), "was": str(somchai.id), "officer_filter": "none"})
    assert moved.status_code == 303 and moved.headers["Location"] == "/visits?officer=none"
    stale = client.post(f"/followups/{first.id}/assign", data={"officer": "", "was": str(somchai.id)})
    assert stale.status_code == 409
    for f in (first, second):
        db.session.refresh(f)
    assert (first.assigned_to_id, second.assigned_to_id) == (somsri.id, somchai.id)
    # The village goes to someone else: the visit given on its own stays with somsri.
    assign(client, village, None, was=somchai.id)
    for f in (first, second):
        db.session.refresh(f)
    assert (first.assigned_to_id, second.assigned_to_id) == (somsri.id, None)
    # Who did it is whoever completed it; who was to go does not change.
    first.status, first.officer_id, first.visit_date = "done", somchai.id, today()
    db.session.commit()
    done = client.post(f"/followups/{first.id}/assign", data={"officer": str(somchai.id), "was": str(somsri.id)})
    assert done.status_code == 409 and "บันทึกแล้ว" in done.text
    db.session.refresh(first)
    assert (first.assigned_to_id, first.officer_id) == (somsri.id, somchai.id)


def test_an_officer_filters_mine_in_the_url(client, auth, village):
    me, colleague = make_user("me"), make_user("colleague")
    make_user("district", "district", "6013")
    mine = due(village, "ของฉันเอง", 1, today())
    theirs = due(village, "ของเพื่อน", 2, today() + timedelta(days=1))
    due(village, "ไม่มีใคร", 3, today())
    mine.assigned_to_id, theirs.assigned_to_id = me.id, colleague.id
    db.session.commit()
    auth.login("me")
    everything = client.get("/visits").text
    assert all(name in everything for name in ("ของฉันเอง", "ของเพื่อน", "ไม่มีใคร"))
    assert 'href="/visits?officer=mine"' in everything
    assert "ผู้รับผิดชอบ: colleague" in everything and "ผู้รับผิดชอบ: คุณ" in everything
    only_mine = client.get("/visits?officer=mine").text
    assert "ของฉันเอง" in only_mine and "ของเพื่อน" not in only_mine and "ไม่มีใคร" not in only_mine
    assert re.search(r'href="/visits\?officer=mine" aria-current="page"', only_mine)
    assert "เปลี่ยนผู้รับผิดชอบ" not in only_mine  # officers do not reassign
    bad = client.get("/visits?officer=x'--")
    assert bad.status_code == 400 and "ตัวกรองผู้รับผิดชอบไม่ถูกต้อง" in bad.text
    # The district sees the district's plan, and filters by officer or "not assigned".
    auth.logout()
    auth.login("district")
    by_colleague = client.get(f"/visits?officer={colleague.id}").text
    assert "ของเพื่อน" in by_colleague and "ของฉันเอง" not in by_colleague
    assert f'<option value="{colleague.id}" selected>' in by_colleague
    nobody = client.get("/visits?officer=none").text
    assert "ไม่มีใคร" in nobody and "ของฉันเอง" not in nobody
    assert f"/followups/{mine.id}/assign" in client.get("/visits").text


def test_assigning_outside_the_area_is_not_found(client, auth, village):
    make_user("district", "district", "6013")
    latyao = make_village("601101", 2, "ลาดยาว")
    visit = due(latyao, "ลาดยาว", 1, today())
    colleague = make_user("latyao", "officer", "6011")
    auth.login("district")
    assert client.get("/districts/6011/assignments").status_code == 404
    assert client.get("/districts/9999/assignments").status_code == 404
    assert assign(client, latyao, colleague.id).status_code == 404
    assert client.get(f"/followups/{visit.id}/assign").status_code == 404
    assert client.post(f"/followups/{visit.id}/assign", data={"officer": ""}).status_code == 404
    assert db.session.scalar(select(TargetVillage.assigned_to_id).where(TargetVillage.village_id == latyao.id)) is None


def test_officers_and_the_province_cannot_assign(client, auth, village):
    somchai = make_user("somchai")
    make_user("province", "province", "6013")
    visit = due(village, "หนึ่ง", 1, today())
    for who in ("somchai", "province"):
        auth.login(who)
        assert client.get("/districts/6013/assignments").status_code == 403
        assert assign(client, village, somchai.id).status_code == 403
        assert client.get(f"/followups/{visit.id}/assign").status_code == 403
        assert client.post(f"/followups/{visit.id}/assign", data={"officer": str(somchai.id)}).status_code == 403
        auth.logout()
    db.session.refresh(visit)
    assert visit.assigned_to_id is None


def test_demo_gives_this_and_next_week_to_its_officers(client, auth, app):
    from sammachip.demo import DEMO_PASSWORD, seed_demo

    seed_demo(db.session)
    seed_demo(db.session)  # safe to run twice
    auth.login("officer", DEMO_PASSWORD)
    page = parts(client.get("/visits?officer=mine").text)
    assert page["this_week"].count('class="card-link"') >= 1 and page["next_week"].count('class="card-link"') >= 1
