from sqlalchemy import func, select

from sammachip.domain.clock import current_fiscal_year
from sammachip.domain.households import poverty_line
from sammachip.domain.reference import criteria_for
from sammachip.extensions import db
from sammachip.models import SageCriterion

from .factories import make_user


def test_admin_gives_a_year_its_own_criteria_without_touching_earlier_years(client, auth):
    make_user("root", "admin")
    auth.login("root")
    fy = current_fiscal_year()
    assert "ปีนี้ใช้ชุดเกณฑ์ของปี 2560" in client.get(f"/settings/criteria?fy={fy}").text
    client.post(f"/settings/criteria/copy?fy={fy}")
    client.post(f"/settings/criteria/copy?fy={fy}")  # twice: still one set
    assert (
        db.session.scalar(select(func.count()).select_from(SageCriterion).where(SageCriterion.fiscal_year == fy)) == 5
    )
    mine = criteria_for(db.session, fy)[4]
    response = client.post(
        f"/settings/criteria/{mine.id}",
        data={"code": "e", "text_th": "ยินดีสอนอย่างน้อย 5 วัน", "text_en": "Will teach 5 days", "required": "y"},
    )
    assert response.status_code == 303
    assert criteria_for(db.session, fy)[4].text_th == "ยินดีสอนอย่างน้อย 5 วัน"
    assert criteria_for(db.session, fy - 1)[4].text_th != "ยินดีสอนอย่างน้อย 5 วัน"
    bad = client.post(f"/settings/criteria/new?fy={fy}", data={"code": "", "text_th": "", "text_en": ""})
    assert bad.status_code == 422 and "กรุณากรอก" in bad.text
    client.post(
        f"/settings/criteria/new?fy={fy}", data={"code": "f", "text_th": "ใหม่", "text_en": "New", "required": "y"}
    )
    assert [c.code for c in criteria_for(db.session, fy)] == ["a", "b", "c", "d", "e", "f"]


def test_admin_sets_the_jpt_income_criterion_for_a_year(client, auth):
    make_user("root", "admin")
    auth.login("root")
    fy = current_fiscal_year()
    page = client.get("/settings/poverty-lines").text
    assert "<h1>เกณฑ์รายได้ จปฐ. (บาท/คน/ปี)</h1>" in page and "ยากจน" not in page
    saved = client.post("/settings/poverty-lines", data={"fiscal_year": fy, "baht_per_person_year": 41000})
    assert "บันทึกเกณฑ์รายได้ จปฐ. แล้ว" in client.get(saved.headers["Location"]).text
    assert poverty_line(db.session, fy) == 41000 and poverty_line(db.session, fy - 1) == 38000
    assert (
        "ต้องอยู่ระหว่าง"
        in client.post("/settings/poverty-lines", data={"fiscal_year": fy, "baht_per_person_year": -5}).text
    )


def test_settings_are_for_admins_only(client, auth):
    make_user("boss", "district")
    auth.login("boss")
    for url in ("/settings/criteria", "/settings/poverty-lines"):
        assert client.get(url).status_code == 403
    assert client.post("/settings/criteria/copy").status_code == 403


def test_admin_adds_and_renames_occupations_for_both_lists(client, auth):
    from sammachip.models import Occupation

    make_user("root", "admin")
    auth.login("root")
    client.post("/settings/occupations", data={"name_th": "ทำกระเป๋าผักตบชวา", "name_en": "Water hyacinth bags"})
    added = db.session.scalar(select(Occupation).where(Occupation.name_th == "ทำกระเป๋าผักตบชวา"))
    assert added.position == 22
    client.post(
        f"/settings/occupations/{added.id}", data={"name_th": "จักสานผักตบชวา", "name_en": "Water hyacinth weaving"}
    )
    db.session.refresh(added)
    assert added.name_th == "จักสานผักตบชวา"
    assert "กรุณากรอก" in client.post("/settings/occupations", data={"name_th": "", "name_en": ""}).text
