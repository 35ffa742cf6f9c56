"""drafts' typed IDs and phones, and TOTP secrets, sealed at rest

An unfinished interview's draft kept the national ID and phone as typed in its JSON `data`;
they move, sealed together as JSON, into `personal_enc` under the row's `key_id` (the other
answers stay in `data`). A user's TOTP secret moves into `totp_secret_enc` under the user's
`key_id`, and the plain column is dropped. Both under the current DATA_KEYS key
(sammachip/crypto.py); rotate-keys moves them later. Downgrade opens them back.

On PostgreSQL a dropped or rewritten value stays in the table's files until they are
rewritten: run VACUUM FULL on household_drafts and users after upgrading (README: Security
and privacy). SQLite overwrites them (secure_delete).

Revision ID: 241da0425aa9
Revises: d13fedbff69b
Create Date: 2026-11-25 00:55:00

"""
import json

import sqlalchemy as sa
from alembic import op

from sammachip.crypto import SECRET, keyring, sealed_columns

# revision identifiers, used by Alembic.
revision = '241da0425aa9'
down_revision = 'd13fedbff69b'
branch_labels = None
depends_on = None

BATCH = 500
PERSONAL = ("national_id", "phone")  # (models/household.py HouseholdDraft.PERSONAL)
DRAFTS = sa.table("household_drafts", sa.column("id", sa.Integer), sa.column("key_id", sa.String),
                  sa.column("data", sa.JSON), sa.column("personal_enc", sa.LargeBinary))
USERS = sa.table("users", sa.column("id", sa.Integer), sa.column("key_id", sa.String),
                 sa.column("totp_secret", sa.String), sa.column("totp_secret_enc", sa.LargeBinary))


def _in_batches(table: sa.Table, columns, change, where=None) -> None:
    """`change(row)` → the row's new values, written BATCH rows at a time (by id)."""
    conn = op.get_bind()
    last = 0
    query = sa.select(table.c.id, *columns)
    if where is not None:
        query = query.where(where)
    while rows := conn.execute(query.where(table.c.id > last).order_by(table.c.id).limit(BATCH)).all():
        values = [{"row_id": row.id, **change(row)} for row in rows]
        conn.execute(table.update().where(table.c.id == sa.bindparam("row_id")), values)
        last = rows[-1].id


def _seal_drafts() -> None:
    ring = keyring()

    def sealed(row) -> dict:
        data = dict(row.data or {})
        personal = {k: data.pop(k) for k in PERSONAL if k in data}
        value = json.dumps(personal, ensure_ascii=False) if personal else None
        return {"key_id": ring.current_id, "data": data,
                **sealed_columns(ring, "household_drafts.personal", "personal", SECRET, value)}

    _in_batches(DRAFTS, [DRAFTS.c.data], sealed)


def _open_drafts() -> None:
    ring = keyring()

    def opened(row) -> dict:
        personal = ring.open(row.personal_enc, "household_drafts.personal", row.key_id) \
            if row.personal_enc is not None else None
        return {"data": {**(row.data or {}), **(json.loads(personal) if personal else {})}}

    _in_batches(DRAFTS, [DRAFTS.c.key_id, DRAFTS.c.data, DRAFTS.c.personal_enc], opened)


def _seal_totp() -> None:
    ring = keyring()

    def sealed(row) -> dict:
        return {"key_id": ring.current_id,
                **sealed_columns(ring, "users.totp_secret", "totp_secret", SECRET, row.totp_secret)}

    _in_batches(USERS, [USERS.c.totp_secret], sealed, USERS.c.totp_secret.is_not(None))


def _open_totp() -> None:
    ring = keyring()

    def opened(row) -> dict:
        return {"totp_secret": ring.open(row.totp_secret_enc, "users.totp_secret", row.key_id)}

    _in_batches(USERS, [USERS.c.key_id, USERS.c.totp_secret_enc], opened, USERS.c.totp_secret_enc.is_not(None))


def upgrade():
    with op.batch_alter_table("household_drafts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("key_id", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("personal_enc", sa.LargeBinary(), nullable=True))
    _seal_drafts()
    # Plain ALTER TABLE on users (SQLite 3.35+): a batch copy of `users` would drop the old
    # table, and its ON DELETE CASCADE would empty every table that points at users.
    op.add_column("users", sa.Column("key_id", sa.String(length=16), nullable=True))
    op.add_column("users", sa.Column("totp_secret_enc", sa.LargeBinary(), nullable=True))
    _seal_totp()
    op.execute("ALTER TABLE users DROP COLUMN totp_secret")


def downgrade():
    op.add_column("users", sa.Column("totp_secret", sa.String(length=32), nullable=True))
    _open_totp()
    op.execute("ALTER TABLE users DROP COLUMN totp_secret_enc")
    op.execute("ALTER TABLE users DROP COLUMN key_id")
    _open_drafts()
    with op.batch_alter_table("household_drafts", schema=None) as batch_op:
        batch_op.drop_column("personal_enc")
        batch_op.drop_column("key_id")
