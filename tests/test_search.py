"""The search box: households, sages and team members by name (any spacing, titles, NFC), phone (any
format, through the keyed hash) or the last four ID digits; inside the user's area only."""
import re

from sammachip.domain.clock import current_fiscal_year
from sammachip.domain.search import name_key, read
from sammachip.extensions import db
from sammachip.models import Household, Sage, SupportTeamMember

from .dbutil import QueryCounter
from .factories import make_household, make_sage, make_user, make_village, thai_pin
from .teams_util import make_team


def names(client, typed: str, **headers) -> list[str]:
    """The names found, in the page's order."""
    html = client.get("/search", query_string={"q": typed}, headers=headers).text
    return re.findall(r'<a class="card-link" href="[^"]+"><strong>([^<]+)</strong>', html)


def mae_wong_and_lat_yao():
    here, there = make_village("601303", 2, "แม่เล่ย์"), make_village("601101", 3, "ลาดยาว")
    somchai = make_household(here, "นายสมชาย ใจดี", n=1)
    somchai.phone = "+66891112222"
    make_household(there, "นายสมชาย ใจดีมาก", n=2)
    make_sage(here, "นางสาวสมศรี มีสุข", phone="+66823334444", role="lead", national_id=thai_pin(3))
    make_sage(there, "สมศรี มีสุขใจ", phone="+66823334444")
    make_team("601303", current_fiscal_year(), names=("นางบุ๋ม ทองดี",))
    make_team("601101", current_fiscal_year(), names=("นางบุ๋ม ทองคำ",))
    db.session.commit()
    return here, there


def test_a_name_is_found_whatever_its_spacing_title_or_unicode_form():
    key = name_key("นายสมชาย ใจดี")
    assert key == "สมชายใจดี"
    for typed in ("สมชาย ใจดี", "สมชาย  ใจดี", "สมชายใจดี", "นาย สมชาย ใจดี", " นายสมชาย\u200bใจดี ", "น.ส. สมชาย ใจดี"):
        assert read(typed).kind == "name" and read(typed).value == key, typed
    assert name_key("นางสาวสมศรี") == name_key("น.ส.สมศรี") == name_key("สมศรี") == "สมศรี"
    assert name_key("ด.ญ. น้ำ") == name_key("น\u0e49\u0e4d\u0e32") == "น้ำ"  # ำ typed as ํ + า
    assert name_key("บ\u0e4b\u0e38ม") == name_key("บุ๋ม")  # the tone mark before the vowel: one NFC form
    assert name_key("ANNA Smith") == "annasmith"


def test_what_a_query_means():
    for typed in ("081-234-5678", "0812345678", "+66812345678", "081 234 5678", "๐๘๑๒๓๔๕๖๗๘"):
        assert read(typed).kind == "phone" and read(typed).value == "+66812345678", typed
    assert read("5678").kind == "last4" and read("5678").value == "5678"
    assert read(thai_pin(7)).kind == "national_id"
    assert read("08123").kind == "number"  # part of a phone: never matched by a part
    assert read("ส").kind == read("นางสาว").kind == read("").kind == "short"


def test_names_phones_and_last_digits_find_people_in_the_area_only(client, auth):
    mae_wong_and_lat_yao()
    make_user("officer", "officer", "6013")
    auth.login("officer")
    for typed in ("สมชาย ใจดี", "สมชาย  ใจดี", "สมชายใจดี", "นายสมชาย ใจดี", "ชายใจ"):
        assert names(client, typed) == ["นายสมชาย ใจดี"], typed  # Lat Yao's สมชาย ใจดีมาก is not shown
    assert names(client, "สมศรี มีสุข") == names(client, "น.ส. สมศรี") == ["นางสาวสมศรี มีสุข"]
    assert names(client, "บ\u0e4b\u0e38ม") == ["นางบุ๋ม ทองดี"]  # a team member, NFC variant typed
    for typed in ("089-111-2222", "0891112222", "+66891112222", "089 111 2222"):
        assert names(client, typed) == ["นายสมชาย ใจดี"], typed
    assert names(client, "082-333-4444") == ["นางสาวสมศรี มีสุข"]  # the sage's phone; not Lat Yao's
    assert names(client, "0891112223") == []
    assert names(client, thai_pin(1)[-4:]) == ["นายสมชาย ใจดี"]
    assert names(client, thai_pin(3)[-4:]) == ["นางสาวสมศรี มีสุข"]  # a sage's ID, on the person
    assert names(client, thai_pin(2)[-4:]) == []  # Lat Yao's household
    html = client.get("/search", query_string={"q": "สมชาย"}).text
    assert "X-XXXX-XXXX" in html and thai_pin(1) not in html and "บ้านแม่เล่ย์ หมู่ 2" in html
    assert "ครัวเรือนเป้าหมาย ปี 2570" in html


