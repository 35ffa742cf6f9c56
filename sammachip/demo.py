"""Demo data: Nakhon Sawan's Mae Wong district (from the field note) and
Lat Yao next door, so area isolation can be seen. Safe to run twice."""
from sqlalchemy import select
from sqlalchemy.orm import Session
from stdnum.th import pin

from .demo_plan import seed_plan
from .demo_teams import seed_teams_and_funds
from .models import User, Village
from .users.rules import apply_area

DEMO_PASSWORD = "sammachip-demo"

# username, full name, role, province, district, coordinated subdistricts
DEMO_USERS = [
    ("admin", "ผู้ดูแลระบบ", "admin", None, None, []),
    ("province", "สำนักงานพัฒนาชุมชนจังหวัดนครสวรรค์", "province", "60", None, []),
    ("district", "พัฒนาการอำเภอแม่วงก์", "district", "60", "6013", []),
    ("officer", "นักวิชาการพัฒนาชุมชน แม่วงก์", "officer", "60", "6013", ["601303", "601304"]),
    ("district2", "พัฒนาการอำเภอลาดยาว", "district", "60", "6011", []),
    ("officer2", "นักวิชาการพัฒนาชุมชน ลาดยาว", "officer", "60", "6011", ["601101"]),
    ("officer3", "เจ้าพนักงานพัฒนาชุมชน แม่วงก์", "officer", "60", "6013", ["601301"]),
]

# subdistrict code, หมู่, name
DEMO_VILLAGES = [
    ("601301", 1, "แม่วงก์"), ("601301", 4, "คลองไทร"), ("601301", 7, "ห้วยน้ำหอม"),
    ("601303", 2, "แม่เล่ย์"), ("601303", 5, "หนองบัว"), ("601303", 9, "เขาน้อย"),
    ("601304", 3, "วังซ่าน"), ("601304", 6, "ปางข่า"),
    ("601305", 1, "เขาชนกัน"), ("601305", 8, "คลองน้ำเย็น"),
    ("601101", 2, "ลาดยาว"), ("601102", 3, "ห้วยน้ำหอม"), ("601107", 5, "หนองยาว"),
]


def seed_users(session: Session) -> list[User]:
    users = []
    for username, full_name, role, province, district, coordinated in DEMO_USERS:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            user = User(username=username, active=True)
            user.set_password(DEMO_PASSWORD)
            session.add(user)
        user.full_name = full_name
        apply_area(user, role, province or "", district or "", coordinated)
        users.append(user)
    session.flush()
    return users


def seed_villages(session: Session) -> list[Village]:
    villages = []
    for subdistrict_code, moo, name in DEMO_VILLAGES:
        village = session.scalar(select(Village).where(Village.code == f"{subdistrict_code}{moo:02d}"))
        if village is None:
            village = Village(name=name)
            village.place(subdistrict_code, moo)
            session.add(village)
        villages.append(village)
    session.flush()
    return villages


def seed_demo(session: Session) -> None:
    seed_users(session)
    villages = seed_villages(session)
    seed_programme_villages(session, villages)
    session.commit()


GIVEN = ["สมชาย", "สมศรี", "บุญมี", "ประเสริฐ", "มาลี", "สุนทร", "อำไพ", "วิชัย", "จันทร์เพ็ญ", "ทองดี"]
FAMILY = ["ใจดี", "ศรีสุข", "บุญมา", "แก้วมณี", "ทองคำ", "พึ่งบุญ", "สายสุวรรณ", "มีสุข"]


def demo_pin(n: int) -> str:
    """A valid national ID (mod-11 check digit) for a made-up demo person."""
    body = f"5{60130000000 + n:011d}"[:12]
    return body + pin.calc_check_digit(body)


def person(i: int) -> str:
    return f"{GIVEN[i % len(GIVEN)]} {FAMILY[(i // len(GIVEN)) % len(FAMILY)]}"


