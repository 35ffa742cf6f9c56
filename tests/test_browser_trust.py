"""The trust pages on a phone (320 and 360 px): two-factor set-up, switch-off and sign-in, the
recovery codes, the password change, a user's form, the audit log, and the tap that reveals an ID."""
import pyotp
import pytest

from sammachip.clock import utcnow

from .browser import SIZES, fits, log_in, phone_page, shot
from .conftest import watch_csp
from .factories import make_household, make_user


@pytest.mark.parametrize("size", SIZES, ids=lambda s: str(s["width"]))
def test_trust_pages_on_a_phone(app, chromium, live_server, village, monkeypatch, size):
    monkeypatch.setitem(app.config, "REQUIRE_TOTP", True)
    household = make_household(village, "นางมาลี ศรีสุข", n=7)
    make_user("boss", "district", "6013")
    page = phone_page(chromium, live_server.url, size)
    refused = watch_csp(page)
    w = size["width"]
    log_in(page, "boss")
    page.wait_for_url("**/account/two-factor")  # required for a district user: set up first
    assert page.locator("img.qr").evaluate("i => i.naturalWidth > 0")
    assert fits(page, w)
    shot(page, f"trust-two-factor-setup-{w}")
    secret = page.locator(".secret code").inner_text().replace(" ", "")
    page.fill("#code", pyotp.TOTP(secret).at(utcnow()))
    page.click("main button[type=submit]")
    page.wait_for_selector(".recovery-codes")
    assert page.locator(".recovery-codes li").count() == 10
    assert fits(page, w)
    shot(page, f"trust-recovery-codes-{w}")
    page.goto(f"/households/{household.id}")
    assert fits(page, w)
    shot(page, f"trust-household-masked-{w}")
    page.click("#national-id")
    page.wait_for_selector("span.id-full")
    assert page.locator("span.id-full").inner_text() == "1-0000-00000-07-6"
    assert fits(page, w)
    shot(page, f"trust-household-revealed-{w}")
    page.goto("/account/password")
    assert fits(page, w)
    shot(page, f"trust-password-{w}")
    page.goto("/audit/")
    assert page.locator(".audit li").count() >= 3
    assert fits(page, w)
    shot(page, f"trust-audit-{w}")
    page.goto("/account/two-factor")
    assert "ปิดไม่ได้" in page.locator("main").inner_text()  # required for a district user
    monkeypatch.setitem(app.config, "REQUIRE_TOTP", False)
    page.goto("/account/two-factor")  # not required: it may be switched off
    assert page.locator("main form[action$='/two-factor/off'] #code").count() == 1
    assert fits(page, w)
    shot(page, f"trust-two-factor-off-{w}")
    page.goto("/users/new")
    assert fits(page, w)
    shot(page, f"trust-user-form-{w}")
    page.click("header .more summary")  # the menu, then log out; then the second step of signing in
    page.click("header .more-list button")
    page.goto("/login")
    page.fill("#username", "boss")
    page.fill("#password", "correct-horse-battery")
    page.click("main button[type=submit]")
    page.wait_for_url("**/login/code**")
    assert fits(page, w)
    shot(page, f"trust-login-code-{w}")
    page.context.close()
    assert refused == []
