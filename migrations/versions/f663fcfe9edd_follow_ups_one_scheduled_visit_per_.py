"""follow-ups: one scheduled visit per household and date

Two training days tapped at the same moment could schedule a household's
visits twice (each request saw only its own tap). Before the unique index
goes on, each doubled (household, due date) of scheduled visits is merged:
the visit with answers stays scheduled (done before draft before due, then
the oldest); a twin that also has answers is kept as an extra visit, so no
answer is deleted; twins without answers are deleted.

Revision ID: f663fcfe9edd
Revises: a1c3e5d7f901
Create Date: 2026-11-24 19:27:28.019566

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f663fcfe9edd'
down_revision = 'a1c3e5d7f901'
branch_labels = None
depends_on = None

SCHEDULED = sa.text("kind = 'scheduled'")


def rank(table: str) -> str:
    """How much of the checklist a visit holds: done 2, draft 1, due (no answers) 0."""
    return f"CASE {table}.status WHEN 'done' THEN 2 WHEN 'draft' THEN 1 ELSE 0 END"


# A scheduled twin of this row (same household and date) that is kept before it.
BETTER_TWIN = f"""EXISTS (
    SELECT 1 FROM followups AS twin
    WHERE twin.kind = 'scheduled' AND twin.household_id = followups.household_id
      AND twin.due_date = followups.due_date AND twin.id <> followups.id
      AND ({rank('twin')} > {rank('followups')} OR ({rank('twin')} = {rank('followups')} AND twin.id < followups.id)))"""


def upgrade():
    op.execute(f"UPDATE followups SET kind = 'extra' WHERE kind = 'scheduled' AND status <> 'due' AND {BETTER_TWIN}")
    op.execute(f"DELETE FROM followups WHERE kind = 'scheduled' AND status = 'due' AND {BETTER_TWIN}")
    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.create_index('uq_followups_scheduled_household_due', ['household_id', 'due_date'], unique=True,
                              sqlite_where=SCHEDULED, postgresql_where=SCHEDULED)


def downgrade():
    # Merged twins are not split again: they were one visit.
    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.drop_index('uq_followups_scheduled_household_due', sqlite_where=SCHEDULED,
                            postgresql_where=SCHEDULED)
