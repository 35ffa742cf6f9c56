from datetime import date

from sqlalchemy import BigInteger, Date, Float, ForeignKey, Integer, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class VillageYearFacts(db.Model):
    """A village-year's counts and sums as of its year's cut-off (domain/facts.py keeps them).

    Recomputed from the records in the same transaction as every write that changes them. Only
    counts and dates: `settled_on` is the latest dated record on or before the cut-off, so the
    counts hold as of any day from it on; an earlier day (a record dated ahead) is counted live."""

    __tablename__ = "village_year_facts"

    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id", ondelete="CASCADE"), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(SmallInteger, primary_key=True, index=True)
    settled_on: Mapped[date | None] = mapped_column(Date)
    # Team and households (progress.facts_for).
    lead: Mapped[int] = mapped_column(Integer, default=0)
    assistants: Mapped[int] = mapped_column(Integer, default=0)
    lead_trained: Mapped[int] = mapped_column(Integer, default=0)
    workshop: Mapped[int] = mapped_column(Integer, default=0)
    registered: Mapped[int] = mapped_column(Integer, default=0)
    assigned: Mapped[int] = mapped_column(Integer, default=0)
    days_held: Mapped[int] = mapped_column(Integer, default=0)
    # Indicators (indicators.Indicators): households still in the programme.
    ind_registered: Mapped[int] = mapped_column(Integer, default=0)
    trained: Mapped[int] = mapped_column(Integer, default=0)
    visited: Mapped[int] = mapped_column(Integer, default=0)
    practising: Mapped[int] = mapped_column(Integer, default=0)
    partly: Mapped[int] = mapped_column(Integer, default=0)
    team_visited: Mapped[int] = mapped_column(Integer, default=0)
    income_n: Mapped[int] = mapped_column(Integer, default=0)
    before_sum: Mapped[float] = mapped_column(Float, default=0.0)
    after_sum: Mapped[float] = mapped_column(Float, default=0.0)
    villages_reaching: Mapped[int] = mapped_column(Integer, default=0)
    # Result steps (results.RESULT_STEPS): the numbers each check answers.
    knowledge: Mapped[int] = mapped_column(Integer, default=0)
    tambon_team: Mapped[int] = mapped_column(Integer, default=0)
    tambon_trained: Mapped[int] = mapped_column(Integer, default=0)
    tambon_visited: Mapped[int] = mapped_column(Integer, default=0)
    tambon_left: Mapped[int] = mapped_column(Integer, default=0)
    fund_households: Mapped[int] = mapped_column(Integer, default=0)
    fund_amount: Mapped[int] = mapped_column(BigInteger, default=0)
    centres: Mapped[int] = mapped_column(Integer, default=0)
    group_households: Mapped[int] = mapped_column(Integer, default=0)
    otop_products: Mapped[int] = mapped_column(Integer, default=0)
    marks: Mapped[int] = mapped_column(Integer, default=0)  # officers' old step marks of the year


class DataVersion(db.Model):
    """A number made anew (domain/data_versions.py) in the same transaction as each write to a village's
    records (`village:<id>`) or to the rules every page reads (`rules`: programme rules, sage criteria, a
    facts rebuild). The cached village page body is keyed by them (villages/page_cache.py)."""
    __tablename__ = "data_versions"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
