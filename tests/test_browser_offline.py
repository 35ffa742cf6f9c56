"""The signal drops mid-step: nothing typed is lost, and sending again works."""
from sqlalchemy import select

from sammachip.extensions import db
from sammachip.models import HouseholdDraft

from .browser import log_in, shot
from .factories import make_user, make_village


def test_dropped_signal_keeps_the_typing_and_retry_saves(phone):
    make_user("officer", "officer", "6013")
    village_id = make_village("601303", 2, "แม่เล่ย์").id
    log_in(phone, "officer")
    phone.goto(f"/villages/{village_id}/households/new")
    phone.click("label.choice-yes")
    phone.click("#wizard button.primary")
    phone.wait_for_selector("text=ขั้นที่ 2 จาก 6")
    phone.fill("#head_name", "นางมาลี ศรีสุข")
    phone.fill("#national_id", "1101700207030")
    phone.fill("#members", "3")

    phone.context.set_offline(True)
    phone.click("button[value=next]")
    phone.wait_for_selector("text=ส่งไม่สำเร็จ: สัญญาณขาด")
    assert phone.input_value("#head_name") == "นางมาลี ศรีสุข"
    assert phone.input_value("#national_id") == "1101700207030"
    assert phone.is_enabled("button[value=next]")  # the button comes back for a retry
    shot(phone, "offline-message")

    phone.context.set_offline(False)
    phone.click("button[value=next]")
    phone.wait_for_selector("text=ขั้นที่ 3 จาก 6")
    db.session.commit()  # a fresh read snapshot
    draft = db.session.scalar(select(HouseholdDraft))
    assert draft.data["head_name"] == "นางมาลี ศรีสุข" and draft.step == 3
