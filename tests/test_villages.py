import pytest
from sqlalchemy import func, select

from sammachip.extensions import db
from sammachip.models import Village

from .factories import make_user, make_village


def village_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Village))




def test_officer_adds_a_village_in_their_district(client, officer):
    response = client.post("/villages/new", data={"subdistrict_code": "601303", "moo": "7", "name": "หนองไผ่"})
    assert response.status_code == 303
    village = db.session.scalar(select(Village))
    assert (village.code, village.district_code, village.province_code) == ("60130307", "6013", "60")
    assert response.headers["Location"] == f"/villages/{village.id}"
    page = client.get(response.headers["Location"]).text
    assert "บ้านหนองไผ่" in page and "ต.แม่เล่ย์" in page


@pytest.mark.parametrize("data, field_error", [
    ({"subdistrict_code": "601101", "moo": "3", "name": "นอกเขต"}, "กรุณาเลือกตำบลจากรายการ"),  # Lat Yao, not ours
    ({"subdistrict_code": "999999", "moo": "3", "name": "ไม่มีจริง"}, "กรุณาเลือกตำบลจากรายการ"),
    ({"subdistrict_code": "601303", "moo": "0", "name": "ศูนย์"}, "ต้องอยู่ระหว่าง 1 ถึง 99"),
    ({"subdistrict_code": "601303", "moo": "100", "name": "ร้อย"}, "ต้องอยู่ระหว่าง 1 ถึง 99"),
    ({"subdistrict_code": "601303", "moo": "สาม", "name": "ตัวหนังสือ"}, "กรุณากรอกเป็นตัวเลขจำนวนเต็ม"),
    ({"subdistrict_code": "601303", "moo": "3", "name": "   "}, "กรุณากรอกชื่อหมู่บ้าน"),
    ({"subdistrict_code": "601303", "moo": "3", "name": "ก" * 101}, "ยาวเกิน 100 ตัวอักษร"),
])
def test_bad_village_input_is_refused_with_thai_error_and_typed_values_kept(client, officer, data, field_error):
    response = client.post("/villages/new", data=data)
    assert response.status_code == 200
    assert field_error in response.text
    assert "ยังบันทึกไม่ได้" in response.text
    if data["name"].strip():
        assert f'value="{data["name"]}"' in response.text
    assert village_count() == 0


def test_duplicate_moo_in_same_subdistrict_is_refused(client, officer):
    make_village("601303", 5, "หนองบัว")
    response = client.post("/villages/new", data={"subdistrict_code": "601303", "moo": "5", "name": "ซ้ำ"})
    assert "หมู่ที่ 5 ของตำบลแม่เล่ย์ มีอยู่แล้ว (บ้านหนองบัว)" in response.text
    assert 'value="ซ้ำ"' in response.text
    assert village_count() == 1
    # the same หมู่ in another subdistrict is a different village
    assert (
        client.post("/villages/new", data={"subdistrict_code": "601304", "moo": "5", "name": "อื่น"}).status_code == 303
    )


def test_html_in_a_name_is_shown_escaped(client, officer):
    client.post("/villages/new", data={"subdistrict_code": "601303", "moo": "2", "name": "<b>x</b>"})
    village = db.session.scalar(select(Village))
    html = client.get(f"/villages/{village.id}").text
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html


def test_double_submit_of_the_same_form_makes_one_village(client, officer):
    data = {
        "subdistrict_code": "601303",
        "moo": "7",
        "name": "หนองไผ่",
        "submit_token": "7d0a3a55-0000-4000-8000-000000000001",
    }
    first = client.post("/villages/new", data=data)
    second = client.post("/villages/new", data=data)
    assert first.headers["Location"] == second.headers["Location"]
    assert village_count() == 1


def test_edit_village(client, officer):
    village = make_village("601303", 5, "หนองบัว")
    form = client.get(f"/villages/{village.id}/edit").text
    assert 'value="หนองบัว"' in form
    response = client.post(
        f"/villages/{village.id}/edit",
        data={"subdistrict_code": "601304", "moo": "6", "name": "หนองบัวใหม่", "version": "1"},
    )
    assert response.status_code == 303
    db.session.refresh(village)
    assert (village.code, village.name, village.version) == ("60130406", "หนองบัวใหม่", 2)


