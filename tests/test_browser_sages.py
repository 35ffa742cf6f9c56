"""On a phone: walk the five criteria for a candidate, select them, see the team bar move."""
from .browser import log_in, shot
from .factories import make_sage, make_user, make_village, phone_no


def test_walk_criteria_and_select_assistant_on_a_phone(phone):
    make_user("officer", "officer", "6013")
    village = make_village("601303", 2, "แม่เล่ย์")
    make_sage(village, "หัวหน้าทีม", phone_no(0), role="lead")
    candidate = make_sage(village, "นางสมศรี ใจดี", phone_no(1), answers="-----")
    log_in(phone, "officer")
    phone.goto(f"/villages/{village.id}")
    bar = phone.locator("#team [role=progressbar]")
    assert bar.get_attribute("aria-valuenow") == "0"
    shot(phone, "village-team-before")

    phone.goto(f"/sages/{candidate.id}/criteria/1")
    for step in range(1, 6):
        phone.wait_for_selector(f"text=เกณฑ์ข้อ {step} จาก 5")
        if step == 3:
            shot(phone, "criterion-step-3")
            # back to 2 and forward again: the answer given there is still chosen
            phone.click("button[value=back]")
            phone.wait_for_selector("text=เกณฑ์ข้อ 2 จาก 5")
            assert phone.is_checked("input[name=met][value=yes]")
            phone.click("button[value=next]")
            phone.wait_for_selector("text=เกณฑ์ข้อ 3 จาก 5")
        phone.click("label.choice-yes")
        phone.click("button[value=next]")
    phone.wait_for_selector("text=ผ่านเกณฑ์ที่บังคับครบทุกข้อ")
    assert phone.url.endswith(f"/sages/{candidate.id}")
    phone.click("text=เลือกเป็นวิทยากรผู้ช่วย")
    phone.wait_for_selector("text=เลือก นางสมศรี ใจดี เข้าทีมแล้ว")
    shot(phone, "sage-selected")

    phone.goto(f"/villages/{village.id}")
    assert phone.locator("#team [role=progressbar]").get_attribute("aria-valuenow") == "1"
    assert phone.locator(".seat", has_text="นางสมศรี ใจดี").count() == 1
    shot(phone, "village-team-after")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
