"""Route guards: login, permission, and "is this record in the user's area?".

Every route says what it needs with `@requires(check)` (the checks are the
rulebook's, `domain/permissions.py`). A record outside the user's area
answers 404, so its existence is not revealed to other areas.
"""
from functools import wraps

from flask import abort, request
from flask_login import current_user, login_required
from sqlalchemy import select

from . import auditing as audit
from .domain.areas import village_filter
from .domain.permissions import CHECKS
from .extensions import db
from .models import Household, Village

READS = {"GET", "HEAD", "OPTIONS"}


def requires(check, write=None, denied: int = 403):
    """Log in, then pass `check` (and `write` for a POST), else answer `denied`.

    `denied=404` where a refusal would tell what exists (a page of another kind of area)."""
    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            needed = write if write is not None and request.method not in READS else check
            if not needed(current_user):
                refuse(denied)
            return view(*args, **kwargs)

        wrapped.permissions = {"read": CHECKS[check], "write": CHECKS[write or check], "denied": denied}
        return wrapped

    return decorator


def public(view):
    """A route open to everyone, logged in or not (login, language, health)."""
    view.permissions = None
    return view


def refuse(status: int = 404):
    """Answer 403, or 404 for what is outside the user's area, and log the refusal."""
    audit.refused(status)
    abort(status)


def village_or_404(village_id: int) -> Village:
    village = db.session.scalar(
        select(Village).where(Village.id == village_id, village_filter(current_user))
    )
    if village is None:
        refuse(404)
    return village


def in_area_or_404(model, record_id: int, via=None, on=None):
    """A record that belongs to a village, if that village is in the user's area. The record
    has `village_id`, or `via` has it (a visit through its household), joined `on`."""
    holder, query = via or model, select(model)
    if via is not None:
        query = query.join(via, on)
    record = db.session.scalar(
        query.join(Village, Village.id == holder.village_id).where(model.id == record_id, village_filter(current_user)))
    if record is None:
        refuse(404)
    return record


def household_or_404(household_id: int) -> Household:
    return in_area_or_404(Household, household_id)
