"""National IDs and phones sealed at rest (sammachip/crypto.py, models/sealed.py): nothing of them
in the database's bytes (a half-finished interview's draft included), lookups through keyed hashes,
no values in SQL errors, keys from DATA_KEYS; TOTP secrets sealed too."""
import base64
import subprocess  # nosec B404: pg_dump, a fixed command
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from sammachip.config import ConfigError, load_config
from sammachip.crypto import DataKeyError, Keyring, keyring, keyring_from
from sammachip.domain.households import village_with_id
from sammachip.extensions import db
from sammachip.models import Household, HouseholdDraft, Person, Sage, SupportTeamMember, User
from sammachip.models.base import utcnow
from sammachip.models.sealed import phone_hashes

from .factories import SAGE_FORM, make_household, make_user, thai_pin
from .totp_util import code_at, set_up

ID, ID_DASHED = "1101700207030", "1-1017-00207-03-0"
HEAD = {"head_name": "นายสมชาย ขยันดี", "national_id": ID_DASHED, "phone": "089-123-4567", "house_no": "12/3",
        "members": "4"}
STEPS = ((3, {"main_occupation": "ทำนา", "income_per_year": "60000"}),
         (4, {"need_occupation": "1", "need_occupation_other": "", "occupation_income_per_year": "0",
              "need_reason": "รายได้เสริม", "committed": "yes"}),
         (5, {"status": "registered"}))
NEW_ID = thai_pin(4242)
TEAM_TOKEN = "00000000-0000-4000-8000-00000000000a"
SAGE_ID = thai_pin(777)


def phone_forms(national: str) -> list[str]:
    """A Thai mobile number as anyone might find it written: 0891234567, 089-123-4567, +66891234567, ..."""
    digits = national.replace("-", "")
    return [digits, f"{digits[:3]}-{digits[3:6]}-{digits[6:]}", f"{digits[:3]} {digits[3:6]} {digits[6:]}",
            "+66" + digits[1:], "66" + digits[1:]]


DRAFT_ID = thai_pin(5151)
DRAFT_TYPED = f"{DRAFT_ID[0]} {DRAFT_ID[1:5]} {DRAFT_ID[5:10]} {DRAFT_ID[10:12]} {DRAFT_ID[12]}"  # as typed
SECRETS = ([ID, ID_DASHED, NEW_ID, SAGE_ID, "1-0000-00007-77-" + SAGE_ID[-1], DRAFT_ID, DRAFT_TYPED]
           + phone_forms("0891234567") + phone_forms("0898765432") + phone_forms("0812345678")
           + phone_forms("0823456789") + phone_forms("0867771234"))


def test_production_refuses_to_start_without_data_keys_and_development_warns(tmp_path, capsys):
    with pytest.raises(ConfigError, match="DATA_KEYS"):
        load_config(str(tmp_path), {"SAMMACHIP_ENV": "production", "SECRET_KEY": "x" * 40})
    ring = keyring_from("")
    assert ring.current_id == "dev" and "PUBLIC development key" in capsys.readouterr().err
    for wrong in ("k1:short", "bad id:" + "A" * 44, "k1:" + "A" * 43 + "=,k1:" + "A" * 43 + "="):
        with pytest.raises(DataKeyError):
            Keyring(wrong)


def test_a_household_keeps_its_id_and_phone_sealed_with_hashes_and_the_last_four_digits(village):
    household = make_household(village)
    household.phone = "+66891234567"
    db.session.commit()
    ring, stored = keyring(), db.session.execute(select(Household.__table__)).one()
    assert household.national_id == thai_pin(1) and household.phone == "+66891234567"
    assert stored.national_id_last4 == thai_pin(1)[-4:] and stored.key_id == ring.current_id
    assert stored.national_id_hash == ring.digest("national_id", thai_pin(1))
    assert stored.phone_hash in phone_hashes("+66891234567")
    assert thai_pin(1).encode() not in bytes(stored.national_id_enc)
    assert village_with_id(db.session, thai_pin(1), household.fiscal_year).id == village.id
    assert village_with_id(db.session, thai_pin(2), household.fiscal_year) is None
    with pytest.raises(TypeError, match="sealed"):
        select(Household).where(Household.national_id == thai_pin(1))


def test_clearing_an_id_or_phone_clears_its_hash_too(village):
    """What erasure does through the attributes: None or "" leaves nothing to find the person by."""
    household = make_household(village)
    household.phone = "+66891234567"
    db.session.commit()
    household.national_id, household.phone = "", None
    db.session.commit()
    stored = db.session.execute(select(Household.__table__)).one()
    assert (stored.national_id_enc, stored.national_id_hash, stored.national_id_last4) == (None, None, None)
    assert (stored.phone_enc, stored.phone_hash) == (None, None)
    assert (household.national_id, household.phone) == (None, "")  # an erased household has no ID
    person = Person(name="ไม่มีเลข", national_id=None)
    db.session.add(person)
    db.session.commit()
    assert person.national_id is None


def test_the_same_id_twice_in_a_year_is_refused_by_the_database_through_its_hash(village):
    make_household(village)
    db.session.add(Household(village_id=village.id, fiscal_year=2570, head_name="ซ้ำ", national_id=thai_pin(1),
                             members=2, main_occupation="ทำนา", income_per_year=1, consent_at=utcnow()))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_a_failing_insert_says_nothing_of_the_values_it_carried(village):
    db.session.add(Household(village_id=village.id, fiscal_year=2570, head_name="นายลับ", national_id=ID,
                             phone="+66891234567", members=99, main_occupation="ทำนา", income_per_year=1,
                             consent_at=utcnow()))
    with pytest.raises(IntegrityError) as failed:
        db.session.commit()
    db.session.rollback()
    message = str(failed.value)
    assert db.engine.hide_parameters and "parameters hidden" in message
    assert not [s for s in SECRETS if s in message]


