"""On a phone: the database fails mid-interview, or the session is dropped, and
the officer retypes nothing."""
import pytest
from sqlalchemy import select

from sammachip.extensions import db
from sammachip.models import HouseholdDraft

from .browser import PHONE, LiveServer, log_in, shot
from .conftest import watch_csp
from .factories import make_sage, make_user, phone_no
from .outage import Outage

NAME = "นายสมชาย ขยันดี"


@pytest.fixture
def served(app, chromium, request):
    """A phone on a second app of the test database (one that can lose it, or checks form tokens)."""
    outage = Outage(app, **getattr(request, "param", {}))
    with LiveServer(outage.app) as server:
        context = chromium.new_context(viewport=PHONE, base_url=server.url, locale="th-TH")
        page = context.new_page()
        page.set_default_timeout(10_000)
        refused = watch_csp(page)
        yield outage, page
        context.close()
        assert refused == []
    outage.close()


def start_interview(page, village_id: int):
    log_in(page, "officer")
    page.goto(f"/villages/{village_id}")
    # a boosted link: its answer carries no messages, the page keeps the first load's (base.html)
    page.eval_on_selector("#households", "fold => fold.open = true")
    page.evaluate("window.sameDocument = true")
    page.click(f"a[href^='/villages/{village_id}/households/new']")
    page.wait_for_selector("label.choice-yes")
    assert page.evaluate("window.sameDocument && document.body.dataset.msgFailed").startswith("ระบบขัดข้อง")
    page.click("label.choice-yes")
    page.click("#wizard button.primary")
    page.wait_for_selector("text=ขั้นที่ 2 จาก 6")
    page.fill("#head_name", NAME)
    page.fill("#national_id", "1-1017-00207-03-0")
    page.fill("#phone", "089 123 4567")
    page.fill("#members", "4")


def the_draft() -> HouseholdDraft:
    db.session.commit()  # a fresh snapshot: see what the browser saved
    return db.session.scalars(select(HouseholdDraft)).one()


def test_database_down_mid_interview_keeps_the_typing(served, village):
    outage, page = served
    make_user("officer", "officer", "6013")
    make_sage(village, "ครูผัก", phone_no(0), role="lead")
    start_interview(page, village.id)
    outage.down()
    try:
        page.click("button[value=next]")
        page.wait_for_selector("#flash .failed")
        assert "ระบบขัดข้องชั่วคราว" in page.inner_text("#flash")
        assert page.input_value("#head_name") == NAME and page.input_value("#members") == "4"
        shot(page, "failure-database-down")
    finally:
        outage.restore()
    page.click("button[value=next]")
    page.wait_for_selector("text=ขั้นที่ 3 จาก 6")
    assert page.locator("#flash .failed").count() == 0
    draft = the_draft()
    assert draft.step == 3 and draft.data["head_name"] == NAME


@pytest.mark.parametrize("served", [{"WTF_CSRF_ENABLED": True}], indirect=True)
def test_a_dropped_session_renews_the_form_token_and_sends_again(served, village):
    _, page = served
    make_user("officer", "officer", "6013")
    start_interview(page, village.id)
    context = page.context
    kept = [c for c in context.cookies() if c["name"] != "session"]  # the browser kept only "remember me"
    assert any(c["name"] == "remember_token" for c in kept)
    context.clear_cookies()
    context.add_cookies(kept)
    page.click("button[value=next]")
    page.wait_for_selector("text=ขั้นที่ 3 จาก 6")  # no "form expired": renewed and sent again
    assert the_draft().data["head_name"] == NAME
