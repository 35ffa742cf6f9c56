"""occupational groups and OTOP products

Groups, their dated status changes and members, OTOP products; a visit's group
picked from the list (old typed names stay in followups.group_name); the year's
target share of villages with a group (programme_rules.group_target, 10 %).

Revision ID: 6af542576dd7
Revises: f282e3a3bce9
Create Date: 2026-11-24 21:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6af542576dd7'
down_revision = 'f282e3a3bce9'
branch_labels = None
depends_on = None

STATUS = "status IN ('forming', 'active', 'stopped')"


def stamps():
    return [sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
            sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
            sa.Column('version', sa.Integer(), nullable=False),
            sa.Column('submit_token', sa.String(length=36), nullable=True)]


def upgrade():
    op.create_table('occupational_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('village_id', sa.Integer(), nullable=False),
    sa.Column('tambon_wide', sa.Boolean(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('occupation_id', sa.Integer(), nullable=True),
    sa.Column('occupation_other', sa.String(length=100), nullable=False),
    sa.Column('founded_on', sa.Date(), nullable=False),
    sa.Column('leader_name', sa.String(length=120), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('registered', sa.Boolean(), nullable=False),
    sa.Column('registered_with', sa.String(length=200), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    *stamps(),
    sa.CheckConstraint(STATUS, name=op.f('ck_occupational_groups_status_known')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_occupational_groups_created_by_id_users')),
    sa.ForeignKeyConstraint(['occupation_id'], ['occupations.id'],
                            name=op.f('fk_occupational_groups_occupation_id_occupations')),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_occupational_groups_village_id_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_occupational_groups')),
    sa.UniqueConstraint('submit_token', name=op.f('uq_occupational_groups_submit_token'))
    )
    with op.batch_alter_table('occupational_groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_occupational_groups_village_id'), ['village_id'], unique=False)

    op.create_table('group_status_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint(STATUS, name=op.f('ck_group_status_changes_status_known')),
    sa.ForeignKeyConstraint(['group_id'], ['occupational_groups.id'],
                            name=op.f('fk_group_status_changes_group_id_occupational_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_group_status_changes_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_status_changes'))
    )
    with op.batch_alter_table('group_status_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_status_changes_group_id'), ['group_id'], unique=False)

    op.create_table('group_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=False),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.CheckConstraint("household_id IS NOT NULL OR name <> ''", name=op.f('ck_group_members_someone')),
    sa.ForeignKeyConstraint(['group_id'], ['occupational_groups.id'],
                            name=op.f('fk_group_members_group_id_occupational_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_group_members_household_id_households'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_members'))
    )
    with op.batch_alter_table('group_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_members_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_group_members_household_id'), ['household_id'], unique=False)

    op.create_table('otop_products',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=8), nullable=False),
    sa.Column('registered_year', sa.SmallInteger(), nullable=True),
    sa.Column('registration_no', sa.String(length=50), nullable=False),
    sa.Column('stars', sa.SmallInteger(), nullable=True),
    sa.Column('stars_year', sa.SmallInteger(), nullable=True),
    *stamps(),
    sa.CheckConstraint("category IN ('food', 'drink', 'textile', 'craft', 'herbal')",
                       name=op.f('ck_otop_products_category_known')),
    sa.CheckConstraint('stars IS NULL OR stars BETWEEN 1 AND 5', name=op.f('ck_otop_products_stars_range')),
    sa.ForeignKeyConstraint(['group_id'], ['occupational_groups.id'],
                            name=op.f('fk_otop_products_group_id_occupational_groups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_otop_products')),
    sa.UniqueConstraint('submit_token', name=op.f('uq_otop_products_submit_token'))
    )
    with op.batch_alter_table('otop_products', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_otop_products_group_id'), ['group_id'], unique=False)

    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.add_column(sa.Column('group_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_followups_group_id_occupational_groups'), 'occupational_groups',
                                    ['group_id'], ['id'], ondelete='SET NULL')
    with op.batch_alter_table('programme_rules', schema=None) as batch_op:
        batch_op.add_column(sa.Column('group_target', sa.Float(), server_default='0.1', nullable=False))


def downgrade():
    with op.batch_alter_table('programme_rules', schema=None) as batch_op:
        batch_op.drop_column('group_target')
    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_followups_group_id_occupational_groups'), type_='foreignkey')
        batch_op.drop_column('group_id')
    op.drop_table('otop_products')
    op.drop_table('group_members')
    op.drop_table('group_status_changes')
    op.drop_table('occupational_groups')
