"""Key rotation (`flask --app app rotate-keys`, domain/keys.py) and the migrations that sealed the
plain columns (8db8b520bba2; drafts and TOTP secrets: 241da0425aa9): rows move to the current key
in batches, stay readable and findable throughout, and nothing plain is left."""
import json

from flask_migrate import downgrade, upgrade
from sqlalchemy import select, text

from sammachip.domain import thai_id
from sammachip.domain.households import village_with_id
from sammachip.domain.persons import link
from sammachip.extensions import db
from sammachip.models import Household, HouseholdChange, HouseholdDraft, Person, Sage, SupportTeamMember, User
from sammachip.models.base import utcnow

from .crypto_util import data_keys, key_spec
from .factories import make_household, make_sage, make_user, thai_pin
from .teams_util import make_team

OLD, NEW = key_spec("k1", 1), key_spec("k2", 2)


def sealed_rows():
    """A household with an ID and a phone, a sage with a phone and an ID, a team member with a phone."""
    from sammachip.models import Village

    village = db.session.scalar(select(Village))
    household = make_household(village)
    household.phone = "+66891234567"
    sage = make_sage(village, "ลุงมี", "+66812345678", national_id=thai_pin(7))
    member = make_team("601303", 2570, ["นางหนึ่ง"]).members[0]
    member.phone = "+66823456789"
    db.session.commit()
    return household, sage, member


def key_ids() -> set[str]:
    return {k for model in (Household, Person, Sage, SupportTeamMember)
            for k in db.session.scalars(select(model.key_id))}


def rotate(app, *args):
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["rotate-keys", *args])
    db.session.expire_all()
    return result


def test_rotation_moves_every_row_to_the_new_key_in_batches_and_again_does_nothing(app, village):
    with data_keys(OLD):
        household, sage, member = sealed_rows()
        make_household(village, "อีกบ้าน", n=2)
        version, updated = household.version, household.updated_at
    with data_keys(f"{NEW},{OLD}"):
        # Before and while rotating, rows of the old key are read and found.
        assert household.national_id == thai_pin(1)
        assert village_with_id(db.session, thai_pin(1), household.fiscal_year).id == village.id
        done = rotate(app, "--batch", "1")
        assert done.exit_code == 0, done.output
        assert "households: 2 rows moved to key k2" in done.output and "persons: 1 rows" in done.output
        assert key_ids() == {"k2"}
        again = rotate(app)
        assert again.exit_code == 0 and "households: 0 rows" in again.output
    with data_keys(NEW):  # the old key gone: everything still reads and is found
        assert (household.national_id, household.phone) == (thai_pin(1), "+66891234567")
        assert (sage.phone, sage.person.national_id, member.phone) == ("+66812345678", thai_pin(7), "+66823456789")
        assert village_with_id(db.session, thai_pin(1), household.fiscal_year).id == village.id
        twin = make_sage(village, "ลุงมี (ซ้ำ)", "+66812345679")
        assert link(db.session, twin, thai_pin(7)) is True  # the person, found by the new key's hash
        assert (household.version, household.updated_at) == (version, updated)  # no one edited the household


def test_an_edit_moves_the_whole_row_to_the_current_key(village):
    with data_keys(OLD):
        household, _sage, _member = sealed_rows()
    with data_keys(f"{NEW},{OLD}"):
        household.phone = "+66898765432"
        db.session.commit()
    with data_keys(NEW):
        db.session.expire_all()
        assert (household.key_id, household.national_id, household.phone) == ("k2", thai_pin(1), "+66898765432")


def test_rows_under_a_key_no_longer_configured_are_reported_not_lost(app, village):
    with data_keys(OLD):
        sealed_rows()
    with data_keys(NEW):
        done = rotate(app)
    assert done.exit_code == 1 and "add that key back" in done.output
    assert key_ids() == {"k1"}


def plain(sql: str):
    with db.engine.connect() as conn:
        return conn.execute(text(sql)).all()


