"""The demo's learning centre and its people: a centre at the lead sage's house in บ้านวังซ่าน-like
village 60130302, its first training day held there, and last year's lead of 60130101 known by
national ID, a candidate again this year (one person in both demo years). Added once each."""
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import LearningCentre, Occupation, Person, Sage, TrainingDay, Village
from .models.sealed import id_hashes


def seed_centres(session: Session, by_code: dict[str, Village], fiscal_year: int, today: date) -> None:
    from .demo import demo_pin

    village = by_code["60130302"]
    lead = session.scalar(select(Sage).where(Sage.village_id == village.id, Sage.fiscal_year == fiscal_year,
                                             Sage.role == "lead"))
    if lead is not None and not session.scalar(select(LearningCentre.id).where(
            LearningCentre.village_id == village.id)):
        centre = LearningCentre(
            village_id=village.id, name=f"ศูนย์เรียนรู้เกษตรผสมผสานบ้าน{lead.name.split()[0]}",
            place_kind="sage_house", place_text="บ้านปราชญ์ ริมคลองส่งน้ำ ทางเข้าหมู่บ้าน",
            opened_on=today - timedelta(days=60), hosts=[lead], occupations=[lead.occupation] if lead.occupation
            else list(session.scalars(select(Occupation).limit(1))))
        session.add(centre)
        session.flush()
        first_day = session.scalar(select(TrainingDay).where(
            TrainingDay.village_id == village.id, TrainingDay.fiscal_year == fiscal_year, TrainingDay.day_no == 1))
        if first_day is not None:
            first_day.learning_centre_id = centre.id
    known_in_both_years(session, by_code["60130101"], village, fiscal_year, demo_pin(600))


def known_in_both_years(session: Session, before: Village, now: Village, fiscal_year: int, national_id: str) -> None:
    """Last year's lead of `before`, given their ID, applies again this year in `now`."""
    lead = session.scalar(select(Sage).where(Sage.village_id == before.id, Sage.fiscal_year == fiscal_year - 1,
                                             Sage.role == "lead"))
    if lead is None or session.scalar(select(Person.id).where(Person.national_id_hash.in_(id_hashes(national_id)))):
        return
    session.flush()
    lead.person.national_id = national_id
    session.add(Sage(village_id=now.id, fiscal_year=fiscal_year, person=lead.person, name=lead.name,
                     phone=lead.phone, occupation_id=lead.occupation_id,
                     years_in_occupation=lead.years_in_occupation + 1,
                     success_evidence=lead.success_evidence, lives_in_village=False,
                     notes="เคยเป็นวิทยากรหลักปีที่แล้ว ย้ายมาอยู่กับลูกในหมู่บ้านนี้"))
