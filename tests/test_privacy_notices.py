"""The PDPA notices: named controller, contact, purpose, retention and rights; per fiscal year
like the criteria; a household's consent names the version it accepted; sages see theirs."""
from sqlalchemy import select

from sammachip.domain.privacy import notice_for
from sammachip.extensions import db
from sammachip.models import Household, HouseholdDraft, PrivacyNotice

from .factories import make_sage, make_user

NEW = {"contact": "โทร 056-000000 สำนักงานพัฒนาชุมชนอำเภอ", "purpose": "เพื่อโครงการปี 2570",
       "retention": "เก็บ 5 ปี", "rights": "ขอดู ขอลบ"}
HEAD = {"head_name": "นายสมชาย ขยันดี", "national_id": "1-1017-00207-03-0", "phone": "0891234567",
        "house_no": "12/3", "members": "4"}


def test_the_interview_reads_the_years_notice_and_the_household_keeps_its_version(client, auth, village):
    make_user("admin", "admin", "")
    make_user("officer", "officer", "6013")
    make_sage(village, "ครูผัก", role="lead", occupation_id=1)
    old = notice_for(db.session, 2570, "households")
    assert old.fiscal_year == 2560  # the migration's, read by every later year until one has its own
    auth.login("officer")
    page = client.get(f"/villages/{village.id}/households/new").text
    for text in ("สำนักงานพัฒนาชุมชนอำเภอแม่วงก์", old.contact, old.purpose, old.retention, old.rights,
                 f"ประกาศฉบับที่ {old.id}"):
        assert text in page
    token = client.post(f"/villages/{village.id}/households/new",
                        data={"consent": "yes"}).headers["Location"].split("/")[2]
    assert db.session.scalar(select(HouseholdDraft.consent_notice_id)) == old.id
    auth.logout()
    auth.login("admin")
    form = client.get("/settings/notices/households?fy=2570").text
    assert old.purpose in form and "ปีนี้ใช้ประกาศของปี 2560" in form  # starts from the text in force
    assert client.post("/settings/notices/households?fy=2570", data={**NEW, "rights": ""}).status_code == 422
    assert client.post("/settings/notices/households?fy=2570", data=NEW).status_code == 303
    new = notice_for(db.session, 2570, "households")
    assert (new.fiscal_year, new.purpose) == (2570, "เพื่อโครงการปี 2570") and new.id != old.id
    assert notice_for(db.session, 2569, "households").id == old.id  # an earlier year keeps its notice
    assert notice_for(db.session, 2570, "sages").fiscal_year == 2560  # the sages' is its own
    auth.logout()
    auth.login("officer")
    for step, data in ((2, HEAD), (3, {"main_occupation": "ทำนา", "income_per_year": "60000"}),
                       (4, {"need_occupation": "1", "occupation_income_per_year": "0", "committed": "yes"}),
                       (5, {"status": "registered"})):
        client.post(f"/interviews/{token}/{step}", data={**data, "go": "next"})
    assert client.post(f"/interviews/{token}/6").status_code == 303
    assert db.session.scalar(select(Household.consent_notice_id)) == old.id  # the one read out at its consent
    assert "เพื่อโครงการปี 2570" in client.get(f"/villages/{village.id}/households/new").text  # the next: new


def test_the_sage_form_shows_the_sages_notice(client, officer, village):
    notice = notice_for(db.session, 2570, "sages")
    page = client.get(f"/villages/{village.id}/sages/new").text
    assert notice.purpose in page and "สำนักงานพัฒนาชุมชนอำเภอแม่วงก์" in page and notice.rights in page


def test_notices_are_for_admins_and_rows_are_never_changed(client, auth, officer):
    assert client.get("/settings/notices/households").status_code == 403
    auth.logout()
    make_user("admin", "admin", "")
    auth.login("admin")
    assert client.get("/settings/notices/nobody").status_code == 404
    assert client.get("/settings/notices/sages?fy=1999").status_code == 404
    count = len(db.session.scalars(select(PrivacyNotice)).all())
    client.post("/settings/notices/sages?fy=2570", data=NEW)
    client.post("/settings/notices/sages?fy=2570", data={**NEW, "contact": "อีกฉบับ"})
    assert len(db.session.scalars(select(PrivacyNotice)).all()) == count + 2
    assert notice_for(db.session, 2570, "sages").contact == "อีกฉบับ"  # the latest version
