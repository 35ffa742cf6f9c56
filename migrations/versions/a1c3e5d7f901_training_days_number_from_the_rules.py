"""training days: the number of days comes from the year's rules, not a check

Revision ID: a1c3e5d7f901
Revises: fcb9da853fb1
Create Date: 2026-11-24 19:20:00

"""
from alembic import op

revision = 'a1c3e5d7f901'
down_revision = 'fcb9da853fb1'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('training_days', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_training_days_day_range'), type_='check')
        batch_op.create_check_constraint(op.f('ck_training_days_day_positive'), 'day_no >= 1')


def downgrade():
    with op.batch_alter_table('training_days', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_training_days_day_positive'), type_='check')
        batch_op.create_check_constraint(op.f('ck_training_days_day_range'), 'day_no BETWEEN 1 AND 5')
