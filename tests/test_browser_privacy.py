"""The PDPA screens on a phone (320 and 360 px): the household's request card, the copy of its
data, the erasure's confirmation and its result, the interview's notice, the sage form's
notice and the admin's notice page."""
import pytest

from .browser import SIZES, fits, log_in, phone_page, shot
from .conftest import watch_csp
from .factories import make_household, make_user


@pytest.mark.parametrize("size", SIZES, ids=lambda s: str(s["width"]))
def test_privacy_pages_on_a_phone(chromium, live_server, village, size):
    household = make_household(village, "นางมาลี ศรีสุข", n=7)
    make_user("boss", "district", "6013")
    make_user("root", "admin", "")
    page = phone_page(chromium, live_server.url, size)
    refused = watch_csp(page)
    w = size["width"]
    log_in(page, "boss")
    for url, name in ((f"/households/{household.id}", "household"), (f"/households/{household.id}/data", "data"),
                      (f"/villages/{village.id}/households/new", "consent"),
                      (f"/villages/{village.id}/sages/new", "sage-form")):
        page.goto(url)
        assert fits(page, w)
        shot(page, f"privacy-{name}-{w}")
    page.goto(f"/households/{household.id}")
    page.click("text=ถอนความยินยอมและลบข้อมูลส่วนบุคคล")
    page.wait_for_url("**/erase")
    page.click("button.danger")  # not ticked: nothing goes, the box says why
    page.wait_for_selector(".error")
    assert fits(page, w)
    shot(page, f"privacy-erase-{w}")
    page.check("input[name=confirm]")
    page.click("button.danger")
    page.wait_for_url(f"**/households/{household.id}")
    assert "นางมาลี" not in page.content() and "ลบข้อมูลส่วนบุคคลแล้ว" in page.content()
    assert fits(page, w)
    shot(page, f"privacy-erased-{w}")
    page.context.close()
    page = phone_page(chromium, live_server.url, size)
    log_in(page, "root")
    page.goto("/settings/notices/households?fy=2570")
    assert fits(page, w)
    shot(page, f"privacy-notice-settings-{w}")
    page.context.close()
    assert refused == []
