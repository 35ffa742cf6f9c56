from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, SmallInteger
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import utcnow


class TargetVillage(db.Model):
    """A village is a target of the programme in a fiscal year (หมู่บ้านเป้าหมาย):
    its sages, households, drafts, training days and marks of that year belong here.
    A village may be a target again in a later year, with a new team and households."""

    __tablename__ = "target_villages"

    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id", ondelete="CASCADE"), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(SmallInteger, primary_key=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The officer the district gives the village-year's visits to (domain/assignment.py): new visits
    # are assigned to them. Who did a visit is the visit's own `officer_id`.
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
