"""The programme's results (steps 8–13 of the field note), told by records.

Each result step has one function here: given the villages matching `where`,
the fiscal year and its cut-off, it answers which of them have the step done
(and, optionally, numbers the village page shows beside the step). One query
per step, any number of villages. A step's earlier officer's mark keeps
counting (as "บันทึกเดิม") until its record does: see `progress.record_step`.
"""
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import KnowledgeRecord, Sage, Village
from . import groups
from .centres import centres_open
from .funds import funded
from .teams import tambon_visits


@dataclass(frozen=True)
class Result:
    done: bool
    detail: dict | None = None  # numbers shown beside the step (wording in progress/wording.py)


StepCheck = Callable[[Session, object, int, date], dict[int, Result]]


def knowledge_done(session: Session, where, fiscal_year: int, cutoff: date) -> dict[int, Result]:
    """The village-year's lead sage has a complete knowledge record by the cut-off."""
    lead = select(Sage.id).where(Sage.village_id == KnowledgeRecord.village_id, Sage.fiscal_year == fiscal_year,
                                 Sage.role == "lead", Sage.id == KnowledgeRecord.sage_id).exists()
    return {vid: Result(True) for vid in session.scalars(
        select(KnowledgeRecord.village_id).distinct().join(Village, Village.id == KnowledgeRecord.village_id)
        .where(where, KnowledgeRecord.completed_at.is_not(None), KnowledgeRecord.recorded_on <= cutoff, lead))}


def tambon_team_done(session: Session, where, fiscal_year: int, cutoff: date) -> dict[int, Result]:
    """The tambon has a team for the year and it has visited every trained household still in the
    programme (domain/teams.py); detail: visited, trained, left."""
    return {vid: Result(n["team"] and n["trained"] > 0 and n["visited"] >= n["trained"], n)
            for vid, n in tambon_visits(session, where, fiscal_year, cutoff).items()}


def fund_done(session: Session, where, fiscal_year: int, cutoff: date) -> dict[int, Result]:
    """A household of the year, or a qualifying group of the village-year, has a fund record with an amount
    by the cut-off (domain/funds.py); detail: households, groups, baht."""
    return {vid: Result(True, n) for vid, n in funded(session, where, fiscal_year, cutoff).items()}


def learning_centre_done(session: Session, where, _fiscal_year: int, cutoff: date) -> dict[int, Result]:
    """A centre of the village opened on or before the cut-off (domain/centres.py); detail: how many."""
    return {vid: Result(True, {"centres": n}) for vid, n in centres_open(session, where, cutoff).items()}


def group_done(session: Session, where, fiscal_year: int, cutoff: date) -> dict[int, Result]:
    """An active group of the village or its tambon with a trained household of the village-year (domain/groups)."""
    return {vid: Result(True, {"households": n}) for vid, n in
            groups.group_villages(session, where, fiscal_year, cutoff).items()}


def otop_done(session: Session, where, fiscal_year: int, cutoff: date) -> dict[int, Result]:
    """A registered OTOP product of such a group (domain/groups)."""
    return {vid: Result(True, {"products": n}) for vid, n in
            groups.otop_villages(session, where, fiscal_year, cutoff).items()}


# Step code → its check. A step listed here is never marked by hand any more.
RESULT_STEPS: dict[str, StepCheck] = {
    "knowledge": knowledge_done,
    "followup": tambon_team_done,
    "fund": fund_done,
    "learning_centre": learning_centre_done,
    "group": group_done,
    "otop": otop_done,
}
