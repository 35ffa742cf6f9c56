"""The audit log page: a district user sees its district's rows, an admin all;
filtered by person, household and date, newest first, a page at a time."""
from datetime import datetime, time, timedelta

from flask import Blueprint, abort, render_template, request
from flask_login import current_user
from sqlalchemy import false, func, select

from ..access import requires
from ..domain.permissions import sees_audit, works_anywhere
from ..domain.thai_dates import BANGKOK, as_bangkok
from ..extensions import db
from ..labels import label
from ..models import AuditEntry, User
from .forms import AuditFilter
from .wording import ACTIONS, TABLES

bp = Blueprint("audit", __name__, url_prefix="/audit")
bp.add_app_template_filter(lambda code: label(ACTIONS, code), "audit_action")
bp.add_app_template_filter(lambda code: label(TABLES, code), "audit_table")
bp.add_app_template_filter(lambda moment: as_bangkok(moment).strftime("%H:%M"), "bangkok_time")
PAGE_SIZE = 50


@bp.get("/")
@requires(sees_audit)
def index():
    form = AuditFilter(request.args)
    users = db.session.execute(scoped(select(User.id, User.username), User.district_code).order_by(User.username)).all()
    form.user.choices = [("", "—")] + [(str(i), name) for i, name in users]
    if not form.validate():
        abort(400)
    page = request.args.get("page", 1, type=int)
    if not 1 <= page <= 100_000:
        abort(400)
    query = scoped(select(AuditEntry), AuditEntry.district_code).where(*filters(form))
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    entries = db.session.scalars(query.order_by(AuditEntry.id.desc())
                                 .limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)).all()
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template("audit/index.html", form=form, entries=entries, total=total, page=page,
                           pages=max(1, -(-total // PAGE_SIZE)), args=args)


def scoped(query, district_column):
    """An admin reads every row; a district user the rows of its district."""
    return query if works_anywhere(current_user) else query.where(district_column == current_user.district_code)


def filters(form: AuditFilter) -> list:
    where = []
    if form.user.data:
        where.append(AuditEntry.user_id == int(form.user.data) if form.user.data.isdigit() else false())
    if form.household.data:
        where.append(AuditEntry.household_id == form.household.data)
    if form.since.data:
        where.append(AuditEntry.at >= bangkok_midnight(form.since.data))
    if form.until.data:
        where.append(AuditEntry.at < bangkok_midnight(form.until.data) + timedelta(days=1))
    return where


def bangkok_midnight(day) -> datetime:
    return datetime.combine(day, time(), tzinfo=BANGKOK)