def through_the_routes(client, village) -> None:
    """A household interviewed and then edited (new ID and phone), a sage with an ID, a team member."""
    token = client.post(f"/villages/{village.id}/households/new", data={"consent": "yes"}).headers["Location"]
    token = token.split("/")[2]
    for step, data in ((2, HEAD), *STEPS):
        assert client.post(f"/interviews/{token}/{step}", data={**data, "go": "next"}).status_code == 303
    assert client.post(f"/interviews/{token}/6").status_code == 303
    household = db.session.scalar(select(Household))
    edit = client.get(f"/households/{household.id}/edit").text
    assert ID_DASHED not in edit and ID not in edit
    edited = {**HEAD, **STEPS[0][1], **STEPS[1][1], "national_id": NEW_ID, "phone": "0898765432",
              "version": household.version}
    assert client.post(f"/households/{household.id}/edit", data=edited).status_code == 303
    assert client.post(f"/villages/{village.id}/sages/new",
                       data={**SAGE_FORM, "national_id": SAGE_ID}).status_code == 303
    assert client.post("/teams/601303?fy=2570", data={"submit_token": TEAM_TOKEN}).status_code == 303
    assert client.post("/teams/601303/members?fy=2570", data={"name": "นางออม", "phone": "082-345-6789",
                                                               "organisation": "kpst"}).status_code == 303
    db.session.expire_all()
    assert (household.national_id, household.phone) == (NEW_ID, "+66898765432")
    sage = db.session.scalar(select(Sage))
    assert (sage.phone, sage.person.national_id) == ("+66812345678", SAGE_ID)
    assert db.session.scalar(select(SupportTeamMember)).phone == "+66823456789"


def half_an_interview(client, village) -> str:
    """An interview left after its first step: the ID and phone typed, as the officer typed them."""
    token = client.post(f"/villages/{village.id}/households/new", data={"consent": "yes"}).headers["Location"]
    token = token.split("/")[2]
    typed = {**HEAD, "head_name": "นางค้างไว้ ยังไม่เสร็จ", "national_id": DRAFT_TYPED, "phone": "086 777 1234"}
    assert client.post(f"/interviews/{token}/2", data={**typed, "go": "next"}).status_code == 303
    assert client.post(f"/interviews/{token}/3", data={**STEPS[0][1], "main_occupation": "เลี้ยงไก่ไข่",
                                                       "go": "back"}).status_code == 303
    return token


def database_bytes() -> bytes:
    """Everything the database holds, as an attacker with its files would read it."""
    db.session.commit()
    engine = db.engine
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        path = Path(engine.url.database)
        files = [path] + [p for p in (path.with_name(path.name + "-wal"),) if p.exists()]
        return b"".join(p.read_bytes() for p in files)
    url = engine.url
    dump = subprocess.run(  # nosec B603 B607: fixed arguments, the test database
        ["pg_dump", "-h", url.host, "-p", str(url.port or 5432), "-U", url.username, "--data-only", url.database],
        capture_output=True, check=True, text=True).stdout
    with engine.connect() as conn:  # and every column of every row cast to text
        rows = [conn.execute(text(f'SELECT t::text FROM "{t.name}" t')).scalars().all()
                for t in db.metadata.sorted_tables]
    return (dump + "\n".join(r for table in rows for r in table)).encode()


def test_the_database_holds_no_id_and_no_phone_in_any_form(client, officer, village):
    through_the_routes(client, village)
    token = half_an_interview(client, village)
    raw = database_bytes()
    assert "นายสมชาย ขยันดี".encode() in raw  # (the search is right: names are not sealed)
    assert "เลี้ยงไก่ไข่".encode() in raw  # (and the draft's other answers are there, in clear)
    assert [s for s in SECRETS if s.encode() in raw] == []
    # The wizard reads the draft opened: the step shows what was typed.
    step = client.get(f"/interviews/{token}/2").text
    assert DRAFT_TYPED in step and "086 777 1234" in step
    draft = db.session.scalar(select(HouseholdDraft))
    assert draft.key_id == keyring().current_id and draft.personal_enc is not None
    assert draft.answers["main_occupation"] == "เลี้ยงไก่ไข่"
    assert "national_id" not in draft.answers and draft.data["national_id"] == DRAFT_TYPED


def test_a_totp_secret_is_sealed_and_nothing_of_it_is_in_the_database(client, auth, clock):
    user = make_user("boss", "district", "6013")
    auth.login("boss")
    secret, _codes = set_up(client)
    stored = db.session.execute(select(User.__table__).where(User.id == user.id)).one()
    assert stored.key_id == keyring().current_id and stored.totp_secret_enc is not None
    raw = database_bytes()
    assert secret.encode() not in raw and secret.lower().encode() not in raw
    assert base64.b32decode(secret) not in raw  # (nor its bytes)
    db.session.expire_all()
    assert user.totp_secret == secret and user.has_totp
    auth.logout()
    clock.set(utcnow() + timedelta(minutes=1))  # (the setup's code works once)
    auth.login("boss")
    assert client.post("/login/code", data={"code": code_at(secret)}).status_code == 303  # it still signs in
