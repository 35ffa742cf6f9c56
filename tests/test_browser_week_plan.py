"""On a phone (360 and 320 px): the week plan as the demo officer (all, "mine") and as the district,
the district giving a village to an officer (the row saves in place) and one visit to another."""
from sammachip.demo import DEMO_PASSWORD, seed_demo
from sammachip.extensions import db

from .browser import log_in, look


def test_the_week_plan_and_assignment_on_a_phone(phone):
    seed_demo(db.session)
    log_in(phone, "officer", DEMO_PASSWORD)
    look(phone, "/visits", "week-plan-officer")
    phone.click("main a:text-is('ของฉัน')")
    phone.wait_for_url("**/visits?officer=mine")
    look(phone, None, "week-plan-mine")
    phone.context.clear_cookies()
    log_in(phone, "district", DEMO_PASSWORD)
    look(phone, "/visits", "week-plan-district")
    look(phone, "/districts/6013/assignments", "assign-villages")
    row = phone.locator(".assign-row").filter(has_text="ห้วยน้ำหอม").first
    row.locator("select").select_option(label="นักวิชาการพัฒนาชุมชน แม่วงก์")
    row.locator("button").click()
    phone.locator(".assign-row .saved").first.wait_for()
    look(phone, None, "assign-villages-saved")
    phone.goto("/visits")
    phone.locator(".row-action").first.click()
    phone.wait_for_url("**/assign")
    look(phone, None, "assign-visit")
    phone.click("text=เจ้าพนักงานพัฒนาชุมชน แม่วงก์")
    phone.click("button:has-text('บันทึก')")
    phone.wait_for_url("**/visits")
    assert "บันทึกแล้ว" in phone.content()
