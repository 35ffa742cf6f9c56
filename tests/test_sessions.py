"""Sessions that end: logout ends every copy of the cookie, the remember-me cookie
included; idle and absolute limits; nothing of the password in any cookie."""
from datetime import timedelta

from sqlalchemy import event

from sammachip.domain.clock import today
from sammachip.extensions import db
from sammachip.models import UserSession

from .conftest import IsolatedClient
from .factories import make_user


def copy_of(app, client):
    """A second browser holding copies of the first one's cookies (a stolen cookie)."""
    thief = IsolatedClient(app)
    for cookie in client._cookies.values():
        thief.set_cookie(cookie.key, cookie.value, domain=cookie.domain)
    return thief


def test_logout_ends_every_copy_of_the_cookies(app, client, auth, village):
    make_user("boss", "district", "6013")
    auth.login("boss")
    thief = copy_of(app, client)
    assert thief.get("/exports/households.csv").status_code == 200
    auth.logout()
    assert thief.get("/exports/households.csv").status_code == 302  # to the login page: the session has ended
    remember_only = IsolatedClient(app)
    for cookie in thief._cookies.values():
        if cookie.key == "remember_token":
            remember_only.set_cookie(cookie.key, cookie.value, domain=cookie.domain)
    assert remember_only.get("/villages/").status_code == 302


def test_no_cookie_carries_the_password_hash(client, auth):
    user = make_user("somchai")
    auth.login("somchai")
    cookies = " ".join(c.value for c in client._cookies.values())
    assert user.password_hash[-16:] not in cookies and user.password_hash[-8:] not in cookies


def test_a_session_ends_after_12_idle_hours_and_after_30_days(client, auth, clock):
    make_user("somchai")
    start = clock.set(today())
    auth.login("somchai")
    clock.set(start + timedelta(hours=11, minutes=59))
    assert client.get("/villages/").status_code == 200  # within 12 h: also marks it seen
    clock.set(start + timedelta(hours=23, minutes=58))
    assert client.get("/villages/").status_code == 200  # 12 h from the last request, not from the login
    clock.set(start + timedelta(hours=36))
    assert client.get("/villages/").status_code == 302
    auth.login("somchai")
    for day in range(1, 31):
        clock.set(start + timedelta(days=1, hours=12) + timedelta(days=day))
        status = client.get("/villages/").status_code
    assert status == 302  # 30 days after it began, however busy


def test_reading_the_session_and_its_user_is_one_query(app, client, auth):
    make_user("boss", "district", "6013")
    auth.login("boss")
    seen = []
    listen = lambda conn, cursor, statement, *args: seen.append(statement)  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        assert client.get("/exports/").status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)
    assert len([s for s in seen if "user_sessions" in s]) == 1
    assert [s for s in seen if "FROM users" in s and "user_sessions" not in s] == []  # the user came with it


def test_a_password_change_by_an_admin_signs_the_user_out_everywhere(app, client, auth):
    officer = make_user("somchai")
    make_user("root", "admin")
    auth.login("somchai")
    phone = copy_of(app, client)
    auth.logout()
    auth.login("root")
    form = {"username": "somchai", "full_name": "somchai", "role": "officer", "province_code": "60",
            "district_code": "6013", "password": "another-long-password", "active": "y"}
    assert client.post(f"/users/{officer.id}/edit", data=form).status_code == 303
    assert phone.get("/villages/").status_code == 302
    assert db.session.query(UserSession).filter(UserSession.user_id == officer.id,
                                                UserSession.ended_at.is_(None)).count() == 0


def test_sign_out_everywhere_ends_a_lost_phones_session(app, client, auth):
    officer = make_user("somchai")
    make_user("boss", "district", "6013")
    auth.login("somchai")
    lost_phone = copy_of(app, client)
    client._cookies.clear()  # the officer's own phone is gone
    auth.login("boss")
    assert client.post(f"/users/{officer.id}/sign-out").status_code == 303
    assert lost_phone.get("/villages/").status_code == 302
