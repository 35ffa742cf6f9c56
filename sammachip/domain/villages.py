"""Rules for a village's place: one หมู่ number per subdistrict."""
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..models import Village


class DuplicateVillage(Exception):
    def __init__(self, existing: Village):
        super().__init__(existing.code)
        self.existing = existing


def find_at(session: Session, subdistrict_code: str, moo: int) -> Village | None:
    return session.scalar(
        select(Village).where(Village.subdistrict_code == subdistrict_code, Village.moo == moo)
    )


def save_village(session: Session, village: Village, subdistrict_code: str, moo: int, name: str) -> Village:
    """Place and name the village; raise DuplicateVillage if the หมู่ is taken.

    The check before the write gives the friendly error; the unique
    constraint catches two officers adding the same หมู่ at the same moment.
    """
    existing = find_at(session, subdistrict_code, moo)
    if existing is not None and existing is not village:
        raise DuplicateVillage(existing)
    village.place(subdistrict_code, moo)
    village.name = name
    try:
        with session.begin_nested():
            session.add(village)
    except IntegrityError:
        existing = find_at(session, subdistrict_code, moo)
        if existing is None:
            raise
        raise DuplicateVillage(existing) from None
    return village


def lock_village(session: Session, village_id: int) -> None:
    """Serialise changes to one village's team and households.

    PostgreSQL: a row lock held to the end of the transaction. SQLite:
    writing requests already hold the database write lock (BEGIN IMMEDIATE),
    and SQLAlchemy leaves FOR UPDATE out.
    """
    session.execute(select(Village.id).where(Village.id == village_id).with_for_update())
