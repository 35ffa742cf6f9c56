"""Reference lists kept as data (seeded by migrations), so a later fiscal
year can change them without a code change."""
from datetime import date

from sqlalchemy import Date, Float, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import Versioned


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


class ProgrammeRules(Versioned, db.Model):
    """The programme's numbers for one fiscal year (domain/programme.py reads them).

    A year gets its row, copied from the year before, when it is first used or
    edited; editing a year's row changes only that year's figures."""

    __tablename__ = "programme_rules"

    fiscal_year: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    households_per_village: Mapped[int] = mapped_column(SmallInteger)
    households_per_trainer: Mapped[int] = mapped_column(SmallInteger)
    assistants: Mapped[int] = mapped_column(SmallInteger)
    training_days: Mapped[int] = mapped_column(SmallInteger)
    days_to_complete: Mapped[int] = mapped_column(SmallInteger)
    followup_months: Mapped[str] = mapped_column(String(40))  # "1,3,6"
    practising_target: Mapped[float] = mapped_column(Float)
    income_target: Mapped[float] = mapped_column(Float)
    measured_from: Mapped[float] = mapped_column(Float)  # share of trained households visited
    income_min_n: Mapped[int] = mapped_column(SmallInteger)  # households before a village "reaches" the target
    cutoff: Mapped[date | None] = mapped_column(Date)  # None: 30 September of the year
    group_target: Mapped[float] = mapped_column(Float, server_default="0.1")  # share of target villages with a group
