"""Which pages an officer takes to the field: the visits due, the villages of the
officer's own subdistricts with their household lists, and the blank forms
(the interview's consent, each due follow-up's checklist, the training days'
attendance). Personal pages only for the officer's own subdistricts."""
from flask import url_for
from sqlalchemy import func, select

from ..domain.areas import village_filter
from ..domain.assignment import weeks
from ..domain.clock import today
from ..domain.permissions import can_edit
from ..extensions import db
from ..followups.checklist import checklist
from ..followups.plan import week_plan
from ..models import TrainingDay, Village

MAX_PAGES = 200  # with the service worker's byte cap (sw.js MAX_BYTES)


def own_villages(user) -> list[Village]:
    mine = user.coordinated_codes
    if not mine:
        return []
    return list(db.session.scalars(select(Village).where(
        village_filter(user), Village.subdistrict_code.in_(mine)).order_by(Village.code, Village.moo)))


def training_days(village_ids: list[int]) -> list[int]:
    """Each village's days of its latest year (the year its training page shows)."""
    latest = select(TrainingDay.village_id, func.max(TrainingDay.fiscal_year).label("fy")).where(
        TrainingDay.village_id.in_(village_ids)).group_by(TrainingDay.village_id).subquery()
    return list(db.session.scalars(select(TrainingDay.id).join(
        latest, (latest.c.village_id == TrainingDay.village_id) & (latest.c.fy == TrainingDay.fiscal_year))
        .order_by(TrainingDay.village_id, TrainingDay.day_no)))


def pages_for(user) -> list[str]:
    villages = own_villages(user)
    ids = {v.id for v in villages}
    urls = [url_for("main.home"), url_for("followups.due"), url_for("villages.index")]
    for v in villages:
        urls += [url_for("villages.show", village_id=v.id), url_for("interview.consent", village_id=v.id),
                 url_for("training.index", village_id=v.id)]
        if can_edit(user):  # the interview's blank steps, for recording without a signal
            urls += [url_for("interview.blank_step", village_id=v.id, step=n) for n in range(2, 6)]
    urls += [url_for("training.attendance", day_id=d) for d in training_days(list(ids))] if ids else []
    for _section, villages in week_plan(user, weeks(today()), None):  # today, overdue, this week and next
        for village, rows in villages:
            if village.id in ids:
                # Every step of the checklist: without a signal the worker answers each one.
                urls += [url_for("followups.step", followup_id=r.FollowUp.id, step=n)
                         for r in rows for n in checklist.STEPS]
    return urls[:MAX_PAGES]
