"""The official prints: a training day's sign-in sheet and a village's year-end report."""
from datetime import timedelta

from sammachip.domain.clock import today

from .factories import make_household, make_sage, make_training, make_user, make_village


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
