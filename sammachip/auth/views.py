from math import ceil
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, make_response, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from flask_wtf.csrf import generate_csrf
from sqlalchemy import select

from .. import auditing as audit
from ..access import public, requires
from ..clock import utcnow
from ..domain import sessions
from ..domain.permissions import can_read
from ..domain.throttle import record_failure, unlock, wait_left
from ..extensions import db
from ..i18n import LANG_COOKIE
from ..models import User
from .forms import LoginForm

bp = Blueprint("auth", __name__)
PENDING = "second_factor"  # (in the signed session cookie) who typed the right password, and when
SECOND_STEP = 202


def safe_next(target: str | None) -> str:
    """Only follow `next` to a path on this site, never to another host."""
    if target and not urlsplit(target).netloc and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("main.home")


def same_site_referrer() -> str | None:
    """The page a form was sent from (Referrer-Policy: same-origin), as a path on this site. The
    pages do not write their own address into the form: a compressed page reflecting what an
    attacker put in the URL beside the form token is what BREACH needs (README: Production)."""
    sent_from = urlsplit(request.referrer or "")
    if sent_from.netloc != request.host:
        return None
    return sent_from.path + (f"?{sent_from.query}" if sent_from.query else "")


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        problem, status = sign_in(form.username.data.strip(), form.password.data, request.remote_addr or "")
        if problem is None and status == SECOND_STEP:
            return redirect(url_for(".code", next=request.args.get("next")), 303)
        if problem is None:
            return redirect(safe_next(request.args.get("next")))
        form.password.errors.append(problem)
        return render_template("auth/login.html", form=form), status
    return render_template("auth/login.html", form=form)


def sign_in(username: str, password: str, address: str) -> tuple[str | None, int]:
    """Log the user in, or say why not (in Thai). One password check either way."""
    now = utcnow()
    wait = wait_left(db.session, username, address, now)
    if wait is not None:
        audit.write("sign_in_failed", username=username, detail={"throttled": True})
        db.session.commit()
        return _("ใส่รหัสผ่านผิดหลายครั้ง กรุณารอ %(m)s นาทีแล้วลองใหม่", m=ceil(wait.total_seconds() / 60)), 429
    user = db.session.scalar(select(User).where(User.username == username))
    if user and user.check_password(password) and user.active:
        if user.has_totp:  # the password was right: the app's code comes next (second_factor.py)
            session[PENDING] = {"user": user.id, "at": now.timestamp()}
            return None, SECOND_STEP
        sessions.start(db.session, user, now)
        login_user(user, remember=True)
        unlock(db.session, username)
        audit.write("sign_in", user=user)
        db.session.commit()
        return None, 303
    if user is None:
        User.check_no_password(password)
    record_failure(db.session, username, address, now)
    audit.write("sign_in_failed", user=user, username=username)
    db.session.commit()
    return _("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"), 200


@bp.post("/logout")
@requires(can_read)
def logout():
    sessions.end(db.session, current_user.session_key, utcnow())  # every copy of this device's cookies
    db.session.commit()
    logout_user()
    flash(_("ออกจากระบบแล้ว"), "info")
    return redirect(url_for("auth.login"))


@bp.get("/csrf-token")
@public
def csrf_token():
    """A fresh form token for a page whose token went stale (the session was
    renewed): static/app.js fetches it and sends the officer's request again."""
    return {"token": generate_csrf()}, 200, {"Cache-Control": "no-store"}


@bp.post("/lang/<code>")
@public
def set_language(code: str):
    response = make_response(redirect(safe_next(request.form.get("next") or same_site_referrer())))
    if code in current_app.config["LANGUAGES"]:
        response.set_cookie(LANG_COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax")
    return response


from . import account, second_factor  # noqa: E402, F401  (their routes are on this blueprint)
