"""Community funds (กองทุนชุมชน): support records, the follow-up visit's fund answer as one of them,
and the step "กองทุนชุมชนสนับสนุนการประกอบอาชีพ".

The step is done, as of the year's cut-off, when a registered household of the village-year, or a
group qualifying for the village-year's group step (domain/groups.trained_members: active on the
cut-off with a trained household of the village-year as member), has a fund record with an amount
(more than 0 baht) dated on or before the cut-off. Records belong to a household or a group, not to a
programme year: a fund dated after the cut-off counts for no earlier year.
"""
from sqlalchemy import Integer, cast, func, null, select, union_all
from sqlalchemy.orm import Session

from ..models import CommunityFund, FollowUp, Household, Village
from .groups import trained_members


def funded(session: Session, where, fiscal_year: int, cutoff) -> dict[int, dict]:
    """Villages matching `where` with funded households or qualifying groups, one query:
    {"households": n, "groups": n, "amount": baht} (a tambon-wide group's support counts in each of its
    villages where it qualifies)."""
    counted = (CommunityFund.amount > 0, CommunityFund.received_on <= cutoff)
    households = (select(Household.village_id.label("village_id"), CommunityFund.household_id.label("household_id"),
                         cast(null(), Integer).label("group_id"), CommunityFund.amount.label("amount"))
                  .join(Household, Household.id == CommunityFund.household_id)
                  .join(Village, Village.id == Household.village_id)
                  .where(where, Household.fiscal_year == fiscal_year, Household.status == "registered", *counted))
    qualifying = trained_members(where, fiscal_year, cutoff).subquery()
    pairs = select(qualifying.c.village_id, qualifying.c.group_id).distinct().subquery()
    groups = (select(pairs.c.village_id, cast(null(), Integer), pairs.c.group_id, CommunityFund.amount)
              .join(CommunityFund, CommunityFund.group_id == pairs.c.group_id).where(*counted))
    rows = union_all(households, groups).subquery()
    found = session.execute(
        select(rows.c.village_id, func.count(rows.c.household_id.distinct()), func.count(rows.c.group_id.distinct()),
               func.sum(rows.c.amount))
        .group_by(rows.c.village_id))
    return {vid: {"households": int(h), "groups": int(g), "amount": int(total)} for vid, h, g, total in found}


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


def group_funds(session: Session, group_id: int) -> list[CommunityFund]:
    return list(session.scalars(select(CommunityFund).where(CommunityFund.group_id == group_id)
                                .order_by(CommunityFund.received_on.desc(), CommunityFund.id.desc())))
