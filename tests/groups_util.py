"""Occupational groups for tests: trained households of a village-year, and a group holding them."""
from datetime import date, timedelta

from sammachip.domain.clock import today
from sammachip.domain.groups import change_status, set_members
from sammachip.domain.progress import facts_of_village, steps_of
from sammachip.extensions import db
from sammachip.models import OccupationalGroup

from .factories import attend, make_household, make_training


def step(village, code, fy=2570, on=None):
    facts = facts_of_village(db.session, village.id, fy, on or today())
    return next(s for s in steps_of(facts) if s.code == code)


def trained(village, n=1, fy=2570, dates=None, name="ครัวเรือน"):
    """`n` households of the village-year present all five days."""
    days = make_training(village, dates or [today() - timedelta(days=20 - k) for k in range(5)], fiscal_year=fy)
    households = [make_household(village, f"{name}{k}", n=village.id * 100 + k, fiscal_year=fy) for k in range(n)]
    for h in households:
        attend(days, h, 5)
    return households


def group_of(village, members=(), founded=date(2026, 11, 1), status="active", tambon_wide=False, others=()):
    group = OccupationalGroup(village_id=village.id, name="กลุ่มผักปลอดสาร", occupation_id=1, founded_on=founded,
                              tambon_wide=tambon_wide)
    db.session.add(group)
    db.session.flush()
    change_status(db.session, group, status, founded, "", None, today())
    set_members(db.session, group, {h.id for h in members}, set(), list(others), founded)
    db.session.commit()
    return group
