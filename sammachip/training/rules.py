"""Training-day rules that need the database."""
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import TrainingDay


def order_problem(session: Session, village_id: int, fiscal_year: int, day_no: int, held_on: date) -> bool:
    """True when the date breaks the order of days 1–5 (day 2 before day 1, ...)."""
    others = session.execute(select(TrainingDay.day_no, TrainingDay.held_on).where(
        TrainingDay.village_id == village_id, TrainingDay.fiscal_year == fiscal_year,
        TrainingDay.day_no != day_no)).all()
    return any((n < day_no and d > held_on) or (n > day_no and d < held_on) for n, d in others)
