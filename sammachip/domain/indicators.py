"""The programme's two indicators, aggregated in SQL whatever the number of villages.

All figures are as of the year's cut-off (`Rules.cutoff_on(today)`): days held,
attendance and visits dated after it do not count.

- trained: registered households present on at least the year's days to complete;
- visited: trained households with a completed visit;
- practising: visited households whose latest visit says ทำอยู่ or ทำบ้าง (ทำบ้าง
  counts as practising and is shown on its own too);
- practising share = practising ÷ visited. It is "not yet measured" until
  visited ÷ trained reaches the year's `measured_from`;
- income, as CDD measures it, over practising households with both figures:
  before = the intake's household income per year; after = before − what the
  trained occupation brought a year at intake + (the occupation's income + the
  costs it saved since the previous visit) × 365 ÷ the days that covers, from
  the latest visit. The change is (Σ after − Σ before) ÷ Σ before: a ratio of
  sums, never an average of percentages, so districts and provinces add up;
- a village reaches the income target when its change ≥ the target over at
  least `income_min_n` households.
"""
from dataclasses import dataclass, field, fields

from sqlalchemy import Float, and_, case, cast, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from ..models import Attendance, FollowUp, Household, TrainingDay, Village
from .programme import Rules, rules_for

PRACTISING = ("yes", "partly")


@dataclass
class Indicators:
    registered: int = 0
    trained: int = 0
    visited: int = 0  # trained households with a completed visit
    practising: int = 0  # of the visited: ทำอยู่ or ทำบ้าง at the latest visit
    partly: int = 0  # of the practising: ทำบ้าง
    team_visited: int = 0  # trained households visited with the support team
    income_n: int = 0  # practising households with income before and after
    before_sum: float = 0.0
    after_sum: float = 0.0
    villages: int = 0
    villages_reaching: int = 0  # villages whose income change reaches the target
    rules: Rules | None = field(default=None, compare=False)  # the year's targets

    def __add__(self, other: "Indicators") -> "Indicators":
        """Villages' figures add up exactly to their district's: every field is a count or a sum."""
        return Indicators(*(getattr(self, f) + getattr(other, f) for f in FIELDS), rules=self.rules or other.rules)

    @property
    def not_visited(self) -> int:
        return self.trained - self.visited

    @property
    def share(self) -> float | None:
        return self.practising / self.visited if self.visited else None

    @property
    def measured(self) -> bool:
        """Practising is told only once enough of the trained have been visited."""
        return bool(self.trained) and self.visited / self.trained >= self.rules.measured_from

    @property
    def on_target(self) -> bool:
        return self.measured and self.share >= self.rules.practising_target

    @property
    def behind(self) -> bool:
        return self.measured and not self.on_target

    @property
    def income_change(self) -> float | None:
        return (self.after_sum - self.before_sum) / self.before_sum if self.income_n and self.before_sum else None

    @property
    def income_on_target(self) -> bool:
        """A village's own test; districts count `villages_reaching` instead."""
        return (self.income_change is not None and self.income_change >= self.rules.income_target
                and self.income_n >= self.rules.income_min_n)


FIELDS = [f.name for f in fields(Indicators) if f.name != "rules"]


