"""Recording without a signal (issue 16, pieces 2 and 3): a whole interview typed with the
server cut off for real (the proxy closed, nothing reaching it), kept on the phone across
a closed browser with its badge, sent once when the network returns, and still once
when sent again."""
import re

from stdnum.th import pin

from sammachip.extensions import db
from sammachip.models import Household

from .browser import log_in, shot
from .factories import make_household, make_sage, make_user, make_village, phone_no, thai_pin


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


def test_an_interview_recorded_offline_arrives_once(open_phone, proxy):
    village = make_village("601303", 2, "แม่เล่ย์")
    make_user("officer", "officer", "6013", coordinated=("601303",))
    make_sage(village, "ครูผัก", phone_no(0), role="lead", occupation_id=1)
    phone = open_phone()
    log_in(phone, "officer")
    phone.goto("/visits")
    phone.click("text=ดาวน์โหลดสำหรับออฟไลน์")
    phone.wait_for_selector("text=/ดาวน์โหลดล่าสุด ณ/")
    phone.wait_for_function("() => navigator.serviceWorker.controller !== null")
    proxy.down()
    forwarded = proxy.forwarded
    interview_offline(phone, village, "นายสมชาย ขยันดี", "1101700207030", check_digit=True)
    interview_offline(phone, village, "นางมาลี ซ้ำ", thai_pin(9))  # registered meanwhile: refused
    phone.wait_for_selector("#queue")
    assert phone.locator("#queue summary").inner_text() == "ยังไม่ได้ส่ง 2"
    phone.context.close()
    phone = open_phone()  # closed and opened again, still no signal: the record is there
    phone.goto("/visits")
    phone.wait_for_selector("#queue summary:has-text('ยังไม่ได้ส่ง 2')")
    assert proxy.forwarded == forwarded  # nothing reached the server while it was cut off
    shot(phone, "offline-queue")
    phone.context.clear_cookies()  # meanwhile the session ended
    proxy.restore()
    phone.goto("/visits")  # online, but logged out: the queue waits for its officer
    phone.wait_for_selector("#queue summary:has-text('เข้าสู่ระบบเพื่อส่ง 2 รายการ')")
    make_household(village, "ลงทะเบียนแล้ว", n=9)  # the same ID, registered from another phone
    log_in(phone, "officer")  # the officer who typed it: the queue is sent
    for _ in range(100):
        db.session.rollback()  # a fresh read of what the server wrote
        if db.session.query(Household).count() == 2:
            break
        phone.wait_for_timeout(100)
    household = db.session.query(Household).filter(Household.submit_token.isnot(None)).one()
    assert household.national_id == "1101700207030"
    # The refused one stays on the phone with the server's message and everything typed.
    phone.wait_for_selector("#queue summary:has-text('ยังไม่ได้ส่ง 1')")
    phone.click("#queue summary")
    assert "ขึ้นทะเบียนแล้ว" in phone.locator("#queue .refused .error").inner_text()
    shot(phone, "offline-queue-refused")
    phone.click("#queue .refused a.button")
    phone.wait_for_selector("#national_id")
    assert phone.input_value("#head_name") == "นางมาลี ซ้ำ"
    assert "ขึ้นทะเบียนแล้ว" in phone.locator(".offline-error").inner_text()
    # The same record sent again (a lost reply): still one household.
    again = phone.evaluate("""key => fetch('/csrf-token').then(r => r.json())
        .then(t => fetch('/villages/1/households/batch', {method: 'POST',
         headers: {'Content-Type': 'application/json', 'X-CSRFToken': t.token, 'HX-Request': 'true'},
         body: JSON.stringify({key: key, form_version: 2, consent: 'yes', answers: {}})})).then(r => r.status)""",
        household.submit_token)
    db.session.rollback()  # a fresh read of what the server wrote
    assert again == 200 and db.session.query(Household).count() == 2
