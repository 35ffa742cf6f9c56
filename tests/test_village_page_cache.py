"""The village page's body is cached server-side by its data versions (villages/page_cache.py)."""
from datetime import timedelta

from sqlalchemy import select

from sammachip.domain.clock import current_fiscal_year, today, utcnow
from sammachip.domain.data_versions import RULES, village_name
from sammachip.extensions import cache, db
from sammachip.models import DataVersion, HouseholdDraft, Occupation, SageAnswer, SageCriterion

from .dbutil import QueryCounter
from .factories import full_village, make_household, make_sage, make_target, make_user, make_village, phone_no


def version(name: str):
    return db.session.scalar(select(DataVersion.version).where(DataVersion.name == name))


def page(client, village_id: int) -> tuple[str, int]:
    with QueryCounter(db.engine) as counter:
        response = client.get(f"/villages/{village_id}")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    return response.text, counter.count


def cached_bodies() -> list[str]:
    """Every kept body (the village page keeps its body with what it needs of the village)."""
    store = cache.cache
    return [getattr(kept, "body", kept) for kept in map(store.get, list(store._cache))]


def draft(village, officer, name: str) -> None:
    db.session.add(HouseholdDraft(token="00000000-0000-4000-8000-000000000001", village_id=village.id,
                                  officer_id=officer.id, fiscal_year=current_fiscal_year(), step=2,
                                  data={"head_name": name}, consent_at=utcnow()))
    db.session.commit()


def test_a_hit_costs_the_user_and_one_statement_and_a_write_is_seen_on_the_next_view(client, auth):
    make_user("officer", "officer", "6013", coordinated=("601303",))
    village = full_village()
    auth.login("officer")
    first, miss = page(client, village.id)
    again, hit = page(client, village.id)
    assert again == first and miss > 15
    assert hit == 2  # the user with the session record; the versions and whether the officer has drafts
    before = version(village_name(village.id))
    make_household(village, "ครัวเรือนใหม่ล่าสุด", n=777)
    assert version(village_name(village.id)) != before
    after, count = page(client, village.id)
    assert "ครัวเรือนใหม่ล่าสุด" in after and count > hit  # made anew
    client.post(f"/villages/{village.id}/edit", data={
        "province_code": "60", "district_code": "6013", "subdistrict_code": "601303", "moo": village.moo,
        "name": "ชื่อใหม่", "version": village.version})
    assert "บ้านชื่อใหม่" in page(client, village.id)[0]


def test_of_two_officers_of_one_district_neither_sees_the_others_drafts(client, auth):
    one = make_user("one", "officer", "6013")
    make_user("two", "officer", "6013")
    village = make_village("601303", 3, "ร่วมกัน")
    draft(village, one, "ร่างของคนแรก")
    auth.login("two")
    assert "ร่างของคนแรก" not in page(client, village.id)[0]
    auth.logout()
    auth.login("one")
    html, hit = page(client, village.id)
    assert "ร่างของคนแรก" in html and hit == 3  # the same body, this officer's drafts read and put around it
    auth.logout()
    auth.login("two")
    html, _ = page(client, village.id)
    assert "ร่างของคนแรก" not in html and "สัมภาษณ์ที่ยังไม่เสร็จ" not in html
    assert not any("ร่างของคนแรก" in body or "csrf" in body.lower() for body in cached_bodies())


def test_roles_whose_rights_differ_never_share_a_body(client, auth):
    make_user("officer", "officer", "6013")
    make_user("boss", "district", "6013")
    make_user("prov", "province", "6013")
    village = make_village("601303", 4, "สามสิทธิ์")
    auth.login("officer")
    officer_html, miss = page(client, village.id)
    assert "แก้ไขข้อมูลหมู่บ้าน" in officer_html
    auth.logout()
    auth.login("prov")
    html, count = page(client, village.id)
    assert "แก้ไขข้อมูลหมู่บ้าน" not in html and count > 3
    auth.logout()
    auth.login("boss")
    assert page(client, village.id)[1] > 3  # its own body too (its rights are not an officer's)
    assert len(cached_bodies()) == 3


def test_the_body_is_made_anew_each_bangkok_day_and_in_each_language(client, auth, clock):
    evening = clock.set(today(), hour=23)
    make_user("officer", "officer", "6013")
    village = make_village("601303", 5, "วันใหม่")
    auth.login("officer")
    page(client, village.id)
    assert page(client, village.id)[1] == 2
    client.post("/lang/en", data={"next": "/"})
    assert page(client, village.id)[1] > 3
    assert page(client, village.id)[1] == 2
    clock.set(evening + timedelta(hours=2))  # 01:00 in Bangkok, the next day
    assert page(client, village.id)[1] > 3


def test_writes_the_facts_do_not_count_still_change_the_versions(app):
    village = make_village("601303", 6, "เกณฑ์")
    sage = make_sage(village, "ปราชญ์", phone_no(3), answers="-----")
    before, rules = version(village_name(village.id)), version(RULES)
    criterion = db.session.scalars(select(SageCriterion)).first()
    db.session.add(SageAnswer(sage_id=sage.id, criterion_id=criterion.id, met=True))
    db.session.commit()
    assert version(village_name(village.id)) != before
    criterion.text_th = criterion.text_th + " (แก้)"
    db.session.commit()
    assert version(RULES) != rules
    rules = version(RULES)
    occupation = db.session.get(Occupation, sage.occupation_id)
    occupation.name_th = occupation.name_th + " (แก้)"
    db.session.commit()
    assert version(RULES) != rules


def test_a_kept_body_is_served_only_inside_its_villages_area_even_after_the_village_moves(client, auth):
    make_user("mae_wong", "officer", "6013")
    make_user("lat_yao", "officer", "6011")
    village = make_village("601303", 7, "ย้ายอำเภอ")
    auth.login("mae_wong")
    page(client, village.id)  # kept
    auth.logout()
    auth.login("lat_yao")
    assert client.get(f"/villages/{village.id}").status_code == 404  # the kept body, another district
    village.subdistrict_code, village.district_code = "601101", "6011"
    db.session.commit()  # the village moves: its version changes with its row
    assert "ย้ายอำเภอ" in page(client, village.id)[0]
    auth.logout()
    auth.login("mae_wong")
    assert client.get(f"/villages/{village.id}").status_code == 404
    assert client.get("/villages/999999").status_code == 404  # no village: no body kept
    assert len(cached_bodies()) == 2


def test_the_year_asked_and_the_latest_year_are_kept_apart(client, auth):
    make_user("officer", "officer", "6013")
    now = current_fiscal_year()
    village = make_target(make_target(make_village("601303", 8, "สองปี"), now - 1))
    auth.login("officer")
    latest = client.get(f"/villages/{village.id}").text
    asked = client.get(f"/villages/{village.id}?fy={now - 1}").text
    assert f"ปีงบประมาณ {now}</p>" in latest and f"ปีงบประมาณ {now - 1}</p>" in asked
    assert f'href="/villages/{village.id}/training?fy={now - 1}"' in asked  # the body's links keep its year
    again, hit = page(client, village.id)
    assert again == latest and hit == 2
    assert client.get(f"/villages/{village.id}?fy=1999").status_code == 404
    assert len(cached_bodies()) == 2
    make_target(village, now + 1)  # a newer target year: "latest" moves to it on the next view
    assert f"ปีงบประมาณ {now + 1}</p>" in page(client, village.id)[0]
