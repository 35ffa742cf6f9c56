"""The app's one clock. Every "now" comes from here, so tests can set it
(`set_now`) and never depend on the real date."""
from datetime import UTC, datetime

_fixed: datetime | None = None


def set_now(moment: datetime | None) -> None:
    """Fix the clock at an aware instant (tests), or give it back to the system (None)."""
    global _fixed
    if moment is not None and moment.tzinfo is None:
        raise ValueError("set the clock with an aware datetime")
    _fixed = moment


def utcnow() -> datetime:
    return _fixed.astimezone(UTC) if _fixed is not None else datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """A stored instant, aware: the app writes UTC, and SQLite gives it back without a zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
