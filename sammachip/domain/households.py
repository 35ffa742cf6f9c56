"""Household intake rules: the year's households per village and per trainer, one per ID per year."""
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Household, PovertyLine, Sage, Village
from ..models.sealed import id_hashes
from . import thai_id
from .programme import rules_for

INCOME_MAX = 10_000_000  # baht a year: above this is a typing slip, not a target household


def poverty_line(session: Session, fiscal_year: int) -> int:
    """The จปฐ. income criterion (baht per person per year) of the newest row not later than the year."""
    return session.scalar(
        select(PovertyLine.baht_per_person_year).where(PovertyLine.fiscal_year <= fiscal_year)
        .order_by(PovertyLine.fiscal_year.desc()).limit(1)) or 38_000


def below_line(income_per_year: int, members: int, line: int) -> bool:
    return income_per_year < line * members


def registered_count(session: Session, village_id: int, fiscal_year: int, exclude_id: int | None = None) -> int:
    query = select(func.count()).select_from(Household).where(
        Household.village_id == village_id, Household.fiscal_year == fiscal_year,
        Household.status == "registered")
    if exclude_id:
        query = query.where(Household.id != exclude_id)
    return session.scalar(query)


def trainer_loads(session: Session, village_id: int, fiscal_year: int) -> dict[int, int]:
    """Households per trainer in the village, one query."""
    rows = session.execute(
        select(Household.trainer_id, func.count()).where(
            Household.village_id == village_id, Household.fiscal_year == fiscal_year,
            Household.trainer_id.is_not(None)).group_by(Household.trainer_id))
    return {trainer_id: n for trainer_id, n in rows}


def default_trainer(team: list[Sage], loads: dict[int, int], need_occupation_id: int | None) -> Sage | None:
    """A team member with a free seat, preferring one who teaches the wanted occupation."""
    free = [s for s in team if loads.get(s.id, 0) < rules_for(s.fiscal_year).households_per_trainer]
    if not free:
        return None
    matching = [s for s in free if need_occupation_id and s.occupation_id == need_occupation_id]
    return min(matching or free, key=lambda s: (loads.get(s.id, 0), s.role != "lead", s.id))


def village_with_id(session: Session, national_id: str, fiscal_year: int,
                    exclude_household_id: int | None = None) -> Village | None:
    """The village, anywhere in the country, that registered this ID this year."""
    query = (select(Village).join(Household, Household.village_id == Village.id)
             .where(Household.national_id_hash.in_(id_hashes(national_id)), Household.fiscal_year == fiscal_year))
    if exclude_household_id:
        query = query.where(Household.id != exclude_household_id)
    return session.scalar(query.limit(1))


def placement_problems(session: Session, village_id: int, fiscal_year: int, status: str,
                       trainer_id: int | None, household_id: int | None = None) -> list[str]:
    """Codes for why this status/trainer cannot be taken now: village_full, trainer_full."""
    problems, rules = [], rules_for(fiscal_year)
    if (
        status == "registered"
        and registered_count(session, village_id, fiscal_year, household_id) >= rules.households_per_village
    ):
        problems.append("village_full")
    if trainer_id is not None:
        query = select(func.count()).select_from(Household).where(Household.trainer_id == trainer_id)
        if household_id:
            query = query.where(Household.id != household_id)
        if session.scalar(query) >= rules.households_per_trainer:
            problems.append("trainer_full")
    return problems


def changes_between(before: dict, after: dict) -> dict:
    """{field: [old, new]} for the fields whose value changed; an ID shows its last four digits
    only and a phone not at all (the history is stored: it must not hold what is sealed)."""
    return {k: [_kept(k, before.get(k)), _kept(k, v)] for k, v in after.items() if before.get(k) != v}


def _kept(field: str, value):
    if not value or field not in ("national_id", "phone"):
        return value
    return thai_id.masked(value) if field == "national_id" else "•••"
