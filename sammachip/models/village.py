from sqlalchemy import CheckConstraint, ForeignKey, SmallInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import SubmittedOnce, Timestamps, Versioned


class Village(Timestamps, Versioned, SubmittedOnce, db.Model):
    __tablename__ = "villages"
    __table_args__ = (
        CheckConstraint("moo BETWEEN 1 AND 99", name="moo_range"),
        UniqueConstraint("subdistrict_code", "moo"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # 8 digits: subdistrict code + two-digit หมู่. The area codes below are
    # copies of its prefixes, kept as columns so area filters use an index.
    code: Mapped[str] = mapped_column(String(8), unique=True)
    subdistrict_code: Mapped[str] = mapped_column(String(6), index=True)
    district_code: Mapped[str] = mapped_column(String(4), index=True)
    province_code: Mapped[str] = mapped_column(String(2), index=True)
    moo: Mapped[int] = mapped_column(SmallInteger)
    name: Mapped[str] = mapped_column(String(100))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    def place(self, subdistrict_code: str, moo: int) -> None:
        """Set the location and every code derived from it."""
        self.subdistrict_code = subdistrict_code
        self.moo = moo
        self.code = f"{subdistrict_code}{moo:02d}"
        self.district_code = subdistrict_code[:4]
        self.province_code = subdistrict_code[:2]
