"""PDPA: privacy notices per fiscal year, the notice a household accepted, erasure

Revision ID: 9d4e1f6a2b70
Revises: 73c95299830b
Create Date: 2026-11-26 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9d4e1f6a2b70'
down_revision = '73c95299830b'
branch_labels = None
depends_on = None

RIGHTS = ("ขอดูหรือขอสำเนาข้อมูลของตน ขอแก้ไขให้ถูกต้อง ขอถอนความยินยอมและให้ลบข้อมูลได้ "
          "ที่สำนักงานพัฒนาชุมชนอำเภอ การถอนความยินยอมไม่กระทบสิ่งที่ทำไปแล้วก่อนถอน "
          "และร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคลได้")
CONTACT = "สำนักงานพัฒนาชุมชนอำเภอที่ดูแลหมู่บ้านนี้ ในวันและเวลาราชการ หรือเจ้าหน้าที่พัฒนาชุมชนผู้สัมภาษณ์"
NOTICES = [
    {"fiscal_year": 2560, "kind": "households", "contact": CONTACT,
     "purpose": "คัดเลือกและดูแลครัวเรือนเป้าหมายโครงการสร้างสัมมาชีพชุมชน จัดฝึกอาชีพ ติดตามผล "
                "และวัดรายได้ที่เพิ่มขึ้น เลขประจำตัวใช้ตรวจไม่ให้ลงทะเบียนซ้ำ",
     "retention": "เก็บตลอดปีงบประมาณของโครงการ และอีก 5 ปีหลังสิ้นปีงบประมาณเพื่อการตรวจสอบ "
                  "จากนั้นลบชื่อ เลขประจำตัว เบอร์โทรศัพท์ บ้านเลขที่ และข้อความที่บันทึกไว้ "
                  "เหลือเฉพาะตัวเลขของโครงการที่ไม่ระบุตัวบุคคล",
     "rights": RIGHTS},
    {"fiscal_year": 2560, "kind": "sages", "contact": CONTACT,
     "purpose": "คัดเลือกปราชญ์ชุมชนเป็นวิทยากรสัมมาชีพชุมชน ประสานการฝึกอบรม ถอดองค์ความรู้ "
                "และยกย่องเชิดชูเกียรติ เลขประจำตัวใช้รู้ว่าเป็นบุคคลเดียวกันในหลายหมู่บ้านและหลายปี",
     "retention": "เก็บไว้ตลอดเวลาที่เป็นปราชญ์ของโครงการ และอีก 5 ปีหลังปีงบประมาณสุดท้ายที่ร่วมโครงการ",
     "rights": RIGHTS},
]


def upgrade():
    notices = op.create_table(
        'privacy_notices',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('fiscal_year', sa.SmallInteger(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('contact', sa.String(length=300), nullable=False),
        sa.Column('purpose', sa.Text(), nullable=False),
        sa.Column('retention', sa.Text(), nullable=False),
        sa.Column('rights', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('households', 'sages')", name=op.f('ck_privacy_notices_kind_known')),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_privacy_notices_created_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_privacy_notices')),
    )
    with op.batch_alter_table('privacy_notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_privacy_notices_fiscal_year'), ['fiscal_year'], unique=False)
    from datetime import UTC, datetime
    op.bulk_insert(notices, [{**n, "created_at": datetime(2016, 10, 1, tzinfo=UTC)} for n in NOTICES])

    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.add_column(sa.Column('consent_notice_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('erased_on', sa.Date(), nullable=True))
        batch_op.alter_column('national_id', existing_type=sa.String(length=13), nullable=True)
        batch_op.create_foreign_key(batch_op.f('fk_households_consent_notice_id_privacy_notices'),
                                    'privacy_notices', ['consent_notice_id'], ['id'])
    with op.batch_alter_table('household_drafts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('consent_notice_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_household_drafts_consent_notice_id_privacy_notices'),
                                    'privacy_notices', ['consent_notice_id'], ['id'])


def downgrade():
    with op.batch_alter_table('household_drafts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_household_drafts_consent_notice_id_privacy_notices'),
                                 type_='foreignkey')
        batch_op.drop_column('consent_notice_id')
    # An erased household has no ID: it gets a placeholder that is never a valid one (not digits).
    op.execute("UPDATE households SET national_id = 'E' || CAST(id AS VARCHAR(12)) WHERE national_id IS NULL")
    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_households_consent_notice_id_privacy_notices'), type_='foreignkey')
        batch_op.alter_column('national_id', existing_type=sa.String(length=13), nullable=False)
        batch_op.drop_column('erased_on')
        batch_op.drop_column('consent_notice_id')
    with op.batch_alter_table('privacy_notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_privacy_notices_fiscal_year'))
    op.drop_table('privacy_notices')
