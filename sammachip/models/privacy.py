from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import utcnow

NOTICE_KINDS = ("households", "sages")


class PrivacyNotice(db.Model):
    """The PDPA notice read before personal data is collected (households at the interview's
    first step, sages on their form), valid from `fiscal_year` until a later year's.

    A row is never changed: saving a notice adds a row, so the id is the notice's version
    and a household's `consent_notice_id` names the very text it accepted. The controller
    is the district's สำนักงานพัฒนาชุมชนอำเภอ, named from the record's village."""

    __tablename__ = "privacy_notices"
    __table_args__ = (CheckConstraint("kind IN ('households', 'sages')", name="kind_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(SmallInteger, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    contact: Mapped[str] = mapped_column(String(300))
    purpose: Mapped[str] = mapped_column(Text)
    retention: Mapped[str] = mapped_column(Text)
    rights: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
