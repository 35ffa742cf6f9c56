"""The follow-up schedule holds one scheduled visit per household and date,
even when two training days are tapped at the same moment (on PostgreSQL each
request used to see only its own tap and schedule the visits again)."""
from datetime import timedelta
from types import SimpleNamespace

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from sammachip.domain.clock import current_fiscal_year, today
from sammachip.domain.schedule import insert_if_absent, sync_schedule
from sammachip.extensions import db
from sammachip.models import FollowUp

from .dbutil import count
from .factories import attend, make_household, make_training, make_user
from .race import at_once, signed_in_clients

BEFORE_THE_INDEX = "a1c3e5d7f901"


def tap_at_once(clients, urls) -> list[int]:
    """Each client posts its URL, all released at the same moment."""
    return at_once(lambda client, url: client.post(url, data={"present": "1"}, headers={"HX-Request": "true"})
                   .status_code, list(zip(clients, urls, strict=True)))


def test_two_training_days_tapped_at_once_schedule_the_visits_once(app, village):
    """Real concurrent requests from two officers: days 4 and 5 tapped together,
    for several households in turn; each ends with one visit per scheduled date."""
    days = make_training(village, [today() - timedelta(days=10 - k) for k in range(5)])
    households = [make_household(village, f"h{n}", n=n) for n in range(1, 9)]
    for household in households:
        attend(days, household, 3)
    for name in ("o1", "o2"):
        make_user(name, "officer")
    clients = signed_in_clients(app, ("o1", "o2"))
    day_ids, household_ids = [d.id for d in days[3:5]], [h.id for h in households]
    db.session.commit()  # release the test's own transaction before the race
    for household_id in household_ids:
        urls = [f"/training-days/{day_id}/attendance/{household_id}" for day_id in day_ids]
        assert tap_at_once(clients, urls) == [200, 200]
    for household_id in household_ids:
        dates = db.session.scalars(select(FollowUp.due_date).where(
            FollowUp.household_id == household_id, FollowUp.kind == "scheduled")).all()
        assert len(dates) == len(set(dates)) == 3, household_id


def test_the_database_refuses_a_second_scheduled_visit_on_the_same_date(village):
    household = make_household(village)
    due = today() + timedelta(days=30)
    visit = {"household_id": household.id, "due_date": due, "status": "due"}
    db.session.execute(insert(FollowUp), [{**visit, "kind": "scheduled"}, {**visit, "kind": "planned"},
                                          {**visit, "kind": "extra"}, {**visit, "kind": "extra"}])
    db.session.commit()  # other kinds may share the date
    with pytest.raises(IntegrityError):
        db.session.execute(insert(FollowUp), [{**visit, "kind": "scheduled"}])
        db.session.flush()
    db.session.rollback()


def test_a_scheduled_visit_inserted_meanwhile_is_skipped_not_an_error(village):
    """What the later request of a race meets: sync_schedule looked, found the visits
    missing, and another request inserted them before its INSERT; nothing fails, nothing doubles."""
    days = make_training(village, [today() - timedelta(days=10 - k) for k in range(5)])
    household = make_household(village)
    attend(days, household, 4)
    sync_schedule(db.session, village.id, current_fiscal_year())
    db.session.commit()
    already = [{"household_id": household.id, "kind": "scheduled", "status": "due", "due_date": d}
               for d in db.session.scalars(select(FollowUp.due_date))]
    db.session.execute(insert_if_absent(db.session), already + [{**already[0], "kind": "planned"}])
    db.session.commit()
    assert count(FollowUp, FollowUp.kind == "scheduled") == 3 and count(FollowUp, FollowUp.kind == "planned") == 1


def test_the_migration_merges_doubled_schedules_keeping_the_answers(app, village):
    """Rows the race made before the index: of each doubled date one scheduled
    visit stays, the one with answers; a second one with answers is kept as an
    extra visit (never deleted); untouched twins go."""
    a, b = make_household(village, "a", n=1), make_household(village, "b", n=2)
    d1, d2, d3 = (today() + timedelta(days=30 * k) for k in (1, 3, 6))
    a, b = SimpleNamespace(id=a.id), SimpleNamespace(id=b.id)  # ids only: the older schema lacks later columns
    db.session.commit()
    downgrade(revision=BEFORE_THE_INDEX)
    row = {"kind": "scheduled", "status": "due", "data": {}, "step": 1}
    db.session.execute(insert(FollowUp), [
        {**row, "household_id": a.id, "due_date": d1},  # 1: untouched twin of 2
        {**row, "household_id": a.id, "due_date": d1, "status": "draft", "data": {"practising": "yes"}, "step": 2},
        {**row, "household_id": a.id, "due_date": d2},  # 3 and 4: untouched twins, the first stays
        {**row, "household_id": a.id, "due_date": d2},
        {**row, "household_id": b.id, "due_date": d3, "status": "draft", "data": {"practising": "no"}},  # 5
        {**row, "household_id": b.id, "due_date": d3, "status": "done", "practising": "yes"},  # 6: done wins
        {**row, "household_id": b.id, "due_date": d3},  # 7
        {**row, "household_id": b.id, "due_date": d2},  # 8: no twin
    ])
    db.session.commit()
    upgrade()
    rows = db.session.execute(select(FollowUp.id, FollowUp.kind).order_by(FollowUp.id)).all()
    assert [tuple(r) for r in rows] == [(2, "scheduled"), (3, "scheduled"), (5, "extra"), (6, "scheduled"),
                                        (8, "scheduled")]
