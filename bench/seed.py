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
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

import geothai
from sqlalchemy import MetaData, Table, create_engine, inspect, text
from sqlalchemy.engine import Connection, make_url
from stdnum.th import pin
from werkzeug.security import generate_password_hash

from sammachip.domain.clock import current_fiscal_year

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-only"
# เมืองนครสวรรค์: 17 tambons, so 200 villages make ~12 หมู่ each (a real district's size).
HOME_DISTRICT = "6001"
HOME_DISTRICT_VILLAGES = 200
SAGES_PER_VILLAGE = 5
HOUSEHOLDS_PER_VILLAGE = 20
HOUSEHOLDS_PER_TRAINER = 4
CHUNK = 5000

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
    return Plan(subdistrict_code=subdistricts_of(HOME_DISTRICT)[0])


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


def sage_id(village_id: int, k: int) -> int:
    return (village_id - 1) * SAGES_PER_VILLAGE + k + 1


def rows_sages(ctx: Ctx):
    """A full team per village: one trained lead, four assistants."""
    cols = ("id", "village_id", "fiscal_year", "name", "phone", "occupation_id", "occupation_other",
            "years_in_occupation", "success_evidence", "lives_in_village", "notes", "role",
            "criteria_step", "training_centre", "course_start", "course_end", "course_passed",
            "workshop_date", "created_by_id", "created_at", "updated_at", "version")
    occ, officer = ctx.occupation_ids, ctx.user_ids["officer"]
    start = date(ctx.fy - 543 - 1, 11, 1)

    def rows():
        for v in ctx.places:
            for k in range(SAGES_PER_VILLAGE):
                sid, lead = sage_id(v.id, k), k == 0
                yield (sid, v.id, ctx.fy, person(sid), f"+6681{sid:07d}", occ[sid % len(occ)], "",
                       5 + sid % 30, "ขายได้ทุกเดือน มีลูกค้าประจำ", True, "",
                       "lead" if lead else "assistant", len(ctx.criterion_ids) + 1,
                       "ศพช.ลำปาง" if lead else "", start if lead else None,
                       start + timedelta(days=4) if lead else None, True if lead else None,
                       start + timedelta(days=20) if lead else None, officer, ctx.now, ctx.now, 1)
    return cols, rows()


def rows_sage_answers(ctx: Ctx):
    n_sages = len(ctx.places) * SAGES_PER_VILLAGE
    return ("sage_id", "criterion_id", "met", "note"), (
        (s, c, True, "") for s in range(1, n_sages + 1) for c in ctx.criterion_ids)


def national_id(i: int) -> str:
    body = f"1{i:011d}"  # a leading 1 is a valid first digit
    return body + pin.calc_check_digit(body)


def rows_households(ctx: Ctx):
    """Twenty households per village, four per trainer."""
    cols = ("id", "village_id", "fiscal_year", "status", "head_name", "national_id", "phone", "house_no",
            "members", "main_occupation", "income_per_year", "need_occupation_id", "need_occupation_other",
            "need_reason", "committed", "trainer_id", "consent_at", "consent_by_id", "created_by_id",
            "created_at", "updated_at", "version")
    occ, officer = ctx.occupation_ids, ctx.user_ids["officer"]

    def rows():
        for v in ctx.places:
            for j in range(HOUSEHOLDS_PER_VILLAGE):
                hid = (v.id - 1) * HOUSEHOLDS_PER_VILLAGE + j + 1
                yield (hid, v.id, ctx.fy, "registered", person(hid + 3), national_id(hid), f"+6689{hid:07d}",
                       f"{10 + j}/{v.moo}", 2 + hid % 6, "รับจ้างทั่วไป", 30000 + (hid % 50) * 1000,
                       occ[hid % len(occ)], "", "อยากมีรายได้เสริม", True,
                       sage_id(v.id, j // HOUSEHOLDS_PER_TRAINER), ctx.now, officer, officer,
                       ctx.now, ctx.now, 1)
    return cols, rows()


# In dependency order. Next: training_days, attendance, followups.
TABLES: list[tuple[str, Callable]] = [
    ("users", rows_users),
    ("user_subdistricts", rows_user_subdistricts),
    ("villages", rows_villages),
    ("sages", rows_sages),
    ("sage_answers", rows_sage_answers),
    ("households", rows_households),
]


# --- writing -------------------------------------------------------------------

def chunks(rows: Iterable, size: int) -> Iterator[list]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


def insert(conn: Connection, table: str, cols: tuple, rows: Iterable[tuple]) -> int:
    count = 0
    if conn.dialect.name == "postgresql":
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
    tbl = Table(table, MetaData(), autoload_with=conn)
    for batch in chunks(rows, CHUNK):
        conn.execute(tbl.insert(), [dict(zip(cols, r)) for r in batch])
        count += len(batch)
    return count


def reference_ids(conn: Connection, fy: int) -> tuple[list[int], list[int]]:
    occupations = list(conn.scalars(text("SELECT id FROM occupations ORDER BY position")))
    criteria = list(conn.scalars(text(
        "SELECT id FROM sage_criteria WHERE fiscal_year = "
        "(SELECT MAX(fiscal_year) FROM sage_criteria WHERE fiscal_year <= :fy) ORDER BY position"), {"fy": fy}))
    return occupations, criteria


def fill(url: str, n: int, log=print) -> dict:
    ctx = Ctx(n=n, places=layout(n), fy=current_fiscal_year(), now=datetime.now(timezone.utc),
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
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))  # planner statistics, as autovacuum would give a live database
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
