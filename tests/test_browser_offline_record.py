"""Recording without a signal (issue 16, pieces 2 and 3): a whole interview, a whole
follow-up checklist and an attendance tap, typed with the server cut off for real (the
browser offline and the proxy closed, nothing reaching it), kept on the phone across a
closed browser with its badge, sent once when the network returns, and still once when
the same queue is sent again; a refused one stays with its message until fixed."""
import re

from stdnum.th import pin

from sammachip.domain.clock import today
from sammachip.extensions import db
from sammachip.models import Attendance, AttendanceTap, FollowUp, Household

from .browser import log_in, shot
from .factories import (
    make_followup,
    make_household,
    make_sage,
    make_training,
    make_user,
    make_village,
    phone_no,
    thai_pin,
)
from .offline_util import download, restore_queue, stash_queue


def test_the_phone_checks_the_id_digit_as_python_stdnum_does(open_phone, proxy):
    phone = open_phone()
    phone.goto("/login")  # any page: app.js has the check
    ids = [f"{n:013d}" for n in range(1100000000000, 1100000000000 + 7919 * 40, 7919)]  # 3 of 40 valid
    assert phone.evaluate("ids => ids.map(window.thaiIdOk)", ids) == [pin.is_valid(i) for i in ids]
    typed = ["1-1017-00207-03-0", "๑๑๐๑๗๐๐๒๐๗๐๓๐", "110170020703", ""]  # as officers type them
    assert phone.evaluate("ids => ids.map(window.thaiIdOk)", typed) == [True, True, False, False]


NEXT = "#wizard button[type=submit]:not([value=back])"


def interview_offline(phone, village, name: str, national_id: str, check_digit: bool = False) -> None:
    """A whole interview typed on the phone: consent, the four steps (the phone checks the ID's digit)."""
    phone.goto(f"/villages/{village.id}/households/new")
    phone.click("label.choice-yes")
    phone.click(NEXT)
    phone.wait_for_url(re.compile("/interviews/.*/2"))
    phone.fill("#head_name", name)
    phone.fill("#members", "4")
    if check_digit:
        phone.fill("#national_id", national_id[:-1] + str((int(national_id[-1]) + 1) % 10))
        phone.click(NEXT)
        phone.wait_for_selector(".offline-error")
    phone.fill("#national_id", national_id)
    phone.click(NEXT)
    phone.wait_for_url(re.compile("/interviews/.*/3"))
    phone.fill("#main_occupation", "ทำนา")
    phone.fill("#income_per_year", "60000")
    phone.click(NEXT)
    phone.wait_for_url(re.compile("/interviews/.*/4"))
    phone.select_option("#need_occupation", "1")
    phone.fill("#occupation_income_per_year", "0")
    phone.click("input[name=committed][value=yes]")
    phone.click(NEXT)
    phone.wait_for_url(re.compile("/interviews/.*/5"))
    phone.click(NEXT)
    phone.wait_for_url(re.compile(f"/villages/{village.id}$"))


def checklist_offline(phone, followup) -> None:
    """The whole follow-up checklist, five steps, every one kept on the phone."""
    phone.goto(f"/followups/{followup.id}/1")
    phone.click("label.choice-yes")
    phone.click(NEXT)
    phone.wait_for_url(re.compile(f"/followups/{followup.id}/2$"))
    phone.fill("#occupation_income", "2500")
    phone.click(NEXT)
    phone.wait_for_url(re.compile(f"/followups/{followup.id}/3$"))
    phone.click(NEXT)
    phone.wait_for_url(re.compile(f"/followups/{followup.id}/4$"))
    phone.check("input[value=officer]")
    phone.click(NEXT)
    phone.wait_for_url(re.compile(f"/followups/{followup.id}/5$"))
    phone.click("#wizard button[value=back]")  # back: step 4 as typed
    phone.wait_for_url(re.compile(f"/followups/{followup.id}/4$"))
    assert phone.is_checked("input[value=officer]")
    phone.click(NEXT)
    phone.wait_for_url(re.compile(f"/followups/{followup.id}/5$"))
    phone.click(NEXT)
    phone.wait_for_url(re.compile("/visits$"))


def until(check, phone) -> None:
    for _ in range(150):
        db.session.rollback()  # a fresh read of what the server wrote
        if check():
            return
        phone.wait_for_timeout(100)
    raise AssertionError("the server never got it")


def counts():
    db.session.rollback()
    return (db.session.query(Household).count(), db.session.query(FollowUp).filter_by(status="done").count(),
            db.session.query(AttendanceTap).count(), db.session.query(Attendance).count())


