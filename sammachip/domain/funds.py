"""Community funds (กองทุนชุมชน): support records, the follow-up visit's fund answer as one of them,
and the step "กองทุนชุมชนสนับสนุนการประกอบอาชีพ".

The step is done, as of the year's cut-off, when a registered household of the village-year has a
fund record with an amount (more than 0 baht) dated on or before the cut-off. Records belong to a
household, not to a programme year: a fund dated after the cut-off counts for no earlier year.
"""
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import CommunityFund, FollowUp, Household, Village


def funded(session: Session, where, fiscal_year: int, cutoff) -> dict[int, dict]:
    """Villages matching `where` with funded households, one query: {"households": n, "amount": baht}."""
    found = session.execute(
        select(Household.village_id, func.count(func.distinct(CommunityFund.household_id)),
               func.sum(CommunityFund.amount))
        .join(Household, Household.id == CommunityFund.household_id)
        .join(Village, Village.id == Household.village_id)
        .where(where, Household.fiscal_year == fiscal_year, Household.status == "registered",
               CommunityFund.amount > 0, CommunityFund.received_on <= cutoff)
        .group_by(Household.village_id))
    return {vid: {"households": int(n), "amount": int(total)} for vid, n, total in found}


def record_visit_fund(session: Session, followup: FollowUp, household: Household, user_id: int | None) -> None:
    """The visit's fund answer is its fund record: made, changed, or removed ("none") with it."""
    record = session.scalar(select(CommunityFund).where(CommunityFund.followup_id == followup.id))
    if followup.fund_source in ("", "none", None):
        if record is not None:
            session.delete(record)
        return
    if record is None:
        record = CommunityFund(followup_id=followup.id, household_id=household.id, village_id=household.village_id,
                               created_by_id=user_id)
        session.add(record)
    record.source, record.source_other = followup.fund_source, followup.fund_other or ""
    record.amount, record.received_on = followup.fund_amount, followup.visit_date or followup.due_date


def household_funds(session: Session, household_id: int) -> list[CommunityFund]:
    return list(session.scalars(select(CommunityFund).where(CommunityFund.household_id == household_id)
                                .order_by(CommunityFund.received_on.desc(), CommunityFund.id.desc())))
