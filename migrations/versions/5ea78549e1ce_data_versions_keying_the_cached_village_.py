"""Data versions keying the cached village page: one row per village (`village:<id>`) and one for the rules

Revision ID: 5ea78549e1ce
Revises: 241da0425aa9
Create Date: 2026-11-25 00:40:19.358577

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5ea78549e1ce'
down_revision = "241da0425aa9"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('data_versions',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_data_versions'))
    )


def downgrade():
    op.drop_table('data_versions')
