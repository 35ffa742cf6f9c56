"""How far each village is along the programme's steps (`Rules.steps`).

Steps the data can tell are derived; the others are an officer's dated mark.
Everything is gathered for many villages at once, in a fixed number of
queries, so a district of 200 villages costs what a district of 2 does.
"""
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..models import Household, Sage, TrainingDay, Village, VillageStepMark
from .indicators import Indicators, indicators_by
from .programme import Rules, rules_for
from .results import RESULT_STEPS, Result


@dataclass
class VillageFacts:
    rules: Rules
    lead: int = 0
    assistants: int = 0
    lead_trained: bool = False
    workshop: bool = False
    registered: int = 0
    assigned: int = 0
    days_held: int = 0
    ind: Indicators = field(default_factory=Indicators)
    marks: dict = field(default_factory=dict)
    results: dict = field(default_factory=dict)  # step code → Result, for the steps told by records

    @property
    def team_size(self) -> int:
        return min(self.lead, 1) + min(self.assistants, self.rules.assistants)

    @property
    def team_complete(self) -> bool:
        return self.lead >= 1 and self.assistants >= self.rules.assistants


@dataclass
class Step:
    code: str
    derived: bool
    done: bool
    mark: VillageStepMark | None = None
    legacy: bool = False  # done by an older mark, not (yet) by a record
    detail: dict | None = None  # numbers shown beside the step (results.Result.detail)


def steps_of(f: VillageFacts) -> list[Step]:
    rules = f.rules
    derived = {
        "lead_trained": f.lead >= 1 and f.lead_trained,
        "workshop": f.workshop,
        "team": f.team_complete,
        "households": f.registered >= rules.households_per_village and f.assigned >= rules.households_per_village,
        "training": f.days_held >= rules.training_days,
    }
    # Steps now told by records: a mark made before keeps counting (as "บันทึกเดิม")
    # until the record does; no new marks are made.
    return [record_step(code, f.results.get(code, Result(False)), f.marks.get(code)) if code in RESULT_STEPS else
            Step(code, code in derived, derived[code] if code in derived else code in f.marks, f.marks.get(code))
            for code in rules.steps]


def record_step(code: str, result: Result, mark: VillageStepMark | None) -> Step:
    legacy = mark is not None and not result.done
    return Step(code, True, result.done or legacy, mark if legacy else None, legacy, result.detail)


def status_of(f: VillageFacts) -> str:
    """not_started / in_progress / behind / on_target, for the dashboard filter."""
    if f.ind.trained and f.ind.measured:
        return "on_target" if f.ind.on_target else "behind"
    if f.lead or f.assistants or f.registered or f.days_held or f.marks:
        return "in_progress"
    return "not_started"


def empty_facts(fiscal_year: int) -> VillageFacts:
    rules = rules_for(fiscal_year)
    return VillageFacts(rules=rules, ind=Indicators(rules=rules))


def facts_for(session: Session, where, fiscal_year: int, today: date) -> dict[int, VillageFacts]:
    """Facts for every village matching `where` (a condition on Village), seven queries."""
    facts: dict[int, VillageFacts] = {}
    of = lambda vid: facts.setdefault(vid, empty_facts(fiscal_year))  # noqa: E731
    is_lead = Sage.role == "lead"
    for vid, leads, assistants, trained, workshop in session.execute(
            select(Sage.village_id, func.sum(case((is_lead, 1), else_=0)),
                   func.sum(case((Sage.role == "assistant", 1), else_=0)),
                   func.max(case((is_lead & Sage.course_passed.is_(True), 1), else_=0)),
                   func.max(case((is_lead & (Sage.workshop_date <= today), 1), else_=0)))
            .join(Village, Village.id == Sage.village_id)
            .where(where, Sage.fiscal_year == fiscal_year, Sage.role.is_not(None)).group_by(Sage.village_id)):
        f = of(vid)
        f.lead, f.assistants, f.lead_trained, f.workshop = int(leads), int(assistants), bool(trained), bool(workshop)
    for vid, registered, assigned in session.execute(
            select(Household.village_id, func.count(), func.count(Household.trainer_id))
            .join(Village, Village.id == Household.village_id)
            .where(where, Household.fiscal_year == fiscal_year, Household.status == "registered")
            .group_by(Household.village_id)):
        of(vid).registered, of(vid).assigned = registered, assigned
    add_training_and_marks(session, facts, where, fiscal_year, today)
    return facts


def add_training_and_marks(session: Session, facts: dict, where, fiscal_year: int, today: date) -> None:
    """Training days held, indicators, result records and officers' marks: a fixed
    number of queries, any number of villages."""
    of = lambda vid: facts.setdefault(vid, empty_facts(fiscal_year))  # noqa: E731
    for vid, held in session.execute(
            select(TrainingDay.village_id, func.count()).join(Village, Village.id == TrainingDay.village_id)
            .where(where, TrainingDay.fiscal_year == fiscal_year, TrainingDay.held_on <= today)
            .group_by(TrainingDay.village_id)):
        of(vid).days_held = held
    cutoff = rules_for(fiscal_year).cutoff_on(today)
    for vid, ind in indicators_by(session, "village_id", fiscal_year, where, cutoff).items():
        of(vid).ind = ind
    for code, check in RESULT_STEPS.items():
        for vid, result in check(session, where, fiscal_year, cutoff).items():
            of(vid).results[code] = result
    for mark in session.scalars(select(VillageStepMark).join(Village, Village.id == VillageStepMark.village_id)
                                .where(where, VillageStepMark.fiscal_year == fiscal_year)):
        of(mark.village_id).marks[mark.step] = mark


def facts_of_village(session: Session, village_id: int, fiscal_year: int, today: date,
                     team: list[Sage] | None = None, households: list[Household] | None = None) -> VillageFacts:
    """One village's facts. The village page has its team and households loaded
    already: counting those in hand saves two queries on the busiest page."""
    if team is None or households is None:
        return facts_for(session, Village.id == village_id, fiscal_year, today).get(
            village_id, empty_facts(fiscal_year))
    lead = next((s for s in team if s.role == "lead"), None)
    registered = [h for h in households if h.status == "registered"]
    f = empty_facts(fiscal_year)
    f.lead, f.assistants = int(lead is not None), sum(s.role == "assistant" for s in team)
    f.lead_trained = bool(lead and lead.course_passed)
    f.workshop = bool(lead and lead.workshop_date and lead.workshop_date <= today)
    f.registered, f.assigned = len(registered), sum(h.trainer_id is not None for h in registered)
    facts = {village_id: f}
    add_training_and_marks(session, facts, Village.id == village_id, fiscal_year, today)
    return facts[village_id]
