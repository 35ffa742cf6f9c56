"""Offline use (issue 16, piece 1): the manifest, the service worker from the root
with this release's hashed files, the offline page, and the pages an officer takes
to the field (own subdistricts only)."""
import json
import re
from datetime import timedelta

from sammachip import ROOT
from sammachip.domain.clock import today

from .factories import make_followup, make_household, make_training, make_user, make_village


def test_the_worker_is_served_from_the_root_with_this_releases_files(client):
    r = client.get("/sw.js")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/javascript")
    assert r.headers["Service-Worker-Allowed"] == "/" and r.headers["Cache-Control"] == "no-cache"
    assert "Set-Cookie" not in r.headers
    precache = json.loads(re.match(r"var PRECACHE = (\[.*\]);", r.text).group(1))
    hashed = json.loads((ROOT / "static" / "cache_manifest.json").read_text())
    assert set(precache) == {f"/static/{name}" for source, name in hashed.items() if source != "sw.js"}
    assert "/static/" + hashed["app.css"] in precache and "/static/" + hashed["htmx-2.0.11.min.js"] in precache
    assert 'var VERSION = "' in r.text and "addEventListener(\"fetch\"" in r.text


def test_the_manifest_is_thai_with_the_icon_and_starts_at_the_first_screen(client):
    r = client.get("/manifest.webmanifest")
    body = json.loads(r.data)
    assert r.headers["Content-Type"].startswith("application/manifest+json")
    assert body["name"] == "สัมมาชีพชุมชน" and body["start_url"] == "/" and body["display"] == "standalone"
    assert re.fullmatch(r"/static/icon-[0-9a-f]{32}\.svg", body["icons"][0]["src"])
    assert client.get(body["icons"][0]["src"]).status_code == 200


def test_pages_link_the_manifest_and_the_offline_page_is_thai(client, auth):
    make_user("officer", "officer", "6013")
    auth.login("officer")
    html = client.get("/visits").text
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert 'data-msg-offline-at="ออฟไลน์ · ข้อมูล ณ"' in html and "ดาวน์โหลดสำหรับออฟไลน์" in html
    assert "<script" not in html.split("</head>")[1]  # no inline script: the worker is registered from a file
    page = client.get("/offline")
    assert page.status_code == 200 and "ไม่มีสัญญาณ" in page.text and "Set-Cookie" not in page.headers


def test_the_field_pages_are_the_officers_own_subdistricts(client, auth):
    mine = make_village("601303", 2, "แม่เล่ย์")
    other = make_village("601304", 1, "วังซ่าน")  # same district, another officer's subdistrict
    user = make_user("officer", "officer", "6013", coordinated=("601303",))
    day = make_training(mine, [today() + timedelta(days=3)])[0]
    make_training(other, [today() + timedelta(days=3)])
    due = make_followup(make_household(mine, "นางมาลี"), today(), status="due", due_date=today())
    make_followup(make_household(other, "นายสมชาย", n=2), today(), status="due", due_date=today())
    auth.login("officer")
    r = client.get("/offline/pages")
    assert r.headers["Cache-Control"] == "no-store"
    assert r.json == {"user": user.id, "keep_days": 14, "urls": [
        "/", "/visits", "/villages/", f"/villages/{mine.id}", f"/villages/{mine.id}/households/new",
        f"/villages/{mine.id}/training", *(f"/villages/{mine.id}/households/new/{n}" for n in range(2, 6)),
        f"/training-days/{day.id}", *(f"/followups/{due.id}/{n}" for n in range(1, 6))]}
    for url in r.json["urls"]:
        assert client.get(url).status_code in (200, 302), url


def test_an_officer_without_subdistricts_takes_only_the_lists(client, auth):
    make_user("officer", "officer", "6013")
    auth.login("officer")
    assert client.get("/offline/pages").json["urls"] == ["/", "/visits", "/villages/"]
    auth.logout()
    assert client.get("/offline/pages").status_code in (302, 401)
