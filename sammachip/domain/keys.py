"""Key rotation: rows sealed under an older data key are sealed again under the current one
(`flask --app app rotate-keys`; README: Security and privacy).

Safe while the app runs: a batch at a time, each its own short transaction; a row is written
only if it still carries the key it was read with (an officer's save in between already moved
it to the current key, and wins). The row's version and `updated_at` are kept: nothing anyone
typed changed. Running it again finds nothing to do.
"""
from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..crypto import Keyring, sealed_columns
from ..models import Household, HouseholdDraft, Person, Sage, SupportTeamMember, User
from ..models.sealed import sealed_fields

# Every table with sealed fields: IDs and phones, an unfinished interview's typed ID and
# phone, two-factor login secrets.
SEALED_MODELS = (Household, Person, Sage, SupportTeamMember, HouseholdDraft, User)
BATCH = 500


@dataclass
class Rotated:
    rows: dict[str, int] = field(default_factory=dict)  # table → rows moved to the current key
    unknown: dict[str, int] = field(default_factory=dict)  # table → rows whose key is not configured


def rotate(session: Session, ring: Keyring, batch: int = BATCH) -> Rotated:
    done = Rotated()
    for model in SEALED_MODELS:
        moved, unknown = _rotate_table(session, ring, model, batch)
        done.rows[model.__tablename__], done.unknown[model.__tablename__] = moved, unknown
    return done


def _rotate_table(session: Session, ring: Keyring, model, batch: int) -> tuple[int, int]:
    table, fields = model.__table__, sealed_fields(model)
    moved = unknown = last = 0
    while True:
        rows = session.execute(
            select(table.c.id, table.c.key_id, *[table.c[f"{f.name}_enc"] for f in fields])
            .where(table.c.key_id.is_not(None), table.c.key_id != ring.current_id, table.c.id > last)
            .order_by(table.c.id).limit(batch)).all()
        if not rows:
            return moved, unknown
        for row in rows:
            if row.key_id not in ring.keys:
                unknown += 1
                continue
            values = {"key_id": ring.current_id, "updated_at": table.c.updated_at}  # (not an edit)
            for f in fields:
                blob = getattr(row, f"{f.name}_enc")
                plain = ring.open(blob, f.where(model), row.key_id) if blob is not None else None
                values.update(sealed_columns(ring, f.where(model), f.name, f.kind, plain))
            result = session.execute(update(table).where(table.c.id == row.id, table.c.key_id == row.key_id)
                                     .values(**values))
            moved += result.rowcount
        session.commit()
        last = rows[-1].id
