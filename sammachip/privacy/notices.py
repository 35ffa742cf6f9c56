"""The PDPA notices per fiscal year (admin, beside the criteria): a year reads the latest
earlier year's notice until it is saved for the year; each save is a new version, so a
household's consent names the exact text it accepted."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..access import requires
from ..domain.permissions import can_change_settings
from ..domain.privacy import notice_for
from ..extensions import db
from ..models import NOTICE_KINDS, PrivacyNotice
from ..settings.views import year_arg
from .forms import NoticeForm
from .views import bp


@bp.route("/settings/notices/<kind>", methods=["GET", "POST"])
@requires(can_change_settings)
def notice(kind: str):
    if kind not in NOTICE_KINDS:
        abort(404)
    fy = year_arg()
    current = notice_for(db.session, fy, kind)
    form = NoticeForm(obj=current if request.method == "GET" else None)
    if form.validate_on_submit():
        row = PrivacyNotice(fiscal_year=fy, kind=kind, created_by_id=current_user.id)
        form.populate_obj(row)
        db.session.add(row)
        db.session.commit()
        flash(_("บันทึกประกาศฉบับใหม่ของปีงบประมาณ %(fy)s แล้ว", fy=fy), "success")
        return redirect(url_for(".notice", kind=kind, fy=fy), 303)
    versions = db.session.scalars(select(PrivacyNotice).where(PrivacyNotice.kind == kind)
                                  .order_by(PrivacyNotice.fiscal_year.desc(), PrivacyNotice.id.desc())).all()
    return render_template("privacy/notice_form.html", form=form, fy=fy, kind=kind, current=current,
                           versions=versions), 422 if form.errors else 200
