"""Village lists in one query each, whatever the number of villages."""
from sqlalchemy import case, func, select
from sqlalchemy.orm import selectinload

from ..domain.areas import village_filter
from ..domain.indicators import for_village, households_of_village
from ..domain.team import team_of
from ..extensions import db
from ..models import Attendance, Household, TrainingDay, User, UserSubdistrict, Village


def villages_of_district(user: User, district_code: str, subdistrict_code: str | None = None):
    """The district's villages, the user's own subdistricts first."""
    mine = user.coordinated_codes
    query = select(Village).where(village_filter(user), Village.district_code == district_code)
    if subdistrict_code:
        query = query.where(Village.subdistrict_code == subdistrict_code)
    order = [Village.subdistrict_code, Village.moo]
    if mine:
        order.insert(0, case((Village.subdistrict_code.in_(mine), 0), else_=1))
    return db.session.scalars(query.order_by(*order)).all()


def village_counts_by_district(user: User) -> list[tuple[str, int]]:
    rows = db.session.execute(
        select(Village.district_code, func.count())
        .where(village_filter(user))
        .group_by(Village.district_code)
        .order_by(Village.district_code)
    )
    return [(code, count) for code, count in rows]


def coordinating_officers(village: Village) -> list[str]:
    """The names of the active officers who coordinate the village's subdistrict."""
    return list(db.session.scalars(
        select(func.coalesce(func.nullif(User.full_name, ""), User.username))
        .join(UserSubdistrict, UserSubdistrict.user_id == User.id)
        .where(UserSubdistrict.subdistrict_code == village.subdistrict_code, User.active.is_(True))
        .order_by(User.full_name, User.id)))


def report_of(village: Village, fiscal_year: int, cutoff) -> dict:
    """What the village year-end report lists: team, households with their part in the
    indicators, training days with attendance, both indicators, the officers."""
    days = db.session.scalars(select(TrainingDay).where(
        TrainingDay.village_id == village.id, TrainingDay.fiscal_year == fiscal_year)
        .options(selectinload(TrainingDay.learning_centre)).order_by(TrainingDay.day_no)).all()
    attended = dict(db.session.execute(
        select(Attendance.day_id, func.count()).where(Attendance.day_id.in_([d.id for d in days]))
        .group_by(Attendance.day_id)).all())
    return {
        "team": sorted(team_of(db.session, village.id, fiscal_year), key=lambda s: (s.role != "lead", s.name)),
        "households": db.session.scalars(select(Household).where(
            Household.village_id == village.id, Household.fiscal_year == fiscal_year,
            Household.status == "registered").order_by(Household.head_name, Household.id)).all(),
        "parts": households_of_village(db.session, village.id, fiscal_year, cutoff),
        "days": days,
        "attended": attended,
        "ind": for_village(db.session, village.id, fiscal_year, cutoff),
        "officers": coordinating_officers(village),
    }
