"""Learning centres (ศูนย์เรียนรู้ชุมชน): the step's rule and the choices a centre's form offers."""
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import LearningCentre, Sage, Village

# Community learning centres predate the programme; a date before this one is a typing slip.
FIRST_CENTRE_DAY = date(1990, 1, 1)


def centres_open(session: Session, where, cutoff: date) -> dict[int, int]:
    """Villages (matching `where`) with a centre opened on or before `cutoff`: village id → how many.

    A centre belongs to its village with its date, not to a programme year, so a year's
    step counts what existed by that year's cut-off (one query, any number of villages)."""
    rows = session.execute(select(LearningCentre.village_id, func.count())
                           .join(Village, Village.id == LearningCentre.village_id)
                           .where(where, LearningCentre.opened_on <= cutoff).group_by(LearningCentre.village_id))
    return {vid: n for vid, n in rows}


def centre_opening(day: date, _fiscal_year: int | None, today: date) -> str | None:
    """A centre's opening date: not after today (a centre that exists), not before 1990."""
    if day > today:
        return "after_today"
    if day < FIRST_CENTRE_DAY:
        return "before_centres"
    return None


def host_candidates(session: Session, village_id: int, chosen: set[int] = frozenset()) -> list[Sage]:
    """The village's sages of every year, one row per person: the row already chosen, else the newest."""
    rows = session.scalars(select(Sage).where(Sage.village_id == village_id)
                           .order_by(Sage.fiscal_year.desc(), Sage.role.desc().nulls_last(), Sage.id))
    ordered = sorted(rows, key=lambda s: s.id not in chosen)  # stable: chosen first, then newest year
    seen, out = set(), []
    for sage in ordered:
        if sage.person_id not in seen:
            seen.add(sage.person_id)
            out.append(sage)
    return sorted(out, key=lambda s: s.name)


def village_centres(session: Session, village_id: int) -> list[LearningCentre]:
    return list(session.scalars(select(LearningCentre).where(LearningCentre.village_id == village_id)
                                .order_by(LearningCentre.opened_on, LearningCentre.id)))
