"""The dashboards' groups and OTOP figures: the 10 % KPI with its n, groups by occupation, products by type
and stars. Aggregated in SQL, a fixed number of queries whatever the number of villages."""
from flask_babel import get_locale
from flask_babel import gettext as _

from ..domain.clock import figures_day
from ..domain.groups import group_kpi, groups_by_occupation, products_by_type
from ..domain.programme import rules_for
from ..extensions import db
from ..labels import OTOP_TYPES


def outcomes(where, fy: int, by_district: dict | None = None) -> dict:
    """`where`: the area (a condition on Village). Figures as of the year's cut-off. `by_district`:
    the groups' KPI when the caller has it from the villages' facts (progress/queries.district_rows)."""
    cutoff, rules = figures_day(fy), rules_for(fy)
    if by_district is None:
        by_district = group_kpi(db.session, where, fy, cutoff)
    targets = sum(k["targets"] for k in by_district.values())
    done = sum(k["done"] for k in by_district.values())
    english = str(get_locale() or "th") == "en"
    occupations = [((en if english and en else th) or other or _("ไม่ระบุอาชีพ"), n, active)
                   for th, en, other, n, active in groups_by_occupation(db.session, where, cutoff)]
    found = products_by_type(db.session, where, cutoff)
    products = [(code, name, sum(found.get(code, {}).values()), found.get(code, {})) for code, name in OTOP_TYPES]
    return {"targets": targets, "done": done, "share": done / targets if targets else None,
            "target": rules.group_target, "on_target": bool(targets) and done >= targets * rules.group_target,
            "by_district": by_district, "occupations": occupations, "products": products,
            "products_total": sum(p[2] for p in products), "cutoff": cutoff}
