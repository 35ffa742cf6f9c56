"""On a phone: the whole household interview, then the household on the village page."""
from sqlalchemy import select

from sammachip.extensions import db
from sammachip.models import Household

from .browser import log_in, shot
from .factories import make_sage, make_user, make_village, phone_no


def next_step(page, n: int):
    page.click("button[value=next]")
    page.wait_for_selector(f"text=ขั้นที่ {n} จาก 6")


def test_household_interview_on_a_phone(phone):
    make_user("officer", "officer", "6013")
    village = make_village("601303", 2, "แม่เล่ย์")
    make_sage(village, "ครูผัก", phone_no(0), role="lead", occupation_id=1)
    village_id = village.id
    log_in(phone, "officer")
    phone.goto(f"/villages/{village_id}")
    phone.click("text=+ สัมภาษณ์ครัวเรือนใหม่")
    phone.wait_for_selector("text=ขั้นที่ 1 จาก 6")
    shot(phone, "interview-1-consent")
    phone.click("label.choice-yes")
    phone.click("#wizard button.primary")
    phone.wait_for_selector("text=ขั้นที่ 2 จาก 6")

    phone.fill("#head_name", "นายสมชาย ขยันดี")
    phone.fill("#national_id", "1-1017-00207-03-1")  # wrong check digit first
    phone.fill("#phone", "089 123 4567")
    phone.fill("#members", "4")
    phone.click("button[value=next]")
    phone.wait_for_selector("text=เลขตรวจสอบหลักสุดท้ายไม่ตรง")
    assert phone.input_value("#head_name") == "นายสมชาย ขยันดี"
    shot(phone, "interview-2-error")
    phone.fill("#national_id", "1-1017-00207-03-0")
    next_step(phone, 3)
    phone.fill("#main_occupation", "ทำนา")
    phone.fill("#income_per_year", "60000")
    next_step(phone, 4)
    phone.select_option("#need_occupation", "1")
    phone.fill("#occupation_income_per_year", "0")
    phone.click("label.choice-yes")
    next_step(phone, 5)
    shot(phone, "interview-5-assign")
    next_step(phone, 6)
    assert phone.locator("text=ครูผัก").count() >= 1
    shot(phone, "interview-6-review")
    phone.click("text=บันทึกครัวเรือน")
    phone.wait_for_selector("h1:has-text('นายสมชาย ขยันดี')")
    shot(phone, "household-saved")

    phone.goto(f"/villages/{village_id}")
    seat = phone.locator(".trainer", has_text="ครูผัก").locator(".seat", has_text="นายสมชาย ขยันดี")
    assert seat.count() == 1
    shot(phone, "village-households")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    db.session.commit()  # end the test's read snapshot to see what the browser saved
    assert db.session.scalar(select(Household.head_name)) == "นายสมชาย ขยันดี"
