"""PDPA duties as rules: the notice in force, erasing a household's personal data, and
the retention rules (abandoned drafts, closed years). No Flask: the views and the
`apply-retention` command call these and write the audit rows.

Erasure keeps what the programme's figures are made of (status, trainer, members,
occupations, incomes, attendance, visit answers, fund amounts, group memberships),
so a village's counts and indicators stay as they were, and clears what names or
describes the person: name, national ID (and whatever the model keeps beside it to
find or show it), phone, house number, free text, photos and the change history."""
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, inspect, select, update
from sqlalchemy.orm import Session

from ..models import (
    CommunityFund,
    FollowUp,
    GroupMember,
    Household,
    HouseholdChange,
    HouseholdDraft,
    PrivacyNotice,
)
from .fiscal import fiscal_year

# A household's own fields that name or describe the person (cleared; the name becomes "#<id>").
HOUSEHOLD_TEXT = ("phone", "house_no", "need_reason")
# What an officer typed in words at a visit (the answers that are codes and numbers stay).
VISIT_TEXT = ("reason_text", "sells_where", "problems", "help_needed", "fund_other")
# Columns beside the national ID or phone that would still find or show them (an encrypted
# model keeps e.g. a keyed hash and the last four digits): cleared whatever their names.
DERIVED_PREFIXES = ("national_id_", "phone_")

# Photos of a household (the photo feature registers its eraser here): each takes the
# session and the household ids and returns how many photos it removed.
PHOTO_ERASERS: list[Callable[[Session, list[int]], int]] = []


def register_photo_eraser(eraser: Callable[[Session, list[int]], int]) -> Callable:
    PHOTO_ERASERS.append(eraser)
    return eraser


def notice_for(session: Session, fy: int, kind: str) -> PrivacyNotice | None:
    """The notice in force in a fiscal year: the latest version of the newest year not after it."""
    return session.scalar(select(PrivacyNotice).where(PrivacyNotice.kind == kind, PrivacyNotice.fiscal_year <= fy)
                          .order_by(PrivacyNotice.fiscal_year.desc(), PrivacyNotice.id.desc()).limit(1))


def _clear_person(household: Household) -> None:
    household.head_name = f"#{household.id}"
    household.national_id = None
    for name in HOUSEHOLD_TEXT:
        setattr(household, name, "")
    for column in inspect(Household).columns:
        if column.key.startswith(DERIVED_PREFIXES):
            setattr(household, column.key, None if column.nullable else "")


def erase(session: Session, households: Iterable[Household], on: date, open_visits: bool = True) -> dict:
    """Clear the personal data of `households` and mark them erased on `on`; the counts of
    what went (nothing personal in them, for the audit row). `open_visits`: also drop the
    visits not done yet (a household that withdrew is visited no more)."""
    households = [h for h in households if h.erased_on is None]
    ids = [h.id for h in households]
    if not ids:
        return {"households": 0}
    for household in households:
        _clear_person(household)
        household.erased_on = on
    counts = {"households": len(ids)}
    if open_visits:
        counts["open_visits"] = session.execute(delete(FollowUp).where(
            FollowUp.household_id.in_(ids), FollowUp.status != "done")).rowcount
    visits = (update(FollowUp).where(FollowUp.household_id.in_(ids))
              .values(data={}, **{name: "" for name in VISIT_TEXT}, version=FollowUp.version + 1))
    counts["visits"] = session.execute(visits, execution_options={"synchronize_session": False}).rowcount
    counts["funds"] = session.execute(update(CommunityFund).where(CommunityFund.household_id.in_(ids))
                                      .values(purpose=""), execution_options={"synchronize_session": False}).rowcount
    session.execute(update(GroupMember).where(GroupMember.household_id.in_(ids)).values(name=""),
                    execution_options={"synchronize_session": False})
    counts["changes"] = session.execute(delete(HouseholdChange).where(HouseholdChange.household_id.in_(ids))).rowcount
    counts["photos"] = sum(eraser(session, ids) for eraser in PHOTO_ERASERS)
    session.flush()
    return counts


def withdraw(session: Session, household: Household, on: date) -> dict:
    """Consent withdrawn: out of the programme from `on` (the leaving rule: out of every
    denominator from that day, still listed; an earlier leaving day stays) and erased."""
    if household.left_on is None:
        household.left_on, household.left_reason = on, "withdrew"
    return erase(session, [household], on)


# --- retention -------------------------------------------------------------------------

def stale_drafts(session: Session, now: datetime, days: int, dry_run: bool) -> dict:
    """Interview drafts untouched for `days` are deleted; a visit checklist's draft answers
    are dropped (the visit itself stays due)."""
    before = now - timedelta(days=days)
    interviews = HouseholdDraft.updated_at < before
    visits = (FollowUp.status == "draft", FollowUp.updated_at < before)
    counts = {"interview_drafts": session.scalar(select(func.count()).where(interviews)),
              "visit_drafts": session.scalar(select(func.count()).select_from(FollowUp).where(*visits))}
    if not dry_run:
        session.execute(delete(HouseholdDraft).where(interviews))
        session.execute(update(FollowUp).where(*visits).values(status="due", step=1, data={},
                                                                version=FollowUp.version + 1),
                        execution_options={"synchronize_session": False})
    return counts


def last_year_to_anonymise(today: date, years: int) -> int:
    """The latest fiscal year that closed more than `years` years before `today`
    (on 24 Nov 2026, FY 2570, with 5 years: FY 2564, which ended on 30 Sep 2021)."""
    return fiscal_year(today) - years - 1


def anonymise_closed_years(session: Session, today: date, years: int, dry_run: bool, batch: int = 500) -> dict:
    """Erase the personal data of every household of a fiscal year closed more than `years`
    years ago (they do not leave: the year is over). Already erased ones are skipped."""
    old = (Household.fiscal_year <= last_year_to_anonymise(today, years), Household.erased_on.is_(None))
    total = session.scalar(select(func.count()).select_from(Household).where(*old))
    counts = {"households": total}
    if dry_run or not total:
        return counts
    while chunk := list(session.scalars(select(Household).where(*old).order_by(Household.id).limit(batch))):
        done = erase(session, chunk, today, open_visits=False)
        for key in ("visits", "funds", "changes", "photos"):
            counts[key] = counts.get(key, 0) + done[key]
    return counts

