"""community funds given to occupational groups

Revision ID: b0a0e454ac15
Revises: b7d1e4a9c2f6
Create Date: 2026-11-24 23:14:10.391919

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b0a0e454ac15'
down_revision = 'b7d1e4a9c2f6'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('community_funds', schema=None) as batch_op:
        batch_op.add_column(sa.Column('group_id', sa.Integer(), nullable=True))
        batch_op.alter_column('household_id', existing_type=sa.Integer(), nullable=True)
        batch_op.create_index(batch_op.f('ix_community_funds_group_id'), ['group_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_community_funds_group_id_occupational_groups'),
                                    'occupational_groups', ['group_id'], ['id'], ondelete='CASCADE')
        batch_op.create_check_constraint(op.f('ck_community_funds_one_recipient'), '(household_id IS NULL) <> (group_id IS NULL)')


def downgrade():
    # A group's records have no household: they go with the column.
    op.execute("DELETE FROM community_funds WHERE household_id IS NULL")
    with op.batch_alter_table('community_funds', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_community_funds_one_recipient'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_community_funds_group_id_occupational_groups'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_community_funds_group_id'))
        batch_op.alter_column('household_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('group_id')
