"""Village lists in one query each, whatever the number of villages."""
from sqlalchemy import case, func, select

from ..domain.areas import village_filter
from ..extensions import db
from ..models import User, Village


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
