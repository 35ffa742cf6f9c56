"""photos as evidence of training days and visits

Revision ID: d7c45b77730c
Revises: 8db8b520bba2
Create Date: 2026-11-24 22:21:17.627030

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd7c45b77730c'
down_revision = '8db8b520bba2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('photos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=32), nullable=False),
    sa.Column('village_id', sa.Integer(), nullable=False),
    sa.Column('training_day_id', sa.Integer(), nullable=True),
    sa.Column('followup_id', sa.Integer(), nullable=True),
    sa.Column('household_id', sa.Integer(), nullable=True),
    sa.Column('caption', sa.String(length=200), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('submit_token', sa.String(length=36), nullable=True),
    sa.CheckConstraint('(training_day_id IS NULL) <> (followup_id IS NULL)', name=op.f('ck_photos_one_subject')),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_photos_village_id_villages'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['training_day_id'], ['training_days.id'],
                            name=op.f('fk_photos_training_day_id_training_days'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['followup_id'], ['followups.id'], name=op.f('fk_photos_followup_id_followups'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_photos_household_id_households'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_photos_uploaded_by_id_users'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_photos')),
    sa.UniqueConstraint('key', name=op.f('uq_photos_key')),
    sa.UniqueConstraint('submit_token', name=op.f('uq_photos_submit_token'))
    )
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_photos_village_id'), ['village_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_photos_training_day_id'), ['training_day_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_photos_followup_id'), ['followup_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_photos_household_id'), ['household_id'], unique=False)
    op.create_table('photo_blobs',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_photo_blobs'))
    )


def downgrade():
    op.drop_table('photo_blobs')
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_photos_household_id'))
        batch_op.drop_index(batch_op.f('ix_photos_followup_id'))
        batch_op.drop_index(batch_op.f('ix_photos_training_day_id'))
        batch_op.drop_index(batch_op.f('ix_photos_village_id'))
    op.drop_table('photos')
