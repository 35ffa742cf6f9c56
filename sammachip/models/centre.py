from datetime import date

from sqlalchemy import CheckConstraint, Column, Date, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import SubmittedOnce, Timestamps, Versioned
from .reference import Occupation
from .sage import Sage

PLACE_KINDS = ("sage_house", "community")

learning_centre_hosts = Table(
    "learning_centre_hosts", db.metadata,
    Column("centre_id", ForeignKey("learning_centres.id", ondelete="CASCADE"), primary_key=True),
    Column("sage_id", ForeignKey("sages.id", ondelete="CASCADE"), primary_key=True, index=True),
)

learning_centre_occupations = Table(
    "learning_centre_occupations", db.metadata,
    Column("centre_id", ForeignKey("learning_centres.id", ondelete="CASCADE"), primary_key=True),
    Column("occupation_id", ForeignKey("occupations.id"), primary_key=True),
)


class LearningCentre(Timestamps, Versioned, SubmittedOnce, db.Model):
    """A ศูนย์เรียนรู้ชุมชน: it belongs to a village with its opening date, not to a programme year."""

    __tablename__ = "learning_centres"
    __table_args__ = (CheckConstraint("place_kind IN ('sage_house', 'community')", name="place_kind_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    # A sage's house or a community building, and where exactly (free text).
    place_kind: Mapped[str] = mapped_column(String(16))
    place_text: Mapped[str] = mapped_column(String(300), default="")
    occupations_other: Mapped[str] = mapped_column(String(200), default="")
    opened_on: Mapped[date] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    hosts: Mapped[list[Sage]] = relationship(secondary=learning_centre_hosts, lazy="selectin",
                                             order_by=Sage.name)
    occupations: Mapped[list[Occupation]] = relationship(secondary=learning_centre_occupations, lazy="selectin",
                                                         order_by=Occupation.id)

    def taught(self, lang: str = "th") -> list[str]:
        return [o.label(lang) for o in self.occupations] + ([self.occupations_other] if self.occupations_other else [])
