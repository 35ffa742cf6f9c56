"""No page shows a full national ID by default; revealing one is a logged POST."""
from sqlalchemy import select

from sammachip.extensions import db
from sammachip.models import AuditEntry

from .factories import make_household, make_user, make_village, thai_pin

FULL = "1-0000-00000-07-6"  # thai_pin(7) as stdnum formats it
MASKED = "X-XXXX-XXXX0-07-6"


def reveals():
    return db.session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal_id")).all()


def test_every_role_sees_the_id_masked_on_every_page(client, auth, village):
    household = make_household(village, n=7)
    assert thai_pin(7) == "1000000000076"
    for role in ("admin", "province", "district", "officer"):
        make_user(role, role, "6013")
        auth.login(role)
        for url in (f"/households/{household.id}", f"/villages/{village.id}/households",
                    f"/households/{household.id}/edit", f"/villages/{village.id}/report"):
            response = client.get(url)
            assert thai_pin(7) not in response.text and FULL not in response.text, (role, url)
        auth.logout()


def test_a_district_user_taps_the_masked_id_and_the_reveal_is_logged(client, auth, village):
    household = make_household(village, n=7)
    user = make_user("district", "district", "6013")
    auth.login("district")
    page = client.get(f"/households/{household.id}").text
    assert MASKED in page and f'hx-post="/households/{household.id}/national-id"' in page
    fragment = client.post(f"/households/{household.id}/national-id", headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and FULL in fragment.text and "<html" not in fragment.text
    (row,) = reveals()
    assert (row.user_id, row.household_id, row.district_code) == (user.id, household.id, "6013")
    assert thai_pin(7) not in str(row.detail)
    whole = client.post(f"/households/{household.id}/national-id")  # without htmx: the page, ID shown
    assert whole.status_code == 200 and FULL in whole.text and len(reveals()) == 2


def test_an_officer_may_not_reveal_and_the_refusal_is_logged(client, auth, village):
    household = make_household(village, n=7)
    make_user("officer", "officer", "6013")
    auth.login("officer")
    assert f"/households/{household.id}/national-id" not in client.get(f"/households/{household.id}").text
    assert client.post(f"/households/{household.id}/national-id").status_code == 403
    assert reveals() == []
    refused = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "refused")).all()
    assert [r.status for r in refused] == [403]


def test_another_districts_household_answers_404_and_logs_nothing_revealed(client, auth):
    elsewhere = make_village("601401", 1, "ที่อื่น")
    household = make_household(elsewhere, n=7)
    make_user("district", "district", "6013")
    auth.login("district")
    assert client.post(f"/households/{household.id}/national-id").status_code == 404
    assert reveals() == []


def test_the_edit_form_keeps_the_id_when_left_blank(client, auth, village):
    household = make_household(village, n=7)
    make_user("officer", "officer", "6013")
    auth.login("officer")
    page = client.get(f"/households/{household.id}/edit").text
    assert MASKED in page and thai_pin(7) not in page
    db.session.refresh(household)
    assert household.national_id == thai_pin(7)
