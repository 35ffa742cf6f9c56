"""The village page, cheap to serve again: its body is rendered once per key and kept server-side
(Flask-Caching, `CACHE_TYPE`), the layout around it (CSRF token, the user's area, flashes) and
the officer's own drafts are made for each request. The page stays `private, no-store`.

The key: the village-year, the village's data version and the rules version (bumped in the same
transaction as every write that changes what the body shows: domain/facts_hooks.py), the role
(what the body offers depends on it alone), the locale and the Bangkok date (figures are as of
today). A hit costs one statement besides the signed-in user (the officer's drafts a second, when
the officer has some in the village).
"""
from flask import render_template
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import bindparam, func, select

from ..access import refuse
from ..domain.areas import covers
from ..domain.clock import figures_day
from ..domain.data_versions import RULES, version_of, village_name
from ..domain.groups import funnel
from ..domain.permissions import can_edit
from ..domain.progress import facts_of_village, steps_of
from ..extensions import db
from ..households.queries import households_section, my_drafts
from ..models import HouseholdDraft, TargetVillage, Village
from ..page_bodies import body_key, kept_body
from ..sages.queries import team_section
from ..years import picker_years, village_year_of

SLOT = Markup("<!--drafts-->")  # nosec B704: a constant, where the officer's own drafts go in the body


# Built once: the page's one statement is its hottest, and building and compiling it per request cost
# ten times its run (0.4 ms against 0.03 ms on SQLite). Columns through Core, no ORM object on a hit.
_HEAD = select(
    Village.id, Village.name, Village.district_code,
    select(func.max(TargetVillage.fiscal_year)).where(TargetVillage.village_id == bindparam("village"))
    .scalar_subquery(),
    select(HouseholdDraft.id).where(HouseholdDraft.village_id == bindparam("village"),
                                    HouseholdDraft.officer_id == bindparam("officer")).exists(),
    version_of(bindparam("village_version")), version_of(RULES),
).where(Village.id == bindparam("village"))


def _head(village_id: int):
    """The village (in the user's area, else 404), its latest target year, whether the user has drafts
    in it (any year: then they are read for the page's year) and the two versions: one statement."""
    row = db.session.connection().execute(_HEAD, {"village": village_id, "officer": current_user.id,
                                                  "village_version": village_name(village_id)}).first()
    if row is None or not covers(current_user, row.district_code):
        refuse(404)
    return row


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
    _, name, _, latest, has_drafts, *versions = _head(village_id)
    fy = village_year_of(latest)
    made = {}

    def make() -> str:
        body, made["drafts"] = _render_body(db.session.get(Village, village_id), fy)
        return body

    body = kept_body(body_key("village-page", village_id, fy, *(v or 0 for v in versions)), make, versions,
                     lambda: db.session.execute(select(*_versions(village_id))).one())
    # This officer's drafts: read with the body when it was made, else read now if there are some.
    drafts = [] if not can_edit(current_user) else made["drafts"] if made else \
        my_drafts(village_id, fy) if has_drafts else []
    own = render_template("households/_drafts.html", drafts=drafts) if drafts else ""
    page = Markup(body.replace(SLOT, own, 1))  # nosec B704: two of the templates' own autoescaped outputs
    return render_template("villages/show.html", village_name=name, body=page)
