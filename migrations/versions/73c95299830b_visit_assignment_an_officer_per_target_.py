"""visit assignment: an officer per target village and per visit

Revision ID: 73c95299830b
Revises: d3c0f20b746c
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
down_revision = 'd3c0f20b746c'
branch_labels = None
depends_on = None

TABLES = ('target_villages', 'followups')


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('assigned_to_id', sa.Integer(), nullable=True))
            batch_op.create_index(batch_op.f(f'ix_{table}_assigned_to_id'), ['assigned_to_id'], unique=False)
            batch_op.create_foreign_key(batch_op.f(f'fk_{table}_assigned_to_id_users'), 'users',
                                        ['assigned_to_id'], ['id'], ondelete='SET NULL')


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f'fk_{table}_assigned_to_id_users'), type_='foreignkey')
            batch_op.drop_index(batch_op.f(f'ix_{table}_assigned_to_id'))
            batch_op.drop_column('assigned_to_id')
