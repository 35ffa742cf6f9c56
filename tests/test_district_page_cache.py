"""The district dashboard's body is kept server-side by the versions of its villages
(progress/page_cache.py): a hit costs the user and one statement, and any write that changes what it
shows is seen on the next view."""
from datetime import timedelta

from sammachip.domain.clock import today
from sammachip.extensions import db

from .dbutil import QueryCounter
from .factories import make_household, make_target, make_user, make_village
from .test_village_page_cache import cached_bodies


def dashboard(client, query: str = "", cards_only: bool = False) -> tuple[str, int]:
    with QueryCounter(db.engine) as counter:
        response = client.get(f"/districts/6013{query}", headers={"HX-Request": "true"} if cards_only else {})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    return response.text, counter.count


def test_a_hit_costs_the_user_and_one_statement_and_writes_are_seen_on_the_next_view(client, auth):
    make_user("boss", "district", "6013")
    village = make_target(make_village("601303", 1, "ต้นน้ำ"))
    elsewhere = make_target(make_village("600101", 2, "ข้ามอำเภอ"))
    auth.login("boss")
    first, miss = dashboard(client)
    again, hit = dashboard(client)
    assert again == first and miss > 5 and "ต้นน้ำ" in first
    assert hit == 2  # the user with the session record; the district's versions
    make_household(village, "ครัวเรือนใหม่", n=5)  # a write to a village's records: its household count
    assert ">1</dd>" in dashboard(client)[0]
    make_target(make_village("601303", 3, "เพิ่งเป็นเป้าหมาย"))  # a village added
    assert "เพิ่งเป็นเป้าหมาย" in dashboard(client)[0]
    elsewhere.place("601303", 4)  # a village moved in from another district
    db.session.commit()
    assert "ข้ามอำเภอ" in dashboard(client)[0]
    cards, count = dashboard(client, "?page=1", cards_only=True)  # the cards alone keep their own body
    assert "<html" not in cards and "ข้ามอำเภอ" in cards and count > hit
    assert dashboard(client, "?page=1", cards_only=True) == (cards, hit)


def test_unknown_filter_values_are_ignored_and_make_no_body_of_their_own(client, auth):
    make_user("boss", "district", "6013")
    make_target(make_village("601303", 1, "ต้นน้ำ"))
    auth.login("boss")
    # The first view is the odd one: what the kept body links to must not come from its address.
    odd, _ = dashboard(client, "?status=bogus&subdistrict=" + "x" * 5000 + "&sort=nope&junk=yes")
    plain, count = dashboard(client)
    assert odd == plain and count == 2
    assert "bogus" not in plain and "xxxx" not in plain and "junk" not in plain
    assert len(cached_bodies()) == 1
    assert "ต้นน้ำ" not in dashboard(client, "?page=999")[0]  # past the last page: empty, and not kept
    assert len(cached_bodies()) == 1


def test_bodies_are_kept_per_role_and_per_bangkok_day_and_hold_no_token(client, auth, clock):
    evening = clock.set(today(), hour=23)
    make_user("boss", "district", "6013")
    make_user("prov", "province", "6013")
    make_target(make_village("601303", 1, "ต้นน้ำ"))
    auth.login("boss")
    dashboard(client)
    auth.logout()
    auth.login("prov")
    assert dashboard(client)[1] > 2  # its own body (the links it is offered differ)
    assert dashboard(client)[1] == 2
    clock.set(evening + timedelta(hours=2))  # 01:00 in Bangkok, the next day: figures as of a new day
    assert dashboard(client)[1] > 2
    assert len(cached_bodies()) == 3
    assert not any("csrf" in body.lower() for body in cached_bodies())
