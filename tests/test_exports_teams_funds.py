"""The support teams and community funds exports: the user's area, the page's year, IDs masked."""
from datetime import date

from sammachip.extensions import db
from sammachip.models import CommunityFund

from .factories import make_household, make_target, make_user, make_village
from .reading import read_csv, read_xlsx
from .teams_util import make_team


def test_teams_and_funds_exports_keep_to_the_area_and_year(client, auth):
    mine, theirs = make_target(make_village("601303", 2, "แม่เล่ย์")), make_target(make_village("601101", 3, "ลาดยาว"))
    make_team("601303", 2570, ["นางกพ สต."])
    make_team("6013", 2570, ["นางกพ สอ."], organisation="kpsa")
    make_team("601303", 2569, ["ปีก่อน"])
    make_team("601101", 2570, ["ของลาดยาว"])
    for village, n in ((mine, 1), (theirs, 2)):
        household = make_household(village, f"ครัวเรือน{n}", n=n)
        db.session.add(CommunityFund(village_id=village.id, household_id=household.id, source="women_fund",
                                     amount=4000 * n, received_on=date(2026, 11, 2), purpose="ซื้อวัตถุดิบ"))
    db.session.commit()
    make_user("officer", "officer", "6013")
    auth.login("officer")
    head, *rows = read_csv(client.get("/exports/support_teams.csv?fy=2570"))
    assert [r[5] for r in rows] == ["นางกพ สอ.", "นางกพ สต."]  # the district's team first, then its tambons'
    assert rows[0][1] == "ทีมสนับสนุนระดับอำเภอ" and rows[1][6] == "กพสต." and rows[1][3] == "แม่เล่ย์"
    assert [r[5] for r in read_csv(client.get("/exports/support_teams.csv?fy=2569"))[1:]] == ["ปีก่อน"]
    head, *rows = read_xlsx(client.get("/exports/funds.xlsx?fy=2570"))
    assert len(rows) == 1 and rows[0][5] == "ครัวเรือน1" and rows[0][7:9] == ["กองทุนพัฒนาบทบาทสตรี", 4000]
    assert rows[0][6].startswith("X-XXXX")  # the officer's file masks the national ID
    csv_row = read_csv(client.get("/exports/funds.csv?fy=2570"))[1]
    assert csv_row[9] == "02/11/2569" and csv_row[10] == "ซื้อวัตถุดิบ"
    assert client.get("/exports/funds.csv?district=6011").status_code == 404
