"""national IDs and phones sealed at rest

Encrypted (AES-GCM) with a keyed hash for lookups, an ID's last four digits for masking, and the row's key id (sammachip/crypto.py). Existing rows
are encrypted in batches under the current DATA_KEYS key, the plain columns then dropped; the
household change history keeps IDs masked and phones hidden. Downgrade decrypts back (the
history stays masked).

On PostgreSQL a dropped column stays in the table's files until they are rewritten: run
VACUUM FULL on the four tables after upgrading (README: Security and privacy).

Revision ID: 8db8b520bba2
Revises: 9d4e1f6a2b70
Create Date: 2026-11-24 22:22:13.251705

"""
import sqlalchemy as sa
from alembic import op

from sammachip.crypto import keyring, sealed_columns
from sammachip.domain.thai_id import masked as masked_id

# revision identifiers, used by Alembic.
revision = '8db8b520bba2'
down_revision = '9d4e1f6a2b70'
branch_labels = None
depends_on = None

BATCH = 500
# table: (field, kind, plain column nullable)
SEALED = {
    "households": (("national_id", "national_id", True), ("phone", "phone", False)),  # None once erased
    "persons": (("national_id", "national_id", True),),
    "sages": (("phone", "phone", False),),
    "support_team_members": (("phone", "phone", False),),
}


def _stored(field: str, kind: str) -> list[sa.Column]:
    columns = [sa.Column(f"{field}_enc", sa.LargeBinary(), nullable=True),
               sa.Column(f"{field}_hash", sa.LargeBinary(), nullable=True)]
    if kind == "national_id":
        columns.append(sa.Column(f"{field}_last4", sa.String(length=4), nullable=True))
    return columns


def _table(name: str) -> sa.Table:
    columns = [sa.column("id", sa.Integer), sa.column("key_id", sa.String)]
    for field, kind, _ in SEALED[name]:
        columns += [sa.column(field, sa.String)] + [sa.column(c.name, c.type) for c in _stored(field, kind)]
    return sa.table(name, *columns)


def _in_batches(table: sa.Table, columns, change) -> None:
    """`change(row)` → the row's new values, written BATCH rows at a time (by id)."""
    conn = op.get_bind()
    last = 0
    while rows := conn.execute(sa.select(table.c.id, *columns).where(table.c.id > last)
                               .order_by(table.c.id).limit(BATCH)).all():
        values = [{"row_id": row.id, **change(row)} for row in rows]
        conn.execute(table.update().where(table.c.id == sa.bindparam("row_id")), values)
        last = rows[-1].id


def _seal(name: str) -> None:
    ring, table = keyring(), _table(name)

    def sealed(row) -> dict:
        values = {"key_id": ring.current_id}
        for field, kind, _ in SEALED[name]:
            values.update(sealed_columns(ring, f"{name}.{field}", field, kind, getattr(row, field) or None))
        return values

    _in_batches(table, [table.c[field] for field, *_ in SEALED[name]], sealed)


def _unseal(name: str) -> None:
    ring, table = keyring(), _table(name)

    def opened(row) -> dict:
        values = {}
        for field, _kind, nullable in SEALED[name]:
            blob = getattr(row, f"{field}_enc")
            plain = ring.open(blob, f"{name}.{field}", row.key_id) if blob is not None else None
            values[field] = plain if plain is not None or nullable else ""
        return values

    _in_batches(table, [table.c.key_id] + [table.c[f"{field}_enc"] for field, *_ in SEALED[name]], opened)


def _mask_history() -> None:
    """The household change history held the old and new ID and phone in clear."""
    table = sa.table("household_changes", sa.column("id", sa.Integer), sa.column("changes", sa.JSON))

    def kept(field, value):
        if not value:
            return value
        return masked_id(str(value)) if field == "national_id" else "•••"

    def masked(row) -> dict:
        return {"changes": {k: [kept(k, v) for v in pair] if k in ("national_id", "phone") else pair
                            for k, pair in (row.changes or {}).items()}}

    _in_batches(table, [table.c.changes], masked)


def upgrade():
    for name, fields in SEALED.items():
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.add_column(sa.Column("key_id", sa.String(length=16), nullable=True))
            for field, kind, _ in fields:
                for column in _stored(field, kind):
                    batch_op.add_column(column)
        _seal(name)
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.drop_constraint("uq_households_national_id_fiscal_year", type_="unique")
        batch_op.drop_column("national_id")
        batch_op.drop_column("phone")
        batch_op.create_unique_constraint(batch_op.f("uq_households_national_id_hash_fiscal_year"),
                                          ["national_id_hash", "fiscal_year"])
        batch_op.create_index(batch_op.f("ix_households_phone_hash"), ["phone_hash"], unique=False)
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_constraint("uq_persons_national_id", type_="unique")
        batch_op.drop_column("national_id")
        batch_op.create_unique_constraint(batch_op.f("uq_persons_national_id_hash"), ["national_id_hash"])
    with op.batch_alter_table("sages", schema=None) as batch_op:
        batch_op.drop_index("ix_sages_phone")
        batch_op.drop_column("phone")
        batch_op.create_index(batch_op.f("ix_sages_phone_hash"), ["phone_hash"], unique=False)
    with op.batch_alter_table("support_team_members", schema=None) as batch_op:
        batch_op.drop_column("phone")
        batch_op.create_index(batch_op.f("ix_support_team_members_phone_hash"), ["phone_hash"], unique=False)
    _mask_history()


def downgrade():
    for name, fields in SEALED.items():
        with op.batch_alter_table(name, schema=None) as batch_op:
            for field, _kind, _ in fields:
                batch_op.add_column(sa.Column(field, sa.String(length=16 if field == "phone" else 13), nullable=True))
        _unseal(name)
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.drop_constraint("uq_households_national_id_hash_fiscal_year", type_="unique")
        batch_op.drop_index("ix_households_phone_hash")
        batch_op.alter_column("phone", existing_type=sa.String(length=16), nullable=False)
        batch_op.create_unique_constraint("uq_households_national_id_fiscal_year", ["national_id", "fiscal_year"])
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_constraint("uq_persons_national_id_hash", type_="unique")
        batch_op.create_unique_constraint("uq_persons_national_id", ["national_id"])
    with op.batch_alter_table("sages", schema=None) as batch_op:
        batch_op.drop_index("ix_sages_phone_hash")
        batch_op.alter_column("phone", existing_type=sa.String(length=16), nullable=False)
        batch_op.create_index("ix_sages_phone", ["phone"], unique=False)
    with op.batch_alter_table("support_team_members", schema=None) as batch_op:
        batch_op.drop_index("ix_support_team_members_phone_hash")
        batch_op.alter_column("phone", existing_type=sa.String(length=16), nullable=False)
    for name, fields in SEALED.items():
        with op.batch_alter_table(name, schema=None) as batch_op:
            for field, kind, _ in fields:
                for column in _stored(field, kind):
                    batch_op.drop_column(column.name)
            batch_op.drop_column("key_id")
