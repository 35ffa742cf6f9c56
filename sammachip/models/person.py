from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import Timestamps


class Person(Timestamps, db.Model):
    """One human being across villages and years (a sage's rows of every year point here).

    Known by the national ID when one was given (checked like a household head's,
    and stored as the household's is, so a later keyed hash replaces both the same
    way); without one, each sage row has its own person. Never by phone: two people
    may share one.
    """

    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    national_id: Mapped[str | None] = mapped_column(String(13), unique=True)