def seed_programme(
    session: Session, village: Village, team_size: int, households: int, trained: bool, base: int,
    past: bool = False,
) -> None:
    """A village part-way through this year's programme: a team, households, maybe a held training
    with visits; or (`past`) through last year's, finished: trained in its January, every visit made."""
    from datetime import timedelta

    from .domain.clock import current_fiscal_year, today
    from .domain.fiscal import fiscal_year_bounds
    from .domain.reference import criteria_for
    from .domain.schedule import sync_schedule
    from .models import Attendance, FollowUp, Household, Sage, SageAnswer, TrainingDay
    from .models.base import utcnow

    fy = current_fiscal_year() - past
    anchor = fiscal_year_bounds(fy)[0] + timedelta(days=130) if past else today()  # the training's end, + 10 days
    if session.scalar(select(Sage.id).where(Sage.village_id == village.id, Sage.fiscal_year == fy)):
        return  # already seeded
    criteria = criteria_for(session, fy)
    team = []
    for k in range(team_size):
        sage = Sage(
            village_id=village.id,
            fiscal_year=fy,
            name=person(base + k),
            phone=f"+66812{base + k:06d}",
            occupation_id=k % 5 + 1,
            years_in_occupation=8 + k,
            lives_in_village=True,
            role="lead" if k == 0 else "assistant",
            success_evidence="ขายได้ประจำทุกเดือน",
            answers=[SageAnswer(criterion_id=c.id, met=True) for c in criteria],
        )
        if k == 0:
            sage.training_centre, sage.course_passed = "ศพช.พิษณุโลก", True
            sage.course_start, sage.course_end = anchor - timedelta(days=60), anchor - timedelta(days=56)
            sage.workshop_date = anchor - timedelta(days=50)
        team.append(sage)
    session.add_all(team)
    session.flush()
    people = []
    for n in range(households):
        i = base + 100 + n
        people.append(
            Household(
                village_id=village.id,
                fiscal_year=fy,
                status="registered",
                head_name=person(i),
                national_id=demo_pin(i),
                members=2 + n % 5,
                house_no=f"{10 + n}/{n % 3 + 1}",
                main_occupation="ทำนา" if n % 2 else "รับจ้างทั่วไป",
                income_per_year=45_000 + (n % 7) * 12_000,
                occupation_income_per_year=0 if n % 5 else 2_000,
                need_occupation_id=team[n // 4 % len(team)].occupation_id,
                trainer_id=team[n // 4].id if n // 4 < len(team) else None,
                consent_at=utcnow() - (today() - anchor) - timedelta(days=45),
            )
        )
    session.add_all(people)
    session.flush()
    if not trained:
        return
    days = [
        TrainingDay(
            village_id=village.id,
            fiscal_year=fy,
            day_no=d,
            held_on=anchor - timedelta(days=40 - d),
            topic=["เตรียมดินและแปลงปลูก", "เพาะกล้า", "ทำปุ๋ยหมัก", "ดูแลแปลงและป้องกันแมลง", "เก็บเกี่ยวและการตลาด"][d - 1],
            trainers=team[:2],
        )
        for d in range(1, 6)
    ]
    session.add_all(days)
    session.flush()
    for n, h in enumerate(people):
        session.add_all([Attendance(day_id=d.id, household_id=h.id) for d in days[: 3 if n % 9 == 8 else 5 - n % 2]])
    session.flush()
    sync_schedule(session, village.id, fy)
    session.flush()
    visits = session.scalars(select(FollowUp).where(FollowUp.household_id.in_([h.id for h in people]))
                             .order_by(FollowUp.due_date, FollowUp.id)).all()
    first = [f for f in visits if f.due_date == visits[0].due_date]
    # Last year: every visit made. This year: the first round, but for a few still due (today's list).
    since = dict.fromkeys((h.id for h in people), days[-1].held_on)  # each household's previous visit
    for k, f in enumerate(visits if past else first[: len(first) - 3]):
        f.status, f.visit_date, f.visitors = "done", f.due_date, ["officer", "kpst"]
        f.practising = "no" if k % 8 == 7 else "yes"
        f.not_practising_reason = "no_capital" if f.practising == "no" else ""
        # A few hundred baht a month from the new occupation, and some food not bought.
        f.period_days, since[f.household_id] = max((f.due_date - since[f.household_id]).days, 1), f.due_date
        f.occupation_income = 0 if f.practising == "no" else (150 + (k % 4) * 100) * f.period_days // 30
        f.costs_saved = 2 * f.period_days
        f.sells_where, f.fund_source = "ตลาดนัดตำบล", "savings_group" if k % 3 == 0 else "none"
        f.fund_amount = 5_000 if f.fund_source != "none" else None


def seed_programme_villages(session: Session, villages: list[Village]) -> None:
    by_code = {v.code: v for v in villages}
    seed_programme(session, by_code["60130302"], 5, 20, trained=True, base=0)
    seed_programme(session, by_code["60130403"], 3, 8, trained=False, base=200)
    seed_programme(session, by_code["60110102"], 5, 12, trained=False, base=400)
    # Last fiscal year, finished: two villages trained and followed up.
    seed_programme(session, by_code["60130101"], 5, 20, trained=True, base=600, past=True)
    seed_programme(session, by_code["60110203"], 5, 12, trained=True, base=800, past=True)
    # This year's targets: every other demo village (ticked once; a district may change its list).
    from .demo_centres import seed_centres
    from .demo_groups import seed_groups
    from .demo_knowledge import seed_knowledge
    from .demo_photos import seed_photos
    from .domain.clock import current_fiscal_year, today
    from .domain.targets import ensure_target
    from .models.base import utcnow

    last = {by_code["60130101"].id, by_code["60110203"].id}
    ensure_target(session.connection(), [(v.id, current_fiscal_year()) for v in villages if v.id not in last])
    seed_knowledge(session, by_code, utcnow(), today())
    seed_teams_and_funds(session, current_fiscal_year(), today())
    seed_centres(session, by_code, current_fiscal_year(), today())
    seed_groups(session, by_code, current_fiscal_year(), today())
    seed_plan(session, current_fiscal_year(), today())
    seed_photos(session, by_code)
