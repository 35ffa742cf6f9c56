"""Opens without a network (issue 16, piece 1): the officer downloads the day's pages
online; with the server really cut off (a proxy in front of it closed, and no request
getting through), they open from the phone with the offline banner, also after the
browser is closed and opened again; a page not downloaded says so in Thai. Another
user on the same phone finds none of it."""
import re
from datetime import timedelta

from sammachip.domain.clock import today

from .browser import log_in, shot
from .factories import make_followup, make_household, make_training, make_user, make_village
from .offline_util import download


def test_downloaded_pages_open_with_the_server_cut_off(open_phone, proxy):
    village = make_village("601303", 2, "แม่เล่ย์")
    make_user("officer", "officer", "6013", coordinated=("601303",))
    make_training(village, [today() + timedelta(days=3)])
    make_followup(make_household(village, "นางมาลี ศรีสุข"), today(), status="due", due_date=today())
    phone = open_phone()
    log_in(phone, "officer")
    # /, visits, villages, the village, the interview and its 4 blank steps, training, its day, the visit
    download(phone, 12)

    proxy.down()
    forwarded = proxy.forwarded
    phone.goto("/visits")
    assert phone.locator(".offline-banner").inner_text().startswith("ออฟไลน์ · ข้อมูล ณ ")
    assert re.fullmatch(r"ออฟไลน์ · ข้อมูล ณ \d\d:\d\d", phone.locator(".offline-banner").inner_text())
    shot(phone, "offline-visits")
    phone.click("text=บ้านแม่เล่ย์")  # a boosted link, from the phone
    phone.wait_for_selector("h1:has-text('แม่เล่ย์')")
    assert phone.locator("text=นางมาลี ศรีสุข").count() >= 1 and phone.locator(".offline-banner").count() == 1
    phone.goto(f"/villages/{village.id}/households/new")  # the blank interview
    phone.wait_for_selector("label.choice-yes")
    phone.goto("/sages")  # never downloaded
    phone.wait_for_selector("h1:has-text('ไม่มีสัญญาณ')")
    shot(phone, "offline-not-downloaded")
    phone.context.close()

    phone = open_phone()  # the browser closed and opened again, still no signal
    phone.goto("/")
    phone.wait_for_selector(".offline-banner")
    assert phone.locator("text=นางมาลี ศรีสุข").count() == 1
    assert proxy.forwarded == forwarded  # the server was really out of reach: nothing got through

    proxy.restore()
    phone.goto("/visits")  # online again: the network's page, no banner
    assert phone.locator(".offline-banner").count() == 0


def test_another_user_on_the_same_phone_finds_nothing(open_phone, proxy):
    village = make_village("601303", 2, "แม่เล่ย์")
    make_user("officer", "officer", "6013", coordinated=("601303",))
    make_user("other", "officer", "6013", coordinated=("601303",))
    make_followup(make_household(village, "นางมาลี ศรีสุข"), today(), status="due", due_date=today())
    phone = open_phone()
    log_in(phone, "officer")
    download(phone, 11)
    phone.context.clear_cookies()  # the session ended without a logout
    log_in(phone, "other")
    phone.goto("/visits")
    # (Forgetting is asynchronous: it first looks for records not yet sent, which it would keep.)
    phone.wait_for_function("() => navigator.serviceWorker.getRegistrations().then(r => r.length === 0)")
    phone.wait_for_function("() => indexedDB.databases().then(d => d.length === 0)")
    phone.wait_for_function("() => caches.keys().then(k => k.length === 0)")
    assert phone.evaluate("localStorage.getItem('sammachip.offline.at')") is None

    download(phone, 11)  # the second officer's own pages, then a logout wipes them too
    phone.click("summary:has-text('เมนู')")
    phone.click("text=ออกจากระบบ")
    phone.wait_for_url(re.compile("/login"))
    assert phone.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert phone.evaluate("indexedDB.databases().then(d => d.map(x => x.name))") == []
