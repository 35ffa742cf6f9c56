"""Password guessing is slowed per account and per address, in the database; an unknown
name costs the same password check as a known one."""
from datetime import date, timedelta

import pytest

from sammachip.models import user as user_module

from .factories import PASSWORD, make_user


@pytest.fixture
def hash_checks(monkeypatch):
    """Counts password-hash checks (the slow, timing-visible work)."""
    calls = []
    real = user_module.check_password_hash

    def counted(*args):
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(user_module, "check_password_hash", counted)
    return calls


def log_in(client, username, password, address="10.0.0.1"):
    return client.post("/login", data={"username": username, "password": password},
                       environ_base={"REMOTE_ADDR": address})


def test_an_account_waits_15_minutes_after_10_wrong_passwords(client, clock):
    make_user("somchai", "officer", "6013")
    start = clock.set(date(2026, 11, 24))
    for n in range(10):
        assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in log_in(client, "somchai", f"wrong{n}", f"10.0.0.{n}").text
    locked = log_in(client, "somchai", PASSWORD)
    assert locked.status_code == 429 and "กรุณารอ 15 นาที" in locked.text  # even the right password waits
    clock.set(start + timedelta(minutes=14, seconds=59))
    assert log_in(client, "somchai", PASSWORD).status_code == 429
    clock.set(start + timedelta(minutes=15, seconds=1))
    assert log_in(client, "somchai", PASSWORD).status_code == 302  # in, and the count starts again


def test_an_address_waits_after_50_wrong_passwords_whatever_the_names(client, clock):
    make_user("somchai", "officer", "6013")
    for n in range(50):
        log_in(client, f"guess{n}", "wrong", "10.9.9.9")
    assert log_in(client, "somchai", PASSWORD, "10.9.9.9").status_code == 429
    assert log_in(client, "somchai", PASSWORD, "10.1.1.1").status_code == 302  # another address is not held


def test_an_unknown_name_costs_exactly_one_password_check_as_a_known_one(client, hash_checks):
    make_user("somchai", "officer", "6013")
    log_in(client, "somchai", "wrong")
    known = len(hash_checks)
    log_in(client, "nobody-here", "wrong")
    assert known == 1 and len(hash_checks) == 2


def test_a_district_user_unlocks_an_officer(client, auth):
    officer = make_user("somchai", "officer", "6013")
    make_user("boss", "district", "6013")
    for n in range(10):
        log_in(client, "somchai", f"wrong{n}")
    auth.login("boss")
    page = client.get(f"/users/{officer.id}/edit").text
    assert "ปลดล็อกบัญชีนี้" in page and "ใส่รหัสผ่านผิด 10 ครั้งใน 15 นาที" in page
    assert client.post(f"/users/{officer.id}/unlock").status_code == 303
    auth.logout()
    assert log_in(client, "somchai", PASSWORD).status_code == 302
