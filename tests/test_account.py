"""Self-service password change, and two-factor login (TOTP) switched on."""
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from sammachip.clock import utcnow
from sammachip.config import load_config
from sammachip.domain import passwords, two_factor
from sammachip.extensions import db
from sammachip.models import AuditEntry, LoginFailure, RecoveryCode, User, UserSession

from .crypto_util import DATA_KEYS
from .factories import PASSWORD, make_user
from .totp_util import code_at, set_up

NEW = "ข้าวเหนียวมะม่วง-2569"


def actions():
    return [r.action for r in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_common_short_and_username_passwords_are_refused():
    assert passwords.problem("short", min_length=10) == "short"
    assert passwords.problem("password123", min_length=10) == "common"
    assert passwords.problem("qwertyuiop", min_length=10) == "common"
    assert passwords.problem("somchai-is-here", "somchai") == "username"
    assert passwords.problem(NEW, "somchai") is None


def test_a_password_change_keeps_this_device_and_ends_the_others(app, client, auth):
    user = make_user("somchai")
    other = app.test_client()
    other.post("/login", data={"username": "somchai", "password": PASSWORD})
    auth.login("somchai")
    assert other.get("/villages/").status_code == 200
    form = {"current": PASSWORD, "new": NEW, "again": NEW}
    assert client.post("/account/password", data={**form, "current": "wrong-one"}).status_code == 422
    assert client.post("/account/password", data={**form, "new": "password1234", "again": "password1234"}
                       ).status_code == 422
    assert client.post("/account/password", data={**form, "again": NEW + "x"}).status_code == 422
    assert client.post("/account/password", data=form).status_code == 303
    assert client.get("/villages/").status_code == 200  # this device goes on
    assert other.get("/villages/").status_code == 302  # the other one signs in again
    db.session.refresh(user)
    assert user.check_password(NEW)
    live = db.session.scalars(select(UserSession).where(UserSession.ended_at.is_(None))).all()
    assert len(live) == 1
    assert "password_changed" in actions()


def test_the_change_page_says_the_rules(client, auth):
    make_user("somchai")
    auth.login("somchai")
    page = client.get("/account/password").text
    assert "อย่างน้อย 10 ตัวอักษร" in page


def test_require_totp_is_on_in_production_and_off_in_development(tmp_path):
    production = {"SECRET_KEY": "x", "SAMMACHIP_ENV": "production", "DATA_KEYS": DATA_KEYS}
    assert load_config(str(tmp_path), production)["REQUIRE_TOTP"] is True
    assert load_config(str(tmp_path), {})["REQUIRE_TOTP"] is False
    assert load_config(str(tmp_path), {"REQUIRE_TOTP": "1"})["REQUIRE_TOTP"] is True


@pytest.fixture
def require_totp(app, monkeypatch):
    monkeypatch.setitem(app.config, "REQUIRE_TOTP", True)


def test_with_totp_required_a_district_user_must_set_it_up_first(client, auth, require_totp):
    make_user("boss", "district", "6013")
    auth.login("boss")
    response = client.get("/villages/")
    assert response.status_code == 303 and response.headers["Location"].endswith("/account/two-factor")
    assert client.post("/account/two-factor", data={"code": "000000"}).status_code == 200  # wrong: asked again
    secret, codes = set_up(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    stored = db.session.scalars(select(RecoveryCode.code_hash)).all()
    assert sorted(stored) == sorted(two_factor.recovery_hash(c) for c in codes)  # only hashes are kept
    assert client.get("/villages/").status_code == 200
    assert "totp_enabled" in actions()


def test_officers_are_not_made_to_set_it_up(client, auth, require_totp):
    make_user("officer", "officer", "6013")
    auth.login("officer")
    assert client.get("/villages/").status_code == 200


def test_sign_in_asks_for_the_code_which_works_once(app, client, auth, clock, require_totp):
    make_user("boss", "district", "6013")
    auth.login("boss")
    secret, codes = set_up(client)
    auth.logout()
    clock.set(datetime(2026, 11, 24, 4, 0, 10, tzinfo=UTC))
    response = auth.login("boss")
    assert response.status_code == 303 and "/login/code" in response.headers["Location"]
    assert client.get("/villages/").status_code == 302  # not signed in yet
    assert client.post("/login/code", data={"code": "123456"}).status_code == 200
    assert client.post("/login/code", data={"code": code_at(secret)}).status_code == 303
    assert client.get("/villages/").status_code == 200
    auth.logout()
    auth.login("boss")
    assert client.post("/login/code", data={"code": code_at(secret)}).status_code == 200  # the same code again
    clock.set(datetime(2026, 11, 24, 4, 0, 40, tzinfo=UTC))  # the next 30 seconds: a new code
    assert client.post("/login/code", data={"code": code_at(secret)}).status_code == 303
    found = [(r.action, (r.detail or {}).get("second_factor")) for r in
             db.session.scalars(select(AuditEntry).where(AuditEntry.action.like("sign_in%")))]
    assert ("sign_in", "totp") in found and ("sign_in_failed", True) in found


def test_a_recovery_code_signs_in_once(client, auth, require_totp):
    make_user("boss", "district", "6013")
    auth.login("boss")
    _secret, codes = set_up(client)
    auth.logout()
    auth.login("boss")
    assert client.post("/login/code", data={"code": codes[3].lower()}).status_code == 303
    auth.logout()
    auth.login("boss")
    assert client.post("/login/code", data={"code": codes[3]}).status_code == 200  # used
    used = db.session.scalars(select(RecoveryCode).where(RecoveryCode.used_at.is_not(None))).all()
    assert len(used) == 1


def test_the_code_page_without_a_right_password_goes_back_to_login(client):
    response = client.get("/login/code")
    assert response.status_code == 303 and response.headers["Location"].endswith("/login")


def test_wrong_codes_count_towards_the_lockout(client, auth, require_totp):
    make_user("boss", "district", "6013")
    auth.login("boss")
    set_up(client)
    auth.logout()
    auth.login("boss")
    for _ in range(10):
        client.post("/login/code", data={"code": "000000"})
    assert client.post("/login/code", data={"code": "000000"}).status_code == 429
    assert db.session.scalar(select(User.totp_secret_enc)) is not None


def test_seed_demo_says_whether_two_factor_login_is_required(app, monkeypatch):
    runner = app.test_cli_runner()
    assert "REQUIRE_TOTP is off" in runner.invoke(args=["seed-demo"]).output
    monkeypatch.setitem(app.config, "REQUIRE_TOTP", True)
    assert "REQUIRE_TOTP is on" in runner.invoke(args=["seed-demo"]).output


def test_a_district_user_resets_an_officers_lost_two_factor(client, auth):
    officer = make_user("officer", "officer", "6013")
    make_user("boss", "district", "6013")
    auth.login("officer")
    set_up(client)
    auth.logout()
    auth.login("boss")
    assert "ล้างการยืนยันตัวตนสองขั้นตอน" in client.get(f"/users/{officer.id}/edit").text
    assert client.post(f"/users/{officer.id}/two-factor/reset").status_code == 303
    db.session.refresh(officer)
    assert officer.totp_secret is None and db.session.scalars(select(RecoveryCode)).all() == []
    assert "totp_reset" in actions()


def test_an_officer_switches_two_factor_off_with_the_password_and_a_code(client, auth, clock, require_totp):
    officer = make_user("somchai")
    auth.login("somchai")
    secret, codes = set_up(client)
    assert "ปิดการยืนยันตัวตนสองขั้นตอน" in client.get("/account/two-factor").text
    clock.set(utcnow() + timedelta(minutes=1))  # (the setup's code works once)
    off = {"password": PASSWORD, "code": code_at(secret)}
    wrong_password = client.post("/account/two-factor/off", data={**off, "password": "not-it"})
    assert wrong_password.status_code == 422 and "รหัสผ่านไม่ถูกต้อง" in wrong_password.text
    assert client.post("/account/two-factor/off", data={**off, "code": "000000"}).status_code == 422
    assert db.session.scalar(select(func.count()).select_from(LoginFailure)) == 2  # towards the lockout
    db.session.refresh(officer)
    assert officer.has_totp
    assert client.post("/account/two-factor/off", data=off).status_code == 303
    db.session.refresh(officer)
    assert not officer.has_totp and officer.totp_secret_enc is None
    assert db.session.scalars(select(RecoveryCode)).all() == [] and "totp_disabled" in actions()
    auth.logout()
    assert auth.login("somchai").headers["Location"].endswith("/")  # no code asked any more


def test_a_recovery_code_confirms_it_too_for_a_province_user(client, auth, clock, require_totp):
    make_user("prov", "province", "6013")
    auth.login("prov")
    _secret, codes = set_up(client)
    assert client.post("/account/two-factor/off", data={"password": PASSWORD, "code": codes[0]}).status_code == 303


def test_admin_and_district_accounts_keep_it_where_it_is_required(client, auth, clock, require_totp):
    boss = make_user("boss", "district", "6013")
    auth.login("boss")
    secret, _codes = set_up(client)
    assert "ปิดไม่ได้" in client.get("/account/two-factor").text
    clock.set(utcnow() + timedelta(minutes=1))
    refused = client.post("/account/two-factor/off", data={"password": PASSWORD, "code": code_at(secret)})
    assert refused.status_code == 422 and "ปิดไม่ได้" in refused.text
    db.session.refresh(boss)
    assert boss.has_totp and "totp_disabled" not in actions()


def test_a_district_user_switches_it_off_where_it_is_not_required(client, auth, clock):
    boss = make_user("boss", "district", "6013")
    auth.login("boss")
    secret, _codes = set_up(client)
    clock.set(utcnow() + timedelta(minutes=1))
    assert client.post("/account/two-factor/off", data={"password": PASSWORD, "code": code_at(secret)}
                       ).status_code == 303
    db.session.refresh(boss)
    assert not boss.has_totp
