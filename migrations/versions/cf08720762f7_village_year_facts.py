"""village year facts

Revision ID: cf08720762f7
Revises: d7c45b77730c
Create Date: 2026-11-24 22:22:07.002642

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'cf08720762f7'
down_revision = 'd7c45b77730c'
branch_labels = None
depends_on = None


def upgrade():
    # Filled by `flask rebuild-facts` (README: Upgrading); until then the dashboards count live.
    op.create_table('village_year_facts',
    sa.Column('village_id', sa.Integer(), nullable=False),
    sa.Column('fiscal_year', sa.SmallInteger(), nullable=False),
    sa.Column('settled_on', sa.Date(), nullable=True),
    sa.Column('lead', sa.Integer(), nullable=False),
    sa.Column('assistants', sa.Integer(), nullable=False),
    sa.Column('lead_trained', sa.Integer(), nullable=False),
    sa.Column('workshop', sa.Integer(), nullable=False),
    sa.Column('registered', sa.Integer(), nullable=False),
    sa.Column('assigned', sa.Integer(), nullable=False),
    sa.Column('days_held', sa.Integer(), nullable=False),
    sa.Column('ind_registered', sa.Integer(), nullable=False),
    sa.Column('trained', sa.Integer(), nullable=False),
    sa.Column('visited', sa.Integer(), nullable=False),
    sa.Column('practising', sa.Integer(), nullable=False),
    sa.Column('partly', sa.Integer(), nullable=False),
    sa.Column('team_visited', sa.Integer(), nullable=False),
    sa.Column('income_n', sa.Integer(), nullable=False),
    sa.Column('before_sum', sa.Float(), nullable=False),
    sa.Column('after_sum', sa.Float(), nullable=False),
    sa.Column('villages_reaching', sa.Integer(), nullable=False),
    sa.Column('knowledge', sa.Integer(), nullable=False),
    sa.Column('tambon_team', sa.Integer(), nullable=False),
    sa.Column('tambon_trained', sa.Integer(), nullable=False),
    sa.Column('tambon_visited', sa.Integer(), nullable=False),
    sa.Column('tambon_left', sa.Integer(), nullable=False),
    sa.Column('fund_households', sa.Integer(), nullable=False),
    sa.Column('fund_amount', sa.BigInteger(), nullable=False),
    sa.Column('centres', sa.Integer(), nullable=False),
    sa.Column('group_households', sa.Integer(), nullable=False),
    sa.Column('otop_products', sa.Integer(), nullable=False),
    sa.Column('marks', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_village_year_facts_village_id_villages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('village_id', 'fiscal_year', name=op.f('pk_village_year_facts'))
    )
    with op.batch_alter_table('village_year_facts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_village_year_facts_fiscal_year'), ['fiscal_year'], unique=False)


def downgrade():
    with op.batch_alter_table('village_year_facts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_village_year_facts_fiscal_year'))
    op.drop_table('village_year_facts')
