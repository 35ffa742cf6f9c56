"""Opens without a network (issue 16, piece 1): the officer downloads the day's pages
online; with the server really cut off (a proxy in front of it closed, and no request
getting through), they open from the phone with the offline banner, also after the
browser is closed and opened again; a page not downloaded says so in Thai. Another
user on the same phone finds none of it (pages or records); logout and expiry."""
import re
from datetime import timedelta

from sammachip.domain.clock import today
from sammachip.extensions import db
from sammachip.models import Attendance, AttendanceTap

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
    # /, visits, villages, the village, the interview and its 4 blank steps, training, its day, the visit's 5 steps
    download(phone, 16)

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


DAYS = 864e5  # a day in the browser's milliseconds


def test_another_user_on_the_same_phone_finds_nothing(open_phone, proxy):
    """Also: a logout with a tap waiting (refused offline with the count), ส่งเลย, expiry by
    the browser's clock (shifted by an init script: a warning first, then the pages go and
    an unsent record only says how old it is), and a record kept for its own officer."""
    village = make_village("601303", 2, "แม่เล่ย์")
    make_user("officer", "officer", "6013", coordinated=("601303",))
    make_user("other", "officer", "6013", coordinated=("601303",))
    household = make_household(village, "นางมาลี ศรีสุข")
    make_followup(household, today(), status="due", due_date=today())
    [day] = make_training(village, [today()])
    phone = open_phone()
    phone.context.add_init_script("""(() => { const shift = Number(localStorage.getItem('test.shift') || 0);
      const now = Date.now; Date.now = () => now() + shift; })()""")
    log_in(phone, "officer")
    download(phone, 16)
    phone.context.clear_cookies()  # the session ended without a logout
    log_in(phone, "other")
    phone.goto("/visits")
    phone.wait_for_function("() => navigator.serviceWorker.getRegistrations().then(r => r.length === 0)")
    phone.wait_for_function("() => indexedDB.databases().then(d => d.length === 0)")
    phone.wait_for_function("() => caches.keys().then(k => k.length === 0)")
    assert phone.evaluate("localStorage.getItem('sammachip.offline.at')") is None
    phone.context.clear_cookies()

    log_in(phone, "officer")
    download(phone, 16)
    phone.context.set_offline(True)
    phone.goto(f"/training-days/{day.id}")
    phone.click(f"#hh-{household.id} button.toggle")  # kept on the phone
    phone.wait_for_selector("#queue summary:has-text('ยังไม่ได้ส่ง 1')")
    phone.click("summary:has-text('เมนู')")
    phone.click("text=ออกจากระบบ")  # offline: refused with the count, a second step to delete
    phone.wait_for_selector("#flash [role=alert]:has-text('ยังมี 1 รายการที่ยังไม่ได้ส่ง')")
    assert phone.locator("button:has-text('ลบ 1 รายการที่ยังไม่ได้ส่ง')").count() == 1
    shot(phone, "offline-logout-waiting")
    proxy.down()  # a weak signal: the browser online, the server out of reach
    phone.context.set_offline(False)
    phone.goto(f"/training-days/{day.id}")
    phone.wait_for_selector("#queue summary:has-text('ยังไม่ได้ส่ง 1')")
    proxy.restore()
    phone.click("#queue summary")
    phone.click("#queue button:has-text('ส่งเลย')")
    phone.wait_for_selector("#queue", state="detached")
    db.session.rollback()
    assert db.session.query(Attendance).count() == 1

    phone.context.set_offline(True)
    phone.goto(f"/training-days/{day.id}")
    # the day's page was fetched again once its tap was sent: present, as the server has it
    phone.wait_for_selector(f"#hh-{household.id} button.toggle.on")
    phone.click(f"#hh-{household.id} button.toggle")  # absent after all: kept
    phone.wait_for_selector(f"#hh-{household.id} button.toggle:not(.on)")
    assert phone.inner_text("#day-count") == "0/1"  # the day's count follows the tap kept on the phone
    phone.wait_for_selector("#queue summary:has-text('ยังไม่ได้ส่ง 1')")
    phone.evaluate(f"() => localStorage.setItem('test.shift', String(13 * {DAYS}))")
    phone.goto(f"/training-days/{day.id}")  # 13 of 14 days: a warning, nothing removed
    phone.wait_for_selector("#flash .expiry:has-text('จะถูกลบจากเครื่องในอีก 1 วัน')")
    phone.evaluate(f"() => localStorage.setItem('test.shift', String(15 * {DAYS}))")
    phone.goto(f"/training-days/{day.id}")
    phone.wait_for_selector("#flash .expiry:has-text('ลบข้อมูลที่ดาวน์โหลดไว้ออกจากเครื่องแล้ว')")
    assert phone.inner_text("#day-count") == "0/1"  # drawn from the waiting tap on the page too
    phone.click("#queue summary")
    assert "ค้างในเครื่อง 15 วัน" in phone.inner_text("#queue")  # unsent: kept, only flagged
    shot(phone, "offline-expired")
    phone.goto("/visits")  # the pages went
    phone.wait_for_selector("h1:has-text('ไม่มีสัญญาณ')")
    phone.evaluate("() => localStorage.removeItem('test.shift')")

    phone.context.set_offline(False)
    phone.context.clear_cookies()
    log_in(phone, "other")  # the first officer's tap: kept, but not shown nor sent
    phone.goto("/visits")
    phone.wait_for_selector("[data-offline-download]:has-text('ยังไม่ได้ดาวน์โหลด')")
    assert phone.locator("#queue").count() == 0  # (the visits list is the server's: the same area)
    download(phone, 16)  # the second officer's own pages, then a logout wipes them (not the other's tap)
    phone.click("summary:has-text('เมนู')")
    phone.click("text=ออกจากระบบ")
    phone.wait_for_url(re.compile("/login"))
    phone.wait_for_selector("#queue summary:has-text('เข้าสู่ระบบเพื่อส่ง 1 รายการ')")
    assert phone.locator("#queue .queue-item").count() == 0  # no names before a login
    log_in(phone, "officer")  # its officer again: sent
    for _ in range(150):
        db.session.rollback()  # a fresh read of what the server wrote
        if db.session.query(AttendanceTap).count() == 2:
            break
        phone.wait_for_timeout(100)
    assert db.session.query(Attendance).count() == 0 and db.session.query(AttendanceTap).count() == 2
    phone.wait_for_function("() => window.sammachipQueue.all().then(r => r.length === 0)")
    phone.click("summary:has-text('เมนู')")
    phone.click("text=ออกจากระบบ")  # nothing waiting: everything goes
    phone.wait_for_url(re.compile("/login"))
    phone.wait_for_function("() => navigator.serviceWorker.getRegistrations().then(r => r.length === 0)")
    phone.wait_for_function("() => indexedDB.databases().then(d => d.length === 0)")
