"""The week plan (the officer's first screen): open visits of the user's area due today or
overdue, later this week and next week, grouped by village, in one query."""
from flask import abort
from flask_babel import gettext as _
from sqlalchemy import case, select
from sqlalchemy.orm import aliased

from ..domain.areas import village_filter
from ..domain.assignment import SECTIONS, Weeks, section
from ..extensions import db
from ..models import FollowUp, Household, User, Village

Assignee = aliased(User)


def who_filter(raw: str | None) -> str | int | None:
    """`?officer=` of /visits: mine, none (not assigned), an officer's id, or nothing (everyone)."""
    if raw in (None, "", "all"):
        return None
    if raw in ("mine", "none"):
        return raw
    if raw.isdigit() and len(raw) <= 9:
        return int(raw)
    abort(400, _("ตัวกรองผู้รับผิดชอบไม่ถูกต้อง"))


def week_plan(user, weeks: Weeks, who: str | int | None) -> list[tuple[str, list[tuple[Village, list]]]]:
    """[(section, [(village, rows)])] for the sections now, this_week, next_week (each listed,
    empty or not): the user's own subdistricts first, then by village; a visit's row carries
    its household's head and the name of the officer it is assigned to."""
    order = [FollowUp.due_date > weeks.today, FollowUp.due_date > weeks.this_end, Village.code, FollowUp.due_date,
             Household.head_name, FollowUp.id]
    mine = user.coordinated_codes
    if mine:
        order.insert(2, case((Village.subdistrict_code.in_(mine), 0), else_=1))
    query = (select(section(FollowUp.due_date, weeks).label("section"), FollowUp, Household.head_name, Village,
                    Assignee.full_name.label("assignee"))
             .join(Household, Household.id == FollowUp.household_id)
             .join(Village, Village.id == Household.village_id)
             .outerjoin(Assignee, Assignee.id == FollowUp.assigned_to_id)
             .where(village_filter(user), FollowUp.status != "done", FollowUp.due_date <= weeks.next_end,
                    Household.status == "registered", Household.left_on.is_(None))
             .order_by(*order))
    if who is not None:
        query = query.where(FollowUp.assigned_to_id.is_(None) if who == "none" else
                            FollowUp.assigned_to_id == (user.id if who == "mine" else who))
    plan: dict[str, dict] = {name: {} for name in SECTIONS}
    for row in db.session.execute(query):
        plan[row.section].setdefault(row.Village, []).append(row)
    return [(name, list(villages.items())) for name, villages in plan.items()]

