"""search names: households, sages and team members by a normalised name

A column `search_name` beside each person's name: NFC, lower case, no spaces, no leading title
(sammachip/domain/search.py name_key), filled here for existing rows and on every write after.
The search box matches it with LIKE on both databases.

Revision ID: d13fedbff69b
Revises: b0a0e454ac15
Create Date: 2026-11-24 23:05:38.869383

"""
import sqlalchemy as sa
from alembic import op

from sammachip.domain.search import name_key

# revision identifiers, used by Alembic.
revision = 'd13fedbff69b'
down_revision = 'b0a0e454ac15'
branch_labels = None
depends_on = None

BATCH = 500
NAMES = {"households": "head_name", "sages": "name", "support_team_members": "name"}


def _fill(name: str, field: str) -> None:
    """Every existing row's key, BATCH rows at a time (by id)."""
    table = sa.table(name, sa.column("id", sa.Integer), sa.column(field, sa.String),
                     sa.column("search_name", sa.String))
    conn, last = op.get_bind(), 0
    while rows := conn.execute(sa.select(table.c.id, table.c[field]).where(table.c.id > last)
                               .order_by(table.c.id).limit(BATCH)).all():
        conn.execute(table.update().where(table.c.id == sa.bindparam("row_id")),
                     [{"row_id": row.id, "search_name": name_key(row[1] or "")} for row in rows])
        last = rows[-1].id


def upgrade():
    for name, field in NAMES.items():
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.add_column(sa.Column("search_name", sa.String(length=120), server_default="", nullable=False))
        _fill(name, field)


def downgrade():
    for name in NAMES:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_column("search_name")
