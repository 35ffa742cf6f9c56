from flask import Blueprint, current_app, redirect, url_for
from flask_login import current_user

from ..access import public, requires
from ..domain.permissions import can_read, first_screen
from .health import database_problem

bp = Blueprint("main", __name__)


@bp.get("/")
@requires(can_read)
def home():
    """Officers start at the visits due today, district managers at their
    dashboard, province users at the roll-up, admins at the district list."""
    screen = first_screen(current_user)
    if screen == "visits":
        return redirect(url_for("followups.due"))
    if screen == "district":
        return redirect(url_for("progress.district", district_code=current_user.district_code))
    if screen == "province":
        return redirect(url_for("progress.province", province_code=current_user.province_code))
    return redirect(url_for("villages.index"))


@bp.get("/healthz")
@public
def healthz():
    """200 when the database answers and takes a write; 503 (with the reason) when not."""
    problem = database_problem(min_free_mb=current_app.config.get("HEALTHZ_MIN_FREE_MB", 0))
    if problem:
        return f"database {problem.replace('_', ' ')}\n", 503, {"Content-Type": "text/plain"}
    return "ok\n", 200, {"Content-Type": "text/plain"}
