"""Export tables: headers and rows in the reader's language, one query per table, filtered to an area.

Who sees full national IDs and incomes is the rulebook's (domain/permissions.py);
everyone else gets IDs masked and incomes left out. Every label comes from
labels.py, every programme number from the year's rules.
"""
from collections import defaultdict
from datetime import date

from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import or_, select
from sqlalchemy.orm import aliased

from ..domain import geo, thai_id
from ..domain.permissions import exports_full_id, sees_income
from ..domain.programme import rules_for
from ..domain.progress import empty_facts, facts_for, status_of, steps_of
from ..domain.thai_dates import as_bangkok
from ..extensions import db
from ..labels import (
    ATTENDED,
    FOLLOWUP_STATUSES,
    FUNDS,
    HOUSEHOLD_STATUSES,
    PRACTISING,
    REASONS,
    TRAINED,
    VILLAGE_STATUSES,
    VISITORS,
    label,
)
from ..models import Attendance, FollowUp, Household, OccupationalGroup, Sage, TrainingDay, Village


def pct(share):
    return None if share is None else round(share * 100, 1)


def target(share: float) -> str:
    return f"{share * 100:g}"


def lang() -> str:
    return str(get_locale() or "th")


def village_head() -> list[str]:
    return [_("รหัสหมู่บ้าน"), _("หมู่ที่"), _("ชื่อหมู่บ้าน"), _("ตำบล"), _("อำเภอ")]


def village_cells(v: Village) -> list:
    return [v.code, v.moo, v.name, geo.subdistrict_name(v.subdistrict_code, lang()),
            geo.district_name(v.district_code, lang())]


def villages(user, where, fy: int, today: date):
    rules = rules_for(fy)
    rows = db.session.scalars(select(Village).where(where).order_by(Village.code)).all()
    facts = facts_for(db.session, where, fy, today)
    head = village_head() + [
        _("ขั้นตอนที่ทำแล้ว (จาก %(n)s)", n=len(rules.steps)), _("ทีมวิทยากร (จาก %(n)s)", n=rules.team_size),
        _("ครัวเรือนเป้าหมาย"), _("ผ่านการอบรม"), _("เยี่ยมแล้ว"), _("ประกอบอาชีพ"), _("ในจำนวนนี้ทำบ้าง"),
        _("ร้อยละประกอบอาชีพ (เป้า %(t)s)", t=target(rules.practising_target)),
        _("ครัวเรือนที่วัดรายได้ (n)"), _("รายได้ก่อน (บาท/ปี)"), _("รายได้หลัง (บาท/ปี)"),
        _("รายได้เพิ่มขึ้น ร้อยละ (เป้า %(t)s)", t=target(rules.income_target)), _("สถานะ")]
    body = []
    for v in rows:
        f = facts.get(v.id) or empty_facts(fy)
        ind = f.ind
        body.append(
            village_cells(v)
            + [
                sum(s.done for s in steps_of(f)),
                f.team_size,
                f.registered,
                ind.trained,
                ind.visited,
                ind.practising,
                ind.partly,
                pct(ind.share if ind.measured else None),
                ind.income_n,
                round(ind.before_sum),
                round(ind.after_sum),
                pct(ind.income_change),
                label(VILLAGE_STATUSES, status_of(f)),
            ]
        )
    return head, body


def id_for(user, number: str | None) -> str:
    if not number:  # erased (PDPA)
        return ""
    return thai_id.formatted(number) if exports_full_id(user) else thai_id.masked(number)


def households(user, where, fy: int, _today):
    trainer = aliased(Sage)
    rows = db.session.execute(
        select(Household, Village, trainer.name)
        .join(Village, Village.id == Household.village_id)
        .outerjoin(trainer, trainer.id == Household.trainer_id)
        .where(where, Household.fiscal_year == fy)
        .order_by(Village.code, Household.head_name)
    ).all()
    income = sees_income(user)
    head = village_head() + [_("ชื่อหัวหน้าครัวเรือน"), _("เลขประจำตัวประชาชน"), _("บ้านเลขที่"), _("สมาชิก (คน)"),
                             _("อาชีพหลัก"), _("รายได้ต่อปี (บาท)"), _("รายได้จากอาชีพที่ฝึกตอนขึ้นทะเบียน (บาท/ปี)"),
                             _("อาชีพที่ต้องการ"), _("วิทยากรผู้ดูแล"), _("สถานะ"), _("วันที่ให้ความยินยอม")]
    body = [village_cells(v) + [h.head_name, id_for(user, h.national_id), h.house_no, h.members, h.main_occupation,
                                h.income_per_year if income else None,
                                h.occupation_income_per_year if income else None, h.need_label_in(lang()),
                                trainer_name or "", label(HOUSEHOLD_STATUSES, h.status),
                                as_bangkok(h.consent_at).date()]
            for h, v, trainer_name in rows]
    return head, body


