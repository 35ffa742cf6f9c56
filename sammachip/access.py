"""Route guards: login, role, and "is this record in the user's area?".

A record outside the user's area answers 404, so its existence is not
revealed to other areas.
"""
from functools import wraps

from flask import abort
from flask_login import current_user, login_required
from sqlalchemy import select

from .domain.areas import EDITORS, village_filter
from .extensions import db
from .models import Village


def roles_required(*roles: str):
    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


editor_required = roles_required(*EDITORS)


def village_or_404(village_id: int) -> Village:
    village = db.session.scalar(
        select(Village).where(Village.id == village_id, village_filter(current_user))
    )
    if village is None:
        abort(404)
    return village


def in_area_or_404(model, record_id: int):
    """A record that belongs to a village (has `village_id`), if that village is in the user's area."""
    record = db.session.scalar(
        select(model).join(Village, Village.id == model.village_id)
        .where(model.id == record_id, village_filter(current_user)))
    if record is None:
        abort(404)
    return record
