"""The village's team of trainers: one lead and the year's number of assistants.

Functions return problem codes with their details; the web layer words them.
"""
from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..models import Household, Sage, SageCriterion, SageRoleChange, Village
from .programme import rules_for


@dataclass
class Problem:
    code: str  # criterion_failed, criterion_unanswered, lead_taken, assistants_full, on_other_team
    detail: dict = field(default_factory=dict)


def criteria_result(sage: Sage, criteria: list[SageCriterion]) -> dict:
    """Which criteria the candidate met, failed, or has not been asked yet."""
    answers = {a.criterion_id: a for a in sage.answers}
    failed = [c for c in criteria if c.id in answers and not answers[c.id].met and c.required]
    missing = [c for c in criteria if c.id not in answers]
    met = [c for c in criteria if c.id in answers and answers[c.id].met]
    return {"met": met, "failed": failed, "missing": missing,
            "passed": not failed and not [c for c in missing if c.required]}


def selection_problems(session: Session, sage: Sage, role: str, criteria: list[SageCriterion]) -> list[Problem]:
    """Why `sage` cannot take `role` on the team now (empty when it can)."""
    problems = []
    result = criteria_result(sage, criteria)
    problems += [Problem("criterion_failed", {"criterion": c}) for c in result["failed"]]
    problems += [Problem("criterion_unanswered", {"criterion": c}) for c in result["missing"] if c.required]
    team = [s for s in team_of(session, sage.village_id, sage.fiscal_year) if s.id != sage.id]
    if role == "lead" and any(s.role == "lead" for s in team):
        problems.append(Problem("lead_taken", {"sage": next(s for s in team if s.role == "lead")}))
    wanted = rules_for(sage.fiscal_year).assistants
    if role == "assistant" and sum(s.role == "assistant" for s in team) >= wanted:
        problems.append(Problem("assistants_full", {"assistants": wanted}))
    other = other_team_membership(session, sage)
    if other is not None:
        problems.append(Problem("on_other_team", {"village": other}))
    return problems


def team_of(session: Session, village_id: int, fiscal_year: int) -> list[Sage]:
    return list(session.scalars(select(Sage).where(
        Sage.village_id == village_id, Sage.fiscal_year == fiscal_year, Sage.role.is_not(None))))


def other_team_membership(session: Session, sage: Sage) -> Village | None:
    """The village whose team this person (known by national ID: domain/persons.py) is already
    on this year, under another candidate record: one person, one seat. A shared phone is no proof."""
    return session.scalar(
        select(Village).join(Sage, Sage.village_id == Village.id).where(
            Sage.person_id == sage.person_id, Sage.fiscal_year == sage.fiscal_year,
            Sage.role.is_not(None), Sage.id != sage.id).limit(1))


def change_role(session: Session, sage: Sage, role: str | None, user_id: int) -> int:
    """Set the role and record the change (a no-op change is not recorded).

    A trainer who leaves the team leaves their households unassigned, to be
    given to another trainer; returns how many.
    """
    if sage.role == role:
        return 0
    session.add(SageRoleChange(sage_id=sage.id, from_role=sage.role, to_role=role, changed_by_id=user_id))
    sage.role = role
    if role is None:
        return session.execute(
            update(Household).where(Household.trainer_id == sage.id).values(trainer_id=None)).rowcount
    return 0


@dataclass
class TeamStatus:
    lead: Sage | None
    assistants: list[Sage]
    lead_trained: bool
    workshop_done: bool
    wanted_assistants: int

    @property
    def steps_done(self) -> int:
        return int(self.lead_trained) + int(self.workshop_done) + min(len(self.assistants), self.wanted_assistants)

    @property
    def steps_total(self) -> int:
        return 2 + self.wanted_assistants

    @property
    def size(self) -> int:
        return int(self.lead is not None) + len(self.assistants)

    @property
    def missing(self) -> list[tuple[str, int]]:
        """What is still missing, as (code, count) for the page to word."""
        gaps = []
        if self.lead is None:
            gaps.append(("no_lead", 1))
        elif not self.lead_trained:
            gaps.append(("lead_not_trained", 1))
        if self.lead is not None and not self.workshop_done:
            gaps.append(("no_workshop", 1))
        if len(self.assistants) < self.wanted_assistants:
            gaps.append(("assistants", self.wanted_assistants - len(self.assistants)))
        return gaps


def team_status(team: list[Sage], fiscal_year: int) -> TeamStatus:
    lead = next((s for s in team if s.role == "lead"), None)
    return TeamStatus(
        lead=lead,
        assistants=[s for s in team if s.role == "assistant"],
        lead_trained=bool(lead and lead.course_passed),
        workshop_done=bool(lead and lead.workshop_date),
        wanted_assistants=rules_for(fiscal_year).assistants,
    )
