from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, SmallInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import utcnow


class VillageStepMark(db.Model):
    """An officer's dated tick for a process step the data cannot tell
    (group formed, OTOP, fund support, knowledge extracted, learning centre).
    Undoing the mark deletes it."""

    __tablename__ = "village_step_marks"
    __table_args__ = (UniqueConstraint("village_id", "fiscal_year", "step"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id", ondelete="CASCADE"), index=True)
    fiscal_year: Mapped[int] = mapped_column(SmallInteger)
    step: Mapped[str] = mapped_column(String(32))
    done_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(300), default="")
    marked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
