"""The programme's indicators, aggregated in SQL whatever the number of villages.

- trained: registered households that attended at least the year's days to complete;
- practising: trained households whose latest completed follow-up says "yes";
- share practising against the year's target (85 %);
- income change: for each practising household, its income from the trained
  occupation (last month × 12, latest follow-up) as a share of its intake
  baseline (household income per year), averaged over the practising
  households with a baseline above zero. The trained occupation is new
  income on top of what the household earned at intake.
- team_visited: trained households visited at least once with a member of
  the sub-district support team.
"""
from dataclasses import dataclass, field, fields

from sqlalchemy import Float, and_, case, cast, func, select
from sqlalchemy.orm import Session, aliased

from ..models import Attendance, FollowUp, Household, Village
from .programme import Rules, rules_for


@dataclass
class Indicators:
    registered: int = 0
    trained: int = 0
    practising: int = 0
    change_sum: float = 0.0  # sum of practising households' income change...
    change_n: int = 0  # ...over this many (those with a baseline above zero)
    team_visited: int = 0
    visited: int = 0  # trained households with any completed follow-up
    rules: Rules | None = field(default=None, compare=False)  # the year's targets

    def __add__(self, other: "Indicators") -> "Indicators":
        """Villages' figures add up exactly to their district's (the average is kept as sum and count)."""
        return Indicators(*(getattr(self, f) + getattr(other, f) for f in FIELDS), rules=self.rules or other.rules)

    @property
    def share(self) -> float | None:
        return self.practising / self.trained if self.trained else None

    @property
    def on_target(self) -> bool:
        return self.share is not None and self.share >= self.rules.practising_target

    @property
    def income_change(self) -> float | None:
        return self.change_sum / self.change_n if self.change_n else None

    @property
    def income_on_target(self) -> bool:
        return self.income_change is not None and self.income_change >= self.rules.income_target

    @property
    def measured(self) -> bool:
        """Practising can only be told once somebody has visited."""
        return self.visited > 0


FIELDS = [f.name for f in fields(Indicators) if f.name != "rules"]


def household_rows(fiscal_year: int, area_filter):
    """One row per registered household in the area: trained? practising? income change.

    Each household's days attended, latest visit and support-team visit are
    scalar subqueries in the SELECT list: one index lookup each per household
    (household_id indexes), so the cost follows the area's households, never the
    whole country's. The latest visit is then joined by its primary key."""
    # A household's attendance can only be on its own village's days of its own
    # fiscal year (the attendance screen checks that), so no join is needed.
    days = (select(func.count()).select_from(Attendance).where(Attendance.household_id == Household.id)
            .correlate(Household).scalar_subquery())
    latest_id = (select(FollowUp.id).where(FollowUp.household_id == Household.id, FollowUp.status == "done")
                 .order_by(FollowUp.visit_date.desc(), FollowUp.id.desc()).limit(1)
                 .correlate(Household).scalar_subquery())
    # A scalar lookup, not EXISTS: PostgreSQL turns EXISTS into a hashed scan of every
    # support-team visit in the country (72 ms at 20,000 villages).
    with_team = (select(FollowUp.id).where(FollowUp.household_id == Household.id, FollowUp.status == "done",
                                          FollowUp.with_support_team.is_(True)).limit(1)
                 .correlate(Household).scalar_subquery().is_not(None))
    base = (
        select(
            Household.village_id,
            Village.district_code,
            Village.province_code,
            Household.income_per_year,
            (days >= rules_for(fiscal_year).days_to_complete).label("trained"),
            latest_id.label("latest_id"),
            with_team.label("with_team"),
        )
        .join(Village, Village.id == Household.village_id)
        .where(Household.fiscal_year == fiscal_year, Household.status == "registered", area_filter)
        # Materialised, so each household's lookups run once, not once per use below.
        .cte("household_base")
        .prefix_with("MATERIALIZED")
    )
    latest = aliased(FollowUp)
    practising = and_(base.c.trained, latest.practising == "yes")
    change = case(
        (
            and_(practising, base.c.income_per_year > 0),
            cast(func.coalesce(latest.income_last_month, 0) * 12, Float) / base.c.income_per_year,
        )
    )
    return (
        select(
            base.c.village_id,
            base.c.district_code,
            base.c.province_code,
            base.c.trained.label("trained"),
            practising.label("practising"),
            change.label("change"),
            and_(base.c.trained, base.c.latest_id.is_not(None)).label("visited"),
            and_(base.c.trained, base.c.with_team).label("team_visited"),
        )
        .outerjoin(latest, latest.id == base.c.latest_id)
        .subquery()
    )


def indicators_by(session: Session, key: str, fiscal_year: int, area_filter) -> dict[str, Indicators]:
    """Indicators grouped by "village_id", "district_code" or "province_code"."""
    rows, rules = household_rows(fiscal_year, area_filter), rules_for(fiscal_year)
    group = rows.c[key]
    as_int = lambda flag: func.sum(case((flag, 1), else_=0))  # noqa: E731  (booleans sum alike on both databases)
    result = session.execute(
        select(
            group,
            func.count(),
            as_int(rows.c.trained),
            as_int(rows.c.practising),
            func.coalesce(func.sum(rows.c.change), 0),
            func.count(rows.c.change),
            as_int(rows.c.team_visited),
            as_int(rows.c.visited),
        ).group_by(group)
    )
    return {
        k: Indicators(int(n), int(t), int(p), float(cs), int(cn), int(tv), int(v), rules=rules)
        for k, n, t, p, cs, cn, tv, v in result
    }


def total(indicators, fiscal_year: int) -> Indicators:
    return sum(indicators, Indicators(rules=rules_for(fiscal_year)))


def for_village(session: Session, village_id: int, fiscal_year: int) -> Indicators:
    found = indicators_by(session, "village_id", fiscal_year, Household.village_id == village_id)
    return found.get(village_id, Indicators(rules=rules_for(fiscal_year)))
