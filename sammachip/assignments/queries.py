"""A district's target villages of a year with their officer and open visits, in one query."""
from sqlalchemy import func, select

from ..extensions import db
from ..models import FollowUp, Household, TargetVillage, User, Village


def open_visits(fiscal_year: int):
    """Open visits per village of the year (registered households still in the programme)."""
    return (select(Household.village_id, func.count(FollowUp.id).label("visits"))
            .join(FollowUp, FollowUp.household_id == Household.id)
            .where(Household.fiscal_year == fiscal_year, Household.status == "registered",
                   Household.left_on.is_(None), FollowUp.status != "done")
            .group_by(Household.village_id).subquery())


def village_rows(where, fiscal_year: int) -> list:
    """(Village, assigned_to_id, assignee's name, open visits) of the year's targets in `where`."""
    counts = open_visits(fiscal_year)
    return db.session.execute(
        select(Village, TargetVillage.assigned_to_id, User.full_name.label("assignee"),
               func.coalesce(counts.c.visits, 0).label("visits"))
        .join(TargetVillage, (TargetVillage.village_id == Village.id) & (TargetVillage.fiscal_year == fiscal_year))
        .outerjoin(User, User.id == TargetVillage.assigned_to_id)
        .outerjoin(counts, counts.c.village_id == Village.id)
        .where(where).order_by(Village.code)).all()


def village_row(village_id: int, fiscal_year: int):
    rows = village_rows(Village.id == village_id, fiscal_year)
    return rows[0] if rows else None
