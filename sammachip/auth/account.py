"""The signed-in user's own account: change the password, turn two-factor login on (and off,
where it is not required)."""
import segno
from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user
from sqlalchemy import delete

from .. import auditing as audit
from ..access import requires
from ..clock import utcnow
from ..domain import sessions, two_factor
from ..domain.permissions import can_read
from ..domain.throttle import record_failure, wait_left
from ..extensions import db
from ..forms_common import new_password_ok
from ..models import RecoveryCode
from .forms import CodeForm, PasswordChangeForm, SwitchOffForm
from .second_factor import matched_code
from .views import bp

SETUP_KEY = "totp_setup"  # the secret being set up, until a code from it is typed


@bp.route("/account/password", methods=["GET", "POST"])
@requires(can_read)
def change_password():
    form = PasswordChangeForm()
    if form.validate_on_submit() and password_ok(form):
        now, user = utcnow(), current_user._get_current_object()
        user.set_password(form.new.data)
        sessions.end_all(db.session, user.id, now)  # every other device signs in again
        sessions.start(db.session, user, now)  # this one goes on, with a new key
        login_user(user, remember=True)
        audit.write("password_changed")
        db.session.commit()
        flash(_("เปลี่ยนรหัสผ่านแล้ว เครื่องอื่นที่เข้าสู่ระบบไว้ต้องเข้าสู่ระบบใหม่"), "success")
        return redirect(url_for("main.home"), 303)
    return render_template("auth/password.html", form=form,
                           min_length=current_app.config["PASSWORD_MIN_LENGTH"]), 200 if not form.errors else 422


def password_ok(form: PasswordChangeForm) -> bool:
    """The current password (wrong ones count towards the lockout), then the new one's rules."""
    address = request.remote_addr or ""
    if wait_left(db.session, current_user.username, address, utcnow()) is not None \
            or not current_user.check_password(form.current.data):
        record_failure(db.session, current_user.username, address, utcnow())
        db.session.commit()
        form.current.errors.append(_("รหัสผ่านปัจจุบันไม่ถูกต้อง"))
        return False
    return new_password_ok(form.new, current_user.username)


@bp.route("/account/two-factor", methods=["GET", "POST"])
@requires(can_read)
def two_factor_setup():
    """Scan the QR code, type the app's code once: two-factor login is on, and the ten
    recovery codes are shown this once."""
    user = current_user._get_current_object()
    if user.has_totp:
        return enabled_page(SwitchOffForm(formdata=None))
    secret = session.get(SETUP_KEY) or session.setdefault(SETUP_KEY, two_factor.new_secret())
    form = CodeForm()
    if form.validate_on_submit():
        step = two_factor.code_step(secret, form.code.data, utcnow(), None)
        if step is not None:
            user.totp_secret, user.totp_last_step = secret, step
            session.pop(SETUP_KEY, None)
            codes = replace_recovery_codes(user.id)
            audit.write("totp_enabled")
            db.session.commit()
            return render_template("auth/recovery_codes.html", codes=codes)
        form.code.errors.append(_("รหัสไม่ถูกต้อง กรุณาดูรหัสล่าสุดในแอปแล้วลองใหม่"))
    uri = two_factor.provisioning_uri(secret, user.username)
    return render_template("auth/two_factor.html", enabled=False, form=form, secret=secret,
                           qr=segno.make(uri, error="m").svg_data_uri(scale=5, border=2))


def enabled_page(off: SwitchOffForm, status: int = 200):
    keep = two_factor.required(current_user.role, current_app.config["REQUIRE_TOTP"])
    return render_template("auth/two_factor.html", enabled=True, form=CodeForm(formdata=None), off=off,
                           keep=keep), status


@bp.post("/account/two-factor/off")
@requires(can_read)
def two_factor_off():
    """Two-factor login off, confirmed by the password and a code, where it is not required
    (REQUIRE_TOTP: admin and district accounts keep it). Recovery codes go too."""
    user = current_user._get_current_object()
    if not user.has_totp:
        return redirect(url_for(".two_factor_setup"), 303)
    form = SwitchOffForm()
    if not (form.validate_on_submit() and switch_off_ok(user, form)):
        return enabled_page(form, 422)
    user.totp_secret, user.totp_last_step = None, None
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    audit.write("totp_disabled")
    db.session.commit()
    flash(_("ปิดการยืนยันตัวตนสองขั้นตอนแล้ว เปิดใหม่ได้ทุกเมื่อจากหน้านี้"), "success")
    return redirect(url_for(".two_factor_setup"), 303)


def switch_off_ok(user, form: SwitchOffForm) -> bool:
    """Not required for the role, then the password and a code (wrong ones count towards the lockout)."""
    if two_factor.required(user.role, current_app.config["REQUIRE_TOTP"]):
        form.form_errors.append(_("บัญชีของผู้ดูแลระบบและบัญชีระดับอำเภอต้องใช้การยืนยันตัวตนสองขั้นตอน ปิดไม่ได้"))
        return False
    now, address = utcnow(), request.remote_addr or ""
    if wait_left(db.session, user.username, address, now) is not None or not user.check_password(form.password.data):
        form.password.errors.append(_("รหัสผ่านไม่ถูกต้อง"))
    elif matched_code(user, form.code.data, now) is None:
        form.code.errors.append(_("รหัสไม่ถูกต้อง กรุณาดูรหัสล่าสุดในแอปแล้วลองใหม่"))
    else:
        return True
    record_failure(db.session, user.username, address, now)
    db.session.commit()
    return False


@bp.post("/account/two-factor/recovery-codes")
@requires(can_read)
def new_recovery_codes():
    """A new set of recovery codes (the old ones stop working)."""
    if not current_user.has_totp:
        return redirect(url_for(".two_factor_setup"), 303)
    codes = replace_recovery_codes(current_user.id)
    db.session.commit()
    return render_template("auth/recovery_codes.html", codes=codes)


def replace_recovery_codes(user_id: int) -> list[str]:
    codes = two_factor.new_recovery_codes()
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user_id))
    db.session.add_all(RecoveryCode(user_id=user_id, code_hash=two_factor.recovery_hash(c)) for c in codes)
    return codes
