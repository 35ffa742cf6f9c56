"""Target villages (หมู่บ้านเป้าหมาย): which villages the programme works in, per fiscal year.

A village-year's records (sages, households, interview drafts, training days,
step marks) belong to its target row: making one makes the row (`ensure_target`,
run after every flush that adds such a record, whoever adds it). Villages that are
not targets in a year are not counted in that year's figures and lists. A district
ticks its targets per year, starting from the year before's list.
"""
from sqlalchemy import event, func, select, union
from sqlalchemy.orm import Session

from ..models import Household, HouseholdDraft, Sage, TargetVillage, TrainingDay, Village, VillageStepMark
from ..models.base import dialect_insert, utcnow
from .facts_keys import touch_connection

HOLDING = (Sage, Household, HouseholdDraft, TrainingDay, VillageStepMark)


def ensure_target(connection, pairs) -> None:
    """Make (village_id, fiscal_year) targets, once each, whatever runs at the same moment."""
    rows = [{"village_id": v, "fiscal_year": fy, "created_at": utcnow()} for v, fy in sorted(set(pairs))]
    if rows:
        connection.execute(dialect_insert(connection, TargetVillage.__table__)
                           .on_conflict_do_nothing(index_elements=["village_id", "fiscal_year"]), rows)
        touch_connection(connection, [("pair", r["village_id"], r["fiscal_year"]) for r in rows])  # their facts


def _after_flush(session: Session, _context) -> None:
    pairs = [(r.village_id, r.fiscal_year) for r in session.new if isinstance(r, HOLDING)]
    if pairs:
        ensure_target(session.connection(), pairs)


def keep_targets() -> None:
    """Every session's new records make their village-year a target (called once, by the app factory)."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)


def targets_in(fiscal_year: int):
    """SQL condition on Village: a target in the year."""
    return Village.id.in_(select(TargetVillage.village_id).where(TargetVillage.fiscal_year == fiscal_year))


def latest_target_year(session: Session, village_id: int) -> int | None:
    return session.scalar(select(func.max(TargetVillage.fiscal_year)).where(TargetVillage.village_id == village_id))


def target_years(session: Session, where=None) -> list[int]:
    """Years with target villages (in the area `where`, a condition on Village), newest first."""
    query = select(TargetVillage.fiscal_year).distinct()
    if where is not None:
        query = query.join(Village, Village.id == TargetVillage.village_id).where(where)
    return sorted(session.scalars(query), reverse=True)


def held(session: Session, where, fiscal_year: int) -> set[int]:
    """Villages (in `where`) holding records of the year: they stay targets."""
    ids = union(*(select(m.village_id).where(m.fiscal_year == fiscal_year) for m in HOLDING)).subquery()
    return set(session.scalars(select(Village.id).where(where, Village.id.in_(select(ids.c.village_id)))))


def ticked(session: Session, where, fiscal_year: int) -> tuple[set[int], bool]:
    """The year's targets in `where`; a year without any starts from the year before's (copied: True)."""
    def of(year):
        return set(session.scalars(select(Village.id).where(where, targets_in(year))))

    own = of(fiscal_year)
    return (own, False) if own else (of(fiscal_year - 1), True)


def set_targets(session: Session, where, fiscal_year: int, wanted: set[int]) -> set[int]:
    """Make the year's targets in `where` the `wanted` villages; those holding records stay.
    Returns the villages kept although unticked."""
    area = set(session.scalars(select(Village.id).where(where)))
    keep = held(session, where, fiscal_year)
    refused = keep - wanted
    wanted = (wanted & area) | keep
    current = set(session.scalars(select(Village.id).where(where, targets_in(fiscal_year))))
    gone = current - wanted
    if gone:
        session.execute(TargetVillage.__table__.delete().where(
            TargetVillage.fiscal_year == fiscal_year, TargetVillage.village_id.in_(gone)))
    ensure_target(session.connection(), [(v, fiscal_year) for v in wanted - current])
    return refused
