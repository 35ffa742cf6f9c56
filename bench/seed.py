"""Synthetic programme data at scale, in bulk: `python -m bench.seed --villages N --database-url URL`.

The database is wiped, built with the app's migrations, then filled table by
table (COPY on PostgreSQL, chunked executemany on SQLite). Ids are given
explicitly so child rows can point at parents without reading them back.

To seed a new table, write a `rows_<table>(ctx)` generator and add it to
TABLES in dependency order. A table the migrations have not created yet is
skipped, so the list can run ahead of the models.
"""
import argparse
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from pathlib import Path

import geothai
from sqlalchemy import JSON, MetaData, Table, create_engine, inspect, text
from sqlalchemy.engine import Connection, make_url
from stdnum.th import pin
from werkzeug.security import generate_password_hash

from sammachip.crypto import keyring_from, sealed_columns
from sammachip.domain.clock import current_fiscal_year, today
from sammachip.domain.fiscal import fiscal_year_bounds
from sammachip.domain.schedule import add_months

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-only"
# เมืองนครสวรรค์: 17 tambons, so 200 villages make ~12 หมู่ each (a real district's size).
HOME_DISTRICT = "6001"
HOME_DISTRICT_VILLAGES = 200
SAGES_PER_VILLAGE = 5
HOUSEHOLDS_PER_VILLAGE = 20
HOUSEHOLDS_PER_TRAINER = 4
TRAINING_DAYS = 5
MIN_DAYS = 4                   # the app's TRAINING_COMPLETION_MIN_DAYS default
FOLLOWUP_MONTHS = (1, 3, 6)    # the app's FOLLOWUP_OFFSETS_MONTHS default
CHUNK = 5000
TOPICS = ["เตรียมดินและแปลงปลูก", "เพาะกล้า", "ทำปุ๋ยหมัก", "ดูแลแปลงและป้องกันแมลง", "เก็บเกี่ยวและการตลาด"]

VILLAGE_NAMES = ["หนองบัว", "ดอนแก้ว", "โนนสูง", "ป่าแดง", "ห้วยทราย", "นาดี", "โคกกลาง",
                 "สระแก้ว", "หนองหว้า", "วังน้ำเย็น", "คลองไทร", "เขาน้อย", "บึงบอระเพ็ด"]
GIVEN = ["สมชาย", "สมศรี", "บุญมี", "ประเสริฐ", "มาลี", "สุนทร", "อำไพ", "วิชัย", "จันทร์เพ็ญ", "ทองดี"]
FAMILY = ["ใจดี", "ศรีสุข", "บุญมา", "แก้วมณี", "ทองคำ", "พึ่งบุญ", "สายสุวรรณ", "มีสุข"]


@dataclass(frozen=True)
class Place:
    id: int
    subdistrict_code: str
    moo: int

    @property
    def code(self) -> str:
        return f"{self.subdistrict_code}{self.moo:02d}"


@dataclass
class Plan:
    """What the benchmark measures in a seeded database (same for every size)."""
    village_id: int = 1
    subdistrict_code: str = ""
    district_code: str = HOME_DISTRICT
    province_code: str = HOME_DISTRICT[:2]
    users: dict = field(default_factory=lambda: {
        "officer": "bench-officer", "district": "bench-district", "province": "bench-province"})
    password: str = PASSWORD
    household_id: int = 0  # in the village above, present all five days
    day_id: int = 0        # the village's fifth training day (in the past)


def subdistricts_of(district_code: str) -> list[str]:
    return [s.code for s in geothai.subdistricts(district_code)]


def spread(subdistricts: list[str], count: int, moo: dict) -> list[tuple[str, int]]:
    """`count` villages round-robin over the tambons, หมู่ numbered per tambon."""
    out = []
    for i in range(count):
        code = subdistricts[i % len(subdistricts)]
        moo[code] = moo.get(code, 0) + 1
        if moo[code] > 99:
            raise ValueError(f"too many villages for tambon {code} (หมู่ > 99)")
        out.append((code, moo[code]))
    return out


