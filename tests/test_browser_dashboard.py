"""District dashboard on a phone: filter by subdistrict, open a village, see its bars."""
from playwright.sync_api import expect

from .browser import log_in, shot
from .factories import full_village, make_target, make_user, make_village


def test_district_dashboard_on_a_phone(phone):
    make_user("boss", "district", "6013")
    full_village("601303", 1, "เอ", practising=17, base=0)
    make_target(make_village("601304", 2, "บี"))
    make_target(make_village("601305", 3, "ซี"))
    make_village("601305", 4, "ดี")  # not a target this year: not on the dashboard
    log_in(phone, "boss")
    phone.wait_for_url("**/districts/6013")
    assert phone.locator(".vcard").count() == 3
    shot(phone, "district-dashboard")

    phone.select_option("#f-sub", "601303")
    expect(phone.locator(".vcard")).to_have_count(1)  # (a polled string would be eval: the CSP refuses it)
    assert "subdistrict=601303" in phone.url and "fy=2570" in phone.url  # in the address: reload and share keep it
    phone.click(".vcard-title")
    phone.wait_for_selector("h1:has-text('บ้านเอ')")
    steps = phone.locator(".summary [role=progressbar]")
    assert steps.get_attribute("aria-valuenow") == "6"
    assert phone.locator(".stats dd", has_text="85%").count() == 1
    shot(phone, "village-header")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
