import re
from datetime import timedelta

import pytest

from sammachip.domain.clock import today

from .factories import attend, make_followup, make_household, make_training, make_user, make_village, thai_pin
from .reading import read_csv, read_xlsx

FULL = "1-0000-00000-01-"  # the formatted start of thai_pin(1)


@pytest.fixture
def data():
    mine = make_village("601303", 2, "แม่เล่ย์")
    theirs = make_village("601101", 3, "ลาดยาว")
    days = make_training(mine, [today() - timedelta(days=5 - k) for k in range(5)])
    h = make_household(mine, "=HYPERLINK(\"http://x\")", n=1, income=80_000)
    attend(days, h, 4)
    make_followup(h, today(), "yes", income=1500)
    make_household(theirs, "ของลาดยาว", n=2)
    return mine






def test_district_manager_gets_full_ids_and_only_their_district(client, auth, data):
    make_user("boss", "district", "6013")
    auth.login("boss")
    rows = read_csv(client.get("/exports/households.csv"))
    assert rows[0][:6] == ["รหัสหมู่บ้าน", "หมู่ที่", "ชื่อหมู่บ้าน", "ตำบล", "อำเภอ", "ชื่อหัวหน้าครัวเรือน"]
    assert len(rows) == 2 and rows[1][2] == "แม่เล่ย์"
    assert rows[1][6] == "1-0000-00000-01-" + thai_pin(1)[-1]
    assert rows[1][5].startswith("'=")  # a formula typed as a name stays text
    assert rows[1][10] == "80000"
    xlsx = read_xlsx(client.get("/exports/households.xlsx"))
    assert xlsx[0][5] == "ชื่อหัวหน้าครัวเรือน" and xlsx[1][6].startswith(FULL)
    assert client.get("/exports/households.csv?district=6011").status_code == 404


def test_officer_and_province_get_masked_ids(client, auth, data):
    make_user("off", "officer", "6013")
    auth.login("off")
    row = read_csv(client.get("/exports/households.csv"))[1]
    assert row[6].startswith("X-XXXX-XXXX") and row[10] == "80000"
    auth.logout()
    make_user("prov", "province", "6013")
    auth.login("prov")
    rows = read_csv(client.get("/exports/households.csv"))
    assert {r[2] for r in rows[1:]} == {"แม่เล่ย์", "ลาดยาว"}  # whole province
    assert all(r[6].startswith("X-XXXX") for r in rows[1:]) and all(r[10] == "" for r in rows[1:])
    only = read_csv(client.get("/exports/households.csv?district=6011"))
    assert [r[2] for r in only[1:]] == ["ลาดยาว"]
    assert client.get("/exports/households.csv?province=10").status_code == 404


def test_villages_attendance_and_followups_tables(client, auth, data):
    make_user("boss", "district", "6013")
    auth.login("boss")
    villages = read_xlsx(client.get("/exports/villages.xlsx"))
    assert villages[0][-1] == "สถานะ" and villages[1][2] == "แม่เล่ย์"
    assert villages[1][8:12] == [1, 1, 1, 0]  # trained, visited, practising, of them partly
    assert villages[1][12] == 100  # per cent
    attendance = read_csv(client.get("/exports/attendance.csv"))
    assert attendance[0][7:12] == ["วันที่ 1", "วันที่ 2", "วันที่ 3", "วันที่ 4", "วันที่ 5"]
    assert attendance[1][7:14] == ["มา", "มา", "มา", "มา", "ขาด", "4", "ผ่าน"]
    followups = read_csv(client.get("/exports/followups.csv"))
    assert followups[0][9] == "ประกอบอาชีพ" and followups[1][9] == "ทำอยู่" and followups[1][11] == "1500"
    assert client.get("/exports/nothing.csv").status_code == 404
    assert client.get("/exports/households.pdf").status_code == 404


def test_admin_must_name_an_area(client, auth, data):
    make_user("root", "admin")
    auth.login("root")
    assert client.get("/exports/households.csv").status_code == 404
    assert len(read_csv(client.get("/exports/households.csv?province=60"))) == 3


def test_exports_need_login(client):
    assert client.get("/exports/households.csv").status_code == 302


THAI = re.compile(r"[\u0e00-\u0e7f]")