def test_the_migration_seals_existing_rows_and_downgrade_opens_them(village):
    household_id = sealed_rows()[0].id
    db.session.remove()
    downgrade(revision="5c2e8f0a1b34")  # just before sealing: plain columns again
    assert plain("SELECT national_id, phone FROM households") == [(thai_pin(1), "+66891234567")]
    assert plain("SELECT phone FROM sages") == [("+66812345678",)]
    assert plain("SELECT national_id FROM persons") == [(thai_pin(7),)]
    assert plain("SELECT phone FROM support_team_members") == [("+66823456789",)]
    with db.engine.begin() as conn:  # the history as edits wrote it before: in clear
        conn.execute(text("INSERT INTO household_changes (household_id, changed_at, changes) VALUES "
                          "(:h, '2026-11-01 10:00:00', :c)"),
                     {"h": household_id, "c": f'{{"national_id": ["{thai_pin(1)}", "{thai_pin(2)}"], '
                                               f'"phone": ["+66891234567", ""], "members": [3, 4]}}'})
    upgrade()
    household = db.session.scalar(select(Household))
    assert (household.national_id, household.phone) == (thai_pin(1), "+66891234567")
    assert db.session.scalar(select(Sage)).person.national_id == thai_pin(7)
    assert db.session.scalar(select(SupportTeamMember)).phone == "+66823456789"
    assert db.session.scalar(select(HouseholdChange)).changes == {
        "national_id": [thai_id.masked(thai_pin(1)), thai_id.masked(thai_pin(2))], "phone": ["•••", ""],
        "members": [3, 4]}
    if db.engine.dialect.name == "sqlite":  # the dropped columns' pages are overwritten (secure_delete)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        raw = open(db.engine.url.database, "rb").read()
        assert thai_pin(1).encode() not in raw and b"+66891234567" not in raw and thai_pin(7).encode() not in raw


DRAFT_TYPED = {"head_name": "นางค้าง", "national_id": thai_pin(3), "phone": "089 123 4567", "members": "3"}
TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def draft_and_secret(village):
    """A half-finished interview with its typed ID and phone, and a user with two-factor login."""
    user = make_user("boss", "district", "6013")
    user.totp_secret = TOTP
    draft = HouseholdDraft(token="00000000-0000-4000-8000-0000000000d1", village_id=village.id, officer_id=user.id,
                           fiscal_year=2570, consent_at=utcnow(), data=DRAFT_TYPED)
    db.session.add(draft)
    db.session.commit()
    return draft, user


def test_rotation_moves_drafts_and_totp_secrets_too(app, village):
    with data_keys(OLD):
        draft, user = draft_and_secret(village)
    with data_keys(f"{NEW},{OLD}"):
        done = rotate(app)
        assert done.exit_code == 0, done.output
        assert "household_drafts: 1 rows moved to key k2" in done.output and "users: 1 rows moved" in done.output
    with data_keys(NEW):
        assert (draft.key_id, user.key_id) == ("k2", "k2")
        assert (draft.data, user.totp_secret) == (DRAFT_TYPED, TOTP)


def test_the_drafts_and_totp_migration_seals_them_and_downgrade_opens_them(village):
    draft_and_secret(village)
    db.session.remove()
    downgrade(revision="d13fedbff69b")  # just before: typed in clear
    data = plain("SELECT data FROM household_drafts")[0][0]
    assert (json.loads(data) if isinstance(data, str) else data) == DRAFT_TYPED
    assert plain("SELECT totp_secret FROM users") == [(TOTP,)]
    upgrade()
    draft, user = db.session.scalar(select(HouseholdDraft)), db.session.scalar(select(User))
    assert (draft.data, user.totp_secret) == (DRAFT_TYPED, TOTP)
    assert "national_id" not in draft.answers and draft.key_id == user.key_id == "dev"
    if db.engine.dialect.name == "sqlite":  # the old values' pages are overwritten (secure_delete)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        raw = open(db.engine.url.database, "rb").read()
        assert thai_pin(3).encode() not in raw and b"089 123 4567" not in raw and TOTP.encode() not in raw
