"""Signed-in devices as rows, so a session can be ended for every copy of its cookie.

A session ends on logout, on a password change (every session of the user),
on "sign out everywhere", after `IDLE` without a request and `LIFETIME` after
it began. Reading the session and its user is one SELECT; `last_seen` is
written at most every `TOUCH_EVERY`, in its own short transaction.
"""
import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..clock import as_utc
from ..models import User, UserSession

IDLE = timedelta(hours=12)  # never under 8 h: an interview must not be cut off
LIFETIME = timedelta(days=30)
TOUCH_EVERY = timedelta(minutes=5)


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def start(session: Session, user: User, now: datetime) -> str:
    key = secrets.token_urlsafe(32)
    session.add(UserSession(key_hash=_hash(key), user_id=user.id, started_at=now, last_seen=now,
                            password_stamp=user.password_hash[-16:]))
    user.session_key = key
    return key


def user_of(session: Session, key: str, now: datetime, idle: timedelta = IDLE,
            lifetime: timedelta = LIFETIME) -> tuple[User, UserSession] | None:
    """The user of a live session key, or None (unknown, ended, idle too long or too old)."""
    row = session.execute(select(User, UserSession).join(UserSession, UserSession.user_id == User.id)
                          .where(UserSession.key_hash == _hash(key), UserSession.ended_at.is_(None))).first()
    if row is None:
        return None
    user, device = row
    if now - as_utc(device.last_seen) > idle or now - as_utc(device.started_at) > lifetime:
        return None
    if device.password_stamp != user.password_hash[-16:]:
        return None  # the password changed since
    user.session_key = key
    return user, device


def needs_touch(device: UserSession, now: datetime) -> bool:
    return now - as_utc(device.last_seen) > TOUCH_EVERY


def touch(connection, device_id: int, now: datetime) -> None:
    connection.execute(update(UserSession).where(UserSession.id == device_id).values(last_seen=now))


def end(session: Session, key: str, now: datetime) -> None:
    session.execute(update(UserSession).where(UserSession.key_hash == _hash(key)).values(ended_at=now))


def end_all(session: Session, user_id: int, now: datetime) -> None:
    """Every device of the user (password change, "sign out everywhere")."""
    session.execute(update(UserSession).where(UserSession.user_id == user_id, UserSession.ended_at.is_(None))
                    .values(ended_at=now))
