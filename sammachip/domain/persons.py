"""A sage is one person across villages and years, known by national ID, never by phone.

Every sage row points to a person. A row made without an ID gets a person of its
own (`keep_persons`, on every flush, whoever adds the row); two rows become one
person when the same valid ID is entered on both (`link`). What is known of the
person elsewhere (`history`) is worded by the sages blueprint, inside the user's
area rules.
"""
from dataclasses import dataclass

from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session

from ..models import Person, Sage, Village
from ..models.sealed import id_hashes


def _before_flush(session: Session, _context, _instances) -> None:
    for row in session.new:
        if isinstance(row, Sage) and row.person is None and row.person_id is None:
            row.person = Person(name=row.name)


def keep_persons() -> None:
    """Every new sage row without a person gets its own (called once, by the app factory)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)


def sages_of(session: Session, person_id: int) -> int:
    return session.scalar(select(func.count()).select_from(Sage).where(Sage.person_id == person_id))


def link(session: Session, sage: Sage, national_id: str) -> bool:
    """Point the sage at the person with this (normalised, valid) ID, or give its person the ID.

    An empty ID leaves an ID-less person as it is and detaches the sage from a person known
    by ID. A person left without sage rows is deleted. Returns True when the sage joined a
    person who was already known by this ID (the page then says what is known of them).
    """
    session.flush()  # a new sage has its own person by now
    current = sage.person
    if not national_id:
        if current.national_id:
            sage.person = Person(name=sage.name)
            _drop_if_unused(session, current)
        return False
    if current.national_id == national_id:
        current.name = sage.name
        return False
    known = session.scalar(select(Person).where(Person.national_id_hash.in_(id_hashes(national_id))))
    if known is not None:
        if current.national_id is None:  # everything recorded of the ID-less person is this person's
            session.execute(update(Sage).where(Sage.person_id == current.id).values(person_id=known.id))
            session.expire_all()
            session.delete(session.get(Person, current.id))
        else:
            sage.person = known
            _drop_if_unused(session, current)
        return True
    if current.national_id is None or sages_of(session, current.id) == 1:
        current.national_id, current.name = national_id, sage.name  # the ID typed, or corrected
    else:
        sage.person = Person(name=sage.name, national_id=national_id)
    return False


def _drop_if_unused(session: Session, person: Person) -> None:
    session.flush()
    if sages_of(session, person.id) == 0:
        session.delete(person)


@dataclass(frozen=True)
class Known:
    """One other row of the person: a year's role in a village."""
    role: str | None
    fiscal_year: int
    village: Village


def history(session: Session, sage: Sage) -> list[Known]:
    """The person's other sage rows, newest year first (one query)."""
    rows = session.execute(select(Sage.role, Sage.fiscal_year, Village).join(Village, Village.id == Sage.village_id)
                           .where(Sage.person_id == sage.person_id, Sage.id != sage.id)
                           .order_by(Sage.fiscal_year.desc(), Sage.role.desc().nulls_last(), Village.code))
    return [Known(role, fy, village) for role, fy, village in rows]