def test_stale_edit_is_refused_and_keeps_typed_values(client, officer):
    village = make_village("601303", 5, "หนองบัว")
    client.post(
        f"/villages/{village.id}/edit",
        data={"subdistrict_code": "601303", "moo": "5", "name": "ของคนแรก", "version": "1"},
    )
    response = client.post(
        f"/villages/{village.id}/edit",
        data={"subdistrict_code": "601303", "moo": "5", "name": "ของคนที่สอง", "version": "1"},
    )
    assert response.status_code == 409
    assert "มีผู้อื่นแก้ไขข้อมูลนี้ก่อนคุณบันทึก" in response.text
    assert 'value="ของคนที่สอง"' in response.text
    db.session.refresh(village)
    assert village.name == "ของคนแรก"
    assert 'name="version" type="hidden" value="2"' in response.text  # saving again is a deliberate overwrite


def test_officer_sees_own_subdistrict_villages_first_and_no_other_district(client, officer):
    make_village("601301", 1, "แรกสุดตามรหัส")
    make_village("601304", 3, "ของฉัน")
    make_village("601101", 2, "ลาดยาว")
    html = client.get("/villages/").text
    assert html.index("ของฉัน") < html.index("แรกสุดตามรหัส")
    assert "ลาดยาว" not in html.split('id="village-list"')[1]


def test_filter_by_subdistrict_returns_fragment_to_htmx(client, officer):
    make_village("601301", 1, "หนึ่ง")
    make_village("601304", 3, "สาม")
    response = client.get("/villages/?subdistrict=601304", headers={"HX-Request": "true"})
    assert "<html" not in response.text
    assert "สาม" in response.text and "หนึ่ง" not in response.text
    full = client.get("/villages/?subdistrict=601304")
    assert "<html" in full.text and "สาม" in full.text


def test_other_district_village_is_404_on_read_and_write(client, auth):
    make_user("latyao", "district", "6011")
    theirs = make_village("601303", 5, "แม่วงก์")
    auth.login("latyao")
    assert client.get(f"/villages/{theirs.id}").status_code == 404
    assert client.get(f"/villages/{theirs.id}/edit").status_code == 404
    response = client.post(
        f"/villages/{theirs.id}/edit", data={"subdistrict_code": "601101", "moo": "9", "name": "ยึด", "version": "1"}
    )
    assert response.status_code == 404
    db.session.refresh(theirs)
    assert theirs.name == "แม่วงก์"
    assert client.get("/villages/options/subdistricts?district_code=6013").status_code == 404


def test_province_user_reads_but_cannot_add(client, auth):
    make_user("nakhonsawan", "province", "6013")
    village = make_village("601303", 5, "หนองบัว")
    auth.login("nakhonsawan")
    assert "อ.แม่วงก์" in client.get("/villages/").text
    assert "หนองบัว" in client.get("/villages/?district=6013").text
    assert client.get(f"/villages/{village.id}").status_code == 200
    assert client.get("/villages/new").status_code == 403
    assert client.get("/villages/?district=1001").status_code == 200  # outside: district list, not Bangkok's data


def test_admin_picks_province_then_district_then_subdistrict(client, auth):
    make_user("root", "admin")
    auth.login("root")
    districts = client.get("/villages/options/districts?province_code=60", headers={"HX-Request": "true"})
    assert "แม่วงก์" in districts.text and "<html" not in districts.text
    subdistricts = client.get("/villages/options/subdistricts?district_code=6013", headers={"HX-Request": "true"})
    assert "แม่เล่ย์" in subdistricts.text
    response = client.post(
        "/villages/new",
        data={
            "province_code": "10",
            "district_code": "1001",
            "subdistrict_code": "100101",
            "moo": "1",
            "name": "พระนคร",
        },
    )
    assert response.status_code == 303
