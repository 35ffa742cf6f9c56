"""On a phone: the "other occupation" box appears only while "อื่น ๆ" is picked, with no round trip."""
from playwright.sync_api import expect

from .browser import log_in
from .factories import make_user


def test_other_occupation_box_follows_the_choice(phone, village):
    make_user("officer", "officer", "6013")
    log_in(phone, "officer")
    phone.goto(f"/villages/{village.id}/sages/new")
    other = phone.locator("#occupation_other")
    expect(other).to_be_hidden()
    phone.select_option("#occupation", "other")
    expect(other).to_be_visible()
    phone.select_option("#occupation", "1")
    expect(other).to_be_hidden()
