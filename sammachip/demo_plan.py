"""The demo's week plan: Mae Wong's and Lat Yao's target villages given to their officers, and
visits agreed at the first round for later this week and next week, so /visits shows every part.
One visit is given to the second Mae Wong officer on its own. Added once."""
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from .domain.assignment import assign_village, reassign_visit, weeks
from .models import FollowUp, Household, TargetVillage, User, Village

# subdistrict -> the demo officer its target villages go to (ต.ห้วยน้ำหอม's, 601305, are left for the district)
OFFICERS = {"601301": "officer3", "601303": "officer", "601304": "officer", "601101": "officer2",
            "601102": "officer2", "601107": "officer2"}


def seed_plan(session: Session, fiscal_year: int, today) -> None:
    if session.scalar(select(TargetVillage.village_id).where(TargetVillage.assigned_to_id.is_not(None)).limit(1)):
        return  # already seeded
    users = {u.username: u.id for u in session.scalars(select(User)).unique()}
    villages = {v.code: v.id for v in session.scalars(select(Village))}
    plan_visits(session, villages["60130302"], fiscal_year, today)
    targets = session.scalars(select(TargetVillage).where(TargetVillage.fiscal_year == fiscal_year)).all()
    codes = {v: code for code, v in villages.items()}
    for target in targets:
        username = OFFICERS.get(codes[target.village_id][:6])
        if username in users:
            assign_village(session, target.village_id, fiscal_year, None, users[username])
    handed = session.scalar(select(FollowUp.id).join(Household).where(
        Household.village_id == villages["60130302"], FollowUp.kind == "planned").order_by(FollowUp.due_date.desc()))
    if handed and "officer3" in users:
        reassign_visit(session, handed, users["officer"], users["officer3"])
    session.flush()


def plan_visits(session: Session, village_id: int, fiscal_year: int, today) -> None:
    """At the first round's visits the officer agreed the next ones: a few for the rest of this
    week (none when today is Sunday) and the others next week."""
    w = weeks(today)
    days = [today + timedelta(days=n) for n in range(1, (w.next_end - today).days + 1)]
    done = session.scalars(select(FollowUp).join(Household).where(
        Household.village_id == village_id, Household.fiscal_year == fiscal_year, FollowUp.status == "done")
        .order_by(FollowUp.id).limit(10)).all()
    for k, visit in enumerate(done):
        visit.next_visit_date = days[(k * 3) % len(days)]
        session.add(FollowUp(household_id=visit.household_id, kind="planned", status="due",
                             due_date=visit.next_visit_date))