def attendance(user, where, fy: int, as_of: date):
    rules = rules_for(fy)
    rows = db.session.execute(
        select(Household, Village)
        .join(Village, Village.id == Household.village_id)
        .where(where, Household.fiscal_year == fy, Household.status == "registered")
        .order_by(Village.code, Household.head_name)
    ).all()
    marks = db.session.execute(
        select(Attendance.household_id, TrainingDay.day_no)
        .join(TrainingDay, TrainingDay.id == Attendance.day_id)
        .join(Village, Village.id == TrainingDay.village_id)
        .where(where, TrainingDay.fiscal_year == fy, TrainingDay.held_on <= as_of)  # as of the year's cut-off
    ).all()
    present = defaultdict(set)
    for household_id, day_no in marks:
        present[household_id].add(day_no)
    head = (
        village_head()
        + [_("ชื่อหัวหน้าครัวเรือน"), _("เลขประจำตัวประชาชน")]
        + [_("วันที่ %(n)s", n=n) for n in rules.day_numbers]
        + [_("รวมวันที่มา"), _("ผ่านการอบรม")]
    )
    body = [
        village_cells(v)
        + [h.head_name, id_for(user, h.national_id)]
        + [label(ATTENDED, n in present[h.id]) for n in rules.day_numbers]
        + [len(present[h.id]), label(TRAINED, len(present[h.id]) >= rules.days_to_complete)]
        for h, v in rows
    ]
    return head, body


def followups(user, where, fy: int, as_of: date):
    rows = db.session.execute(
        select(FollowUp, Household, Village, OccupationalGroup.name)
        .join(Household, Household.id == FollowUp.household_id)
        .join(Village, Village.id == Household.village_id)
        .outerjoin(OccupationalGroup, OccupationalGroup.id == FollowUp.group_id)
        # Visits made after the year's cut-off belong to no figure of the year: left out, as on its pages.
        .where(where, Household.fiscal_year == fy, or_(FollowUp.visit_date.is_(None), FollowUp.visit_date <= as_of))
        .order_by(Village.code, Household.head_name, FollowUp.due_date)
    ).all()
    income = sees_income(user)
    head = village_head() + [
        _("ชื่อหัวหน้าครัวเรือน"),
        _("กำหนดเยี่ยม"),
        _("วันที่เยี่ยม"),
        _("สถานะ"),
        _("ประกอบอาชีพ"),
        _("เหตุที่ไม่ได้ทำ"),
        _("รายได้จากอาชีพที่ฝึก (บาท)"),
        _("ค่าใช้จ่ายที่ประหยัดได้ (บาท)"),
        _("ช่วงเวลา (วัน)"),
        _("ขายที่"),
        _("กลุ่มอาชีพ"),
        _("แหล่งทุน"),
        _("จำนวนเงินทุน (บาท)"),
        _("ผู้ไปเยี่ยม"),
        _("ปัญหา"),
        _("ความช่วยเหลือที่ต้องการ"),
        _("นัดครั้งถัดไป"),
    ]
    body = [
        village_cells(v)
        + [
            h.head_name,
            f.due_date,
            f.visit_date,
            label(FOLLOWUP_STATUSES, f.status),
            label(PRACTISING, f.practising),
            label(REASONS, f.not_practising_reason),
            f.occupation_income if income else None,
            f.costs_saved if income else None,
            f.period_days,
            f.sells_where,
            group or f.group_name,  # picked from the list, else the name typed before groups were records
            label(FUNDS, f.fund_source),
            f.fund_amount,
            ", ".join(label(VISITORS, x) for x in f.visitors or []),
            f.problems,
            f.help_needed,
            f.next_visit_date,
        ]
        for f, h, v, group in rows
    ]
    return head, body


# Tables of records that outlive a programme year: not limited to the year's target villages.
# Support teams are filtered by the year themselves, and belong to areas, not target villages.
YEARLESS = {"knowledge", "support_teams", "centres", "groups", "group_members", "otop_products"}


def tables() -> dict:
    """Each table's file name, sheet title and builder."""
    from .groups import group_members, groups, otop_products
    from .knowledge import knowledge
    from .people import centres, sages
    from .teams import funds, support_teams

    return {
        "villages": (_("หมู่บ้านและตัวชี้วัด"), villages),
        "households": (_("ครัวเรือน"), households),
        "attendance": (_("การเข้าอบรม"), attendance),
        "followups": (_("การติดตาม"), followups),
        "knowledge": (_("องค์ความรู้"), knowledge),
        "support_teams": (_("ทีมสนับสนุน"), support_teams),
        "funds": (_("กองทุนชุมชน"), funds),
        "sages": (_("ปราชญ์และวิทยากร"), sages),
        "centres": (_("ศูนย์เรียนรู้ชุมชน"), centres),
        "groups": (_("กลุ่มอาชีพ"), groups),
        "group_members": (_("สมาชิกกลุ่มอาชีพ"), group_members),
        "otop_products": (_("ผลิตภัณฑ์ OTOP"), otop_products),
    }
