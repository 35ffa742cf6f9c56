"""The programme's numbers for a fiscal year, from one place.

Households per village and per trainer, the team, the training, the follow-up
schedule, the targets, the cut-off and the village steps are read through
`rules_for(fy)` by every rule, page and export, never written as literals
elsewhere. Each year's numbers are a row of `programme_rules`; a year without
its own row reads the latest earlier year's (or the defaults below, two of
which a deployment may set from the environment), and gets a row of its own
when first used or edited, so editing a year never changes another year.
"""
import os
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields, replace
from datetime import date

from sqlalchemy import func, select, union

from ..extensions import db
from ..models import Household, ProgrammeRules, Sage, TrainingDay
from .fiscal import fiscal_year_bounds

# The village process, in the field note's order (codes; wording in progress/wording.py).
STEPS = ("lead_trained", "workshop", "team", "households", "training", "group", "otop", "followup",
         "fund", "knowledge", "learning_centre")


@dataclass(frozen=True)
class Rules:
    fiscal_year: int
    households_per_village: int = 20
    households_per_trainer: int = 4
    assistants: int = 4
    training_days: int = 5
    days_to_complete: int = 4
    followup_months: tuple[int, ...] = (1, 3, 6)
    practising_target: float = 0.85
    income_target: float = 0.03
    measured_from: float = 0.8  # practising is "not yet measured" until this share of the trained is visited
    income_min_n: int = 5  # a village "reaches +3 %" only over at least this many households
    cutoff: date | None = None  # figures as of this day; None: 30 September of the year
    group_target: float = 0.10  # share of the year's target villages with an occupational group (step `group`)
    steps: tuple[str, ...] = STEPS

    @property
    def team_size(self) -> int:
        return 1 + self.assistants

    @property
    def trainer_seats(self) -> range:
        """Seat numbers 1..n of one trainer's households (for pages that draw empty seats)."""
        return range(1, self.households_per_trainer + 1)

    @property
    def day_numbers(self) -> range:
        return range(1, self.training_days + 1)

    def cutoff_on(self, today: date) -> date:
        """The day the year's figures are taken at: today while the year runs, else its cut-off."""
        return min(today, self.cutoff or fiscal_year_bounds(self.fiscal_year)[1])


EDITABLE = [f.name for f in fields(Rules) if f.name not in ("fiscal_year", "steps")]


def _from_environment(env) -> dict:
    """The first year's defaults that a deployment may set (README: programme rules)."""
    values = {}
    if env.get("TRAINING_COMPLETION_MIN_DAYS"):
        values["days_to_complete"] = int(env["TRAINING_COMPLETION_MIN_DAYS"])
    if env.get("FOLLOWUP_OFFSETS_MONTHS"):
        values["followup_months"] = tuple(int(m) for m in env["FOLLOWUP_OFFSETS_MONTHS"].split(","))
    return values


_defaults = _from_environment(os.environ)
_override: dict | None = None


def _from_row(row: ProgrammeRules, fiscal_year: int) -> Rules:
    values = {name: getattr(row, name) for name in EDITABLE}
    values["followup_months"] = tuple(int(m) for m in row.followup_months.split(","))
    return Rules(fiscal_year=fiscal_year, **values)


def rules_for(fiscal_year: int) -> Rules:
    """The year's rules; read once per request (kept in the session's `info`)."""
    if _override is not None:
        return Rules(fiscal_year=fiscal_year, **{**_defaults, **_override})
    cache = db.session.info.setdefault("programme_rules", {})
    if fiscal_year not in cache:
        row = db.session.scalar(select(ProgrammeRules).where(ProgrammeRules.fiscal_year <= fiscal_year)
                                .order_by(ProgrammeRules.fiscal_year.desc()).limit(1))
        cache[fiscal_year] = _from_row(row, fiscal_year) if row else Rules(fiscal_year=fiscal_year, **_defaults)
    return cache[fiscal_year]


def row_for(session, fiscal_year: int) -> ProgrammeRules:
    """The year's own row, made from the rules it reads today when it has none (not committed)."""
    row = session.get(ProgrammeRules, fiscal_year)
    if row is None:
        values = asdict(rules_for(fiscal_year))
        values["followup_months"] = ",".join(str(m) for m in values["followup_months"])
        row = ProgrammeRules(**{name: values[name] for name in ["fiscal_year", *EDITABLE]})
        session.add(row)
    return row


def forget_cached(session) -> None:
    session.info.pop("programme_rules", None)


@contextmanager
def overridden(**values):
    """Other numbers for every year while the block runs (tests of a year with other rules)."""
    global _override
    before = _override
    _override = {**(before or {}), **values}
    try:
        yield replace(rules_for(0), fiscal_year=0)
    finally:
        _override = before


def held_by_year(session, fiscal_year: int) -> dict[str, int]:
    """What the year already holds: a limit cannot be set below it."""
    per_village = (select(func.count().label("n")).where(Household.fiscal_year == fiscal_year,
                                                         Household.status == "registered")
                   .group_by(Household.village_id).subquery())
    per_trainer = (select(func.count().label("n")).where(Household.fiscal_year == fiscal_year,
                                                         Household.trainer_id.is_not(None))
                   .group_by(Household.trainer_id).subquery())
    assistants = (select(func.count().label("n")).where(Sage.fiscal_year == fiscal_year, Sage.role == "assistant")
                  .group_by(Sage.village_id).subquery())
    days = select(func.max(TrainingDay.day_no)).where(TrainingDay.fiscal_year == fiscal_year)
    highest = lambda q: session.scalar(select(func.max(q.c.n))) or 0  # noqa: E731
    return {"households_per_village": highest(per_village), "households_per_trainer": highest(per_trainer),
            "assistants": highest(assistants), "training_days": session.scalar(days) or 0}


def below_held(values: dict, held: dict) -> list[tuple[str, int]]:
    """(field, what the year holds) for each limit set below it."""
    return [(name, n) for name, n in held.items() if values[name] < n]


def freeze_later_years(session, fiscal_year: int) -> None:
    """Later years that read this year's row get their own first, so editing it changes only this year."""
    years = union(*(select(m.fiscal_year).where(m.fiscal_year > fiscal_year) for m in (Household, Sage, TrainingDay)))
    for year in session.scalars(select(years.subquery().c.fiscal_year)):
        row_for(session, year)
