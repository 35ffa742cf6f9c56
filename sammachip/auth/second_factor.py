"""The second step of signing in, for accounts with two-factor login: a code from the
authenticator app (or a one-time recovery code). Accounts that must have it
(REQUIRE_TOTP, domain/two_factor.REQUIRED_FOR) are sent to set it up first."""
from math import ceil

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user
from sqlalchemy import select

from .. import auditing as audit
from ..access import public
from ..clock import utcnow
from ..domain import sessions, two_factor
from ..domain.throttle import record_failure, unlock, wait_left
from ..extensions import db
from ..models import RecoveryCode, User
from .forms import CodeForm
from .views import PENDING, bp, safe_next

PENDING_SECONDS = 300
# Where a user who must set up two-factor login may still go.
SETUP_PAGES = {"auth.two_factor_setup", "auth.logout", "auth.csrf_token", "auth.set_language", "static"}


@bp.route("/login/code", methods=["GET", "POST"])
@public
def code():
    pending, now = session.get(PENDING) or {}, utcnow()
    user = db.session.get(User, pending["user"]) if pending.get("user") else None
    if user is None or now.timestamp() - pending.get("at", 0) > PENDING_SECONDS:
        session.pop(PENDING, None)
        flash(_("กรุณาเข้าสู่ระบบอีกครั้ง"), "info")
        return redirect(url_for(".login"), 303)
    form = CodeForm()
    if form.validate_on_submit():
        problem, status = second_step(user, form.code.data, request.remote_addr or "")
        if problem is None:
            session.pop(PENDING, None)
            return redirect(safe_next(request.args.get("next")), 303)
        form.code.errors.append(problem)
        return render_template("auth/code.html", form=form), status
    return render_template("auth/code.html", form=form)


def second_step(user: User, typed: str, address: str) -> tuple[str | None, int]:
    now = utcnow()
    wait = wait_left(db.session, user.username, address, now)
    if wait is not None:
        return _("ใส่รหัสผ่านผิดหลายครั้ง กรุณารอ %(m)s นาทีแล้วลองใหม่", m=ceil(wait.total_seconds() / 60)), 429
    how = matched_code(user, typed, now)
    if how is None:
        record_failure(db.session, user.username, address, now)
        audit.write("sign_in_failed", user=user, detail={"second_factor": True})
        db.session.commit()
        return _("รหัสไม่ถูกต้อง กรุณาดูรหัสล่าสุดในแอปแล้วลองใหม่"), 200
    sessions.start(db.session, user, now)
    login_user(user, remember=True)
    unlock(db.session, user.username)
    audit.write("sign_in", user=user, detail={"second_factor": how})
    db.session.commit()
    return None, 303


def matched_code(user: User, typed: str, now) -> str | None:
    """What `typed` is, now used up: the app's code ("totp"), an unused recovery code
    ("recovery"), or None when neither."""
    step = two_factor.code_step(user.totp_secret, typed, now, user.totp_last_step)
    if step is not None:
        user.totp_last_step = step
        return "totp"
    spare = db.session.scalar(select(RecoveryCode).where(
        RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None),
        RecoveryCode.code_hash == two_factor.recovery_hash(typed)))
    if spare is None:
        return None
    spare.used_at = now
    return "recovery"


@bp.before_app_request
def set_up_second_factor_first():
    """With REQUIRE_TOTP on, an admin or district account without two-factor login can
    only set it up (or log out) until it has."""
    if not current_app.config["REQUIRE_TOTP"] or request.endpoint in SETUP_PAGES or request.endpoint is None:
        return None
    if getattr(current_app.view_functions.get(request.endpoint), "permissions", None) is None:
        return None  # public pages: the user is not even loaded
    if current_user.is_authenticated and not current_user.has_totp and \
            two_factor.required(current_user.role, True):
        flash(_("บัญชีของคุณต้องเปิดการยืนยันตัวตนสองขั้นตอนก่อนใช้งาน"), "info")
        return redirect(url_for("auth.two_factor_setup"), 303)
    return None
