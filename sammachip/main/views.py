from flask import Blueprint, redirect, url_for
from flask_login import current_user
from sqlalchemy import text

from ..access import public, requires
from ..domain.permissions import can_read, first_screen
from ..extensions import db

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
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any failure to reach the database means "not ready"
        db.session.rollback()
        return "database unavailable\n", 503, {"Content-Type": "text/plain"}
    return "ok\n", 200, {"Content-Type": "text/plain"}
