"""A failure never costs typing: error pages need neither the database nor the
session, and a failed htmx request is told apart so the page keeps the form."""

import pytest
from sqlalchemy import select

from sammachip.domain.clock import current_fiscal_year
from sammachip.extensions import db
from sammachip.models import HouseholdDraft
from sammachip.models.base import utcnow

from .conftest import csrf_from
from .factories import PASSWORD, make_user
from .outage import Outage

TOKEN = "0b7c6f1e-2d4a-4c5b-9e8f-1a2b3c4d5e6f"
STEP_2 = {"head_name": "นายสมชาย ขยันดี", "national_id": "1-1017-00207-03-0", "phone": "089 123 4567",
          "members": "4", "go": "next"}


@pytest.fixture
def outage(app):
    broken = Outage(app)
    yield broken
    broken.close()


@pytest.fixture
def draft(village):
    officer = make_user("officer", "officer", "6013")
    db.session.add(HouseholdDraft(token=TOKEN, village_id=village.id, officer_id=officer.id,
                                  fiscal_year=current_fiscal_year(), consent_at=utcnow()))
    db.session.commit()
    return TOKEN


def test_the_error_page_needs_no_database_and_the_step_is_saved_once_after(outage, draft):
    client = outage.app.test_client()
    client.post("/login", data={"username": "officer", "password": PASSWORD})
    outage.down()
    try:
        failed = client.post(f"/interviews/{draft}/2", data=STEP_2, headers={"HX-Request": "true"})
        assert failed.status_code == 500 and failed.headers["HX-Retarget"] == "#flash"
        assert "ระบบขัดข้องชั่วคราว" in failed.text and "Internal Server Error" not in failed.text
        assert "Set-Cookie" not in failed.headers  # nor the session
        page = client.post(f"/interviews/{draft}/2", data=STEP_2)
        assert page.status_code == 500 and "ระบบขัดข้องชั่วคราว" in page.text and "<form" not in page.text
    finally:
        outage.restore()
    again = client.post(f"/interviews/{draft}/2", data=STEP_2)
    assert again.status_code == 303 and again.location.endswith(f"/interviews/{draft}/3")
    saved = db.session.scalar(select(HouseholdDraft).where(HouseholdDraft.token == draft))
    assert saved.step == 3 and saved.data["head_name"] == "นายสมชาย ขยันดี"


def test_an_expired_login_answers_an_htmx_form_with_401_not_the_login_page(client, village):
    sent = client.post(f"/villages/{village.id}/sages/new", data={"name": "ครู"}, headers={"HX-Request": "true"})
    assert sent.status_code == 401 and sent.headers["X-Login-Required"] == "1"
    assert "เข้าสู่ระบบใหม่" in sent.text and "password" not in sent.text
    page = client.get(f"/villages/{village.id}")
    assert page.status_code == 302 and "/login?next=" in page.location


def test_a_stale_form_token_is_marked_so_the_page_renews_it(app, village):
    with_csrf = Outage(app, WTF_CSRF_ENABLED=True)
    try:
        client = with_csrf.app.test_client()
        make_user("officer", "officer", "6013")
        login_page = client.get("/login").text
        client.post("/login", data={"username": "officer", "password": PASSWORD, "csrf_token": csrf_from(login_page)})
        stale = client.post(f"/villages/{village.id}/sages/new", data={"name": "ครู", "csrf_token": "old"},
                            headers={"HX-Request": "true"})
        assert stale.status_code == 400 and stale.headers["X-CSRF-Expired"] == "1"
        fresh = client.get("/csrf-token")
        assert fresh.headers["Cache-Control"] == "no-store"
        sent = client.post(f"/villages/{village.id}/sages/new", data={"name": "ครู"},
                           headers={"HX-Request": "true", "X-CSRFToken": fresh.json["token"]})
        assert sent.status_code == 200 and "กรุณากรอก" in sent.text  # past the token check, to the form's own
    finally:
        with_csrf.close()
