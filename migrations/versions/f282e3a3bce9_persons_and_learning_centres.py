"""persons and learning centres

One person per existing sage row (none merged: rows become one person only when
the same valid national ID is entered on both). Learning centres with their host
sages and occupations; a training day's place.

Revision ID: f282e3a3bce9
Revises: d3c0f20b746c
Create Date: 2026-11-25 09:00:00.000000

"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f282e3a3bce9'
down_revision = 'd3c0f20b746c'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('persons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('national_id', sa.String(length=13), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persons')),
    sa.UniqueConstraint('national_id', name=op.f('uq_persons_national_id'))
    )
    with op.batch_alter_table('sages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('person_id', sa.Integer(), nullable=True))

    link_every_sage_to_a_person_of_its_own()

    with op.batch_alter_table('sages', schema=None) as batch_op:
        batch_op.alter_column('person_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_index(batch_op.f('ix_sages_person_id'), ['person_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_sages_person_id_persons'), 'persons', ['person_id'], ['id'])

    op.create_table('learning_centres',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('village_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('place_kind', sa.String(length=16), nullable=False),
    sa.Column('place_text', sa.String(length=300), nullable=False),
    sa.Column('occupations_other', sa.String(length=200), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('submit_token', sa.String(length=36), nullable=True),
    sa.CheckConstraint("place_kind IN ('sage_house', 'community')", name=op.f('ck_learning_centres_place_kind_known')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_learning_centres_created_by_id_users')),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_learning_centres_village_id_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_centres')),
    sa.UniqueConstraint('submit_token', name=op.f('uq_learning_centres_submit_token'))
    )
    with op.batch_alter_table('learning_centres', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learning_centres_village_id'), ['village_id'], unique=False)

    op.create_table('learning_centre_hosts',
    sa.Column('centre_id', sa.Integer(), nullable=False),
    sa.Column('sage_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['centre_id'], ['learning_centres.id'], name=op.f('fk_learning_centre_hosts_centre_id_learning_centres'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sage_id'], ['sages.id'], name=op.f('fk_learning_centre_hosts_sage_id_sages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('centre_id', 'sage_id', name=op.f('pk_learning_centre_hosts'))
    )
    with op.batch_alter_table('learning_centre_hosts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learning_centre_hosts_sage_id'), ['sage_id'], unique=False)

    op.create_table('learning_centre_occupations',
    sa.Column('centre_id', sa.Integer(), nullable=False),
    sa.Column('occupation_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['centre_id'], ['learning_centres.id'], name=op.f('fk_learning_centre_occupations_centre_id_learning_centres'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['occupation_id'], ['occupations.id'], name=op.f('fk_learning_centre_occupations_occupation_id_occupations')),
    sa.PrimaryKeyConstraint('centre_id', 'occupation_id', name=op.f('pk_learning_centre_occupations'))
    )

    with op.batch_alter_table('training_days', schema=None) as batch_op:
        batch_op.add_column(sa.Column('learning_centre_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('place_text', sa.String(length=200), server_default='', nullable=False))
        batch_op.create_index(batch_op.f('ix_training_days_learning_centre_id'), ['learning_centre_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_training_days_learning_centre_id_learning_centres'),
                                    'learning_centres', ['learning_centre_id'], ['id'])


def link_every_sage_to_a_person_of_its_own():
    """One person per sage row, named as the row; none merged (a shared phone is no proof)."""
    bind = op.get_bind()
    sages = sa.table('sages', sa.column('id', sa.Integer), sa.column('name', sa.String),
                     sa.column('person_id', sa.Integer))
    persons = sa.table('persons', sa.column('id', sa.Integer), sa.column('name', sa.String),
                       sa.column('created_at', sa.DateTime(timezone=True)),
                       sa.column('updated_at', sa.DateTime(timezone=True)))
    now = datetime.now(timezone.utc)
    for sage_id, name in bind.execute(sa.select(sages.c.id, sages.c.name).order_by(sages.c.id)).all():
        person_id = bind.execute(persons.insert().values(name=name, created_at=now, updated_at=now)
                                 .returning(persons.c.id)).scalar_one()
        bind.execute(sages.update().where(sages.c.id == sage_id).values(person_id=person_id))


def downgrade():
    with op.batch_alter_table('training_days', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_training_days_learning_centre_id_learning_centres'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_training_days_learning_centre_id'))
        batch_op.drop_column('place_text')
        batch_op.drop_column('learning_centre_id')

    op.drop_table('learning_centre_occupations')
    with op.batch_alter_table('learning_centre_hosts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_centre_hosts_sage_id'))
    op.drop_table('learning_centre_hosts')
    with op.batch_alter_table('learning_centres', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_centres_village_id'))
    op.drop_table('learning_centres')

    with op.batch_alter_table('sages', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_sages_person_id_persons'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_sages_person_id'))
        batch_op.drop_column('person_id')
    op.drop_table('persons')
