"""The statements the group pages need, each scoped to the user's area."""
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from ..access import in_area_or_404
from ..domain.areas import village_filter
from ..domain.groups import groups_of_village
from ..extensions import db
from ..models import GroupMember, GroupStatusChange, Household, OccupationalGroup, OtopProduct, Village


def village_groups(village: Village) -> list[tuple[OccupationalGroup, int, int]]:
    """Each group of the village (and its tambon's), with its current members and products: three queries."""
    groups = groups_of_village(db.session, village)
    ids = [g.id for g in groups]
    members = dict(db.session.execute(select(GroupMember.group_id, func.count()).where(
        GroupMember.group_id.in_(ids), GroupMember.left_on.is_(None)).group_by(GroupMember.group_id)).all())
    products = dict(db.session.execute(select(OtopProduct.group_id, func.count()).where(
        OtopProduct.group_id.in_(ids)).group_by(OtopProduct.group_id)).all())
    return [(g, members.get(g.id, 0), products.get(g.id, 0)) for g in groups]


def current_members(group_id: int) -> list[GroupMember]:
    return list(db.session.scalars(select(GroupMember).where(GroupMember.group_id == group_id,
                                                             GroupMember.left_on.is_(None))
                                   .order_by(GroupMember.household_id.is_(None), GroupMember.id)))


def history(group_id: int) -> list[GroupStatusChange]:
    return list(db.session.scalars(select(GroupStatusChange).where(GroupStatusChange.group_id == group_id)
                                   .order_by(GroupStatusChange.changed_on.desc(), GroupStatusChange.id.desc())))


def products(group_id: int) -> list[OtopProduct]:
    return list(db.session.scalars(select(OtopProduct).where(OtopProduct.group_id == group_id)
                                   .order_by(OtopProduct.name, OtopProduct.id)))


def household_choices(group: OccupationalGroup, village: Village) -> list[tuple[str, str]]:
    """The programme's registered households a group may take: of its village (a tambon-wide group: of
    the tambon's villages in the user's area), newest year first."""
    where = (Village.subdistrict_code == village.subdistrict_code) if group.tambon_wide else (Village.id == village.id)
    rows = db.session.execute(select(Household.id, Household.head_name, Household.fiscal_year, Village.moo)
                              .join(Village, Village.id == Household.village_id)
                              .where(where, village_filter(current_user), Household.status == "registered")
                              .order_by(Household.fiscal_year.desc(), Village.moo, Household.head_name))
    return [(str(hid), _("%(name)s (ปี %(fy)s หมู่ %(moo)s)", name=name, fy=fy, moo=moo))
            for hid, name, fy, moo in rows]


def product_or_404(product_id: int) -> OtopProduct:
    return in_area_or_404(OtopProduct, product_id, OccupationalGroup, OccupationalGroup.id == OtopProduct.group_id)
