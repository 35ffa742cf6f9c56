from flask import Blueprint, redirect, url_for
from flask_login import current_user, login_required
from sqlalchemy import text

from ..extensions import db

bp = Blueprint("main", __name__)


@bp.get("/")
@login_required
def home():
    """Officers start at the visits due today, district managers at their
    dashboard, province users at the roll-up, admins at the district list."""
    if current_user.role == "officer":
        return redirect(url_for("followups.due"))
    if current_user.role == "district":
        return redirect(url_for("progress.district", district_code=current_user.district_code))
    if current_user.role == "province":
        return redirect(url_for("progress.province", province_code=current_user.province_code))
    return redirect(url_for("villages.index"))


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any failure to reach the database means "not ready"
        db.session.rollback()
        return "database unavailable\n", 503, {"Content-Type": "text/plain"}
    return "ok\n", 200, {"Content-Type": "text/plain"}
