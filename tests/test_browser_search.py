"""On a phone (360 and 320 px): the header's magnifier opens the search, and the results follow the typing."""
from sammachip.demo import DEMO_PASSWORD, seed_demo
from sammachip.extensions import db

from .browser import log_in, shot

ROWS = "#search-results a.card-link"


def test_typing_a_name_finds_people_as_the_officer_types(phone):
    seed_demo(db.session)
    log_in(phone, "officer", DEMO_PASSWORD)
    phone.click("header .search-link")
    phone.wait_for_url("**/search")
    phone.wait_for_function("() => document.activeElement && document.activeElement.id === 'q'")  # the keyboard is up
    box = phone.locator("header .search-link").bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    phone.locator("#q").press_sequentially("นาย สมชาย  สายสุวรรณ", delay=40)  # a title and two spaces
    phone.locator(ROWS).first.wait_for()
    phone.wait_for_url("**/search?q=*")  # the address follows, so a reload shows the same
    names = phone.locator(f"{ROWS} strong").all_inner_texts()
    assert len(names) == 2 and set(names) == {"สมชาย สายสุวรรณ"}  # two Mae Wong households
    for row in phone.locator(ROWS).all():
        assert row.bounding_box()["height"] >= 44
    assert "X-XXXX-XXXX" in phone.locator("#search-results").inner_text()
    for width in (360, 320):
        phone.set_viewport_size({"width": width, "height": 800})
        phone.wait_for_timeout(150)
        shot(phone, f"search-{width}")
        assert phone.evaluate("document.documentElement.scrollWidth") <= width
    phone.locator("#q").fill("")
    phone.locator("#q").press_sequentially("ไม่มีใครชื่อนี้", delay=20)
    phone.locator("#search-results .empty").wait_for()
    shot(phone, "search-empty-320")
    phone.locator("#q").fill("สมชาย")
    phone.locator(ROWS).first.wait_for()
    phone.locator(ROWS).first.click()
    phone.wait_for_url("**/households/*")
