"""National IDs and phones stored sealed (sammachip/crypto.py), read and written by their old names.

`household.national_id`, `person.national_id`, `sage.phone`, `member.phone`... stay plain
attributes for the code: reading decrypts, writing encrypts under the current key and sets
the keyed hash (and an ID's last four digits); None or "" clears all three. On the class they
are no column: a query compares the hash columns (`Household.national_id_hash.in_(...)`,
see `id_hashes`/`phone_hashes`), and comparing the attribute itself raises.
"""
from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ..crypto import keyring, sealed_columns


class SealedField:
    """One sealed value of a row, stored in `<name>_enc`, `<name>_hash` (and `<name>_last4`)."""

    def __init__(self, kind: str, empty: str | None = ""):
        self.kind, self.empty = kind, empty

    def __set_name__(self, owner, name):
        self.name = name

    def where(self, owner) -> str:
        return f"{owner.__tablename__}.{self.name}"

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        blob = getattr(obj, f"{self.name}_enc")
        if blob is None:
            return self.empty
        return keyring().open(blob, self.where(type(obj)), obj.key_id)

    def __set__(self, obj, value):
        ring = keyring()
        value = value or None
        if obj.key_id == ring.current_id and (self.__get__(obj) or None) == value:
            return  # unchanged: no new ciphertext, no change for the audit log
        if obj.key_id not in (None, ring.current_id):
            reseal(obj)  # one key per row: the row's other fields move to the current key first
        obj.key_id = ring.current_id
        for column, stored in sealed_columns(ring, self.where(type(obj)), self.name, self.kind, value).items():
            setattr(obj, column, stored)

    def __eq__(self, other):
        raise TypeError(f"{self.name} is sealed: compare {self.name}_hash with id_hashes()/phone_hashes()")

    __hash__ = object.__hash__


def sealed_fields(cls) -> list[SealedField]:
    return [v for k in dir(cls) if isinstance(v := getattr(cls, k, None), SealedField)]


def reseal(obj) -> None:
    """Every sealed field of the row again under the current key (and hashed with it)."""
    ring = keyring()
    values = {field: field.__get__(obj) for field in sealed_fields(type(obj))}
    obj.key_id = ring.current_id
    for field, value in values.items():
        for column, stored in sealed_columns(ring, field.where(type(obj)), field.name, field.kind, value).items():
            setattr(obj, column, stored)


def id_hashes(national_id: str) -> list[bytes]:
    """A normalised ID's keyed hash under each configured key (a rotation may be under way)."""
    return keyring().digests("national_id", national_id)


def phone_hashes(phone: str) -> list[bytes]:
    """A normalised (E.164) phone's keyed hash under each configured key."""
    return keyring().digests("phone", phone)


class KeyedRow:
    # The data key of the row's sealed fields (None: nothing sealed yet).
    key_id: Mapped[str | None] = mapped_column(String(16))


class SealedNationalId(KeyedRow):
    national_id_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    national_id_hash: Mapped[bytes | None] = mapped_column(LargeBinary)
    national_id_last4: Mapped[str | None] = mapped_column(String(4))


class SealedPhone(KeyedRow):
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_hash: Mapped[bytes | None] = mapped_column(LargeBinary, index=True)
