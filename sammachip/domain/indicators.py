"""The programme's indicators, aggregated in SQL whatever the number of villages.

- trained: registered households that attended at least `min_days` days;
- practising: trained households whose latest completed follow-up says "yes";
- share practising against the 85 % target;
- income change of practising households: their income from the trained
  occupation (last month × 12, latest follow-up) against their intake
  baseline (household income per year), summed over the group.
"""
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from ..models import Attendance, FollowUp, Household, TrainingDay, Village

PRACTISING_TARGET = 0.85
INCOME_TARGET = 0.03


@dataclass
class Indicators:
    registered: int = 0
    trained: int = 0
    practising: int = 0
    baseline: int = 0
    added_income: int = 0
    trained_visited: int = 0  # trained households with at least one completed follow-up

    @property
    def share(self) -> float | None:
        return self.practising / self.trained if self.trained else None

    @property
    def on_target(self) -> bool:
        return self.share is not None and self.share >= PRACTISING_TARGET

    @property
    def income_change(self) -> float | None:
        return self.added_income / self.baseline if self.baseline else None


def household_rows(fiscal_year: int, min_days: int, area_filter):
    """One row per registered household in the area: trained? practising? incomes."""
    attended = (select(Attendance.household_id, func.count().label("days"))
                .join(TrainingDay, TrainingDay.id == Attendance.day_id)
                .where(TrainingDay.fiscal_year == fiscal_year)
                .group_by(Attendance.household_id).subquery())
    ranked = (select(FollowUp.household_id, FollowUp.practising, FollowUp.income_last_month,
                     func.row_number().over(partition_by=FollowUp.household_id,
                                            order_by=(FollowUp.visit_date.desc(), FollowUp.id.desc())).label("rn"))
              .where(FollowUp.status == "done").subquery())
    trained = func.coalesce(attended.c.days, 0) >= min_days
    practising = and_(trained, ranked.c.practising == "yes")
    visited = and_(trained, ranked.c.household_id.is_not(None))
    return (select(Household.village_id, Village.district_code, Village.province_code,
                   trained.label("trained"), practising.label("practising"), visited.label("visited"),
                   case((practising, Household.income_per_year), else_=0).label("baseline"),
                   case((practising, func.coalesce(ranked.c.income_last_month, 0) * 12), else_=0).label("added"))
            .join(Village, Village.id == Household.village_id)
            .outerjoin(attended, attended.c.household_id == Household.id)
            .outerjoin(ranked, and_(ranked.c.household_id == Household.id, ranked.c.rn == 1))
            .where(Household.fiscal_year == fiscal_year, Household.status == "registered", area_filter)
            .subquery())


def indicators_by(session: Session, key: str, fiscal_year: int, min_days: int, area_filter) -> dict[str, Indicators]:
    """Indicators grouped by "village_id", "district_code" or "province_code"."""
    rows = household_rows(fiscal_year, min_days, area_filter)
    group = rows.c[key]
    as_int = lambda flag: func.sum(case((flag, 1), else_=0))  # noqa: E731  (booleans sum alike on both databases)
    result = session.execute(select(
        group, func.count(), as_int(rows.c.trained), as_int(rows.c.practising),
        func.coalesce(func.sum(rows.c.baseline), 0), func.coalesce(func.sum(rows.c.added), 0),
        as_int(rows.c.visited)).group_by(group))
    return {k: Indicators(int(n), int(t), int(p), int(b), int(a), int(v)) for k, n, t, p, b, a, v in result}


def for_village(session: Session, village_id: int, fiscal_year: int, min_days: int) -> Indicators:
    found = indicators_by(session, "village_id", fiscal_year, min_days, Household.village_id == village_id)
    return found.get(village_id, Indicators())
