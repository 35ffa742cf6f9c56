from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import text

from ..extensions import db

bp = Blueprint("main", __name__)


@bp.get("/")
@login_required
def home():
    """Every role starts at the list of its villages, its own ones first."""
    return redirect(url_for("villages.index"))


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any failure to reach the database means "not ready"
        db.session.rollback()
        return "database unavailable\n", 503, {"Content-Type": "text/plain"}
    return "ok\n", 200, {"Content-Type": "text/plain"}
