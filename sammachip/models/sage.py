from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import NamesItsOccupation, SubmittedOnce, Timestamps, Versioned, utcnow
from .person import Person
from .reference import Occupation, SageCriterion
from .sealed import SealedField, SealedPhone

SAGE_ROLES = ("lead", "assistant")


class Sage(NamesItsOccupation, Timestamps, Versioned, SubmittedOnce, SealedPhone, db.Model):
    """A ปราชญ์ชุมชน candidate of one village in one fiscal year; `role` is
    set when selected onto the village's team of five trainers."""

    __tablename__ = "sages"
    __table_args__ = (
        CheckConstraint("years_in_occupation BETWEEN 0 AND 80", name="years_range"),
        CheckConstraint("role IS NULL OR role IN ('lead', 'assistant')", name="role_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    fiscal_year: Mapped[int] = mapped_column(SmallInteger)
    # The person this candidate record is (domain/persons.py links rows by national ID).
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    # The name as searched (domain/search.py name_key), set whenever name is.
    search_name: Mapped[str] = mapped_column(String(120), default="", server_default="")
    phone = SealedField("phone")  # E.164, encrypted (models/sealed.py)
    occupation_id: Mapped[int | None] = mapped_column(ForeignKey("occupations.id"))
    occupation_other: Mapped[str] = mapped_column(String(100), default="")
    years_in_occupation: Mapped[int] = mapped_column(SmallInteger)
    success_evidence: Mapped[str] = mapped_column(Text, default="")
    lives_in_village: Mapped[bool]
    notes: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str | None] = mapped_column(String(16))
    # The criteria wizard's last screen, to resume where the officer left.
    criteria_step: Mapped[int] = mapped_column(SmallInteger, default=1)
    # The lead trainer's course at the regional ศพช. and the provincial workshop.
    training_centre: Mapped[str] = mapped_column(String(100), default="")
    course_start: Mapped[date | None] = mapped_column(Date)
    course_end: Mapped[date | None] = mapped_column(Date)
    course_passed: Mapped[bool | None]
    workshop_date: Mapped[date | None] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    occupation: Mapped[Occupation | None] = relationship(lazy="joined")
    person: Mapped[Person] = relationship()
    answers: Mapped[list["SageAnswer"]] = relationship(
        back_populates="sage", cascade="all, delete-orphan", lazy="selectin")


class SageAnswer(db.Model):
    __tablename__ = "sage_answers"

    sage_id: Mapped[int] = mapped_column(ForeignKey("sages.id", ondelete="CASCADE"), primary_key=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("sage_criteria.id"), primary_key=True)
    met: Mapped[bool]
    note: Mapped[str] = mapped_column(String(500), default="")

    sage: Mapped[Sage] = relationship(back_populates="answers")
    criterion: Mapped[SageCriterion] = relationship()  # no page shows it beside the answer: not joined


class SageRoleChange(db.Model):
    """Every selection, role swap and deselection, with who and when."""

    __tablename__ = "sage_role_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    sage_id: Mapped[int] = mapped_column(ForeignKey("sages.id", ondelete="CASCADE"), index=True)
    from_role: Mapped[str | None] = mapped_column(String(16))
    to_role: Mapped[str | None] = mapped_column(String(16))
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SageCertificate(db.Model):
    """A certificate of honour (ใบประกาศเกียรติคุณ) issued to a selected sage."""

    __tablename__ = "sage_certificates"
    __table_args__ = (UniqueConstraint("sage_id", "issued_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sage_id: Mapped[int] = mapped_column(ForeignKey("sages.id", ondelete="CASCADE"), index=True)
    issued_on: Mapped[date] = mapped_column(Date)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
