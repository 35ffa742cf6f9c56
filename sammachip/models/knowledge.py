from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, DateTime, ForeignKey, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import NamesItsOccupation, SubmittedOnce, Timestamps, Versioned
from .reference import Occupation

OWNER_KINDS = ("sage", "officer")


class KnowledgeRecord(NamesItsOccupation, Timestamps, Versioned, SubmittedOnce, db.Model):
    """A written-down piece of knowledge (ถอดองค์ความรู้) in the field note's layout.

    It belongs to a village and carries its own date, not a programme year.
    The wizard keeps what is being typed in `data` (a draft per part); the
    columns hold what was saved from the review. `completed_at` is set when
    a save had all five parts filled: a draft does not count.
    """

    __tablename__ = "knowledge_records"
    __table_args__ = (
        CheckConstraint("owner_kind IN ('sage', 'officer')", name="owner_kind_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    owner_kind: Mapped[str] = mapped_column(String(8), default="sage")
    sage_id: Mapped[int | None] = mapped_column(ForeignKey("sages.id"), index=True)
    owner_name: Mapped[str] = mapped_column(String(120), default="")
    position: Mapped[str] = mapped_column(String(150), default="")
    office: Mapped[str] = mapped_column(String(200), default="")
    solves: Mapped[str] = mapped_column(String(200), default="")
    occupation_id: Mapped[int | None] = mapped_column(ForeignKey("occupations.id"), index=True)
    occupation_other: Mapped[str] = mapped_column(String(100), default="")
    recorded_on: Mapped[date | None] = mapped_column(Date)
    # The five parts; ส่วนขยาย is three numbered lists, one item a line.
    intro: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(Text, default="")
    cautions: Mapped[str] = mapped_column(Text, default="")
    techniques: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    key_points: Mapped[str] = mapped_column(Text, default="")
    core: Mapped[str] = mapped_column(Text, default="")
    # Everything searchable, NFC, lower case, without spaces or zero-width characters.
    search_text: Mapped[str] = mapped_column(Text, default="")
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    data: Mapped[dict] = mapped_column(JSON, default=dict)  # the wizard's draft
    step: Mapped[int] = mapped_column(SmallInteger, default=1)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    occupation: Mapped[Occupation | None] = relationship(lazy="joined")
