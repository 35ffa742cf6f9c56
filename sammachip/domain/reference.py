"""Reference lists per fiscal year: the newest set not later than the year asked."""
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Occupation, SageCriterion


def occupations(session: Session) -> list[Occupation]:
    return list(session.scalars(select(Occupation).order_by(Occupation.position)))


def criteria_for(session: Session, fiscal_year: int) -> list[SageCriterion]:
    year = (select(func.max(SageCriterion.fiscal_year))
            .where(SageCriterion.fiscal_year <= fiscal_year).scalar_subquery())
    return list(session.scalars(
        select(SageCriterion).where(SageCriterion.fiscal_year == year).order_by(SageCriterion.position)))
