"""Photos as evidence of a training day or a follow-up visit (issue 15, item 7).

The row says whose photo it is (and so who may see it: the village's area);
the bytes live in the photo store (`sammachip/photos/storage.py`): a folder
under instance/photos, or the `photo_blobs` table when PHOTO_STORAGE=database.
"""
from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import SubmittedOnce, utcnow


class Photo(SubmittedOnce, db.Model):
    """One photo of a training day or of a visit (exactly one of the two); a form sent twice keeps it once."""

    __tablename__ = "photos"
    __table_args__ = (
        CheckConstraint("(training_day_id IS NULL) <> (followup_id IS NULL)", name="one_subject"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The store's name for the bytes: random, never an address anyone can open.
    key: Mapped[str] = mapped_column(String(32), unique=True)
    # The area check: the photo's village (the day's, or the visited household's).
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id", ondelete="CASCADE"), index=True)
    training_day_id: Mapped[int | None] = mapped_column(ForeignKey("training_days.id", ondelete="CASCADE"),
                                                        index=True)
    followup_id: Mapped[int | None] = mapped_column(ForeignKey("followups.id", ondelete="CASCADE"), index=True)
    # The visited household (a visit's photo), for its timeline and its erasure.
    household_id: Mapped[int | None] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"), index=True)
    caption: Mapped[str] = mapped_column(String(200), default="")
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PhotoBlob(db.Model):
    """A stored photo's bytes when PHOTO_STORAGE=database (several app servers, one database)."""

    __tablename__ = "photo_blobs"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
