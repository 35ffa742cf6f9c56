from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import delete, select

from .. import auditing as audit
from ..access import requires
from ..clock import utcnow
from ..domain import geo
from ..domain.permissions import can_manage_users, manageable_roles, may_manage, works_anywhere
from ..domain.sessions import end_all
from ..domain.throttle import PER_ACCOUNT, WINDOW, unlock
from ..extensions import db
from ..forms_common import new_password_ok, placeholder
from ..labels import USER_ROLES, label
from ..models import RecoveryCode, User
from .forms import UserForm
from .rules import apply_area, area_error

bp = Blueprint("users", __name__, url_prefix="/users")
bp.add_app_template_filter(lambda role: label(USER_ROLES, role), "user_role_label")


@bp.get("/")
@requires(can_manage_users)
def index():
    query = select(User).order_by(User.role, User.username)
    if not works_anywhere(current_user):
        query = query.where(User.district_code == current_user.district_code)
    return render_template("users/index.html", users=db.session.scalars(query).unique().all())


@bp.route("/new", methods=["GET", "POST"])
@requires(can_manage_users)
def create():
    return edit_form(User(active=True), new=True)


@bp.route("/<int:user_id>/edit", methods=["GET", "POST"])
@requires(can_manage_users)
def edit(user_id: int):
    user = db.session.get(User, user_id)
    if user is None or not may_manage(current_user, user):
        abort(404)
    return edit_form(user, new=False)


@bp.post("/<int:user_id>/unlock")
@requires(can_manage_users)
def unlock_user(user_id: int):
    """Clear an account's wrong-password count (it was locked for 15 minutes)."""
    user = managed_or_404(user_id)
    unlock(db.session, user.username)
    db.session.commit()
    flash(_("ปลดล็อกผู้ใช้ %(u)s แล้ว", u=user.username), "success")
    return redirect(url_for(".edit", user_id=user.id), 303)


@bp.post("/<int:user_id>/sign-out")
@requires(can_manage_users)
def sign_out_everywhere(user_id: int):
    """End every signed-in device of the user (a lost phone)."""
    user = managed_or_404(user_id)
    end_all(db.session, user.id, utcnow())
    db.session.commit()
    flash(_("ออกจากระบบทุกเครื่องของ %(u)s แล้ว", u=user.username), "success")
    return redirect(url_for(".edit", user_id=user.id), 303)


@bp.post("/<int:user_id>/two-factor/reset")
@requires(can_manage_users)
def reset_two_factor(user_id: int):
    """A lost phone without recovery codes: two-factor login off, every device signed out."""
    user = managed_or_404(user_id)
    user.totp_secret, user.totp_last_step = None, None
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    end_all(db.session, user.id, utcnow())
    audit.write("totp_reset", user_id=current_user.id, detail={"of_user": user.username})
    db.session.commit()
    flash(_("ล้างการยืนยันตัวตนสองขั้นตอนของ %(u)s แล้ว", u=user.username), "success")
    return redirect(url_for(".edit", user_id=user.id), 303)


def managed_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None or not may_manage(current_user, user):
        abort(404)
    return user


def edit_form(user: User, new: bool):
    form = UserForm(obj=user if request.method == "GET" and not new else None)
    if request.method == "GET" and not new:
        form.subdistricts.data = user.coordinated_codes
    fill_choices(form)
    # Run both checks so every error shows at once.
    if form.is_submitted() and all([form.validate(), check_user_form(form, user, new)]):
        user.username, user.full_name, user.active = form.username.data, form.full_name.data, form.active.data
        if form.password.data:
            user.set_password(form.password.data)
            if user.id:
                end_all(db.session, user.id, utcnow())  # a new password signs the old devices out
        apply_area(user, form.role.data, form.province_code.data, form.district_code.data,
                   form.subdistricts.data or [])
        db.session.add(user)
        db.session.commit()
        flash(_("บันทึกผู้ใช้ %(u)s แล้ว", u=user.username), "success")
        return redirect(url_for(".index"), 303)
    return render_template("users/form.html", form=form, user=user, new=new,
                           lockout=(PER_ACCOUNT, int(WINDOW.total_seconds() // 60)),
                           min_length=current_app.config["PASSWORD_MIN_LENGTH"]), 422 if form.errors else 200


def fill_choices(form: UserForm) -> None:
    form.role.choices = [(r, label(USER_ROLES, r)) for r in manageable_roles(current_user)]
    if works_anywhere(current_user):
        form.province_code.choices = placeholder(_("จังหวัด")) + geo.provinces()
        province = form.province_code.data or ""
        form.district_code.choices = placeholder(_("อำเภอ")) + (geo.districts(province) if province else [])
    else:
        form.province_code.data = current_user.province_code
        form.district_code.data = current_user.district_code
    form.subdistricts.choices = geo.subdistricts(form.district_code.data) if form.district_code.data else []


def check_user_form(form: UserForm, user: User, new: bool) -> bool:
    ok = True
    taken = db.session.scalar(select(User.id).where(User.username == form.username.data))
    if taken is not None and taken != user.id:
        form.username.errors.append(_("ชื่อผู้ใช้นี้มีอยู่แล้ว"))
        ok = False
    if new and not form.password.data:
        form.password.errors.append(_("กรุณาตั้งรหัสผ่าน"))
        ok = False
    elif form.password.data and not new_password_ok(form.password, form.username.data or ""):
        ok = False
    wrong = area_error(form.role.data, form.province_code.data or "", form.district_code.data or "")
    if wrong == "province":
        form.province_code.errors.append(_("กรุณาเลือกจังหวัด"))
        ok = False
    elif wrong == "district":
        form.district_code.errors.append(_("กรุณาเลือกอำเภอ"))
        ok = False
    return ok
