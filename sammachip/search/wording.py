"""The search page's words: each row's role and place, the hint for what was typed."""
from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..domain import geo, thai_id
from ..labels import HOUSEHOLD_STATUSES, TEAM_LEVELS, TEAM_ORGANISATIONS, label, role_label
from ..templating import lang

HINTS = {
    "short": _l("พิมพ์ชื่อ (อย่างน้อย 2 ตัวอักษร) เบอร์โทรศัพท์ หรือเลขประจำตัวประชาชน 4 ตัวท้าย"),
    "number": _l("พิมพ์เบอร์โทรศัพท์ให้ครบทั้งเบอร์ หรือเลขประจำตัวประชาชน 4 ตัวท้าย"),
}


def hint(kind: str) -> str:
    return str(HINTS.get(kind, ""))


def village_place(village) -> str:
    return _("บ้าน%(name)s หมู่ %(moo)s ต.%(t)s", name=village.name, moo=village.moo,
             t=geo.subdistrict_name(village.subdistrict_code, lang()))


def household_role(row) -> str:
    if row.left_on:
        return _("ครัวเรือน ปี %(fy)s · ออกจากโครงการ", fy=row.fiscal_year)
    return _("%(status)s ปี %(fy)s", status=label(HOUSEHOLD_STATUSES, row.status), fy=row.fiscal_year)


def sage_role(row) -> str:
    return _("ปราชญ์ชุมชน · %(role)s ปี %(fy)s", role=role_label(row.role), fy=row.fiscal_year)


def member_role(row) -> str:
    organisation = row.organisation_other or label(TEAM_ORGANISATIONS[row.level], row.organisation)
    return _("%(team)s · %(org)s ปี %(fy)s", team=label(TEAM_LEVELS, row.level), org=organisation, fy=row.fiscal_year)


def member_place(row) -> str:
    if row.level == "tambon":
        return _("ต.%(t)s อ.%(d)s", t=geo.subdistrict_name(row.area_code, lang()),
                 d=geo.district_name(row.area_code[:4], lang()))
    return _("อ.%(d)s", d=geo.district_name(row.area_code, lang()))


@dataclass(frozen=True)
class Row:
    href: str
    name: str
    role: str
    place: str
    masked_id: str = ""


def sections(found) -> list[tuple[str, list[Row]]]:
    """The found rows as the page lists them, under a heading per kind (kinds with none left out)."""
    masked = lambda last4: thai_id.masked_tail(last4) if last4 else ""  # noqa: E731
    parts = [
        (_("ครัวเรือน"), [Row(url_for("households.show", household_id=r.id), r.head_name, household_role(r),
                               village_place(r.Village), masked(r.national_id_last4)) for r in found.households]),
        (_("ปราชญ์ชุมชน"), [Row(url_for("sages.show", sage_id=r.id), r.name, sage_role(r), village_place(r.Village),
                                 masked(r.national_id_last4)) for r in found.sages]),
        (_("ทีมสนับสนุน"), [Row(url_for("teams.show", area_code=r.area_code, fy=r.fiscal_year), r.name,
                                 member_role(r), member_place(r)) for r in found.members]),
    ]
    return [(heading, rows) for heading, rows in parts if rows]
