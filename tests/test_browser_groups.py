"""On a phone: add a group, tap its members from the list, add an OTOP product; the group in a visit;
each screen at 360 and 320 px without sideways scrolling."""
from datetime import timedelta

from sammachip.domain.clock import today

from .browser import fits, log_in, shot
from .factories import attend, make_followup, make_household, make_training, make_user, make_village


def both_widths(page, name: str) -> None:
    for width in (360, 320):
        page.set_viewport_size({"width": width, "height": 800})
        shot(page, f"{name}-{width}")
        assert fits(page, width), (name, width)
    page.set_viewport_size({"width": 360, "height": 800})


def test_a_group_with_members_and_a_product_on_a_phone(phone, chromium, live_server):
    make_user("officer", "officer", "6013")
    make_user("boss", "district", "6013")
    village = make_village("601303", 2, "แม่เล่ย์")
    days = make_training(village, [today() - timedelta(days=20 - k) for k in range(5)])
    households = [make_household(village, f"นางสาวสมศรี ใจดีมากมาย {n}", n=n) for n in range(1, 6)]
    for h in households:
        attend(days, h, 5)
    visit = make_followup(households[0], None, status="due", due_date=today())
    log_in(phone, "officer")
    phone.goto(f"/villages/{village.id}/groups")
    both_widths(phone, "groups-village-empty")
    phone.click("text=+ เพิ่มกลุ่มอาชีพ")
    phone.fill("#name", "กลุ่มผักปลอดสารบ้านแม่เล่ย์")
    phone.select_option("#occupation", "1")
    phone.fill("#leader_name", "นางสาวสมศรี ใจดี")
    phone.click("label.choice:has-text('ใช่')")
    phone.fill("#registered_with", "สำนักงานพัฒนาชุมชนอำเภอแม่วงก์")
    both_widths(phone, "groups-form")
    phone.click("button.primary")
    phone.wait_for_selector("text=สมาชิก 0 คน")
    phone.click("text=จัดการสมาชิก")
    for n in (1, 2, 3):
        phone.click(f"text=นางสาวสมศรี ใจดีมากมาย {n} ")  # the whole row is the checkbox's label
    phone.fill("#new_names", "นายสมหวัง ปลูกดี")
    box = phone.locator(".pick-list label").first.bounding_box()
    assert box["height"] >= 44
    both_widths(phone, "groups-members")
    phone.click("text=บันทึกสมาชิก")
    phone.wait_for_selector("text=สมาชิก 4 คน")
    phone.click("text=+ เพิ่มผลิตภัณฑ์")
    phone.fill("#name", "ผักสลัดปลอดสาร")
    phone.click("label.choice:has-text('อาหาร')")
    phone.fill("#registration_no", "6013030201")
    phone.fill("#registered_year", "2569")
    phone.select_option("#stars", "3")
    phone.fill("#stars_year", "2569")
    both_widths(phone, "groups-product-form")
    phone.click("button.primary")
    phone.wait_for_selector("text=ทะเบียน 6013030201")
    phone.click("summary:has-text('เปลี่ยนสถานะ')")
    both_widths(phone, "groups-show")
    phone.goto(f"/villages/{village.id}/groups")
    both_widths(phone, "groups-village")
    phone.goto(f"/villages/{village.id}/process")
    assert phone.locator("#step-group .mark").inner_text() == "✓"
    phone.goto(f"/villages/{village.id}")
    phone.locator("#funnel").scroll_into_view_if_needed()
    both_widths(phone, "groups-village-funnel")
    phone.goto(f"/followups/{visit.id}/3")
    phone.select_option("#group_id", label="กลุ่มผักปลอดสารบ้านแม่เล่ย์")
    both_widths(phone, "groups-visit-picker")
    phone.context.clear_cookies()
    log_in(phone, "boss")
    phone.goto("/districts/6013")
    phone.wait_for_selector("#groups-kpi")
    both_widths(phone, "groups-district-kpi")