def test_practising_households_have_no_reason_and_no_placeholder(client, auth, data):
    make_user("boss", "district", "6013")
    auth.login("boss")
    head, *rows = read_csv(client.get("/exports/followups.csv"))
    reasons = [row[head.index("เหตุที่ไม่ได้ทำ")] for row in rows]
    assert reasons == [""] and not any("เลือก" in cell for row in rows for cell in row)


@pytest.mark.parametrize("kind", ["villages", "households", "attendance", "followups"])
def test_in_english_headers_labels_and_place_names_are_english(client, auth, data, kind):
    make_user("boss", "district", "6013")
    auth.login("boss")
    client.post("/lang/en")
    head, *rows = read_csv(client.get(f"/exports/{kind}.csv"))
    assert [h for h in head if THAI.search(h)] == []
    assert "Mae Le" in rows[0] and "Mae Wong" in rows[0]  # subdistrict and district
    names = {data.name, '\'=HYPERLINK("http://x")', "รับจ้าง", "ตลาดนัดตำบล"}  # what people typed stays as typed
    assert [c for c in rows[0] if THAI.search(c) and c not in names] == []


def test_csv_dates_are_buddhist_era(client, auth, data):
    make_user("boss", "district", "6013")
    auth.login("boss")
    head, row = read_csv(client.get("/exports/followups.csv"))[:2]
    assert row[head.index("กำหนดเยี่ยม")] == row[head.index("วันที่เยี่ยม")] == "24/11/2569"
    head, row = read_csv(client.get("/exports/households.csv"))[:2]
    assert row[head.index("วันที่ให้ความยินยอม")] == "24/11/2569"


def test_xlsx_dates_are_date_cells_shown_in_buddhist_era(client, auth, data):
    from datetime import datetime
    from io import BytesIO

    from openpyxl import load_workbook

    make_user("boss", "district", "6013")
    auth.login("boss")
    sheet = load_workbook(BytesIO(client.get("/exports/followups.xlsx").data)).active
    head = [c.value for c in sheet[1]]
    visit = sheet.cell(row=2, column=head.index("วันที่เยี่ยม") + 1)
    assert visit.value == datetime(2026, 11, 24) and visit.is_date
    assert visit.number_format == "[$-107041E]dd/mm/yyyy"


def test_libreoffice_shows_the_xlsx_dates_in_buddhist_era(client, auth, data, tmp_path):
    """Open the file as a person would, in LibreOffice (headless), and read what it shows."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    make_user("boss", "district", "6013")
    auth.login("boss")
    (tmp_path / "visits.xlsx").write_bytes(client.get("/exports/followups.xlsx").data)
    # CSV as shown on screen (token 9), in the Thai locale (1054): the calendar of the format code applies.
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,1054,false,true,true", "--outdir", str(tmp_path),
                    str(tmp_path / "visits.xlsx")], check=True, capture_output=True, timeout=120)
    shown = (tmp_path / "visits.csv").read_text(encoding="utf-8")
    assert "24/11/2569" in shown and "2026" not in shown


def test_a_past_years_exports_stop_at_its_cut_off(client, auth):
    """On 24 Nov 2026, FY 2569's exports hold what its figures hold: nothing dated after 30 Sep 2026."""
    from datetime import date

    village = make_village("601303", 2, "แม่เล่ย์")
    days = make_training(village, [date(2026, 9, 1 + k) for k in range(4)] + [date(2026, 10, 2)], fiscal_year=2569)
    h = make_household(village, "ครัวเรือนปีก่อน", n=1, fiscal_year=2569)
    attend(days, h, 5)
    make_followup(h, date(2026, 9, 20), "yes", income=300)
    make_followup(h, date(2026, 10, 15), "no")
    make_user("boss", "district", "6013")
    auth.login("boss")
    visits = read_csv(client.get("/exports/followups.csv?district=6013&fy=2569"))
    assert [row[7] for row in visits[1:]] == ["20/09/2569"]  # the October visit is not in FY 2569's file
    attendance = read_csv(client.get("/exports/attendance.csv?district=6013&fy=2569"))
    assert attendance[1][-2:] == ["4", "ผ่าน"]  # day 5 was held after the cut-off
