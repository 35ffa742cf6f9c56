"""On a phone: tick a day's attendance, do a follow-up from "visits due", see the indicator move."""
from datetime import timedelta

from sammachip.domain.clock import today

from .browser import log_in, shot
from .factories import attend, make_household, make_training, make_user, make_village


def test_attendance_then_followup_moves_the_indicator(phone):
    make_user("officer", "officer", "6013", coordinated=("601303",))
    village = make_village("601303", 2, "แม่เล่ย์")
    days = make_training(village, [today() - timedelta(days=40 - k) for k in range(5)])
    households = [make_household(village, f"ครัวเรือนที่ {n}", n=n) for n in range(1, 4)]
    for h in households:
        attend(days, h, 3)  # three days each so far: not yet trained
    village_id, day5 = village.id, days[4].id
    log_in(phone, "officer")

    phone.goto(f"/training-days/{day5}")
    assert phone.inner_text("#day-count") == "0/3"
    for n in (1, 2):
        phone.click(f"button:has-text('ครัวเรือนที่ {n}')")
        phone.wait_for_selector(f"#day-count:has-text('{n}/3')")
    assert phone.locator("button.toggle.on").count() == 2
    shot(phone, "attendance")
    # a fourth day each: two households completed, follow-ups scheduled (1 month after day 5: overdue now)

    phone.goto("/visits")
    phone.wait_for_selector("text=ครัวเรือนที่ 1")
    shot(phone, "visits-due")
    phone.click("text=ครัวเรือนที่ 1")
    phone.wait_for_selector("text=ขั้นที่ 1 จาก 6")
    assert not phone.is_visible("#not_practising_reason")  # "why not" only for ไม่ได้ทำ
    phone.click("label.choice-no")
    assert phone.is_visible("#not_practising_reason")
    shot(phone, "followup-why-not")
    phone.click("label.choice-yes")
    assert not phone.is_visible("#not_practising_reason")
    phone.click("button[value=next]")
    phone.wait_for_selector("text=ขั้นที่ 2 จาก 6")
    phone.fill("#occupation_income", "2500")
    phone.click("button[value=next]")
    phone.wait_for_selector("text=ขั้นที่ 3 จาก 6")
    phone.click("button[value=next]")  # no fund: the default
    phone.wait_for_selector("text=ขั้นที่ 4 จาก 6")
    phone.check("input[value=officer]")
    phone.check("input[value=kpst]")
    shot(phone, "followup-visitors")
    phone.click("button[value=next]")
    phone.wait_for_selector("text=ขั้นที่ 5 จาก 6")
    phone.click("button[value=next]")
    phone.wait_for_selector("text=ขั้นที่ 6 จาก 6")
    phone.click("text=บันทึกการเยี่ยม")
    phone.wait_for_selector("text=บันทึกการเยี่ยมแล้ว")
    shot(phone, "household-timeline")

    phone.goto(f"/villages/{village_id}")
    # One of the two trained households visited: too few to tell a share (measured from 80 %).
    outcomes = phone.inner_text("#outcomes")
    assert "ยังวัดไม่ได้" in outcomes and "เยี่ยมแล้ว 1 จาก 2 ครัวเรือนที่ผ่านการอบรม" in outcomes
    assert phone.locator("#outcomes [role=progressbar][aria-label='ประกอบอาชีพ']").count() == 0
    shot(phone, "village-outcomes")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
