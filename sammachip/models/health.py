from datetime import datetime

from sqlalchemy import DateTime, SmallInteger
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class Heartbeat(db.Model):
    """One row that GET /healthz rewrites and commits: proof that the database
    takes a write now (not only that it answers a SELECT)."""

    __tablename__ = "heartbeat"

    id: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)  # always 1
    beat_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
