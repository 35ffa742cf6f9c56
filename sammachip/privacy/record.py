"""Everything the app holds about one household, in Thai, for an access request: the
household as registered, its consent, training days, visits, fund support, groups, change
history and who did what with its record (the audit log). One query per section."""
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select

from ..domain import geo, thai_id
from ..domain.phone import display as phone_display
from ..domain.thai_dates import format_date
from ..extensions import db
from ..labels import FOLLOWUP_STATUSES, FUND_SOURCES, HOUSEHOLD_STATUSES, LEAVING, PRACTISING, REASONS, label
from ..models import (
    Attendance,
    AuditEntry,
    CommunityFund,
    FollowUp,
    GroupMember,
    Household,
    HouseholdChange,
    OccupationalGroup,
    PrivacyNotice,
    Sage,
    TrainingDay,
    User,
    Village,
)


def day(value) -> str:
    return format_date(value, "th", long=True) if value else ""


def household_record(household: Household, village: Village) -> list[tuple[str, list[list[tuple[str, object]]]]]:
    """[(section title, [record: [(label, value)]])], worded in Thai whatever the screen's language."""
    with force_locale("th"):
        return [(_("ครัวเรือน"), [_household(household, village)]),
                (_("ความยินยอม"), [_consent(household)]),
                (_("การเข้าอบรม"), _attendance(household.id)),
                (_("การเยี่ยมติดตาม"), _visits(household.id)),
                (_("การสนับสนุนจากกองทุน"), _funds(household.id)),
                (_("กลุ่มอาชีพ"), _groups(household.id)),
                (_("ประวัติการแก้ไข"), _changes(household.id)),
                (_("ผู้เข้าถึงหรือแก้ไขข้อมูล (บันทึกการใช้งาน)"), _log(household.id))]


def as_json(sections) -> dict:
    return {title: [{name: value for name, value in record} for record in records] for title, records in sections}


def _household(h: Household, village: Village) -> list[tuple[str, object]]:
    trainer = db.session.scalar(select(Sage.name).where(Sage.id == h.trainer_id)) if h.trainer_id else ""
    rows = [(_("ชื่อ-นามสกุลหัวหน้าครัวเรือน"), h.head_name),
            (_("เลขประจำตัวประชาชน"), thai_id.formatted(h.national_id) if h.national_id else ""),
            (_("เบอร์โทรศัพท์"), phone_display(h.phone)), (_("บ้านเลขที่"), h.house_no),
            (_("หมู่บ้าน"), _("บ้าน%(name)s หมู่ที่ %(no)s ต.%(t)s อ.%(d)s จ.%(p)s", name=village.name,
                                no=village.moo, t=geo.subdistrict_name(village.subdistrict_code),
                                d=geo.district_name(village.district_code),
                                p=geo.province_name(village.province_code))),
            (_("ปีงบประมาณ"), h.fiscal_year), (_("สถานะ"), str(label(HOUSEHOLD_STATUSES, h.status))),
            (_("จำนวนสมาชิก (คน)"), h.members), (_("อาชีพหลัก"), h.main_occupation),
            (_("รายได้ครัวเรือนต่อปี (บาท)"), h.income_per_year),
            (_("อาชีพที่อยากเรียน"), h.need_label_in("th")),
            (_("รายได้จากอาชีพที่จะฝึกต่อปี (บาท)"), h.occupation_income_per_year),
            (_("เหตุผลที่อยากเรียน"), h.need_reason),
            (_("ตั้งใจเข้าร่วมฝึกอบรมครบ"), _("ใช่") if h.committed else _("ไม่ใช่")),
            (_("วิทยากรที่ดูแล"), trainer or "")]
    if h.left_on:
        rows += [(_("ออกจากโครงการเมื่อ"), day(h.left_on)), (_("เหตุที่ออก"), str(label(LEAVING, h.left_reason)))]
    if h.erased_on:
        rows.append((_("ลบข้อมูลส่วนบุคคลเมื่อ"), day(h.erased_on)))
    return rows


