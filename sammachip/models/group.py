from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import NamesItsOccupation, SubmittedOnce, Timestamps, Versioned, utcnow
from .household import Household
from .reference import Occupation


class OccupationalGroup(NamesItsOccupation, Timestamps, Versioned, SubmittedOnce, db.Model):
    """An occupational group (กลุ่มอาชีพ): households of one occupation working together.

    It belongs to a village (`tambon_wide`: to the village's subdistrict, its members
    may come from the tambon's villages) with its dates, not to a programme year.
    `status` is the latest of its dated status changes; a year's step reads the
    changes as of the year's cut-off, so a group stopping later changes no old figure.
    """

    __tablename__ = "occupational_groups"
    __table_args__ = (CheckConstraint("status IN ('forming', 'active', 'stopped')", name="status_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    tambon_wide: Mapped[bool] = mapped_column(default=False)
    name: Mapped[str] = mapped_column(String(200))
    occupation_id: Mapped[int | None] = mapped_column(ForeignKey("occupations.id"))
    occupation_other: Mapped[str] = mapped_column(String(100), default="")
    founded_on: Mapped[date] = mapped_column(Date)
    leader_name: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(8), default="forming")
    registered: Mapped[bool] = mapped_column(default=False)
    registered_with: Mapped[str] = mapped_column(String(200), default="")  # where: the office or register
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    occupation: Mapped[Occupation | None] = relationship(lazy="joined")


class GroupStatusChange(db.Model):
    """The group's status from `changed_on` (forming, active, stopped), with who recorded it."""

    __tablename__ = "group_status_changes"
    __table_args__ = (CheckConstraint("status IN ('forming', 'active', 'stopped')", name="status_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("occupational_groups.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(8))
    changed_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(300), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class GroupMember(db.Model):
    """A member from `joined_on` until `left_on`: a programme household, or someone else by name."""

    __tablename__ = "group_members"
    __table_args__ = (CheckConstraint("household_id IS NOT NULL OR name <> ''", name="someone"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("occupational_groups.id", ondelete="CASCADE"), index=True)
    household_id: Mapped[int | None] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    joined_on: Mapped[date] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)

    household: Mapped[Household | None] = relationship(lazy="joined")

    @property
    def label(self) -> str:
        return self.household.head_name if self.household else self.name


class OtopProduct(Timestamps, Versioned, SubmittedOnce, db.Model):
    """A group's product registered (or to be registered) as OTOP. Years are พ.ศ., as on the certificate."""

    __tablename__ = "otop_products"
    __table_args__ = (
        CheckConstraint("category IN ('food', 'drink', 'textile', 'craft', 'herbal')", name="category_known"),
        CheckConstraint("stars IS NULL OR stars BETWEEN 1 AND 5", name="stars_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("occupational_groups.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(8))
    registered_year: Mapped[int | None] = mapped_column(SmallInteger)
    registration_no: Mapped[str] = mapped_column(String(50), default="")  # "": not registered (yet)
    stars: Mapped[int | None] = mapped_column(SmallInteger)
    stars_year: Mapped[int | None] = mapped_column(SmallInteger)
