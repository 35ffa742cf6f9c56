from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import Timestamps
from .sealed import SealedField, SealedNationalId


class Person(Timestamps, SealedNationalId, db.Model):
    """One human being across villages and years (a sage's rows of every year point here).

    Known by the national ID when one was given (checked like a household head's,
    and sealed as the household's is, with the same keyed hash); without one, each
    sage row has its own person. Never by phone: two people may share one.
    """

    __tablename__ = "persons"
    __table_args__ = (UniqueConstraint("national_id_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    national_id = SealedField("national_id", empty=None)  # encrypted (models/sealed.py)