def _consent(h: Household) -> list[tuple[str, object]]:
    notice = db.session.get(PrivacyNotice, h.consent_notice_id) if h.consent_notice_id else None
    version = (_("ฉบับที่ %(n)s ของปีงบประมาณ %(fy)s", n=notice.id, fy=notice.fiscal_year) if notice
               else _("ก่อนมีการเก็บฉบับของประกาศ"))
    return [(_("ยินยอมเมื่อ"), day(h.consent_at)), (_("ประกาศความเป็นส่วนตัวที่ยอมรับ"), version)]


def _attendance(household_id: int) -> list:
    days = db.session.execute(select(TrainingDay.day_no, TrainingDay.held_on).join(
        Attendance, Attendance.day_id == TrainingDay.id).where(Attendance.household_id == household_id)
        .order_by(TrainingDay.day_no)).all()
    return [[(_("วันที่อบรม"), _("วันที่ %(n)s · %(d)s", n=n, d=day(held)))] for n, held in days]


def _visits(household_id: int) -> list:
    visits = db.session.scalars(select(FollowUp).where(FollowUp.household_id == household_id)
                                .order_by(FollowUp.due_date)).all()
    return [[(_("กำหนดเยี่ยม"), day(v.due_date)), (_("สถานะ"), str(label(FOLLOWUP_STATUSES, v.status))),
             (_("วันที่เยี่ยม"), day(v.visit_date)),
             (_("ประกอบอาชีพที่ฝึก"), str(label(PRACTISING, v.practising)) if v.practising else ""),
             (_("เหตุที่ไม่ได้ทำ"), str(label(REASONS, v.not_practising_reason)) if v.not_practising_reason else ""),
             (_("รายละเอียดเหตุที่ไม่ได้ทำ"), v.reason_text),
             (_("รายได้จากอาชีพ (บาท)"), v.occupation_income), (_("ค่าใช้จ่ายที่ประหยัดได้ (บาท)"), v.costs_saved),
             (_("ช่วงเวลา (วัน)"), v.period_days), (_("ขายที่ไหน"), v.sells_where),
             (_("ปัญหา"), v.problems), (_("ความช่วยเหลือที่ต้องการ"), v.help_needed),
             (_("นัดเยี่ยมครั้งต่อไป"), day(v.next_visit_date))] for v in visits]


def _funds(household_id: int) -> list:
    funds = db.session.scalars(select(CommunityFund).where(CommunityFund.household_id == household_id)
                               .order_by(CommunityFund.received_on)).all()
    return [[(_("แหล่งทุน"), f.source_other or str(label(FUND_SOURCES, f.source))), (_("จำนวนเงิน (บาท)"), f.amount),
             (_("วันที่ได้รับ"), day(f.received_on)), (_("เพื่อ"), f.purpose)] for f in funds]


def _groups(household_id: int) -> list:
    rows = db.session.execute(select(OccupationalGroup.name, GroupMember.joined_on, GroupMember.left_on).join(
        GroupMember, GroupMember.group_id == OccupationalGroup.id).where(GroupMember.household_id == household_id)
        .order_by(GroupMember.joined_on)).all()
    return [[(_("กลุ่ม"), name), (_("เข้ากลุ่มเมื่อ"), day(joined)), (_("ออกจากกลุ่มเมื่อ"), day(left))]
            for name, joined, left in rows]


def _who():
    return func.coalesce(func.nullif(User.full_name, ""), User.username)


def _changes(household_id: int) -> list:
    rows = db.session.execute(select(HouseholdChange.changed_at, HouseholdChange.changes, _who())
                              .outerjoin(User, User.id == HouseholdChange.user_id)
                              .where(HouseholdChange.household_id == household_id)
                              .order_by(HouseholdChange.changed_at)).all()
    return [[(_("เมื่อ"), day(at)), (_("โดย"), who or ""),
             (_("ที่แก้"), "; ".join(f"{field}: {old} → {new}" for field, (old, new) in changes.items()))]
            for at, changes, who in rows]


def _log(household_id: int) -> list:
    from ..audit.wording import ACTIONS  # the log's own words for its actions

    rows = db.session.execute(select(AuditEntry.at, AuditEntry.action, AuditEntry.username)
                              .where(AuditEntry.household_id == household_id).order_by(AuditEntry.at)).all()
    return [[(_("เมื่อ"), day(at)), (_("การกระทำ"), str(label(ACTIONS, action))), (_("ผู้ใช้"), username)]
            for at, action, username in rows]
