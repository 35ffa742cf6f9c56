from sqlalchemy import CheckConstraint, Column, ForeignKey, SmallInteger, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import Timestamps, Versioned
from .sealed import SealedField, SealedPhone

TEAM_LEVELS = ("tambon", "district")

# Which named members of the tambon team came on a visit. A member who visited stays on the roster
# (the row is kept: removing them would rewrite what the visit records).
followup_team_members = Table(
    "followup_team_members", db.metadata,
    Column("followup_id", ForeignKey("followups.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", ForeignKey("support_team_members.id"), primary_key=True, index=True),
)


class SupportTeam(Timestamps, Versioned, db.Model):
    """A support team (ทีมสนับสนุนสัมมาชีพชุมชน) of one fiscal year: a tambon's (`area_code` = the
    6-digit subdistrict code) or a district's (4 digits). Its roster is started from last year's."""

    __tablename__ = "support_teams"
    __table_args__ = (
        UniqueConstraint("level", "area_code", "fiscal_year"),
        CheckConstraint("level IN ('tambon', 'district')", name="level_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    level: Mapped[str] = mapped_column(String(8))
    area_code: Mapped[str] = mapped_column(String(6))
    # The area's district, a copy of its prefix, so area filters use an index.
    district_code: Mapped[str] = mapped_column(String(4), index=True)
    fiscal_year: Mapped[int] = mapped_column(SmallInteger)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    members: Mapped[list["SupportTeamMember"]] = relationship(
        back_populates="team", order_by="SupportTeamMember.id", cascade="all, delete-orphan")


class SupportTeamMember(Timestamps, Versioned, SealedPhone, db.Model):
    """A named member of a team, with the organisation they come from (labels.TEAM_ORGANISATIONS)."""

    __tablename__ = "support_team_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("support_teams.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    # The name as searched (domain/search.py name_key), set whenever name is.
    search_name: Mapped[str] = mapped_column(String(120), default="", server_default="")
    phone = SealedField("phone")  # E.164 or "", encrypted (models/sealed.py)
    organisation: Mapped[str] = mapped_column(String(16))
    organisation_other: Mapped[str] = mapped_column(String(100), default="")

    team: Mapped[SupportTeam] = relationship(back_populates="members")
