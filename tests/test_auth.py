import pytest

from sammachip import create_app

from .conftest import csrf_from
from .factories import make_user, make_village

PROTECTED = [
    "/", "/villages/", "/villages/new", "/villages/1", "/villages/1/edit",
    "/villages/options/subdistricts?district_code=6013", "/users/", "/users/new",
]


@pytest.mark.parametrize("path", PROTECTED)
def test_data_pages_redirect_to_login_when_logged_out(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_login_form_has_the_documented_fields(client):
    html = client.get("/login").text
    for name in ('name="username"', 'name="password"', 'name="csrf_token"'):
        assert name in html


def test_login_and_logout(client, auth):
    make_user("somchai")
    response = auth.login("somchai")
    assert response.status_code == 302
    assert client.get("/villages/").status_code == 200
    assert client.get("/logout").status_code == 405  # logging out changes state: POST only
    auth.logout()
    assert client.get("/villages/").status_code == 302


def test_wrong_password_gets_thai_error_and_no_session(client, auth):
    make_user("somchai")
    response = auth.login("somchai", "wrong-password")
    assert response.status_code == 200
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in response.text
    assert 'value="somchai"' in response.text  # the typed username stays
    assert client.get("/villages/").status_code == 302


def test_inactive_user_cannot_log_in(client, auth):
    user = make_user("gone")
    user.active = False
    from sammachip.extensions import db
    db.session.commit()
    assert "ไม่ถูกต้อง" in auth.login("gone").text


def test_login_next_only_goes_to_this_site(client):
    make_user("somchai")
    data = {"username": "somchai", "password": "correct-horse-battery"}
    assert client.post("/login?next=/villages/new", data=data).headers["Location"] == "/villages/new"
    client.post("/logout")
    assert client.post("/login?next=https://evil.example/", data=data).headers["Location"] == "/"
    client.post("/logout")
    assert client.post("/login?next=//evil.example/", data=data).headers["Location"] == "/"


def test_csrf_token_is_required_when_enabled(app, tmp_path):
    strict = create_app({"SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"], "TESTING": True})
    strict.test_client_class = app.test_client_class
    make_user("somchai")
    client = strict.test_client()
    refused = client.post("/login", data={"username": "somchai", "password": "correct-horse-battery"})
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" not in refused.text
    assert client.get("/villages/").status_code == 302
    token = csrf_from(client.get("/login").text)
    ok = client.post("/login", data={"username": "somchai", "password": "correct-horse-battery", "csrf_token": token})
    assert ok.status_code == 302
    # htmx requests carry the token in a header instead of a field
    village = make_village()
    html = client.get(f"/villages/{village.id}/edit").text
    assert '"X-CSRFToken": "' in html
    assert client.post("/logout").status_code == 400
    assert client.post("/logout", headers={"X-CSRFToken": token}).status_code == 302


def test_language_can_be_switched_to_english(client, auth):
    make_user("somchai")
    auth.login("somchai")
    assert "ออกจากระบบ" in client.get("/villages/").text
    client.post("/lang/en", data={"next": "/villages/"})
    html = client.get("/villages/").text
    assert "Log out" in html
    assert 'lang="en"' in html


def test_the_language_switch_goes_back_to_its_page_without_the_page_echoing_its_address(client, auth):
    """The page's address stays out of the page (BREACH: nothing from the URL beside the form
    token on a compressed page); the switch finds its way back by the same-site Referer."""
    make_user("somchai")
    auth.login("somchai")
    page = client.get("/villages/?fy=2569&marker=breach-probe").text
    assert "breach-probe" not in page
    back = client.post("/lang/en", headers={"Referer": "http://localhost/villages/?fy=2569"})
    assert back.status_code == 302 and back.location == "/villages/?fy=2569"
    elsewhere = client.post("/lang/th", headers={"Referer": "https://evil.example/villages/"})
    assert elsewhere.location == "/"


def test_password_change_logs_out_other_sessions(app, auth, client):
    from sammachip.extensions import db

    user = make_user("somchai")
    auth.login("somchai")
    assert client.get("/villages/").status_code == 200
    user.set_password("a-brand-new-password")
    db.session.commit()
    assert client.get("/villages/").status_code == 302  # the old session no longer works


def test_oversized_post_is_refused(client, auth):
    make_user("somchai")
    auth.login("somchai")
    response = client.post("/villages/new", data={"name": "x" * (2 * 1024 * 1024)})
    assert response.status_code == 413
