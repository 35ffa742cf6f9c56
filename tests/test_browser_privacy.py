"""The PDPA screens on a phone (320 and 360 px): the household's request card, the copy of its
data, the erasure's confirmation and its result, the interview's notice, the sage form's
notice and the admin's notice page."""
import pytest

from .browser import PHONE, log_in, shot
from .conftest import watch_csp
from .factories import make_household, make_user

SIZES = ({"width": 320, "height": 720}, PHONE)


def fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("size", SIZES, ids=lambda s: str(s["width"]))
def test_privacy_pages_on_a_phone(chromium, live_server, village, size):
    household = make_household(village, "นางมาลี ศรีสุข", n=7)
    make_user("boss", "district", "6013")
    make_user("root", "admin", "")
    context = chromium.new_context(viewport=size, base_url=live_server.url, locale="th-TH")
    page = context.new_page()
    page.set_default_timeout(10_000)
    refused = watch_csp(page)
    w = size["width"]
    log_in(page, "boss")
    for url, name in ((f"/households/{household.id}", "household"), (f"/households/{household.id}/data", "data"),
                      (f"/villages/{village.id}/households/new", "consent"),
                      (f"/villages/{village.id}/sages/new", "sage-form")):
        page.goto(url)
        fits(page, w)
        shot(page, f"privacy-{name}-{w}")
    page.goto(f"/households/{household.id}")
    page.click("text=ถอนความยินยอมและลบข้อมูลส่วนบุคคล")
    page.wait_for_url("**/erase")
    page.click("button.danger")  # not ticked: nothing goes, the box says why
    page.wait_for_selector(".error")
    fits(page, w)
    shot(page, f"privacy-erase-{w}")
    page.check("input[name=confirm]")
    page.click("button.danger")
    page.wait_for_url(f"**/households/{household.id}")
    assert "นางมาลี" not in page.content() and "ลบข้อมูลส่วนบุคคลแล้ว" in page.content()
    fits(page, w)
    shot(page, f"privacy-erased-{w}")
    context.close()
    context = chromium.new_context(viewport=size, base_url=live_server.url, locale="th-TH")
    page = context.new_page()
    log_in(page, "root")
    page.goto("/settings/notices/households?fy=2570")
    fits(page, w)
    shot(page, f"privacy-notice-settings-{w}")
    context.close()
    assert refused == []
