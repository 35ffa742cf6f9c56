"""The official prints: a training day's sign-in sheet and a village's year-end report."""
from datetime import timedelta

from sammachip.domain.clock import today
from sammachip.domain.fiscal import fiscal_year
from sammachip.domain.thai_id import masked

from .factories import (
    attend,
    make_followup,
    make_household,
    make_sage,
    make_training,
    make_user,
    make_village,
    thai_pin,
)


def test_sign_in_sheet_lists_the_registered_households_and_is_404_elsewhere(app, client, auth, village):
    make_user("officer", "officer", "6013")
    make_user("lat", "officer", "6011")
    sage = make_sage(village, "นายสมศักดิ์ วิทยากร", role="lead")
    day = make_training(village, [today() - timedelta(days=2)])[0]
    day.topic, day.trainers = "ทำปุ๋ยหมัก", [sage]
    make_household(village, "นายหนึ่ง ครัวเรือน", n=1)
    make_household(village, "นางสอง ครัวเรือน", n=2)
    make_household(village, "นายสำรอง", n=3, status="reserve")
    make_household(make_village("601303", 3, "อื่น"), "นายบ้านอื่น", n=4)
    from sammachip.extensions import db
    db.session.commit()
    auth.login("officer")
    assert f"/training-days/{day.id}/sign-in" in client.get(f"/training-days/{day.id}").text
    page = client.get(f"/training-days/{day.id}/sign-in").text
    assert "ใบลงลายมือชื่อ" in page and "ทำปุ๋ยหมัก" in page and "นายสมศักดิ์ วิทยากร" in page
    assert "นายหนึ่ง ครัวเรือน" in page and "นางสอง ครัวเรือน" in page
    assert "นายสำรอง" not in page and "นายบ้านอื่น" not in page
    assert page.count('<td class="sig"></td>') == 2
    assert "data-print" in page and "official" in page and "<script>" not in page and "onclick" not in page
    assert "(ลงชื่อ)" in page and "ตำแหน่ง" in page and "แม่เล่ย์" in page
    app.config.update(SIGNER_NAME="นางพัฒนา ชุมชน", SIGNER_POSITION="พัฒนาการอำเภอแม่วงก์")
    try:
        page = client.get(f"/training-days/{day.id}/sign-in").text
        assert "(นางพัฒนา ชุมชน)" in page and "พัฒนาการอำเภอแม่วงก์" in page
    finally:
        app.config.update(SIGNER_NAME="", SIGNER_POSITION="")
    auth.logout()
    auth.login("lat")
    assert client.get(f"/training-days/{day.id}/sign-in").status_code == 404


def test_village_report_lists_team_households_training_and_both_indicators(client, auth, village):
    """A hand-built village: 6 trained households of which 5 practise with +3 % each (365 days at
    3,000 on 100,000), one trained but not visited, one trained on too few days."""
    make_user("officer", "officer", "6013", coordinated=("601303",))
    make_user("province", "province", "6013")
    make_user("lat", "officer", "6011")
    lead = make_sage(village, "นายครู หลัก", role="lead")
    days = make_training(village, [today() - timedelta(days=40 - k) for k in range(5)])
    for n in range(6):
        h = make_household(village, f"ครัวเรือน{n}", n=n + 1, trainer=lead, income=100_000)
        attend(days, h, 5)
        make_followup(h, today() - timedelta(days=1), "yes" if n < 5 else "no", income=3_000, days=365)
    attend(days, make_household(village, "ยังไม่เยี่ยม", n=7, income=50_000), 4)
    attend(days, make_household(village, "มาน้อย", n=8, income=50_000), 2)
    other = make_household(make_village("601303", 3, "อื่น"), "บ้านอื่น", n=9)
    auth.login("officer")
    assert f"/villages/{village.id}/report" in client.get(f"/villages/{village.id}").text
    page = client.get(f"/villages/{village.id}/report").text
    assert "รายงานสารสนเทศสัมมาชีพชุมชนระดับหมู่บ้าน" in page and "แม่เล่ย์" in page and "officer" in page
    assert "นายครู หลัก" in page and "วิทยากรหลัก" in page
    assert "ครัวเรือน0" in page and "มาน้อย" in page and "บ้านอื่น" not in page
    assert masked(thai_pin(1)) in page and thai_pin(1) not in page and thai_pin(9) not in page
    assert page.count("103,000") == 5 and "ไม่ได้ทำ" in page and "ยังไม่ได้เยี่ยม" in page
    assert "ยังไม่ผ่านการอบรม" in page
    assert page.count("<td class=\"num\">8/8</td>") == 2 and "<td class=\"num\">7/8</td>" in page  # days 1–2, day 4
    assert "83.3" in page and "n = 6" in page  # 5 of 6 visited practise; measured (6 of 7 visited)
    assert "3% · ถึงเป้า" in page and "n = 5" in page  # (515,000 − 500,000) ÷ 500,000, over 5
    assert "OTOP" in page and "(ลงชื่อ)" in page and "data-print" in page and "<script>" not in page
    auth.logout()
    auth.login("province")  # reads the report, without incomes
    page = client.get(f"/villages/{village.id}/report").text
    assert "103,000" not in page and "รายได้ก่อน" not in page and "3% · ถึงเป้า" in page
    auth.logout()
    auth.login("lat")
    assert client.get(f"/villages/{village.id}/report").status_code == 404
    assert other.id


def test_official_prints_in_thai_numerals_when_the_deployment_asks(app, client, auth, village):
    make_user("officer", "officer", "6013")
    sage = make_sage(village, "นางสมศรี", role="lead")
    day = make_training(village, [today() - timedelta(days=2)])[0]
    day.topic = "ทำปุ๋ยหมัก 20 กก. & อื่น ๆ"
    from sammachip.extensions import db
    db.session.commit()
    auth.login("officer")
    cert = client.post(f"/sages/{sage.id}/certificates").headers["Location"]
    urls = (cert, f"/training-days/{day.id}/sign-in", f"/villages/{village.id}/report",
            f"/districts/{village.district_code}/report")
    fy = str(fiscal_year(today()))
    thai_fy = fy.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    for url in urls:  # off by default: Arabic numerals
        page = client.get(url).text
        assert fy in page and thai_fy not in page, url
    app.config.update(THAI_NUMERALS=True)
    try:
        for url in urls:
            page = client.get(url).text
            assert thai_fy in page, url
            assert "/static/" in page, url  # attributes and links keep their digits
        sheet = client.get(urls[1]).text
        assert "ทำปุ๋ยหมัก ๒๐ กก. &amp; อื่น ๆ" in sheet and f"/training-days/{day.id}" in sheet
        certificate = client.get(cert).text
        assert "ขอมอบใบประกาศเกียรติคุณฉบับนี้ไว้เพื่อแสดงว่า" in certificate and "(ลงชื่อ)" in certificate
        assert "พัฒนาการอำเภอแม่วงก์" in certificate
    finally:
        app.config.update(THAI_NUMERALS=False)
