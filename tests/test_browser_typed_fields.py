"""Typed fields stay on the phone (issue 16, piece 2): a reload or a closed tab
mid-step loses nothing; saving the step clears the phone's copy; another user does
not get them."""
from .browser import log_in
from .factories import make_user, make_village


def start_interview(phone, village_id):
    phone.goto(f"/villages/{village_id}/households/new")
    phone.click("label.choice-yes")
    phone.click("#wizard button.primary")
    phone.wait_for_selector("text=ขั้นที่ 2 จาก 6")


def kept(phone):
    return phone.evaluate("Object.keys(localStorage).filter(k => k.startsWith('sammachip.typed.'))")


def test_a_reload_or_a_closed_tab_mid_step_loses_nothing(phone):
    make_user("officer", "officer", "6013")
    village_id = make_village("601303", 2, "แม่เล่ย์").id
    log_in(phone, "officer")
    start_interview(phone, village_id)
    step_url = phone.url
    phone.fill("#head_name", "นางมาลี ศรีสุข")
    phone.fill("#national_id", "1101700207030")
    phone.fill("#members", "3")

    phone.reload()
    assert phone.input_value("#head_name") == "นางมาลี ศรีสุข"
    assert phone.input_value("#national_id") == "1101700207030" and phone.input_value("#members") == "3"

    phone.close()  # the tab closed (the phone killed the browser in the background)
    phone = phone.context.new_page()
    phone.goto(step_url)
    assert phone.input_value("#head_name") == "นางมาลี ศรีสุข"
    assert len(kept(phone)) == 1

    phone.click("button[value=next]")  # saved on the server: the phone's copy goes
    phone.wait_for_selector("text=ขั้นที่ 3 จาก 6")
    phone.fill("#main_occupation", "ทำนา")
    phone.wait_for_function("() => Object.keys(localStorage).some(k => k.includes('/3'))")
    phone.click("button[value=back]")
    phone.wait_for_selector("text=ขั้นที่ 2 จาก 6")
    assert kept(phone) == []  # both steps saved, nothing left on the phone
    assert phone.input_value("#head_name") == "นางมาลี ศรีสุข"  # from the server


def test_another_user_does_not_get_the_typing(phone):
    make_user("officer", "officer", "6013")
    make_user("other", "officer", "6013")
    village_id = make_village("601303", 2, "แม่เล่ย์").id
    log_in(phone, "officer")
    start_interview(phone, village_id)
    phone.fill("#head_name", "นางมาลี ศรีสุข")
    assert len(kept(phone)) == 1
    phone.context.clear_cookies()  # the session ended without a logout
    log_in(phone, "other")
    phone.wait_for_function("() => localStorage.getItem('sammachip.user') === '2'")  # a function: the CSP refuses eval
    assert kept(phone) == []
