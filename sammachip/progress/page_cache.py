"""The district dashboard, cheap to serve again (page_bodies.py): its body, and the cards an htmx
filter or "the next 50" asks for, are made once per key and kept server-side.

The key: the district, the year, the filter and page, the whole page or the cards alone, the rules
version and, of every village of the district, how many there are and two sums of their data versions
(each made anew by every write to the village's records: domain/data_versions.py). A write to any of
its villages, a village added, moved in or out, or made a target in any year changes them; the role,
the locale and the Bangkok date are in the key too (page_bodies.body_key). A hit costs one statement
besides the signed-in user.
"""
from urllib.parse import urlencode

from flask import render_template
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy import bindparam, func, select

from ..domain import geo
from ..domain.data_versions import RULES, version_of, village_name_sql
from ..domain.programme import rules_for
from ..extensions import db
from ..models import DataVersion, Village
from ..page_bodies import body_key, kept_body
from ..years import picker_years
from .outcomes import outcomes
from .queries import PAGE_SIZE, district_rows

HALF = 2 ** 31  # versions are 62-bit: summed as two halves, no sum overflows SQLite's 64-bit integers
_VERSION = DataVersion.version
_VERSIONS = (select(func.count(), func.coalesce(func.sum(_VERSION % HALF), 0),
                    func.coalesce(func.sum(_VERSION // HALF), 0), version_of(RULES))
             .select_from(Village).outerjoin(DataVersion, DataVersion.name == village_name_sql(Village.id))
             .where(Village.district_code == bindparam("district")))


def _versions(district_code: str) -> tuple:
    villages, low, high, rules = db.session.connection().execute(_VERSIONS, {"district": district_code}).one()
    return villages, int(low), int(high), rules or 0


def district_page(district_code: str, fy: int, args: dict, page: int, cards_only: bool):
    """The dashboard (or its cards alone, for htmx) from its kept body, made and kept on a miss."""
    versions = _versions(district_code)
    # The filter URL-encoded: typed values cannot run into the key's other parts.
    key = body_key("district-page", district_code, fy, urlencode(sorted(args.items())), page,
                   "cards" if cards_only else "page", *versions)
    if page > max(1, -(-versions[0] // PAGE_SIZE)):  # past the last page: empty, and not kept (no key per number)
        body = _render(district_code, fy, args, page, cards_only)
    else:
        body = kept_body(key, lambda: _render(district_code, fy, args, page, cards_only), versions,
                         lambda: _versions(district_code))
    if cards_only:
        return body
    return render_template("progress/district.html", district=district_code,
                           body=Markup(body))  # nosec B704: the template's own autoescaped output


def _render(district_code: str, fy: int, args: dict, page: int, cards_only: bool) -> str:
    rows, counts, totals, matched, kpi = district_rows(district_code, fy, **args, page=page)
    subdistricts = geo.subdistricts(district_code)
    cards = {"rows": rows, "matched": matched, "page": page, "rows_per_page": PAGE_SIZE, "fy": fy, "args": args,
             "district": district_code, "programme": rules_for(fy), "sub_labels": sub_labels(subdistricts)}
    if cards_only:  # a filter or the next page: the cards alone
        return render_template("progress/_district_rows.html", **cards)
    return render_template("progress/_district_body.html", **cards, counts=counts, totals=totals,
                           subdistricts=subdistricts, out=outcomes(Village.district_code == district_code, fy, kpi),
                           years=picker_years(fy, Village.district_code == district_code))


def sub_labels(subdistricts) -> dict:
    """Subdistrict code → its label on a card, translated once, not once a card."""
    return {code: _("ต.%(t)s", t=name) for code, name in subdistricts}
