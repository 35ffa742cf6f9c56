"""The village page, cheap to serve again: its body is rendered once per key and kept server-side
(Flask-Caching, `CACHE_TYPE`), the layout around it (CSRF token, the user's area, flashes) and
the officer's own drafts are made for each request. The page stays `private, no-store`.

The key: the village, the year asked (or "latest"), the village's data version and the rules version
(bumped in the same transaction as every write that changes what the body shows, the village's own
row and its target years included: domain/facts_hooks.py), the role (what the body offers depends on
it alone), the locale and the Bangkok date (figures are as of today). The village's name, district
and year are kept with the body, so a hit costs one statement besides the signed-in user (the
officer's drafts a second, when the officer has some in the village); the area is checked on each.
"""
from typing import NamedTuple

from flask import g, render_template
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import bindparam, select

from ..access import refuse, village_or_404
from ..domain.areas import covers
from ..domain.clock import figures_day
from ..domain.data_versions import RULES, version_of, village_name
from ..domain.groups import funnel
from ..domain.permissions import can_edit
from ..domain.progress import facts_of_village, steps_of
from ..extensions import db
from ..households.queries import households_section, my_drafts
from ..models import HouseholdDraft, Village
from ..page_bodies import body_key, kept_body
from ..sages.queries import team_section
from ..years import asked_year, picker_years, village_year

SLOT = Markup("<!--drafts-->")  # nosec B704: a constant, where the officer's own drafts go in the body


class Kept(NamedTuple):
    """What is kept under a key: the body and what the layout and the area check need of the village."""
    name: str
    district_code: str
    fy: int
    body: str


# Built once, and as small as a hit can be: the two versions and whether this officer has drafts here
# (any year: then they are read for the page's year). The village's own columns and its latest target
# year are kept with the body: a statement that also read them cost 0.1 ms more a hit on PostgreSQL.
_HIT = select(
    version_of(bindparam("village_version")), version_of(RULES),
    select(HouseholdDraft.id).where(HouseholdDraft.village_id == bindparam("village"),
                                    HouseholdDraft.officer_id == bindparam("officer")).exists(),
)


def _versions(village_id: int) -> tuple:
    return version_of(village_name(village_id)), version_of(RULES)


def _render_body(village: Village, fy: int) -> tuple[str, list]:
    """The body as of now (with SLOT where the drafts go), and the user's drafts it read."""
    team = team_section(village, fy)
    hh = households_section(village, fy, team["team"])
    facts = facts_of_village(db.session, village.id, fy, figures_day(fy), team["team"], hh["all"])
    body = render_template("villages/_body.html", village=village, fy=fy, team=team, hh=hh, facts=facts,
                           funnel=funnel(db.session, village.id, fy, figures_day(fy), facts.ind),
                           steps=steps_of(facts), ind=facts.ind, programme=facts.rules,
                           years=picker_years(fy, Village.id == village.id), drafts_slot=SLOT)
    return body, hh["drafts"]


def village_page(village_id: int) -> str:
    """The whole village page: the kept body (made and kept on a miss) with this user's parts."""
    asked = asked_year()
    *versions, has_drafts = db.session.connection().execute(_HIT, {
        "village": village_id, "officer": current_user.id, "village_version": village_name(village_id)}).one()
    made = {}

    def make() -> Kept:
        village = village_or_404(village_id)  # a village outside the area makes no body
        fy = village_year(village.id)
        body, made["drafts"] = _render_body(village, fy)
        return Kept(village.name, village.district_code, fy, body)

    kept = kept_body(body_key("village-page", village_id, asked or "latest", *(v or 0 for v in versions)),
                     make, versions, lambda: db.session.execute(select(*_versions(village_id))).one())
    if not covers(current_user, kept.district_code):
        refuse(404)
    g.page_fy = kept.fy  # links the layout makes keep the page's year
    # This officer's drafts: read with the body when it was made, else read now if there are some.
    drafts = [] if not can_edit(current_user) else made["drafts"] if made else \
        my_drafts(village_id, kept.fy) if has_drafts else []
    own = render_template("households/_drafts.html", drafts=drafts) if drafts else ""
    page = Markup(kept.body.replace(SLOT, own, 1))  # nosec B704: two of the templates' own autoescaped outputs
    return render_template("villages/show.html", village_name=kept.name, body=page)
