"""The fiscal year a page is about: `?fy=` in the URL, kept by every link the page makes.

District, province, report and export pages default to the current fiscal year;
a village's pages to the latest year the village is a target in. Records made
from a page take the page's year. Once a page has chosen its year (`g.page_fy`),
links to the other year-bound pages carry it, so the year stays in the URL.
"""
from flask import abort, g, request, url_for

from .domain.clock import current_fiscal_year
from .domain.targets import latest_target_year, target_years
from .extensions import db

FIRST_YEAR = 2550  # before the programme: a year below this is a mistyped URL
YEAR_BOUND = {"villages.show", "villages.report", "sages.index", "sages.create", "households.index",
              "interview.consent", "training.index", "training.edit_day", "progress.process",
              "progress.district", "progress.report", "progress.province", "progress.targets",
              "exports.index", "exports.download"}


def asked_year() -> int | None:
    """The year in `?fy=`, if any (404 for a year no page can be about)."""
    fy = request.args.get("fy", type=int)
    if fy is not None and not FIRST_YEAR <= fy <= current_fiscal_year() + 1:
        abort(404)
    return fy


def page_year() -> int:
    """The year of a district, province, report or export page: asked, else the current one."""
    g.page_fy = asked_year() or current_fiscal_year()
    return g.page_fy


def village_year(village_id: int) -> int:
    """The year of a village's page: asked, else the latest it is a target in, else the current one."""
    g.page_fy = asked_year() or latest_target_year(db.session, village_id) or current_fiscal_year()
    return g.page_fy


def picker_years(fy: int, where=None, ahead: bool = False) -> list[int]:
    """The years the picker offers: those with target villages (in `where`), the current one and the
    page's (and the next one, `ahead`, where next year is planned)."""
    now = current_fiscal_year()
    return sorted({*target_years(db.session, where), now, fy, *([now + 1] if ahead else [])}, reverse=True)


def fy_url(fy: int) -> str:
    """This page in another year (its other query arguments kept)."""
    args = {k: v for k, v in request.args.items() if k != "fy"}
    return url_for(request.endpoint, **(request.view_args or {}), **args, fy=fy)


def keep_year(endpoint: str, values: dict) -> None:
    """url_defaults: a year-bound link made on a page with a year carries it."""
    if endpoint in YEAR_BOUND and "fy" not in values and "page_fy" in g:
        values["fy"] = g.page_fy


def init_years(app) -> None:
    app.url_defaults(keep_year)
    app.jinja_env.globals["fy_url"] = fy_url
