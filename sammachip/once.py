"""One-time form tokens: a create form submitted twice makes one record."""
import uuid

from sqlalchemy import select

from .extensions import db


def new_token() -> str:
    return str(uuid.uuid4())


def already_submitted(model, token: str | None):
    """The record an earlier submission of this same form created, if any."""
    if not token:
        return None
    return db.session.scalar(select(model).where(model.submit_token == token))
