"""support teams and community funds

Revision ID: d3c0f20b746c
Revises: ded955ab127a
Create Date: 2026-11-25 09:00:00

Tambon and district support teams per fiscal year, their named members, the members a visit
names, and community fund records. Each old visit's fund answer (a source other than "none")
becomes a fund record linked to its visit, dated on the visit (else its due date).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd3c0f20b746c'
down_revision = 'ded955ab127a'
branch_labels = None
depends_on = None

SOURCES = ('community_fund', 'savings_group', 'village_fund', 'kkkc', 'women_fund', 'other')


def upgrade():
    op.create_table(
        'support_teams',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('level', sa.String(length=8), nullable=False),
        sa.Column('area_code', sa.String(length=6), nullable=False),
        sa.Column('district_code', sa.String(length=4), nullable=False),
        sa.Column('fiscal_year', sa.SmallInteger(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.CheckConstraint("level IN ('tambon', 'district')", name=op.f('ck_support_teams_level_known')),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_support_teams_created_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_support_teams')),
        sa.UniqueConstraint('level', 'area_code', 'fiscal_year',
                            name=op.f('uq_support_teams_level_area_code_fiscal_year')),
    )
    with op.batch_alter_table('support_teams', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_support_teams_district_code'), ['district_code'], unique=False)
    op.create_table(
        'support_team_members',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('team_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('phone', sa.String(length=16), nullable=False),
        sa.Column('organisation', sa.String(length=16), nullable=False),
        sa.Column('organisation_other', sa.String(length=100), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['team_id'], ['support_teams.id'], ondelete='CASCADE',
                                name=op.f('fk_support_team_members_team_id_support_teams')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_support_team_members')),
    )
    with op.batch_alter_table('support_team_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_support_team_members_team_id'), ['team_id'], unique=False)
    op.create_table(
        'followup_team_members',
        sa.Column('followup_id', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['followup_id'], ['followups.id'], ondelete='CASCADE',
                                name=op.f('fk_followup_team_members_followup_id_followups')),
        sa.ForeignKeyConstraint(['member_id'], ['support_team_members.id'],
                                name=op.f('fk_followup_team_members_member_id_support_team_members')),
        sa.PrimaryKeyConstraint('followup_id', 'member_id', name=op.f('pk_followup_team_members')),
    )
    with op.batch_alter_table('followup_team_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_followup_team_members_member_id'), ['member_id'], unique=False)
    op.create_table(
        'community_funds',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('village_id', sa.Integer(), nullable=False),
        sa.Column('household_id', sa.Integer(), nullable=False),
        sa.Column('followup_id', sa.Integer(), nullable=True),
        sa.Column('source', sa.String(length=16), nullable=False),
        sa.Column('source_other', sa.String(length=100), nullable=False),
        sa.Column('amount', sa.Integer(), nullable=True),
        sa.Column('received_on', sa.Date(), nullable=False),
        sa.Column('purpose', sa.String(length=300), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('submit_token', sa.String(length=36), nullable=True),
        sa.CheckConstraint('amount IS NULL OR amount >= 0', name=op.f('ck_community_funds_amount_not_negative')),
        sa.CheckConstraint("source IN ('community_fund', 'savings_group', 'village_fund', 'kkkc', 'women_fund', "
                           "'other')", name=op.f('ck_community_funds_source_known')),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_community_funds_created_by_id_users')),
        sa.ForeignKeyConstraint(['followup_id'], ['followups.id'], ondelete='SET NULL',
                                name=op.f('fk_community_funds_followup_id_followups')),
        sa.ForeignKeyConstraint(['household_id'], ['households.id'], ondelete='CASCADE',
                                name=op.f('fk_community_funds_household_id_households')),
        sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_community_funds_village_id_villages')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_community_funds')),
        sa.UniqueConstraint('followup_id', name=op.f('uq_community_funds_followup_id')),
        sa.UniqueConstraint('submit_token', name=op.f('uq_community_funds_submit_token')),
    )
    with op.batch_alter_table('community_funds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_community_funds_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_community_funds_village_id'), ['village_id'], unique=False)
    # Old visits' fund answers become fund records (an unknown source is kept as "other", named).
    known = ", ".join(f"'{s}'" for s in SOURCES)
    op.execute(f"""
        INSERT INTO community_funds (village_id, household_id, followup_id, source, source_other, amount,
                                     received_on, purpose, created_by_id, created_at, updated_at, version)
        SELECT h.village_id, f.household_id, f.id,
               CASE WHEN f.fund_source IN ({known}) THEN f.fund_source ELSE 'other' END,
               CASE WHEN f.fund_source IN ({known}) THEN COALESCE(f.fund_other, '')
                    ELSE SUBSTR(f.fund_source, 1, 100) END,
               f.fund_amount, COALESCE(f.visit_date, f.due_date), '', f.officer_id, f.updated_at, f.updated_at, 1
        FROM followups f JOIN households h ON h.id = f.household_id
        WHERE f.status = 'done' AND f.fund_source IS NOT NULL AND f.fund_source NOT IN ('', 'none')
    """)


def downgrade():
    op.drop_table('community_funds')
    op.drop_table('followup_team_members')
    op.drop_table('support_team_members')
    op.drop_table('support_teams')