def layout(n: int) -> list[Place]:
    """Villages in a fixed order: the home district first (up to 200), then a
    tenth of the rest elsewhere in the home province, then the whole country."""
    province = HOME_DISTRICT[:2]
    home = subdistricts_of(HOME_DISTRICT)
    in_province = [s for d in geothai.districts(province) if d.code != HOME_DISTRICT
                   for s in subdistricts_of(d.code)]
    country = [s for p in geothai.provinces() if p.code != province
               for d in geothai.districts(p.code) for s in subdistricts_of(d.code)]
    n_home = min(n, HOME_DISTRICT_VILLAGES)
    n_province = min((n - n_home) // 10, 40 * len(in_province))
    moo: dict = {}
    spots = (spread(home, n_home, moo) + spread(in_province, n_province, moo)
             + spread(country, n - n_home - n_province, moo))
    return [Place(i, code, m) for i, (code, m) in enumerate(spots, 1)]


def plan_for(n: int) -> Plan:
    plan = Plan(subdistrict_code=subdistricts_of(HOME_DISTRICT)[0])
    # Toggling day 5 leaves a five-day household trained either way, so the
    # attendance measurement does not reshuffle its follow-ups between requests.
    plan.household_id = next(h for h in household_ids(plan.village_id) if len(days_attended(h)) == TRAINING_DAYS)
    plan.day_id = day_id(plan.village_id, TRAINING_DAYS)
    return plan


@dataclass
class Ctx:
    n: int
    places: list[Place]
    fy: int
    now: datetime
    password_hash: str
    occupation_ids: list[int] = field(default_factory=list)
    criterion_ids: list[int] = field(default_factory=list)
    user_ids: dict = field(default_factory=dict)
    today: date = field(default_factory=today)
    ring: object = None  # the data keys (sealed): read at the first sealed value

    @property
    def last_day(self) -> date:
        """The last training day, about two months ago but inside the current
        fiscal year (whose first days leave less room); so the 1-month visits
        are past and the 3- and 6-month ones still to come."""
        start = fiscal_year_bounds(self.fy)[0]
        return min(self.today - timedelta(days=1), max(self.today - timedelta(days=60), start + timedelta(days=20)))


def person(i: int) -> str:
    return f"{GIVEN[i % len(GIVEN)]} {FAMILY[(i // len(GIVEN)) % len(FAMILY)]}"


# --- one generator per table: (columns, rows) -----------------------------------

def rows_users(ctx: Ctx):
    cols = ("id", "username", "password_hash", "full_name", "role", "province_code",
            "district_code", "active", "created_at", "updated_at")
    plan, p = plan_for(ctx.n), HOME_DISTRICT[:2]
    area = {"officer": (p, HOME_DISTRICT), "district": (p, HOME_DISTRICT), "province": (p, None)}
    rows = []
    for i, (role, username) in enumerate(plan.users.items(), 1):
        ctx.user_ids[role] = i
        rows.append((i, username, ctx.password_hash, f"bench {role}", role, *area[role], True, ctx.now, ctx.now))
    return cols, rows


def rows_user_subdistricts(ctx: Ctx):
    # The officer coordinates two tambons, so "my tambons first" ordering is exercised.
    return ("user_id", "subdistrict_code"), [
        (ctx.user_ids["officer"], code) for code in subdistricts_of(HOME_DISTRICT)[:2]]


def rows_villages(ctx: Ctx):
    cols = ("id", "code", "subdistrict_code", "district_code", "province_code", "moo", "name",
            "created_by_id", "created_at", "updated_at", "version")
    officer = ctx.user_ids["officer"]
    return cols, ((v.id, v.code, v.subdistrict_code, v.subdistrict_code[:4], v.subdistrict_code[:2],
                   v.moo, VILLAGE_NAMES[v.id % len(VILLAGE_NAMES)], officer, ctx.now, ctx.now, 1)
                  for v in ctx.places)


def rows_target_villages(ctx: Ctx):
    """Every village is a target of the year."""
    return ("village_id", "fiscal_year", "created_at"), ((v.id, ctx.fy, ctx.now) for v in ctx.places)


def sealed(ctx: Ctx, where: str, field: str, kind: str, value: str) -> tuple:
    """A sealed field's stored columns (`<field>_enc`, `_hash`, an ID's `_last4`), as the app writes them,
    under DATA_KEYS or the app's public development key (the bench's data is made up)."""
    if ctx.ring is None:
        ctx.ring = keyring_from(os.environ.get("DATA_KEYS", ""))
    return tuple(sealed_columns(ctx.ring, where, field, kind, value).values())


def sage_id(village_id: int, k: int) -> int:
    return (village_id - 1) * SAGES_PER_VILLAGE + k + 1


def rows_sages(ctx: Ctx):
    """A full team per village: one trained lead, four assistants."""
    cols = ("id", "village_id", "fiscal_year", "name", "phone_enc", "phone_hash", "key_id", "occupation_id",
            "occupation_other", "years_in_occupation", "success_evidence", "lives_in_village", "notes", "role",
            "criteria_step", "training_centre", "course_start", "course_end", "course_passed",
            "workshop_date", "created_by_id", "created_at", "updated_at", "version", "person_id")
    occ, officer = ctx.occupation_ids, ctx.user_ids["officer"]
    start = date(ctx.fy - 543 - 1, 11, 1)

    def rows():
        for v in ctx.places:
            for k in range(SAGES_PER_VILLAGE):
                sid, lead = sage_id(v.id, k), k == 0
                phone = sealed(ctx, "sages.phone", "phone", "phone", f"+6681{sid:07d}")
                yield (sid, v.id, ctx.fy, person(sid), *phone, ctx.ring.current_id, occ[sid % len(occ)], "",
                       5 + sid % 30, "ขายได้ทุกเดือน มีลูกค้าประจำ", True, "",
                       "lead" if lead else "assistant", len(ctx.criterion_ids) + 1,
                       "ศพช.ลำปาง" if lead else "", start if lead else None,
                       start + timedelta(days=4) if lead else None, True if lead else None,
                       start + timedelta(days=20) if lead else None, officer, ctx.now, ctx.now, 1, sid)
    return cols, rows()


def rows_persons(ctx: Ctx):
    """Each sage row its own person (no national ID given), with the sage's id."""
    return ("id", "name", "created_at", "updated_at"), (
        (sage_id(v.id, k), person(sage_id(v.id, k)), ctx.now, ctx.now)
        for v in ctx.places for k in range(SAGES_PER_VILLAGE))


def rows_sage_answers(ctx: Ctx):
    n_sages = len(ctx.places) * SAGES_PER_VILLAGE
    return ("sage_id", "criterion_id", "met", "note"), (
        (s, c, True, "") for s in range(1, n_sages + 1) for c in ctx.criterion_ids)


def national_id(i: int) -> str:
    body = f"1{i:011d}"  # a leading 1 is a valid first digit
    return body + pin.calc_check_digit(body)


def rows_households(ctx: Ctx):
    """Twenty households per village, four per trainer."""
    cols = ("id", "village_id", "fiscal_year", "status", "head_name", "national_id_enc", "national_id_hash",
            "national_id_last4", "phone_enc", "phone_hash", "key_id", "house_no",
            "members", "main_occupation", "income_per_year", "need_occupation_id", "need_occupation_other",
            "need_reason", "committed", "trainer_id", "consent_at", "consent_by_id", "created_by_id",
            "created_at", "updated_at", "version")
    occ, officer = ctx.occupation_ids, ctx.user_ids["officer"]

    def rows():
        for v in ctx.places:
            for j in range(HOUSEHOLDS_PER_VILLAGE):
                hid = (v.id - 1) * HOUSEHOLDS_PER_VILLAGE + j + 1
                pin_ = sealed(ctx, "households.national_id", "national_id", "national_id", national_id(hid))
                phone = sealed(ctx, "households.phone", "phone", "phone", f"+6689{hid:07d}")
                yield (hid, v.id, ctx.fy, "registered", person(hid + 3), *pin_, *phone, ctx.ring.current_id,
                       f"{10 + j}/{v.moo}", 2 + hid % 6, "รับจ้างทั่วไป", 30000 + (hid % 50) * 1000,
                       occ[hid % len(occ)], "", "อยากมีรายได้เสริม", True,
                       sage_id(v.id, j // HOUSEHOLDS_PER_TRAINER), ctx.now, officer, officer,
                       ctx.now, ctx.now, 1)
    return cols, rows()


def household_ids(village_id: int) -> range:
    first = (village_id - 1) * HOUSEHOLDS_PER_VILLAGE + 1
    return range(first, first + HOUSEHOLDS_PER_VILLAGE)


def day_id(village_id: int, day_no: int) -> int:
    return (village_id - 1) * TRAINING_DAYS + day_no


def training_dates(ctx: Ctx, village_id: int) -> list[date]:
    """Five days three days apart; villages end up to six days apart so visits fall due on different days."""
    last = ctx.last_day - timedelta(days=village_id % 7)
    return [last - timedelta(days=3 * (TRAINING_DAYS - d)) for d in range(1, TRAINING_DAYS + 1)]


def days_attended(hid: int) -> list[int]:
    """Day numbers a household came: 8 in 10 come 4-5 days (trained), 2 in 10 drop out after 2-3."""
    r = hid % 10
    if r < 2:
        return list(range(1, r + 3))
    if r < 5:
        return [d for d in range(1, TRAINING_DAYS + 1) if d != hid % TRAINING_DAYS + 1]
    return list(range(1, TRAINING_DAYS + 1))


def rows_training_days(ctx: Ctx):
    cols = ("id", "village_id", "fiscal_year", "day_no", "held_on", "topic", "created_at", "updated_at", "version")
    return cols, ((day_id(v.id, d), v.id, ctx.fy, d, held, TOPICS[d - 1], ctx.now, ctx.now, 1)
                  for v in ctx.places for d, held in enumerate(training_dates(ctx, v.id), 1))


def rows_training_day_trainers(ctx: Ctx):
    # The lead teaches every day with one assistant in turn.
    return ("day_id", "sage_id"), (
        (day_id(v.id, d), sage_id(v.id, k)) for v in ctx.places for d in range(1, TRAINING_DAYS + 1)
        for k in (0, (d - 1) % (SAGES_PER_VILLAGE - 1) + 1))


def rows_attendance(ctx: Ctx):
    officer = ctx.user_ids["officer"]

    def rows():
        for v in ctx.places:
            marked = [datetime.combine(d, datetime.min.time(), UTC) for d in training_dates(ctx, v.id)]
            for hid in household_ids(v.id):
                for d in days_attended(hid):
                    yield day_id(v.id, d), hid, officer, marked[d - 1]
    return ("day_id", "household_id", "marked_by_id", "marked_at"), rows()


def practising(hid: int) -> str:
    r = hid * 37 % 100  # spread so that some villages reach 85 % and some do not
    return "yes" if r < 82 else "partly" if r < 92 else "no"


def rows_followups(ctx: Ctx):
    """The 1-, 3- and 6-month visits of each trained household, as the app schedules
    them. Past ones are mostly done; about one in a hundred is left overdue, so
    the officer's "visits due" list has a realistic few dozen entries."""
    cols = ("id", "household_id", "kind", "status", "due_date", "data", "step", "visit_date", "practising",
            "not_practising_reason", "reason_text", "income_last_month", "sells_where", "group_name",
            "fund_source", "fund_other", "fund_amount", "visitors", "with_support_team", "problems", "help_needed",
            "next_visit_date", "officer_id", "created_at", "updated_at", "version")
    officer = ctx.user_ids["officer"]

    def rows():
        fid = 0
        for v in ctx.places:
            last = training_dates(ctx, v.id)[-1]
            dues = [add_months(last, m) for m in FOLLOWUP_MONTHS]
            for hid in household_ids(v.id):
                if len(days_attended(hid)) < MIN_DAYS:
                    continue  # not trained: nothing scheduled
                for k, due in enumerate(dues):
                    fid += 1
                    if due > ctx.today or hid % 97 == 0:
                        yield (fid, hid, "scheduled", "due", due, {}, 1, None, None, "", "", None, "", "", "none",
                               "", None, [], False, "", "", None, None, ctx.now, ctx.now, 1)
                        continue
                    p = practising(hid)
                    fund = "savings_group" if hid % 5 == 0 else "none"
                    with_team = hid % 2 == 1  # half the visits with a กพสต. member (the app sets it from visitors)
                    yield (fid, hid, "scheduled", "done", due, {}, 6, due, p, "no_market" if p == "no" else "", "",
                           {"yes": 100 + hid % 8 * 50, "partly": 100, "no": 0}[p], "ตลาดนัดตำบล",
                           "กลุ่มผักปลอดสาร" if hid % 3 == 0 else "", fund, "", 5000 if fund != "none" else None,
                           ["officer", "kpst"] if with_team else ["officer"], with_team, "", "",
                           dues[k + 1] if k + 1 < len(dues) else None, officer, ctx.now, ctx.now, 1)
    return cols, rows()


def rows_village_step_marks(ctx: Ctx):
    """A few officers' ticks: one village in ten formed a group, one in twenty also OTOP and fund support."""
    cols = ("id", "village_id", "fiscal_year", "step", "done_on", "note", "marked_by_id", "created_at")
    officer, mid = ctx.user_ids["officer"], 0

    def rows():
        nonlocal mid
        for v in ctx.places:
            steps = ["group"] * (v.id % 10 == 1) + ["otop", "fund"] * (v.id % 20 == 1)
            for step in steps:
                mid += 1
                yield mid, v.id, ctx.fy, step, training_dates(ctx, v.id)[-1], "", officer, ctx.now
    return cols, rows()


# In dependency order.
TABLES: list[tuple[str, Callable]] = [
    ("users", rows_users),
    ("user_subdistricts", rows_user_subdistricts),
    ("villages", rows_villages),
    ("target_villages", rows_target_villages),
    ("persons", rows_persons),
    ("sages", rows_sages),
    ("sage_answers", rows_sage_answers),
    ("households", rows_households),
    ("training_days", rows_training_days),
    ("training_day_trainers", rows_training_day_trainers),
    ("attendance", rows_attendance),
    ("followups", rows_followups),
    ("village_step_marks", rows_village_step_marks),
]


# --- writing -------------------------------------------------------------------

def chunks(rows: Iterable, size: int) -> Iterator[list]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


def insert(conn: Connection, table: str, cols: tuple, rows: Iterable[tuple]) -> int:
    count = 0
    tbl = Table(table, MetaData(), autoload_with=conn)
    unknown = [c for c in cols if c not in tbl.c]
    if unknown:  # a model changed: the generator must follow (else SQLite drops them silently)
        raise RuntimeError(f"bench/seed.py writes {table}.{', '.join(unknown)}: no such column")
    if conn.dialect.name == "postgresql":
        # COPY takes JSON columns as text; SQLAlchemy's JSON type (SQLite below) wants the Python value.
        json_at = [i for i, c in enumerate(cols) if isinstance(tbl.c[c].type, JSON)]
        if json_at:
            rows = (as_json(row, json_at) for row in rows)
        # COPY is an order of magnitude faster than INSERT for 10^5..10^6 rows.
        with conn.connection.driver_connection.cursor() as cur:
            with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
        if "id" in cols:  # explicit ids leave the sequence behind: the app's inserts need it ahead
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                              f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"))
        return count
    for batch in chunks(rows, CHUNK):
        conn.execute(tbl.insert(), [dict(zip(cols, r)) for r in batch])
        count += len(batch)
    return count


def as_json(row: tuple, positions: list[int]) -> list:
    row = list(row)
    for i in positions:
        row[i] = json.dumps(row[i], ensure_ascii=False)
    return row


def reference_ids(conn: Connection, fy: int) -> tuple[list[int], list[int]]:
    occupations = list(conn.scalars(text("SELECT id FROM occupations ORDER BY position")))
    criteria = list(conn.scalars(text(
        "SELECT id FROM sage_criteria WHERE fiscal_year = "
        "(SELECT MAX(fiscal_year) FROM sage_criteria WHERE fiscal_year <= :fy) ORDER BY position"), {"fy": fy}))
    return occupations, criteria


def fill(url: str, n: int, log=print) -> dict:
    ctx = Ctx(n=n, places=layout(n), fy=current_fiscal_year(), now=datetime.now(UTC),
              password_hash=generate_password_hash(PASSWORD))  # hashed once: it is slow on purpose
    engine = create_engine(url)
    counts = {}
    with engine.begin() as conn:
        existing = set(inspect(conn).get_table_names())
        ctx.occupation_ids, ctx.criterion_ids = reference_ids(conn, ctx.fy)
        for table, make_rows in TABLES:
            if table not in existing:
                log(f"  {table}: no such table yet, skipped")
                continue
            cols, rows = make_rows(ctx)
            counts[table] = insert(conn, table, cols, rows)
    analyze(engine)  # before the facts are counted: without statistics one statement took over 15 minutes
    if "village_year_facts" in existing:
        counts["village_year_facts"] = count_facts(url)  # bulk rows bypass the app: count them as `flask rebuild-facts`
        analyze(engine)
    engine.dispose()
    return counts


# --- the database itself -----------------------------------------------------------

def check_disposable(url: str) -> None:
    """Seeding wipes the database: refuse any whose name does not say bench."""
    name = make_url(url).database or ""
    if "bench" not in name:
        raise SystemExit(f"refusing to wipe {name!r}: a bench database name must contain 'bench'")


def admin_engine(url: str):
    return create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")


def recreate(url: str) -> None:
    check_disposable(url)
    u = make_url(url)
    if u.get_backend_name() == "postgresql":
        engine = admin_engine(url)
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{u.database}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{u.database}"')
        engine.dispose()
    else:
        path = Path(u.database)
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def migrate(url: str) -> None:
    """The schema comes from the app's own migrations, as in production."""
    import logging

    from flask_migrate import upgrade

    from sammachip import create_app
    from sammachip.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    logging.disable(logging.INFO)  # Alembic's per-step INFO lines would drown the results
    try:
        with app.app_context():
            upgrade()
            db.engine.dispose()
    finally:
        logging.disable(logging.NOTSET)


def analyze(engine) -> None:
    """Planner statistics, as autovacuum would give a live database (PostgreSQL)."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))


def count_facts(url: str) -> int:
    from sammachip import create_app
    from sammachip.domain.facts import rebuild
    from sammachip.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        n = rebuild(db.session)
        db.session.commit()
        db.engine.dispose()
    return n


def fingerprint(n: int) -> str:
    """Changes when the seed, the migrations or the size change: then a kept database is stale."""
    h = hashlib.sha1(f"{n}".encode())
    for path in [Path(__file__), *sorted((ROOT / "migrations" / "versions").glob("*.py"))]:
        h.update(path.read_bytes())
    return f"sammachip bench {n} {h.hexdigest()[:16]}"


def stored_fingerprint(url: str) -> str | None:
    engine = admin_engine(url)
    with engine.connect() as conn:
        value = conn.scalar(text("SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                                 "WHERE datname = :n"), {"n": make_url(url).database})
    engine.dispose()
    return value


def absolute(url: str) -> str:
    """Flask-SQLAlchemy would put a relative SQLite path under instance/: pin it to the cwd."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite" and u.database and not Path(u.database).is_absolute():
        return u.set(database=str(Path(u.database).resolve())).render_as_string(hide_password=False)
    return url


def ensure(url: str, n: int, reuse: bool = False, log=print) -> str:
    """Seed the database, or keep it when `reuse` and it already holds this seed."""
    url = absolute(url)
    postgres = make_url(url).get_backend_name() == "postgresql"
    if reuse and postgres and stored_fingerprint(url) == fingerprint(n):
        return "kept"
    started = time.perf_counter()
    recreate(url)
    migrate(url)
    counts = fill(url, n, log)
    if postgres:
        engine = admin_engine(url)
        with engine.connect() as conn:
            conn.exec_driver_sql(f"COMMENT ON DATABASE \"{make_url(url).database}\" IS '{fingerprint(n)}'")
        engine.dispose()
    rows = ", ".join(f"{t} {c:,}" for t, c in counts.items())
    return f"seeded in {time.perf_counter() - started:.1f} s ({rows})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--villages", type=int, default=200)
    parser.add_argument("--database-url", required=True,
                        help="e.g. postgresql+psycopg://postgres@127.0.0.1:5432/sammachip_bench "
                             "or sqlite:///bench/out/bench.sqlite (wiped: the name must contain 'bench')")
    args = parser.parse_args()
    print(ensure(args.database_url, args.villages))


if __name__ == "__main__":
    main()
