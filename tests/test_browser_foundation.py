"""An officer on a phone logs in and adds a village."""
from sqlalchemy import select

from sammachip.extensions import db
from sammachip.models import Village

from .browser import log_in, shot
from .factories import make_user, make_village


def test_officer_logs_in_and_adds_a_village_on_a_phone(phone, app):
    make_user("officer", "officer", "6013", coordinated=("601303",))
    make_village("601303", 2, "แม่เล่ย์")
    db.session.commit()
    log_in(phone, "officer")
    phone.wait_for_url("**/visits")  # an officer's first screen: visits due
    phone.click("nav >> text=หมู่บ้าน")
    phone.wait_for_url("**/villages/")
    assert phone.locator(".card-link").count() == 1
    shot(phone, "villages-list")

    phone.click("text=+ เพิ่มหมู่บ้าน")
    phone.select_option("#subdistrict_code", "601303")
    phone.fill("#moo", "2")  # taken: the error must show, with the name kept
    phone.fill("#name", "หนองไผ่")
    phone.click("main button[type=submit]")
    phone.wait_for_selector("text=หมู่ที่ 2 ของตำบลแม่เล่ย์ มีอยู่แล้ว")
    assert phone.input_value("#name") == "หนองไผ่"
    shot(phone, "village-form-error")

    phone.fill("#moo", "11")
    phone.click("main button[type=submit]")
    phone.wait_for_selector("h1:has-text('หมู่ 11 บ้านหนองไผ่')")
    shot(phone, "village-added")
    # nothing wider than the phone: no sideways scrolling
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    db.session.commit()  # end the test's read snapshot to see what the browser saved
    assert db.session.scalar(select(Village).where(Village.moo == 11)).name == "หนองไผ่"

    # The language switch loads a whole document: a boosted answer would leave the first load's
    # <html lang> and messages (base.html) in Thai.
    phone.click("footer button:has-text('English')")
    phone.wait_for_selector("html[lang=en]")
    failed = phone.evaluate("document.body.dataset.msgFailed")
    assert failed and not any("\u0e00" <= c <= "\u0e7f" for c in failed)
