"""The district dashboard shows its village cards a page at a time (progress/queries.py PAGE_SIZE):
the totals stay the whole district's; the next page comes as a fragment in place of its link."""
import re

from sammachip.progress.queries import PAGE_SIZE

from .factories import full_village, make_target, make_user, make_village


def cards(html: str) -> list[str]:
    return re.findall(r'<strong>หมู่ \d+ บ้าน([^<]+)</strong>', html)


def test_cards_come_a_page_at_a_time_and_the_totals_stay_the_districts(client, auth):
    make_user("boss", "district", "6013")
    full_village("601303", 1, "เอ", practising=17, base=0)
    for i in range(PAGE_SIZE + 4):
        make_target(make_village("601304", i % 99 + 1, f"v{i:02d}"))
    auth.login("boss")
    first = client.get("/districts/6013").text
    assert len(cards(first)) == PAGE_SIZE
    assert "ถึงเป้า 1" in first and "ยังไม่เริ่ม 54" in first and "85%" in first  # the district's, not the page's
    assert "แสดงอีก 5 หมู่บ้าน" in first and f"แสดง 1–{PAGE_SIZE} จาก {PAGE_SIZE + 5} หมู่บ้าน" in first
    more = re.search(r'hx-get="([^"]+page=2[^"]*)"', first).group(1).replace("&amp;", "&")
    rest = client.get(more, headers={"HX-Request": "true"}).text
    assert len(cards(rest)) == 5 and "<html" not in rest and "แสดงอีก" not in rest
    assert set(cards(first)) | set(cards(rest)) == {"เอ", *(f"v{i:02d}" for i in range(PAGE_SIZE + 4))}
    page_2 = client.get(more).text  # without script: a whole page, the same five cards
    assert cards(page_2) == cards(rest) and "<html" in page_2
    # A filter keeps to its villages, and the next page's link keeps the filter.
    behind = client.get("/districts/6013?status=not_started&sort=progress").text
    assert len(cards(behind)) == PAGE_SIZE and "เอ" not in cards(behind)
    assert "status=not_started" in re.search(r'hx-get="([^"]+page=2[^"]*)"', behind).group(1)
    assert len(cards(client.get("/districts/6013?status=not_started&page=2", headers={"HX-Request": "true"}).text)) == 4
