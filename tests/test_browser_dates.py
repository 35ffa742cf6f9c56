"""On a phone: dates typed in พ.ศ. on the number pad, the "วันนี้" button, at 320 and 360 px."""
from datetime import date, datetime

from sqlalchemy import select

from sammachip.domain.clock import today
from sammachip.extensions import db
from sammachip.models import FollowUp, TrainingDay

from .browser import PHONE, log_in, shot
from .factories import make_followup, make_household, make_sage, make_user, make_village

NARROW = {"width": 320, "height": 700}


def both_widths(page, name: str) -> None:
    """A screenshot at 360 px and at 320 px; nothing may stick out sideways at either."""
    for size, suffix in ((PHONE, "360"), (NARROW, "320")):
        page.set_viewport_size(size)
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
        shot(page, f"{name}-{suffix}")
    page.set_viewport_size(PHONE)


def test_training_day_typed_in_buddhist_era_then_today(phone):
    make_user("officer", "officer", "6013")
    village_id = make_village("601303", 2, "แม่เล่ย์").id
    log_in(phone, "officer")
    phone.goto(f"/villages/{village_id}/training/1/edit")
    box = phone.locator("#held_on")
    assert box.get_attribute("inputmode") == "numeric" and box.get_attribute("type") == "text"
    today_button = phone.locator(".date-box button.today")
    assert today_button.bounding_box()["height"] >= 44 and today_button.bounding_box()["width"] >= 44

    box.fill("17/11/2026")  # a Christian-era year: refused, and what was typed stays
    phone.click("main button.primary")
    phone.wait_for_selector("text=กรุณากรอกปี พ.ศ. เช่น 2569")
    assert box.input_value() == "17/11/2026"
    both_widths(phone, "date-training-day-error")

    box.fill("๑๗.๑๑.๒๕๖๙")  # Thai digits and the dots of a number pad
    phone.click("main button.primary")
    phone.wait_for_selector("text=17 พ.ย. 2569")

    phone.goto(f"/villages/{village_id}/training/1/edit")
    assert box.input_value() == "17/11/2569"  # shown back in พ.ศ.
    today_button.click()
    assert box.input_value() == "24/11/2569"  # the app's today, Bangkok
    both_widths(phone, "date-training-day")
    phone.click("main button.primary")
    phone.wait_for_selector("text=24 พ.ย. 2569")
    db.session.commit()  # end the test's read snapshot to see what the browser saved
    held_on = db.session.scalar(select(TrainingDay.held_on).where(TrainingDay.village_id == village_id))
    assert held_on == date(2026, 11, 24)


def test_followup_visit_date_in_buddhist_era(phone):
    make_user("officer", "officer", "6013")
    village = make_village("601303", 2, "แม่เล่ย์")
    followup_id = make_followup(make_household(village, "นางมาลี ศรีสุข"), None, status="due", due_date=today()).id
    log_in(phone, "officer")
    phone.goto(f"/followups/{followup_id}/4")
    box = phone.locator("#visit_date")
    assert box.input_value() == "24/11/2569"  # today, filled in
    box.fill("๒๐/๑๑/๒๕๖๙")
    phone.check("input[value=officer]")
    both_widths(phone, "date-followup-visit")
    phone.click("button[value=next]")
    phone.wait_for_selector("text=ขั้นที่ 5 จาก 6")
    both_widths(phone, "date-followup-next-visit")
    phone.click("button[value=back]")
    phone.wait_for_selector("text=ขั้นที่ 4 จาก 6")
    assert box.input_value() == "20/11/2569"  # the draft keeps it in พ.ศ.
    phone.click("button.today")
    assert box.input_value() == "24/11/2569"  # also in a step htmx swapped in
    phone.click("button[value=next]")
    phone.wait_for_selector("text=ขั้นที่ 5 จาก 6")
    db.session.commit()  # a fresh read snapshot
    assert db.session.get(FollowUp, followup_id).data["visit_date"] == "24/11/2569"


def test_sage_course_dates_on_a_phone(phone):
    make_user("officer", "officer", "6013")
    lead_id = make_sage(make_village("601303", 2, "แม่เล่ย์"), "ครูสมศรี", role="lead").id
    log_in(phone, "officer")
    phone.goto(f"/sages/{lead_id}/training")
    phone.fill("#course_start", "31/12/2556")
    phone.fill("#course_end", "5/1/2557")
    phone.click("main button.primary")
    phone.wait_for_selector("text=วันที่ต้องไม่ก่อน 1 ม.ค. 2557")
    both_widths(phone, "date-sage-course")


def test_household_consent_day_in_bangkok(phone, clock):
    """The interview has no date box; what it records is the consent instant, shown as Bangkok's day."""
    make_user("officer", "officer", "6013")
    village = make_village("601303", 2, "แม่เล่ย์")
    clock.set(datetime(2026, 11, 24, 3, 30))  # 20:30 UTC on the 23rd
    household_id = make_household(village, "นายสมชาย ขยันดี").id
    clock.set(datetime(2026, 11, 24, 10, 0))
    log_in(phone, "officer")
    phone.goto(f"/households/{household_id}")
    assert phone.locator("text=23 พ.ย. 2569").count() == 0
    assert phone.locator("dd:has-text('24 พ.ย. 2569')").count() >= 1
    both_widths(phone, "date-household-consent")
