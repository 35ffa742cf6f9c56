from datetime import date, datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import SubmittedOnce, Timestamps, Versioned, utcnow
from .sage import Sage

training_day_trainers = Table(
    "training_day_trainers", db.metadata,
    Column("day_id", ForeignKey("training_days.id", ondelete="CASCADE"), primary_key=True),
    Column("sage_id", ForeignKey("sages.id", ondelete="CASCADE"), primary_key=True),
)


class TrainingDay(Timestamps, Versioned, db.Model):
    """One day of the village's training (ฝึกอบรมอาชีพ): the year's rules say how many."""

    __tablename__ = "training_days"
    __table_args__ = (
        UniqueConstraint("village_id", "fiscal_year", "day_no"),
        CheckConstraint("day_no >= 1", name="day_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    fiscal_year: Mapped[int] = mapped_column(SmallInteger)
    day_no: Mapped[int] = mapped_column(SmallInteger)
    held_on: Mapped[date] = mapped_column(Date)
    topic: Mapped[str] = mapped_column(String(200), default="")
    # Where it is held: one of the village's learning centres, or a place in words.
    learning_centre_id: Mapped[int | None] = mapped_column(ForeignKey("learning_centres.id"), index=True)
    place_text: Mapped[str] = mapped_column(String(200), default="", server_default="")

    # Loaded only when asked for: most pages that touch a day never show its trainers.
    trainers: Mapped[list[Sage]] = relationship(secondary=training_day_trainers)
    learning_centre: Mapped["LearningCentre | None"] = relationship()  # noqa: F821 (models/centre.py)


class Attendance(db.Model):
    """A household present on a training day. No row means absent; the row
    is set or removed to the state tapped, so a repeated tap changes nothing."""

    __tablename__ = "attendance"

    day_id: Mapped[int] = mapped_column(ForeignKey("training_days.id", ondelete="CASCADE"), primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"), primary_key=True,
                                              index=True)
    marked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    marked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AttendanceTap(db.Model):
    """Each attendance tap, online or sent from the phone's queue, with the moment it
    was tapped: the latest tap wins, whenever it arrives. A tap from the queue keeps
    the phone's key (`submit_token`), so sending it again changes nothing."""

    __tablename__ = "attendance_taps"
    __table_args__ = (Index("ix_attendance_taps_day_household", "day_id", "household_id", "tapped_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submit_token: Mapped[str | None] = mapped_column(String(36), unique=True)
    day_id: Mapped[int] = mapped_column(ForeignKey("training_days.id", ondelete="CASCADE"))
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"), index=True)
    present: Mapped[bool]
    tapped_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


SCHEDULED = text("kind = 'scheduled'")


class FollowUp(Timestamps, Versioned, SubmittedOnce, db.Model):
    """A follow-up visit: scheduled after training, planned at a visit, or
    added any time. status: due → draft (checklist started) → done."""

    __tablename__ = "followups"
    __table_args__ = (
        # One scheduled visit per household and date, whatever taps race to
        # make it (sync_schedule inserts with ON CONFLICT DO NOTHING on this);
        # planned and extra visits may share a date.
        Index("uq_followups_scheduled_household_due", "household_id", "due_date", unique=True,
              sqlite_where=SCHEDULED, postgresql_where=SCHEDULED),
        CheckConstraint("status IN ('due', 'draft', 'done')", name="status_known"),
        CheckConstraint("kind IN ('scheduled', 'planned', 'extra')", name="kind_known"),
        CheckConstraint("income_last_month IS NULL OR income_last_month >= 0", name="income_not_negative"),
        CheckConstraint("fund_amount IS NULL OR fund_amount >= 0", name="fund_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(8), default="due", index=True)
    due_date: Mapped[date] = mapped_column(Date, index=True)
    # The checklist's answers while it is a draft, and the step reached.
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    step: Mapped[int] = mapped_column(SmallInteger, default=1)
    visit_date: Mapped[date | None] = mapped_column(Date)
    practising: Mapped[str | None] = mapped_column(String(8))  # yes / partly / no
    not_practising_reason: Mapped[str] = mapped_column(String(32), default="")
    reason_text: Mapped[str] = mapped_column(String(300), default="")
    income_last_month: Mapped[int | None] = mapped_column(Integer)  # the old question; kept for old visits
    # What the trained occupation brought since the previous visit, and the costs it saved,
    # over `period_days` (from the previous visit, or the training's last day).
    occupation_income: Mapped[int | None] = mapped_column(Integer)
    costs_saved: Mapped[int | None] = mapped_column(Integer)
    period_days: Mapped[int | None] = mapped_column(Integer)
    sells_where: Mapped[str] = mapped_column(String(200), default="")
    group_name: Mapped[str] = mapped_column(String(200), default="")  # typed before groups were records
    group_id: Mapped[int | None] = mapped_column(ForeignKey("occupational_groups.id", ondelete="SET NULL"))
    fund_source: Mapped[str] = mapped_column(String(32), default="")
    fund_other: Mapped[str] = mapped_column(String(100), default="")
    fund_amount: Mapped[int | None] = mapped_column(Integer)
    visitors: Mapped[list] = mapped_column(JSON, default=list)
    # Someone of the sub-district support team came (not the officer alone): the
    # "sub-district team follow-up" step counts these. Kept as a column so SQL can.
    with_support_team: Mapped[bool] = mapped_column(default=False, server_default=false())
    problems: Mapped[str] = mapped_column(Text, default="")
    help_needed: Mapped[str] = mapped_column(Text, default="")
    next_visit_date: Mapped[date | None] = mapped_column(Date)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # who did it (set when done)
    # Who is to go (domain/assignment.py): the village-year's officer when the visit was made, or
    # another officer of the district given this one visit. Not who did it.
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
