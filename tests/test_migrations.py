from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from sammachip.extensions import db


def test_migrations_match_models():
    """The test database was built by running the migrations; the models
    must describe exactly that schema (SQLite, or PostgreSQL in CI)."""
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, db.metadata)
    assert diff == []


def test_target_villages_migration_makes_one_for_every_village_year_with_records(village):
    """Downgraded below it and upgraded again, the migration finds every (village, year) holding
    sages, households, drafts, training days or marks (each once), and no other."""
    from datetime import date

    from flask_migrate import downgrade, upgrade
    from sqlalchemy import select

    from sammachip.models import HouseholdDraft, TargetVillage, TrainingDay, VillageStepMark
    from sammachip.models.base import utcnow

    from .factories import make_household, make_sage, make_user, make_village

    other, empty = make_village("601304", 1, "อื่น"), make_village("601305", 1, "ว่าง")
    officer = make_user("o")
    make_sage(village, fiscal_year=2568)
    make_household(village, fiscal_year=2568)
    make_household(village, "อีก", n=2, fiscal_year=2569)
    db.session.add_all([
        HouseholdDraft(token="00000000-0000-4000-8000-000000000000", village_id=other.id, officer_id=officer.id,
                       fiscal_year=2570, consent_at=utcnow()),
        TrainingDay(village_id=other.id, fiscal_year=2571, day_no=1, held_on=date(2027, 11, 1)),
        VillageStepMark(village_id=other.id, fiscal_year=2567, step="group", done_on=date(2024, 5, 1)),
    ])
    db.session.commit()
    ids = village.id, other.id, empty.id
    db.session.remove()
    downgrade(revision="23a639774729")  # just before target villages
    upgrade()
    found = set(db.session.execute(select(TargetVillage.village_id, TargetVillage.fiscal_year)).tuples())
    here, there, nothing = ids
    assert found == {(here, 2568), (here, 2569), (there, 2570), (there, 2571), (there, 2567)}
    assert nothing not in {v for v, _ in found}


def test_persons_migration_makes_one_person_per_sage_row_and_merges_none(village):
    """Below it, sages have no person; the upgrade gives each row its own (named as the row), even
    two rows sharing a phone or a name: only the same national ID entered later makes them one."""
    from flask_migrate import downgrade, upgrade
    from sqlalchemy import func, select

    from sammachip.models import Person, Sage

    from .factories import make_sage, phone_no, thai_pin

    make_sage(village, "สมศรี", phone_no(1), fiscal_year=2569)
    make_sage(village, "สมศรี", phone_no(1), role="lead")
    make_sage(village, "สมชาย", phone_no(1), national_id=thai_pin(9))
    db.session.remove()
    downgrade(revision="ded955ab127a")  # just before persons
    upgrade()
    rows = db.session.execute(select(Sage.name, Person, Sage.person_id)
                              .join(Person, Person.id == Sage.person_id).order_by(Sage.id)).all()
    assert [(a, b.name, b.national_id) for a, b, _ in rows] == [("สมศรี", "สมศรี", None), ("สมศรี", "สมศรี", None),
                                                  ("สมชาย", "สมชาย", None)]
    assert len({p for *_, p in rows}) == 3 == db.session.scalar(select(func.count()).select_from(Person))
