"""The programme's numbers for a fiscal year, from one place.

Households per village and per trainer, the team, the training, the follow-up
schedule, the targets and the village steps are read through `rules_for(fy)`
by every rule, page and export, never written as literals elsewhere. Today
every year has the same rules (two of them may be set from the environment);
a later change makes them data per fiscal year by changing this module only.
"""
import os
from contextlib import contextmanager
from dataclasses import dataclass, replace

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


def _from_environment(env) -> dict:
    """The first year's defaults that a deployment may set (README: Programme settings)."""
    values = {}
    if env.get("TRAINING_COMPLETION_MIN_DAYS"):
        values["days_to_complete"] = int(env["TRAINING_COMPLETION_MIN_DAYS"])
    if env.get("FOLLOWUP_OFFSETS_MONTHS"):
        values["followup_months"] = tuple(int(m) for m in env["FOLLOWUP_OFFSETS_MONTHS"].split(","))
    return values


_defaults = _from_environment(os.environ)
_override: dict | None = None


def rules_for(fiscal_year: int) -> Rules:
    return Rules(fiscal_year=fiscal_year, **{**_defaults, **(_override or {})})


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
