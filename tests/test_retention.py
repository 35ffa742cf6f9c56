"""`flask apply-retention`: abandoned drafts go after N days, closed years' households are
anonymised after M years; idempotent, logged, with a dry run. The clock is set, never read."""
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from sammachip.domain import indicators
from sammachip.domain.privacy import last_year_to_anonymise
from sammachip.domain.thai_dates import BANGKOK
from sammachip.extensions import db
from sammachip.models import AuditEntry, FollowUp, Household, HouseholdDraft, Village

from .factories import attend, make_followup, make_household, make_training, make_user

TOKEN = "00000000-0000-4000-8000-0000000000{:02d}"


def run(app, *args) -> str:
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["apply-retention", *args])
    db.session.expire_all()
    assert result.exit_code == 0, result.output
    return result.output


def test_the_last_year_to_anonymise_is_the_one_closed_over_m_years_ago():
    # FY 2564 ended on 30 Sep 2021: five years later is 30 Sep 2026, so from 1 Oct 2026 it goes.
    assert last_year_to_anonymise(date(2026, 9, 30), 5) == 2563
    assert last_year_to_anonymise(date(2026, 10, 1), 5) == 2564
    assert last_year_to_anonymise(date(2026, 11, 24), 2) == 2567


def test_drafts_older_than_n_days_go_and_younger_ones_stay(app, clock, village):
    officer = make_user("officer")
    household = make_household(village, fiscal_year=2570)
    for n, days_ago in enumerate((31, 29)):
        clock.set(date(2026, 11, 24) - timedelta(days=days_ago))
        db.session.add(HouseholdDraft(token=TOKEN.format(n), village_id=village.id, officer_id=officer.id,
                                      fiscal_year=2570, consent_at=datetime.combine(date(2026, 10, 1), time(9),
                                                                                    BANGKOK),
                                      data={"head_name": "ร่าง"}))
        db.session.commit()
    clock.set(date(2026, 10, 1))
    stale = make_followup(household, None, status="draft", due_date=date(2026, 10, 1), kind="scheduled")
    stale.data, stale.step = {"problems": "ข้อความค้าง"}, 3
    db.session.commit()
    clock.set(date(2026, 11, 24))
    dry = run(app, "--dry-run")
    assert "Interview drafts untouched for 30 days: 1 would be deleted." in dry
    assert "Visit drafts untouched for 30 days: 1 would be cleared" in dry
    assert db.session.scalar(select(func.count()).select_from(HouseholdDraft)) == 2
    assert db.session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "retention")) == 0
    out = run(app)
    assert "1 were deleted" in out
    assert db.session.scalars(select(HouseholdDraft.token)).all() == [TOKEN.format(1)]
    visit = db.session.get(FollowUp, stale.id)
    assert (visit.status, visit.step, visit.data) == ("due", 1, {})
    assert "0 were deleted" in run(app)  # a second run finds nothing
    assert db.session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "retention")) == 1


def test_closed_years_are_anonymised_with_their_figures_kept(app, clock, village):
    days = make_training(village, [date(2021, 3, d) for d in (1, 2, 3, 4, 5)], 2564)
    old = [make_household(village, f"ปี64 คนที่ {n}", n=n, income=100_000, fiscal_year=2564) for n in (1, 2)]
    for h, practising in zip(old, ("yes", "no"), strict=True):
        attend(days, h, 5)
        make_followup(h, date(2021, 6, 1), practising, income=3000)
    newer = make_household(village, "ปี65", n=3, fiscal_year=2565)
    current = make_household(village, "ปีนี้", n=4, fiscal_year=2570)
    cutoff = date(2021, 9, 30)
    district = Village.district_code == "6013"
    before = (indicators.for_village(db.session, village.id, 2564, cutoff),
              indicators.indicators_by(db.session, "district_code", 2564, district, cutoff))
    # Hand-computed: 2 trained and visited, 1 practising; its after = 100,000 + 3,000 × 365 ÷ 30 = 136,500.
    assert (before[0].trained, before[0].practising, before[0].before_sum, before[0].after_sum) == (
        2, 1, 100_000, 136_500)
    clock.set(date(2026, 11, 24))
    assert "Households of fiscal years up to 2564 (closed over 5 years ago): 2 would be anonymised." in run(
        app, "--dry-run")
    assert "2 were anonymised" in run(app)
    names = dict(db.session.execute(select(Household.id, Household.head_name)).tuples().all())
    assert names == {old[0].id: f"#{old[0].id}", old[1].id: f"#{old[1].id}", newer.id: "ปี65",
                     current.id: "ปีนี้"}
    erased = db.session.get(Household, old[0].id)
    assert (erased.national_id, erased.erased_on, erased.left_on) == (None, date(2026, 11, 24), None)
    after = (indicators.for_village(db.session, village.id, 2564, cutoff),
             indicators.indicators_by(db.session, "district_code", 2564, district, cutoff))
    assert after == before  # the closed year's figures did not move
    assert "0 were anonymised" in run(app)
    row = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "retention"))
    assert row.detail["anonymised"]["households"] == 2 and "ปี64" not in str(row.detail)


def test_the_settings_come_from_the_environment():
    from sammachip.config import load_config

    assert (load_config("/tmp", {})["RETENTION_DRAFT_DAYS"], load_config("/tmp", {})["RETENTION_YEARS"]) == (30, 5)
    env = load_config("/tmp", {"RETENTION_DRAFT_DAYS": "14", "RETENTION_YEARS": "3"})
    assert (env["RETENTION_DRAFT_DAYS"], env["RETENTION_YEARS"]) == (14, 3)
