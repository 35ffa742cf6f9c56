"""Reference lists kept as data (seeded by migrations), so a later fiscal
year can change them without a code change."""
from sqlalchemy import SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class Occupation(db.Model):
    """One shared list for sages' occupations and households' needs."""

    __tablename__ = "occupations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_th: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(SmallInteger, default=0)

    def label(self, lang: str = "th") -> str:
        return (self.name_en or self.name_th) if lang == "en" else self.name_th


class SageCriterion(db.Model):
    """A selection criterion for village sages, valid from `fiscal_year`
    until a later year defines its own set."""

    __tablename__ = "sage_criteria"

    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(SmallInteger, index=True)
    code: Mapped[str] = mapped_column(String(8))
    position: Mapped[int] = mapped_column(SmallInteger)
    text_th: Mapped[str] = mapped_column(String(300))
    text_en: Mapped[str] = mapped_column(String(300))
    required: Mapped[bool] = mapped_column(default=True)
