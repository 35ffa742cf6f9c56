"""Password guessing is slowed down, per account and per address.

After 10 wrong passwords for one account within 15 minutes, that account waits
15 minutes from its latest failure; after 50 from one address, that address
does. The failures live in the database (`login_failures`), so the rule holds
for any number of workers and servers. A right password clears the account's
failures; an admin can clear them too (unlock).
"""
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..clock import as_utc
from ..models import LoginFailure

WINDOW = timedelta(minutes=15)
PER_ACCOUNT = 10
PER_ADDRESS = 50


def wait_left(session: Session, username: str, address: str, now: datetime) -> timedelta | None:
    """How long this account or address must still wait, or None."""
    since = now - WINDOW
    waits = []
    for column, value, limit in ((LoginFailure.username, username.lower(), PER_ACCOUNT),
                                 (LoginFailure.address, address, PER_ADDRESS)):
        n, latest = session.execute(select(func.count(), func.max(LoginFailure.at))
                                    .where(column == value, LoginFailure.at > since)).one()
        if n >= limit:
            waits.append(as_utc(latest) + WINDOW - now)
    return max(waits) if waits else None


def record_failure(session: Session, username: str, address: str, now: datetime) -> None:
    session.add(LoginFailure(username=username.lower()[:64], address=address[:45], at=now))
    # Old failures are of no use: keep the table small.
    session.execute(delete(LoginFailure).where(LoginFailure.at < now - 2 * WINDOW))


def unlock(session: Session, username: str) -> None:
    session.execute(delete(LoginFailure).where(LoginFailure.username == username.lower()))
