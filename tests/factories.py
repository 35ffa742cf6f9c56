"""Test records built through the real models and saved to the real database."""
from datetime import date, timedelta

from sqlalchemy import select
from stdnum.th import pin

from sammachip.domain.teams import set_visit_members
from sammachip.extensions import db
from sammachip.models import SupportTeamMember, User, Village
from sammachip.models.sealed import id_hashes
from sammachip.users.rules import apply_area

PASSWORD = "correct-horse-battery"
# A sage candidate as the form posts it.
SAGE_FORM = {"name": "นางสมศรี ใจดี", "phone": "081-234-5678", "occupation": "1", "occupation_other": "",
             "years_in_occupation": "12", "success_evidence": "ขายผักได้เดือนละ 8,000 บาท",
             "lives_in_village": "yes", "notes": ""}


def make_user(username: str, role: str = "officer", district: str = "6013",
              coordinated: tuple[str, ...] = ()) -> User:
    user = User(username=username, full_name=username, active=True)
    user.set_password(PASSWORD)
    apply_area(user, role, district[:2], district, list(coordinated))
    db.session.add(user)
    db.session.commit()
    return user


def make_village(subdistrict: str = "601303", moo: int = 1, name: str = "ทดสอบ") -> Village:
    village = Village(name=name)
    village.place(subdistrict, moo)
    db.session.add(village)
    db.session.commit()
    return village


def make_sage(village: Village, name: str = "ปราชญ์", phone: str = "+66812345678", role: str | None = None,
              answers: str = "yyyyy", occupation_id: int = 1, fiscal_year: int | None = None,
              national_id: str | None = None):
    """A sage candidate; `answers` gives criteria a–e as y (met), n (not met) or - (unanswered).
    With `national_id`, the row is the person known by it (made if new); without, a person of its own."""
    from sammachip.domain.clock import current_fiscal_year
    from sammachip.domain.reference import criteria_for
    from sammachip.models import Person, Sage, SageAnswer

    fy = fiscal_year or current_fiscal_year()
    person = None
    if national_id:
        person = db.session.scalar(select(Person).where(Person.national_id_hash.in_(id_hashes(national_id)))) or Person(
            name=name, national_id=national_id)
    sage = Sage(village_id=village.id, fiscal_year=fy, name=name, phone=phone, occupation_id=occupation_id,
                years_in_occupation=10, lives_in_village=True, role=role, person=person)
    for criterion, mark in zip(criteria_for(db.session, fy), answers, strict=False):
        if mark != "-":
            sage.answers.append(SageAnswer(criterion_id=criterion.id, met=mark == "y"))
    db.session.add(sage)
    db.session.commit()
    return sage


def phone_no(i: int) -> str:
    return f"+66812345{i:03d}"


def thai_pin(n: int) -> str:
    """A valid 13-digit Thai ID made from a counter."""
    body = f"1{n:011d}"
    return body + pin.calc_check_digit(body)


def make_household(
    village: Village,
    name: str = "ครัวเรือน",
    n: int = 1,
    trainer=None,
    status: str = "registered",
    income: int = 120_000,
    members: int = 4,
    need_occupation_id: int = 1,
    fiscal_year: int | None = None,
    at_intake: int | None = 0,
):
    from sammachip.domain.clock import current_fiscal_year
    from sammachip.models import Household
    from sammachip.models.base import utcnow

    household = Household(
        village_id=village.id,
        fiscal_year=fiscal_year or current_fiscal_year(),
        status=status,
        head_name=name,
        national_id=thai_pin(n),
        members=members,
        main_occupation="รับจ้าง",
        income_per_year=income,
        occupation_income_per_year=at_intake,
        need_occupation_id=need_occupation_id,
        trainer_id=trainer.id if trainer else None,
        consent_at=utcnow(),
    )
    db.session.add(household)
    db.session.commit()
    return household


def make_training(village: Village, dates, fiscal_year: int | None = None):
    """Training days 1.. on the given dates; returns them in order."""
    from sammachip.domain.clock import current_fiscal_year
    from sammachip.models import TrainingDay

    days = [
        TrainingDay(village_id=village.id, fiscal_year=fiscal_year or current_fiscal_year(), day_no=n, held_on=d)
        for n, d in enumerate(dates, 1)
    ]
    db.session.add_all(days)
    db.session.commit()
    return days


def attend(days, household, count: int) -> None:
    from sammachip.models import Attendance

    db.session.add_all([Attendance(day_id=d.id, household_id=household.id) for d in days[:count]])
    db.session.commit()


def make_followup(
    household,
    visit_date,
    practising="yes",
    income=0,
    status="done",
    due_date=None,
    kind="extra",
    visitors=("officer", "kpst"),
    days=30,
    saved=0,
):
    """A visit; `income` is what the trained occupation brought over the `days` before it
    (and `saved` the costs it saved)."""
    from sammachip.models import FollowUp

    done = status == "done"
    followup = FollowUp(
        household_id=household.id,
        kind=kind,
        status=status,
        due_date=due_date or visit_date,
        visit_date=visit_date if status == "done" else None,
        practising=practising if status == "done" else None,
        occupation_income=income if done else None,
        costs_saved=saved if done else None,
        period_days=days if done else None,
        visitors=list(visitors),
        with_support_team=any(v != "officer" for v in visitors),
    )
    db.session.add(followup)
    db.session.commit()
    return followup


def full_village(subdistrict="601303", moo=2, name="ครบ", practising=17, base=0):
    """A village through training: a trained team, 20 households 4 per trainer, 5 days attended,
    each trained household visited once; `practising` of them say yes and earned 3,000 baht
    a year from it on a baseline of 100,000 (+3 % exactly)."""
    from sammachip.domain.clock import today

    village = make_village(subdistrict, moo, name)
    lead = make_sage(village, "หลัก", phone_no(base), role="lead")
    lead.course_passed, lead.workshop_date = True, date(2026, 10, 20)
    team = [lead] + [make_sage(village, f"ผช{i}", phone_no(base + i), role="assistant") for i in range(1, 5)]
    days = make_training(village, [today() - timedelta(days=30 - k) for k in range(5)])
    member = tambon_member(village)
    for n in range(20):
        h = make_household(village, f"{name}{n}", n=base * 100 + n + 1, trainer=team[n // 4], income=100_000)
        attend(days, h, 5)
        visit = make_followup(h, today() - timedelta(days=1), "yes" if n < practising else "no", income=3_000,
                              days=365)
        set_visit_members(db.session, visit.id, [member.id])
    db.session.commit()
    return village


def tambon_member(village: Village):
    """A member of the village's tambon support team this year (the team made once per tambon)."""
    from sammachip.domain.clock import current_fiscal_year
    from sammachip.domain.teams import start_team

    team = start_team(db.session, village.subdistrict_code, current_fiscal_year(), None)
    if not team.members:
        team.members.append(SupportTeamMember(name="นางสมใจ ทีมตำบล", organisation="kpst"))
        db.session.commit()
    return team.members[0]


def make_target(village: Village, fiscal_year: int | None = None) -> Village:
    """Tick the village as a target of the year (the current one by default), with no records yet."""
    from sammachip.domain.clock import current_fiscal_year
    from sammachip.domain.targets import ensure_target

    ensure_target(db.session.connection(), [(village.id, fiscal_year or current_fiscal_year())])
    db.session.commit()
    return village