def test_province_and_admin_see_their_whole_area_and_another_district_its_own(client, auth):
    mae_wong_and_lat_yao()
    make_user("province", "province", "6013")
    make_user("admin", "admin", "6013")
    make_user("lat_yao", "district", "6011")
    for user in ("province", "admin"):
        auth.login(user)
        assert names(client, "สมชาย ใจดี") == ["นายสมชาย ใจดี", "นายสมชาย ใจดีมาก"]
        assert names(client, "บุ๋ม") == ["นางบุ๋ม ทองคำ", "นางบุ๋ม ทองดี"]
        assert len(names(client, "0823334444")) == 2
        auth.logout()
    auth.login("lat_yao")
    assert names(client, "สมชาย") == ["นายสมชาย ใจดีมาก"]
    assert names(client, "สมศรี") == ["สมศรี มีสุขใจ"]
    assert names(client, "บุ๋ม") == ["นางบุ๋ม ทองคำ"]
    assert names(client, thai_pin(3)[-4:]) == []
    make_user("elsewhere", "province", "6501")  # พิษณุโลก: none of these
    auth.logout()
    auth.login("elsewhere")
    assert names(client, "สม") == []


def test_names_are_kept_on_every_write_and_erased_households_are_not_found(client, auth, village):
    household = make_household(village, "นางมะลิ หอมดี")
    assert household.search_name == "มะลิหอมดี"
    household.head_name = "นางมะลิ หอมมาก"
    sage = make_sage(village, "นายแดง ดี")
    sage.name = "นายดำ ดี"
    member = make_team("601303", current_fiscal_year(), names=("ดำรง คงดี",)).members[0]
    member.name = "ดำรง คงมั่น"
    db.session.commit()
    db.session.expire_all()
    assert (db.session.get(Household, household.id).search_name, db.session.get(Sage, sage.id).search_name,
            db.session.get(SupportTeamMember, member.id).search_name) == ("มะลิหอมมาก", "ดำดี", "ดำรงคงมั่น")
    make_user("officer", "officer", "6013")
    auth.login("officer")
    assert names(client, "มะลิ") == ["นางมะลิ หอมมาก"]
    from sammachip.domain.clock import today
    from sammachip.domain.privacy import erase

    erase(db.session, [db.session.get(Household, household.id)], today())
    db.session.commit()
    assert names(client, "มะลิ") == [] and names(client, f"#{household.id}") == []


def test_thirty_at_most_in_a_fixed_number_of_queries_with_more_said(client, auth, village):
    make_user("officer", "officer", "6013")
    auth.login("officer")
    make_household(village, "สมปอง หนึ่ง", n=1)
    make_sage(village, "สมปอง สอง")

    def statements(typed):
        with QueryCounter(db.engine) as counter:
            html = client.get("/search", query_string={"q": typed}).text
        return counter.count, html

    few, html = statements("สมปอง")
    assert "พบ 2 รายการ" in html and "มากกว่า" not in html
    for i in range(2, 36):
        make_household(village, f"สมปอง {i:02d}", n=i)
    many, html = statements("สมปอง")
    assert many == few
    assert html.count('class="card-link"') == 30 and "พบมากกว่า 30 รายการ แสดง 30 รายการแรก" in html
    assert "สมปอง สอง" not in html  # households come first
    nothing, html = statements("ไม่มีใครชื่อนี้")
    assert nothing == few and "ไม่พบ “ไม่มีใครชื่อนี้” ในพื้นที่ของคุณ" in html
    typed_little, html = statements("ส")
    assert typed_little < few and "อย่างน้อย 2 ตัวอักษร" in html


def test_like_wildcards_are_literal_and_odd_input_is_no_error(client, auth, village):
    make_household(village, "สม_ใจ", n=1)
    make_household(village, "สมหญิง ใจ", n=2)
    make_user("officer", "officer", "6013")
    auth.login("officer")
    assert names(client, "สม_ใจ") == ["สม_ใจ"]
    assert names(client, "สม%") == []
    for odd in ("'; drop table households; --", "x" * 500, "\U0001f600\U0001f600", "+", "--"):
        assert client.get("/search", query_string={"q": odd}).status_code == 200


def test_the_page_works_without_javascript_and_htmx_gets_the_results_alone(client, auth, village):
    make_household(village, "นายสมชาย ใจดี")
    make_user("officer", "officer", "6013")
    auth.login("officer")
    page = client.get("/search?q=สมชาย").text
    assert '<form method="get" action="/search"' in page and 'name="q"' in page and "<html" in page
    assert 'hx-trigger="input changed delay:300ms, search"' in page
    fragment = client.get("/search?q=สมชาย", headers={"HX-Request": "true", "HX-Target": "search-results"}).text
    assert fragment.lstrip().startswith('<div id="search-results"') and "<html" not in fragment
    assert names(client, "สมชาย", **{"HX-Request": "true"}) == ["นายสมชาย ใจดี"]
    assert client.get("/").status_code in (302, 303)
    assert 'href="/search"' in client.get("/villages/").text  # the header's magnifier, on every page


def test_the_migration_gives_existing_rows_their_search_names(village):
    """Below it there is no search name; the upgrade fills every row's from its name."""
    from flask_migrate import downgrade, upgrade
    from sqlalchemy import select

    make_household(village, "นางสาวมะลิ  หอม")
    make_sage(village, "นาย ดำ ดี")
    make_team("601303", current_fiscal_year(), names=("ด.ช.ดำรง คง",))
    db.session.remove()
    downgrade(revision="8db8b520bba2")  # just before the search names
    upgrade()
    assert [db.session.scalar(select(model.search_name)) for model in (Household, Sage, SupportTeamMember)] == [
        "มะลิหอม", "ดำดี", "ดำรงคง"]