def test_an_interview_a_visit_and_a_tap_recorded_offline_arrive_once(open_phone, proxy):
    village = make_village("601303", 2, "แม่เล่ย์")
    make_user("officer", "officer", "6013", coordinated=("601303",))
    make_sage(village, "ครูผัก", phone_no(0), role="lead", occupation_id=1)
    visited = make_household(village, "นางมาลี ศรีสุข", n=1)
    followup = make_followup(visited, today(), status="due", due_date=today())
    [day] = make_training(village, [today()])
    phone = open_phone()
    log_in(phone, "officer")
    download(phone, 16)  # /, visits, villages, the village, 5 interview pages, training, its day, 5 checklist steps
    proxy.down()
    phone.context.set_offline(True)
    forwarded = proxy.forwarded
    interview_offline(phone, village, "นางสาวซ้ำ ใจดี", thai_pin(9), check_digit=True)  # registered meanwhile
    checklist_offline(phone, followup)
    phone.goto(f"/training-days/{day.id}")
    phone.click(f"#hh-{visited.id} button.toggle")
    phone.wait_for_selector(f"#hh-{visited.id} button.toggle.on")
    phone.wait_for_selector("#queue summary:has-text('ยังไม่ได้ส่ง 3')")
    phone.context.close()

    phone = open_phone()  # closed and opened again, still no signal: all three are there
    phone.context.set_offline(True)
    phone.goto(f"/training-days/{day.id}")
    phone.wait_for_selector(f"#hh-{visited.id} button.toggle.on")  # the day's page shows the tap
    phone.wait_for_selector("#queue summary:has-text('ยังไม่ได้ส่ง 3')")
    phone.click("#queue summary")
    queued = phone.inner_text("#queue")
    assert "ติดตาม: นางมาลี ศรีสุข" in queued  # whose visit ...
    assert "เช็คชื่อ: นางมาลี ศรีสุข · มา ✓" in queued  # ... whose tap, and which way it went
    shot(phone, "offline-queue")
    assert proxy.forwarded == forwarded  # nothing reached the server while it was cut off
    phone.context.clear_cookies()  # meanwhile the session ended
    proxy.restore()
    phone.context.set_offline(False)
    phone.goto("/visits")  # online, but logged out: the queue waits for its officer, and names no one
    phone.wait_for_selector("#queue summary:has-text('เข้าสู่ระบบเพื่อส่ง 3 รายการ')")
    assert "นาง" not in phone.inner_text("#queue")
    assert counts() == (1, 0, 0, 0)
    stash_queue(phone)  # to send the very same queue again below
    make_household(village, "ลงทะเบียนแล้ว", n=9)  # the same ID, registered from another phone
    log_in(phone, "officer")  # the officer who typed them: the queue is sent
    until(lambda: counts() == (2, 1, 1, 1), phone)
    db.session.refresh(followup)
    assert followup.submit_token and followup.occupation_income == 2500 and followup.visitors == ["officer"]
    # The refused one stays on the phone with the server's message and everything typed.
    phone.wait_for_selector("#queue summary:has-text('ยังไม่ได้ส่ง 1')")
    phone.click("#queue summary")
    assert "ขึ้นทะเบียนแล้ว" in phone.locator("#queue .refused .error").inner_text()
    shot(phone, "offline-queue-refused")
    phone.click("#queue .refused a.button")
    phone.wait_for_selector("#national_id")
    assert phone.input_value("#head_name") == "นางสาวซ้ำ ใจดี"
    assert "ขึ้นทะเบียนแล้ว" in phone.locator(".offline-error").inner_text()
    phone.fill("#national_id", "1101700207030")  # fixed: sent again with the same key
    for step in (3, 4, 5):
        phone.click(NEXT)
        phone.wait_for_url(re.compile(f"/interviews/.*/{step}"))
    phone.click(NEXT)
    until(lambda: counts() == (3, 1, 1, 1), phone)
    phone.wait_for_selector("#queue", state="detached")
    # The same queue sent again (replies lost on the way): still once each.
    restore_queue(phone)
    phone.evaluate("() => window.sammachipQueue.sendAll()")
    phone.wait_for_selector("#queue", state="detached")
    assert counts() == (3, 1, 1, 1)
    # Its tap sent, the day's page on the phone was fetched again: offline it shows the tap,
    # with nothing waiting any more to draw it (README "Offline").
    phone.context.set_offline(True)
    phone.goto(f"/training-days/{day.id}")
    phone.wait_for_selector(f"#hh-{visited.id} button.toggle.on")
    assert phone.locator(".offline-banner").count() == 1
