"""One-time form tokens: a create form submitted twice makes one record."""
import uuid

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from .extensions import db


def new_token() -> str:
    return str(uuid.uuid4())


def is_token(value: str | None) -> bool:
    try:
        return bool(value) and str(uuid.UUID(value)) == value
    except ValueError:
        return False


def already_submitted(model, token: str | None):
    """The record an earlier submission of this same form created, if any."""
    if not token:
        return None
    return db.session.scalar(select(model).where(model.submit_token == token))


def save_once(record, token_column: str = "submit_token"):
    """Insert the record; if the same form's twin got there first (the unique
    token says so), return that one instead of failing."""
    model = type(record)
    db.session.add(record)
    try:
        db.session.commit()
        return record
    except IntegrityError:
        db.session.rollback()
        twin = db.session.scalar(select(model).where(
            getattr(model, token_column) == getattr(record, token_column)))
        if twin is None:
            raise
        return twin


def create_once(model, token: str | None, build):
    """The record a create form makes, exactly once: a second submission of the
    same form (same token) finds the first record. `build(token)` makes the new one."""
    token = token if is_token(token) else new_token()
    if found := already_submitted(model, token):
        return found
    try:
        return save_once(build(token))
    except IntegrityError:
        # A concurrent request took a unique value this record also needed (two officers
        # adding the same new person): built again, the record now finds and joins it.
        return save_once(build(token))
