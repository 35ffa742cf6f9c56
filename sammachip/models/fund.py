from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import SubmittedOnce, Timestamps, Versioned

FUND_SOURCES = ("community_fund", "savings_group", "village_fund", "kkkc", "women_fund", "other")


class CommunityFund(Timestamps, Versioned, SubmittedOnce, db.Model):
    """Support a community fund gave a household or an occupational group (exactly one of the two;
    labels.FUND_SOURCES), dated, not tied to a programme year. `village_id` is the household's village or
    the group's. A follow-up visit's fund answer is one of these (`followup_id`, a household's); others
    are entered by hand."""

    __tablename__ = "community_funds"
    __table_args__ = (
        CheckConstraint("amount IS NULL OR amount >= 0", name="amount_not_negative"),
        CheckConstraint(
            "source IN ('community_fund', 'savings_group', 'village_fund', 'kkkc', 'women_fund', 'other')",
            name="source_known"),
        CheckConstraint("(household_id IS NULL) <> (group_id IS NULL)", name="one_recipient"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The household's (or group's) village, copied so the area rule (access.in_area_or_404) and filters need no join.
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    household_id: Mapped[int | None] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("occupational_groups.id", ondelete="CASCADE"), index=True)
    followup_id: Mapped[int | None] = mapped_column(ForeignKey("followups.id", ondelete="SET NULL"), unique=True)
    source: Mapped[str] = mapped_column(String(16))
    source_other: Mapped[str] = mapped_column(String(100), default="")
    amount: Mapped[int | None] = mapped_column(Integer)  # baht; None: an old visit's answer without one
    received_on: Mapped[date] = mapped_column(Date)
    purpose: Mapped[str] = mapped_column(String(300), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
