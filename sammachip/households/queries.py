"""Households and drafts within the user's area, in a fixed number of queries."""
from flask_login import current_user
from sqlalchemy import func, select

from ..domain import thai_id
from ..domain.areas import village_filter
from ..domain.households import poverty_line, trainer_loads
from ..domain.phone import normalize as normalize_phone
from ..domain.team import team_of
from ..extensions import db
from ..forms_common import OTHER, as_bool
from ..models import Household, HouseholdChange, HouseholdDraft, User, Village


def my_draft(token: str) -> HouseholdDraft | None:
    """Drafts belong to the officer who interviewed; nobody else resumes them."""
    return db.session.scalar(
        select(HouseholdDraft).join(Village, Village.id == HouseholdDraft.village_id)
        .where(HouseholdDraft.token == token, HouseholdDraft.officer_id == current_user.id,
               village_filter(current_user)))


def households_section(village: Village, fiscal_year: int, team: list | None = None, with_line: bool = False) -> dict:
    """The village's households: per-trainer seats, unassigned, reserve, my drafts.
    `team` may be passed in when the page has loaded it already."""
    households = list(db.session.scalars(
        select(Household).where(Household.village_id == village.id, Household.fiscal_year == fiscal_year)
        .order_by(Household.head_name)))
    if team is None:
        team = team_of(db.session, village.id, fiscal_year)
    team = sorted(team, key=lambda s: (s.role != "lead", s.name))
    drafts = my_drafts(village.id, fiscal_year)
    registered = [h for h in households if h.status == "registered"]
    return {
        "registered": registered,
        "reserve": [h for h in households if h.status == "reserve"],
        "by_trainer": {s.id: [h for h in registered if h.trainer_id == s.id] for s in team},
        "unassigned": [h for h in registered if h.trainer_id is None],
        "all": households,
        "team": team,
        "drafts": drafts,
        "line": poverty_line(db.session, fiscal_year) if with_line else None,
    }


def my_drafts(village_id: int, fiscal_year: int) -> list[HouseholdDraft]:
    """The signed-in officer's own unfinished interviews in this village-year, the latest first."""
    return list(db.session.scalars(
        select(HouseholdDraft).where(HouseholdDraft.village_id == village_id,
                                     HouseholdDraft.officer_id == current_user.id,
                                     HouseholdDraft.fiscal_year == fiscal_year)
        .order_by(HouseholdDraft.updated_at.desc())))


def trainer_choices(village_id: int, fiscal_year: int):
    """Team members with their loads, for the assignment select."""
    team = sorted(team_of(db.session, village_id, fiscal_year), key=lambda s: (s.role != "lead", s.name))
    return team, trainer_loads(db.session, village_id, fiscal_year)


def changes_of(household_id: int) -> list[tuple[HouseholdChange, str]]:
    """Each change with the name of who made it."""
    return list(db.session.execute(
        select(HouseholdChange, func.coalesce(func.nullif(User.full_name, ""), User.username))
        .outerjoin(User, User.id == HouseholdChange.user_id)
        .where(HouseholdChange.household_id == household_id).order_by(HouseholdChange.changed_at.desc())).all())


def household_from(draft: HouseholdDraft, forms: dict, user_id: int) -> Household:
    """The household an interview's checked steps describe."""
    head, living, need, assign = forms[2], forms[3], forms[4], forms[5]
    other = need.need_occupation.data == OTHER
    reserve = assign.status.data == "reserve"
    return Household(
        village_id=draft.village_id, fiscal_year=draft.fiscal_year, submit_token=draft.token,
        status=assign.status.data, head_name=head.head_name.data,
        national_id=thai_id.normalize(head.national_id.data),
        phone=normalize_phone(head.phone.data) if head.phone.data else "",
        house_no=head.house_no.data or "", members=head.members.data,
        main_occupation=living.main_occupation.data, income_per_year=living.income_per_year.data,
        occupation_income_per_year=need.occupation_income_per_year.data,
        need_occupation_id=None if other else int(need.need_occupation.data),
        need_occupation_other=need.need_occupation_other.data if other else "",
        need_reason=need.need_reason.data or "", committed=as_bool(need.committed.data),
        trainer_id=None if reserve or not assign.trainer.data else int(assign.trainer.data),
        consent_at=draft.consent_at, consent_by_id=draft.officer_id, consent_notice_id=draft.consent_notice_id,
        created_by_id=user_id)
