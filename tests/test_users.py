from sqlalchemy import select

from sammachip.demo import DEMO_PASSWORD
from sammachip.extensions import db
from sammachip.models import User, Village

from .factories import PASSWORD, make_user


def test_district_manager_adds_an_officer_with_coordinated_subdistricts(client, auth):
    make_user("boss", "district", "6013")
    auth.login("boss")
    response = client.post("/users/new", data={
        "username": "new.officer", "full_name": "สมหญิง", "password": "long-enough-pass",
        "role": "officer", "subdistricts": ["601303", "601101"], "active": "y"})
    assert response.status_code == 303
    user = db.session.scalar(select(User).where(User.username == "new.officer"))
    assert (user.role, user.district_code, user.province_code) == ("officer", "6013", "60")
    assert user.coordinated_codes == ["601303"]  # a Lat Yao code is not theirs to give
    assert user.check_password("long-enough-pass")


def test_district_manager_cannot_make_admins_or_touch_other_districts(client, auth):
    make_user("boss", "district", "6013")
    other = make_user("other", "officer", "6011")
    auth.login("boss")
    response = client.post(
        "/users/new", data={"username": "sneaky", "full_name": "x", "password": "long-enough-pass", "role": "admin"}
    )
    assert "กรุณาเลือกบทบาท" in response.text
    assert db.session.scalar(select(User).where(User.username == "sneaky")) is None
    assert client.get(f"/users/{other.id}/edit").status_code == 404
    assert "other" not in client.get("/users/").text


def test_officer_cannot_manage_users(client, auth):
    make_user("off", "officer")
    auth.login("off")
    assert client.get("/users/").status_code == 403


def test_username_taken_and_short_password(client, auth):
    make_user("boss", "district", "6013")
    auth.login("boss")
    response = client.post(
        "/users/new", data={"username": "boss", "full_name": "x", "password": "short", "role": "officer"}
    )
    assert "ชื่อผู้ใช้นี้มีอยู่แล้ว" in response.text
    assert "รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร" in response.text


def test_create_user_command(app):
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=[
            "create-user",
            "--username",
            "cli.officer",
            "--password",
            "pw-from-cli-123",
            "--role",
            "officer",
            "--district",
            "6013",
            "--subdistrict",
            "601305",
        ]
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.username == "cli.officer"))
    assert user.check_password("pw-from-cli-123") and user.coordinated_codes == ["601305"]
    bad = runner.invoke(
        args=["create-user", "--username", "x", "--password", "p", "--role", "district", "--district", "9999"]
    )
    assert bad.exit_code != 0
    for weak, words in (("password123", "common password"), ("short-pw", "at least 10"),
                        ("cli.officer-2026", "username")):
        refused = runner.invoke(args=["create-user", "--username", "cli.officer", "--password", weak,
                                      "--role", "officer", "--district", "6013"])
        assert refused.exit_code != 0 and words in refused.output, refused.output
    db.session.expire_all()
    assert user.check_password("pw-from-cli-123")  # a refused reset leaves the password as it was


def test_seed_demo_is_safe_to_run_twice(app, client, auth):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    result = runner.invoke(args=["seed-demo"])
    assert DEMO_PASSWORD in result.output
    db.session.expire_all()
    assert db.session.scalar(select(db.func.count()).select_from(User)) == 7  # two officers in Mae Wong
    mae_wong = db.session.scalars(select(Village).where(Village.district_code == "6013")).all()
    lat_yao = db.session.scalars(select(Village).where(Village.district_code == "6011")).all()
    assert len(mae_wong) >= 5 and len(lat_yao) >= 2
    auth.login("officer2", DEMO_PASSWORD)
    assert client.get(f"/villages/{mae_wong[0].id}").status_code == 404


def test_the_user_form_checks_a_new_password_as_ones_own_change_does(app, client, auth, monkeypatch):
    """Length (PASSWORD_MIN_LENGTH), common passwords and the username: forms_common.new_password_ok,
    for a new user, a password set on an edit, and one's own change alike."""
    make_user("boss", "district", "6013")
    officer = make_user("off", "officer")
    auth.login("boss")
    new = {"username": "new.officer", "full_name": "สมหญิง", "role": "officer", "active": "y"}
    for password, message in (("password123", "รหัสผ่านนี้ใช้กันทั่วไป"), ("short", "อย่างน้อย 10 ตัวอักษร"),
                              ("my-new.officer-pw", "ต้องไม่มีชื่อผู้ใช้")):
        response = client.post("/users/new", data={**new, "password": password})
        assert response.status_code == 422 and message in response.text
    assert db.session.scalar(select(User).where(User.username == "new.officer")) is None
    edit = {"username": "off", "full_name": "off", "role": "officer", "active": "y", "password": "qwertyuiop"}
    assert client.post(f"/users/{officer.id}/edit", data=edit).status_code == 422
    db.session.refresh(officer)
    assert officer.check_password(PASSWORD)
    monkeypatch.setitem(app.config, "PASSWORD_MIN_LENGTH", 20)  # one rule, one setting, both pages
    assert "อย่างน้อย 20 ตัวอักษร" in client.post("/users/new", data={**new, "password": "long-enough-pass"}).text
    own = {"current": PASSWORD, "new": "long-enough-pass", "again": "long-enough-pass"}
    assert "อย่างน้อย 20 ตัวอักษร" in client.post("/account/password", data=own).text
    assert client.post("/users/new", data={**new, "password": "ข้าวเหนียวมะม่วงสุกหวาน-2569"}).status_code == 303
