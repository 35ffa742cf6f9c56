import json
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..crypto import SECRET
from ..extensions import db
from .base import SubmittedOnce, Timestamps, Versioned, utcnow
from .reference import Occupation
from .sealed import KeyedRow, SealedField, SealedNationalId, SealedPhone

HOUSEHOLD_STATUSES = ("registered", "reserve")


class Household(Timestamps, Versioned, SubmittedOnce, SealedNationalId, SealedPhone, db.Model):
    """A target household (ครัวเรือนสัมมาชีพชุมชน) of one village in one fiscal year.

    `submit_token` is the interview's one-time token: the final submit can
    arrive twice and still make one household.
    """

    __tablename__ = "households"
    __table_args__ = (
        UniqueConstraint("national_id_hash", "fiscal_year"),  # one household per person per year
        CheckConstraint("members BETWEEN 1 AND 30", name="members_range"),
        CheckConstraint("income_per_year >= 0", name="income_not_negative"),
        CheckConstraint("status IN ('registered', 'reserve')", name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    fiscal_year: Mapped[int] = mapped_column(SmallInteger)
    status: Mapped[str] = mapped_column(String(16), default="registered")
    head_name: Mapped[str] = mapped_column(String(120))
    # The name as searched (domain/search.py name_key), set whenever head_name is.
    search_name: Mapped[str] = mapped_column(String(120), default="", server_default="")
    national_id = SealedField("national_id", empty=None)  # 13 digits, encrypted (models/sealed.py); None once erased
    phone = SealedField("phone")  # E.164 or "", encrypted
    house_no: Mapped[str] = mapped_column(String(20), default="")
    members: Mapped[int] = mapped_column(SmallInteger)
    main_occupation: Mapped[str] = mapped_column(String(100))
    # Baseline for the programme's income indicator (baht per year, at intake).
    income_per_year: Mapped[int] = mapped_column(Integer)
    # What the occupation to be trained already brings a year at intake (often 0); None: not asked yet.
    occupation_income_per_year: Mapped[int | None] = mapped_column(Integer)
    # ออกจากโครงการ: from this day out of every denominator and the schedule, still listed.
    left_on: Mapped[date | None] = mapped_column(Date)
    left_reason: Mapped[str] = mapped_column(String(16), default="", server_default="")
    need_occupation_id: Mapped[int | None] = mapped_column(ForeignKey("occupations.id"))
    need_occupation_other: Mapped[str] = mapped_column(String(100), default="")
    need_reason: Mapped[str] = mapped_column(Text, default="")
    committed: Mapped[bool] = mapped_column(default=True)
    trainer_id: Mapped[int | None] = mapped_column(ForeignKey("sages.id"), index=True)
    consent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    consent_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # The PDPA notice (its version) the household accepted; None: consented before notices were kept.
    consent_notice_id: Mapped[int | None] = mapped_column(ForeignKey("privacy_notices.id"))
    # Personal data erased (consent withdrawn) or anonymised by the retention rule on this day.
    erased_on: Mapped[date | None] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    need_occupation: Mapped[Occupation | None] = relationship(lazy="joined")

    @property
    def need_label(self) -> str:
        return self.need_label_in("th")

    def need_label_in(self, lang: str) -> str:
        """The wanted occupation in Thai, or in English where the list has an English name."""
        if self.need_occupation_other:
            return self.need_occupation_other
        return self.need_occupation.label(lang) if self.need_occupation else ""


class HouseholdDraft(KeyedRow, db.Model):
    """An unfinished interview, saved step by step on the server so it
    survives a dropped signal and resumes on any of the officer's devices.
    Created only once the household has consented.

    `data` is every typed answer, as the wizard reads and writes it; stored, the ID and
    phone as typed are sealed together (`personal_enc`, under the row's `key_id`, moved by
    rotate-keys) and the other answers are kept in the JSON column `data` (`answers`)."""

    __tablename__ = "household_drafts"
    PERSONAL = ("national_id", "phone")

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(36), unique=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id", ondelete="CASCADE"), index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    fiscal_year: Mapped[int] = mapped_column(SmallInteger)
    step: Mapped[int] = mapped_column(SmallInteger, default=2)
    answers: Mapped[dict] = mapped_column("data", JSON, default=dict)  # all but PERSONAL
    personal = SealedField(SECRET, empty=None)  # PERSONAL as JSON
    personal_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    consent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    consent_notice_id: Mapped[int | None] = mapped_column(ForeignKey("privacy_notices.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    @property
    def data(self) -> dict:
        personal = self.personal
        return {**(self.answers or {}), **(json.loads(personal) if personal else {})}

    @data.setter
    def data(self, value: dict) -> None:
        answers = dict(value or {})
        personal = {k: answers.pop(k) for k in self.PERSONAL if k in answers}
        self.answers = answers
        self.personal = json.dumps(personal, ensure_ascii=False) if personal else None


class HouseholdChange(db.Model):
    """Who changed what on a household, and when: {field: [old, new]}."""

    __tablename__ = "household_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    changes: Mapped[dict] = mapped_column(JSON)


class PovertyLine(db.Model):
    """The จปฐ. (basic minimum needs) income criterion: income per person per year under
    which a household is "ต่ำกว่าเกณฑ์รายได้ จปฐ.", valid from `fiscal_year` until a later
    row. Not the poverty line; the table keeps its first name."""

    __tablename__ = "poverty_lines"

    fiscal_year: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    baht_per_person_year: Mapped[int] = mapped_column(Integer)
