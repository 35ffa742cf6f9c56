"""attendance taps: each tap with its moment and the phone's key (offline queue)

Revision ID: b7d1e4a9c2f6
Revises: cf08720762f7
Create Date: 2026-11-26 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7d1e4a9c2f6'
down_revision = 'cf08720762f7'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('attendance_taps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submit_token', sa.String(length=36), nullable=True),
    sa.Column('day_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('present', sa.Boolean(), nullable=False),
    sa.Column('tapped_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['day_id'], ['training_days.id'], name=op.f('fk_attendance_taps_day_id_training_days'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'],
                            name=op.f('fk_attendance_taps_household_id_households'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_attendance_taps_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance_taps')),
    sa.UniqueConstraint('submit_token', name=op.f('uq_attendance_taps_submit_token'))
    )
    with op.batch_alter_table('attendance_taps', schema=None) as batch_op:
        batch_op.create_index('ix_attendance_taps_day_household', ['day_id', 'household_id', 'tapped_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_taps_household_id'), ['household_id'], unique=False)


def downgrade():
    with op.batch_alter_table('attendance_taps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_taps_household_id'))
        batch_op.drop_index('ix_attendance_taps_day_household')
    op.drop_table('attendance_taps')
