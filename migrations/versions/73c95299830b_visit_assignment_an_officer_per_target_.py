"""visit assignment: an officer per target village and per visit

Revision ID: 73c95299830b
Revises: 5c2e8f0a1b34
Create Date: 2026-11-26 09:00:00

A district gives a target village-year's visits to an officer (target_villages.assigned_to_id);
each visit carries who is to go (followups.assigned_to_id), separate from who did it
(followups.officer_id). No data moves: no village had an officer before, so every visit starts
unassigned.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '73c95299830b'
down_revision = '5c2e8f0a1b34'
branch_labels = None
depends_on = None

TABLES = ('target_villages', 'followups')


def upgrade():
    # SQLite: ALTER TABLE ... ADD COLUMN ... REFERENCES, not a batch. A batch would rebuild the
    # table, and dropping the old followups table with foreign keys on deletes the rows of every
    # table that cascades from it (the visits' fund records, the team members who came).
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for table in TABLES:
        name = f'fk_{table}_assigned_to_id_users'
        if sqlite:
            op.execute(f'ALTER TABLE {table} ADD COLUMN assigned_to_id INTEGER '  # nosec B608: names are ours
                       f'CONSTRAINT {name} REFERENCES users (id)')
        else:
            op.add_column(table, sa.Column('assigned_to_id', sa.Integer(), nullable=True))
            op.create_foreign_key(name, table, 'users', ['assigned_to_id'], ['id'])
        op.create_index(op.f(f'ix_{table}_assigned_to_id'), table, ['assigned_to_id'], unique=False)


def downgrade():
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for table in TABLES:
        op.drop_index(op.f(f'ix_{table}_assigned_to_id'), table_name=table)
        with op.batch_alter_table(table, schema=None) as batch_op:
            if not sqlite:  # SQLite's rebuilt table leaves the column's foreign key out with the column
                batch_op.drop_constraint(f'fk_{table}_assigned_to_id_users', type_='foreignkey')
            batch_op.drop_column('assigned_to_id')
