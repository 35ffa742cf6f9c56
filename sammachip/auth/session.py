from datetime import timedelta

from flask import current_app, flash, redirect, render_template, request
from flask_babel import lazy_gettext as _l
from flask_login import login_url

from ..clock import utcnow
from ..domain import sessions
from ..extensions import db
from ..models import User


def configure_login(login_manager) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("กรุณาเข้าสู่ระบบก่อน")
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_user(key: str) -> User | None:
        """The live session of this key and its user, in one SELECT (domain/sessions.py)."""
        now = utcnow()
        found = sessions.user_of(db.session, key, now, timedelta(hours=current_app.config["SESSION_IDLE_HOURS"]),
                                 timedelta(days=current_app.config["SESSION_LIFETIME_DAYS"]))
        if found is None:
            return None
        user, device = found
        if sessions.needs_touch(device, now):
            with db.engine.begin() as connection:  # its own short write, whatever the request does
                sessions.touch(connection, device.id, now)
        return user

    @login_manager.unauthorized_handler
    def log_in_first():
        """A page asks for the login page. An htmx request (a form being sent)
        must not have the login page swapped over what the officer typed: it
        gets a 401 that static/app.js turns into "log in again, then send"."""
        if request.headers.get("HX-Request"):
            body = render_template("errors/_toast.html", message=_l("หมดเวลาเข้าสู่ระบบ กรุณาเข้าสู่ระบบใหม่แล้วกดส่งอีกครั้ง"))
            return body, 401, {"HX-Retarget": "#flash", "HX-Reswap": "innerHTML", "X-Login-Required": "1"}
        flash(login_manager.login_message, login_manager.login_message_category)
        return redirect(login_url(login_manager.login_view, request.url))