def household_rows(fiscal_year: int, area_filter, cutoff):
    """One row per registered household in the area, as of `cutoff`.

    Each household's days attended, latest visit and support-team visit are
    scalar subqueries: one index lookup each per household, so the cost follows
    the area's households, never the whole country's."""
    days = (select(func.count()).select_from(Attendance).join(TrainingDay, TrainingDay.id == Attendance.day_id)
            .where(Attendance.household_id == Household.id, TrainingDay.held_on <= cutoff)
            .correlate(Household).scalar_subquery())
    done = and_(FollowUp.household_id == Household.id, FollowUp.status == "done", FollowUp.visit_date <= cutoff)
    latest_id = (select(FollowUp.id).where(done).order_by(FollowUp.visit_date.desc(), FollowUp.id.desc()).limit(1)
                 .correlate(Household).scalar_subquery())
    # A scalar lookup, not EXISTS: PostgreSQL turns EXISTS into a hashed scan of every
    # support-team visit in the country (72 ms at 20,000 villages).
    with_team = (select(FollowUp.id).where(done, FollowUp.with_support_team.is_(True)).limit(1)
                 .correlate(Household).scalar_subquery().is_not(None))
    base = (
        select(Household.id.label("household_id"), Household.village_id, Village.district_code, Village.province_code,
               Household.income_per_year.label("before"), Household.occupation_income_per_year.label("at_intake"),
               (days >= rules_for(fiscal_year).days_to_complete).label("trained"),
               latest_id.label("latest_id"), with_team.label("with_team"))
        .join(Village, Village.id == Household.village_id)
        .where(Household.fiscal_year == fiscal_year, Household.status == "registered", area_filter,
               or_(Household.left_on.is_(None), Household.left_on > cutoff))  # left: out of every denominator
        # Materialised, so each household's lookups run once, not once per use below.
        .cte("household_base").prefix_with("MATERIALIZED")
    )
    latest = aliased(FollowUp)
    visited = and_(base.c.trained, base.c.latest_id.is_not(None))
    practising = and_(visited, latest.practising.in_(PRACTISING))
    counted = and_(practising, base.c.before > 0, base.c.at_intake.is_not(None),
                   latest.occupation_income.is_not(None), latest.period_days > 0)
    after = (
        base.c.before
        - base.c.at_intake
        + cast(latest.occupation_income + func.coalesce(latest.costs_saved, 0), Float) * 365 / latest.period_days
    )
    return (
        select(
            base.c.household_id,
            base.c.village_id,
            base.c.district_code,
            base.c.province_code,
            latest.practising.label("latest_practising"),
            base.c.trained.label("trained"),
            visited.label("visited"),
            practising.label("practising"),
            and_(practising, latest.practising == "partly").label("partly"),
            and_(base.c.trained, base.c.with_team).label("team_visited"),
            counted.label("counted"),
            case((counted, cast(base.c.before, Float))).label("before"),
            case((counted, after)).label("after"),
        )
        .outerjoin(latest, latest.id == base.c.latest_id)
        .subquery()
    )


def count_of(flag):
    return func.sum(case((flag, 1), else_=0))  # booleans sum alike on both databases


def village_rows(fiscal_year: int, area_filter, cutoff):
    """One row per village: its counts and sums, and whether it reaches the income target."""
    rows, rules = household_rows(fiscal_year, area_filter, cutoff), rules_for(fiscal_year)
    before, after, n = (
        func.coalesce(func.sum(rows.c.before), 0),
        func.coalesce(func.sum(rows.c.after), 0),
        count_of(rows.c.counted),
    )
    reaches = and_(n >= rules.income_min_n, before > 0, after - before >= before * rules.income_target)
    return (
        select(
            rows.c.village_id,
            rows.c.district_code,
            rows.c.province_code,
            func.count().label("registered"),
            count_of(rows.c.trained).label("trained"),
            count_of(rows.c.visited).label("visited"),
            count_of(rows.c.practising).label("practising"),
            count_of(rows.c.partly).label("partly"),
            count_of(rows.c.team_visited).label("team_visited"),
            n.label("income_n"),
            before.label("before_sum"),
            after.label("after_sum"),
            literal(1).label("villages"),
            case((reaches, 1), else_=0).label("villages_reaching"),
        )
        .group_by(rows.c.village_id, rows.c.district_code, rows.c.province_code)
        .subquery()
    )


def indicators_by(session: Session, key: str, fiscal_year: int, area_filter, cutoff) -> dict[str, Indicators]:
    """Indicators grouped by "village_id", "district_code" or "province_code": sums of the villages'."""
    villages, rules = village_rows(fiscal_year, area_filter, cutoff), rules_for(fiscal_year)
    result = session.execute(
        select(villages.c[key], *(func.sum(villages.c[f]) for f in FIELDS)).group_by(villages.c[key])
    )
    return {
        k: Indicators(
            *(
                int(v) if f not in ("before_sum", "after_sum") else float(v)
                for f, v in zip(FIELDS, values, strict=True)
            ),
            rules=rules,
        )
        for k, *values in result
    }


def total(indicators, fiscal_year: int) -> Indicators:
    return sum(indicators, Indicators(rules=rules_for(fiscal_year)))


def for_village(session: Session, village_id: int, fiscal_year: int, cutoff) -> Indicators:
    found = indicators_by(session, "village_id", fiscal_year, Household.village_id == village_id, cutoff)
    return found.get(village_id, Indicators(rules=rules_for(fiscal_year)))


def households_of_village(session: Session, village_id: int, fiscal_year: int, cutoff) -> dict:
    """Each registered household's part in the village's indicators, by household id: trained,
    visited, the latest visit's answer, counted, and before/after where counted (the same rows)."""
    rows = household_rows(fiscal_year, Household.village_id == village_id, cutoff)
    found = session.execute(select(rows.c.household_id, rows.c.trained, rows.c.visited, rows.c.latest_practising,
                                   rows.c.counted, rows.c.after))
    return {row.household_id: row for row in found}
