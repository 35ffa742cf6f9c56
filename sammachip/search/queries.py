"""The search's three statements (households, sages, team members), each inside the user's area.

Each asks for one row more than is shown, so the page knows there are more; nothing is decrypted:
names by their stored key, phones and whole IDs by the keyed hash, IDs by the stored last four.
"""
from dataclasses import dataclass

from flask_login import current_user
from sqlalchemy import false, func, select

from ..domain.areas import district_filter, village_filter
from ..domain.search import Query
from ..extensions import db
from ..models import Household, Person, Sage, SupportTeam, SupportTeamMember, Village
from ..models.sealed import id_hashes, phone_hashes

LIMIT = 30


@dataclass(frozen=True)
class Found:
    households: list
    sages: list
    members: list
    more: bool

    @property
    def count(self) -> int:
        return len(self.households) + len(self.sages) + len(self.members)


def matching(query: Query, name, phone_hash, last4=None, id_hash=None):
    """The condition for one kind of row (None: the query cannot match it)."""
    if query.kind == "name":
        return name.contains(query.value, autoescape=True)
    if query.kind == "phone":
        return phone_hash.in_(phone_hashes(query.value))
    if query.kind == "last4" and last4 is not None:
        return last4 == query.value
    if query.kind == "national_id" and id_hash is not None:
        return id_hash.in_(id_hashes(query.value))
    return false()


def households(query: Query) -> list:
    where = matching(query, Household.search_name, Household.phone_hash, Household.national_id_last4,
                     Household.national_id_hash)
    return db.session.execute(
        select(Household.id, Household.head_name, Household.fiscal_year, Household.status, Household.left_on,
               Household.national_id_last4, Village)
        .join(Village, Village.id == Household.village_id)
        .where(where, village_filter(current_user), Household.erased_on.is_(None))
        .order_by(Household.search_name, Household.fiscal_year.desc(), Household.id).limit(LIMIT + 1)).all()


def sages(query: Query) -> list:
    """A person once, as their latest sage row in the area that matches."""
    where = matching(query, Sage.search_name, Sage.phone_hash, Person.national_id_last4, Person.national_id_hash)
    latest = (select(func.max(Sage.id)).join(Person, Person.id == Sage.person_id)
              .join(Village, Village.id == Sage.village_id)
              .where(where, village_filter(current_user)).group_by(Sage.person_id))
    return db.session.execute(
        select(Sage.id, Sage.name, Sage.fiscal_year, Sage.role, Person.national_id_last4, Village)
        .join(Person, Person.id == Sage.person_id).join(Village, Village.id == Sage.village_id)
        .where(Sage.id.in_(latest.scalar_subquery()))
        .order_by(Sage.search_name, Sage.id).limit(LIMIT + 1)).all()


def members(query: Query) -> list:
    """A member once per team area, as on the latest roster that names them."""
    where = matching(query, SupportTeamMember.search_name, SupportTeamMember.phone_hash)
    latest = (select(func.max(SupportTeamMember.id)).join(SupportTeam, SupportTeam.id == SupportTeamMember.team_id)
              .where(where, district_filter(current_user, SupportTeam.district_code))
              .group_by(SupportTeam.area_code, SupportTeamMember.search_name))
    return db.session.execute(
        select(SupportTeamMember.id, SupportTeamMember.name, SupportTeamMember.organisation,
               SupportTeamMember.organisation_other, SupportTeam.level, SupportTeam.area_code, SupportTeam.fiscal_year)
        .join(SupportTeam, SupportTeam.id == SupportTeamMember.team_id)
        .where(SupportTeamMember.id.in_(latest.scalar_subquery()))
        .order_by(SupportTeamMember.search_name, SupportTeamMember.id).limit(LIMIT + 1)).all()


def find(query: Query) -> Found:
    """Up to LIMIT rows, households first, then sages, then team members; three statements at most."""
    if query.kind in ("short", "number"):
        return Found([], [], [], False)
    left = LIMIT
    found = {}
    for kind, statement in (("households", households), ("sages", sages), ("members", members)):
        rows = statement(query)
        found[kind], left = rows[:max(left, 0)], left - len(rows)
    return Found(**found, more=left < 0)
