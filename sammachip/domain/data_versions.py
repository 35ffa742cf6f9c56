"""Data versions (`data_versions`): a number per village, made anew in the same transaction as every
write to its records, and one for the rules every page reads (programme rules, sage criteria, a facts
rebuild). The cached village page body is keyed by them, so a write is seen on the next view.

A new version is a random number, not the old one plus one: after a restore, the next write must not
reach a number some body was cached under before the restore.
"""
import secrets
from collections.abc import Iterable

from sqlalchemy import String, cast, literal, select

from ..models import DataVersion
from ..models.base import dialect_insert

RULES = "rules"


def village_name(village_id: int) -> str:
    return f"village:{village_id}"


def village_name_sql(village_id):
    """The same name in SQL, of a column of village ids."""
    return literal("village:") + cast(village_id, String)


def bump(session, village_ids: Iterable[int], rules: bool = False) -> None:
    """One statement: each named version gets a new number (its row made the first time), in a fixed order."""
    names = sorted({village_name(v) for v in village_ids if v is not None}) + ([RULES] if rules else [])
    if not names:
        return
    fresh = secrets.randbits(62) + 1
    insert = dialect_insert(session.get_bind(), DataVersion.__table__)
    session.execute(insert.values([{"name": n, "version": fresh} for n in names]).on_conflict_do_update(
        index_elements=["name"], set_={"version": insert.excluded.version}))


def version_of(name: str):
    """A scalar subquery: the version (none before the first write)."""
    return select(DataVersion.version).where(DataVersion.name == name).scalar_subquery()
