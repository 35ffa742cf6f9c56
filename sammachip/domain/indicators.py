"""The programme's indicators, aggregated in SQL whatever the number of villages.

- trained: registered households that attended at least `min_days` days;
- practising: trained households whose latest completed follow-up says "yes";
- share practising against the 85 % target;
- income change: for each practising household, its income from the trained
  occupation (last month × 12, latest follow-up) as a share of its intake
  baseline (household income per year), averaged over the practising
  households with a baseline above zero. The trained occupation is new
  income on top of what the household earned at intake.
- team_visited: trained households visited at least once with a member of
  the sub-district support team.
"""
from dataclasses import dataclass

from sqlalchemy import Float, and_, case, cast, func, select
from sqlalchemy.orm import Session

from ..models import Attendance, FollowUp, Household, TrainingDay, Village

PRACTISING_TARGET = 0.85
INCOME_TARGET = 0.03


@dataclass
class Indicators:
    registered: int = 0
    trained: int = 0
    practising: int = 0
    income_change: float | None = None
    team_visited: int = 0
    visited: int = 0  # trained households with any completed follow-up

    @property
    def share(self) -> float | None:
        return self.practising / self.trained if self.trained else None

    @property
    def on_target(self) -> bool:
        return self.share is not None and self.share >= PRACTISING_TARGET

    @property
    def measured(self) -> bool:
        """Practising can only be told once somebody has visited."""
        return self.visited > 0


def household_rows(fiscal_year: int, min_days: int, area_filter):
    """One row per registered household in the area: trained? practising? income change."""
    attended = (select(Attendance.household_id, func.count().label("days"))
                .join(TrainingDay, TrainingDay.id == Attendance.day_id)
                .where(TrainingDay.fiscal_year == fiscal_year)
                .group_by(Attendance.household_id).subquery())
    ranked = (select(FollowUp.household_id, FollowUp.practising, FollowUp.income_last_month,
                     func.row_number().over(partition_by=FollowUp.household_id,
                                            order_by=(FollowUp.visit_date.desc(), FollowUp.id.desc())).label("rn"))
              .where(FollowUp.status == "done").subquery())
    with_team = (select(FollowUp.household_id).where(FollowUp.status == "done", FollowUp.with_support_team.is_(True))
                 .group_by(FollowUp.household_id).subquery())
    trained = func.coalesce(attended.c.days, 0) >= min_days
    practising = and_(trained, ranked.c.practising == "yes")
    change = case((and_(practising, Household.income_per_year > 0),
                   cast(func.coalesce(ranked.c.income_last_month, 0) * 12, Float) / Household.income_per_year))
    return (select(Household.village_id, Village.district_code, Village.province_code,
                   trained.label("trained"), practising.label("practising"), change.label("change"),
                   and_(trained, ranked.c.household_id.is_not(None)).label("visited"),
                   and_(trained, with_team.c.household_id.is_not(None)).label("team_visited"))
            .join(Village, Village.id == Household.village_id)
            .outerjoin(attended, attended.c.household_id == Household.id)
            .outerjoin(ranked, and_(ranked.c.household_id == Household.id, ranked.c.rn == 1))
            .outerjoin(with_team, with_team.c.household_id == Household.id)
            .where(Household.fiscal_year == fiscal_year, Household.status == "registered", area_filter)
            .subquery())


def indicators_by(session: Session, key: str, fiscal_year: int, min_days: int, area_filter) -> dict[str, Indicators]:
    """Indicators grouped by "village_id", "district_code" or "province_code"."""
    rows = household_rows(fiscal_year, min_days, area_filter)
    group = rows.c[key]
    as_int = lambda flag: func.sum(case((flag, 1), else_=0))  # noqa: E731  (booleans sum alike on both databases)
    result = session.execute(select(
        group, func.count(), as_int(rows.c.trained), as_int(rows.c.practising), func.avg(rows.c.change),
        as_int(rows.c.team_visited), as_int(rows.c.visited)).group_by(group))
    return {k: Indicators(int(n), int(t), int(p), None if c is None else float(c), int(tv), int(v))
            for k, n, t, p, c, tv, v in result}


def for_village(session: Session, village_id: int, fiscal_year: int, min_days: int) -> Indicators:
    found = indicators_by(session, "village_id", fiscal_year, min_days, Household.village_id == village_id)
    return found.get(village_id, Indicators())
