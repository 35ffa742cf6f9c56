"""The audit log: append-only on both databases, and what it records."""
from datetime import timedelta

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from sammachip.domain.clock import today
from sammachip.extensions import db
from sammachip.models import AuditEntry

from .factories import make_followup, make_household, make_sage, make_user, make_village, thai_pin


def rows(*where):
    return db.session.scalars(select(AuditEntry).where(*where).order_by(AuditEntry.id)).all()


def test_update_and_delete_of_an_audit_row_fail():
    db.session.add(AuditEntry(action="sign_in", username="x", detail={}))
    db.session.commit()
    for statement in (update(AuditEntry).values(username="y"), delete(AuditEntry)):
        with pytest.raises(DBAPIError, match="append-only"):
            db.session.execute(statement)
        db.session.rollback()
    assert [r.username for r in rows()] == ["x"]


def test_the_triggers_hold_against_plain_sql_too():
    db.session.add(AuditEntry(action="sign_in", username="x", detail={}))
    db.session.commit()
    for sql in ("UPDATE audit_log SET action = 'other'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text(sql))
    if db.engine.dialect.name == "postgresql":
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text("TRUNCATE audit_log"))
    assert len(rows()) == 1


def test_sign_in_and_failed_sign_in_are_logged(client, auth):
    user = make_user("somchai", "officer", "6013")
    auth.login("somchai", "wrong-password")
    auth.login("nobody", "wrong-password")
    auth.login("somchai")
    found = [(r.action, r.username, r.user_id, r.district_code) for r in rows()]
    assert found == [("sign_in_failed", "somchai", user.id, "6013"), ("sign_in_failed", "nobody", None, None),
                     ("sign_in", "somchai", user.id, "6013")]
    assert all(r.address == "127.0.0.1" for r in rows())


def test_a_household_change_is_logged_with_personal_fields_masked(client, officer, village):
    household = make_household(village, "นางมาลี ศรีสุข", n=7)
    created = rows(AuditEntry.action == "create", AuditEntry.table_name == "households")
    assert len(created) == 1 and created[0].household_id == household.id and created[0].district_code == "6013"
    after = created[0].detail["after"]
    assert after["head_name"] == "•••" and after["income_per_year"] == "•••"
    assert after["national_id"] == "X-XXXX-XXXX" + thai_pin(7)[9] + "-" + thai_pin(7)[10:12] + "-" + thai_pin(7)[12]
    assert after["members"] == 4 and after["status"] == "registered"
    form = {"head_name": "นางมาลี ใหม่", "national_id": "", "phone": "0812345678", "house_no": "9",
            "members": "5", "main_occupation": "ทำนา", "income_per_year": "90000", "occupation_income_per_year": "0",
            "need_occupation": "1", "need_occupation_other": "", "need_reason": "", "committed": "yes",
            "version": str(household.version)}
    assert client.post(f"/households/{household.id}/edit", data=form).status_code == 303
    (change,) = rows(AuditEntry.action == "update", AuditEntry.table_name == "households")
    assert change.user_id == officer.id and change.household_id == household.id
    assert change.detail["before"]["members"] == 4 and change.detail["after"]["members"] == 5
    assert change.detail["before"]["head_name"] == "•••" and change.detail["after"]["head_name"] == "•••"
    assert "national_id" not in change.detail["after"]  # left blank: kept as it was
    everything = str([(r.detail, r.username) for r in rows()])
    for secret in ("มาลี", thai_pin(7), "812345678", "90000", "120000"):
        assert secret not in everything


def test_attendance_and_visits_are_logged(client, officer, village):
    from .factories import make_training

    household = make_household(village)
    day = make_training(village, [today() - timedelta(days=1)])[0]
    assert client.post(f"/training-days/{day.id}/attendance/{household.id}", data={"present": "1"}).status_code < 400
    (mark,) = rows(AuditEntry.table_name == "attendance")
    assert mark.action == "create" and mark.household_id == household.id and mark.detail["after"]["day_id"] == day.id
    assert mark.user_id == officer.id and mark.district_code == "6013"
    visit = make_followup(household, today(), status="due")
    visit.status, visit.problems = "done", "ป่วย"
    db.session.commit()
    (done,) = rows(AuditEntry.table_name == "followups", AuditEntry.action == "update")
    assert done.detail == {"before": {"status": "due", "problems": ""}, "after": {"status": "done", "problems": "•••"}}
    sage = make_sage(village, name="นายสมหวัง")
    db.session.delete(sage)
    db.session.commit()
    (gone,) = rows(AuditEntry.table_name == "sages", AuditEntry.action == "delete")
    assert gone.record_id == sage.id and gone.detail["before"]["name"] == "•••" and gone.user_id is None


def test_refusals_are_logged(client, auth, village):
    elsewhere = make_village("601401", 1, "ที่อื่น")  # another district
    user = make_user("officer", "officer", "6013")
    auth.login("officer")
    assert client.get(f"/villages/{elsewhere.id}").status_code == 404
    assert client.get("/settings/criteria").status_code == 403
    visit = make_followup(make_household(elsewhere, n=9), None, status="due", due_date=today())
    assert client.get(f"/followups/{visit.id}/1").status_code == 404  # a record reached through its household
    refused = [(r.status, r.path, r.user_id) for r in rows(AuditEntry.action == "refused")]
    assert refused == [(404, f"/villages/{elsewhere.id}", user.id), (403, "/settings/criteria", user.id),
                       (404, f"/followups/{visit.id}/1", user.id)]


def test_an_export_is_logged_with_its_filter_and_row_count(client, auth, village):
    make_user("district", "district", "6013")
    make_household(village, n=1)
    make_household(village, "อีก", n=2)
    auth.login("district")
    assert client.get("/exports/households.csv?district=6013").status_code == 200
    (export,) = rows(AuditEntry.action == "export")
    assert export.table_name == "households" and export.district_code == "6013"
    assert export.detail["rows"] == 2 and export.detail["area"] == "6013" and export.detail["format"] == "csv"
