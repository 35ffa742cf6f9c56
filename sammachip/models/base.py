"""Shared column sets for models."""
from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from ..clock import utcnow  # rows are stamped by the app's clock (re-exported for the models)


class Timestamps:
    # Pass the callable, not utcnow(): a value would be fixed at import time.
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class Versioned:
    """Optimistic locking: a save made from a stale form is refused.

    SQLAlchemy adds "AND version = <old>" to every UPDATE and raises
    StaleDataError when no row matched, i.e. someone saved in between.
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls):
        return {"version_id_col": cls.version}


class SubmittedOnce:
    """A one-time token from the form that created the row.

    A double tap or a browser retry of the same form carries the same
    token, meets the unique constraint, and finds the first row instead
    of making a second one.
    """

    submit_token: Mapped[str | None] = mapped_column(String(36), unique=True)


def dialect_insert(bind, table):
    """The database's own INSERT, for its ON CONFLICT clauses (SQLite and PostgreSQL spell them alike)."""
    return {"postgresql": postgresql, "sqlite": sqlite}[bind.dialect.name].insert(table)


class NamesItsOccupation:
    """A record with an occupation from the list (`occupation`) or typed as "other" (`occupation_other`)."""

    @property
    def occupation_label(self) -> str:
        if self.occupation_other:
            return self.occupation_other
        return self.occupation.name_th if self.occupation else ""
