from datetime import datetime

from sqlalchemy import JSON, DateTime, Integer, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import utcnow

# What an audit row records (sammachip/audit.py writes them).
AUDIT_ACTIONS = ("sign_in", "sign_in_failed", "create", "update", "delete", "reveal_id", "export", "refused",
                 "password_changed", "totp_enabled", "totp_disabled", "totp_reset", "access_export", "erase",
                 "retention")


class AuditEntry(db.Model):
    """One line of the append-only audit log: triggers on both databases refuse UPDATE
    and DELETE (migration 4b1d2e7c9a10). Personal fields are stored masked. No foreign
    keys: a row outlives what it names."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer, index=True)
    username: Mapped[str] = mapped_column(String(64), default="")  # as typed, for a failed sign-in
    # Whose log it is: the district of the record, or of the user.
    district_code: Mapped[str | None] = mapped_column(String(4), index=True)
    action: Mapped[str] = mapped_column(String(24))
    table_name: Mapped[str] = mapped_column(String(40), default="")
    record_id: Mapped[int | None] = mapped_column(Integer)
    household_id: Mapped[int | None] = mapped_column(Integer, index=True)
    status: Mapped[int | None] = mapped_column(SmallInteger)  # a refused request's answer
    path: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(45), default="")
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
