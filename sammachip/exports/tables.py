"""Export tables: Thai headers and rows, one query per table, filtered to an area.

National IDs appear in full only for roles that need them (district, admin);
incomes only for roles that work with households. Everyone else gets them masked.
"""
from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import aliased

from ..domain import geo, thai_id
from ..domain.progress import VillageFacts, facts_for, status_of, steps_of
from ..extensions import db
from ..followups.forms import FUNDS, PRACTISING, REASONS, VISITORS
from ..models import Attendance, FollowUp, Household, Sage, TrainingDay, Village
from ..progress.wording import STATUS_LABELS

FULL_ID_ROLES = {"district", "admin"}
INCOME_ROLES = {"district", "admin", "officer"}


def pct(share):
    return None if share is None else round(share * 100, 1)


def village_cells(v: Village) -> list:
    return [v.code, v.moo, v.name, geo.subdistrict_name(v.subdistrict_code), geo.district_name(v.district_code)]


VILLAGE_HEAD = ["รหัสหมู่บ้าน", "หมู่ที่", "ชื่อหมู่บ้าน", "ตำบล", "อำเภอ"]


def villages(user, where, fy: int, min_days: int, today: date):
    rows = db.session.scalars(select(Village).where(where).order_by(Village.code)).all()
    facts = facts_for(db.session, where, fy, min_days, today)
    head = VILLAGE_HEAD + ["ขั้นตอนที่ทำแล้ว (จาก 11)", "ทีมวิทยากร (จาก 5)", "ครัวเรือนเป้าหมาย", "ผ่านการอบรม",
                           "ประกอบอาชีพ", "ร้อยละประกอบอาชีพ (เป้า 85)", "รายได้เพิ่มขึ้น ร้อยละ (เป้า 3)", "สถานะ"]
    body = []
    for v in rows:
        f = facts.get(v.id) or VillageFacts()
        body.append(village_cells(v) + [sum(s.done for s in steps_of(f)), f.team_size, f.registered, f.ind.trained,
                                        f.ind.practising, pct(f.ind.share), pct(f.ind.income_change),
                                        str(STATUS_LABELS[status_of(f)])])
    return head, body


def id_for(user, number: str) -> str:
    return thai_id.formatted(number) if user.role in FULL_ID_ROLES else thai_id.masked(number)


def households(user, where, fy: int, *_):
    trainer = aliased(Sage)
    rows = db.session.execute(
        select(Household, Village, trainer.name).join(Village, Village.id == Household.village_id)
        .outerjoin(trainer, trainer.id == Household.trainer_id)
        .where(where, Household.fiscal_year == fy).order_by(Village.code, Household.head_name)).all()
    income = user.role in INCOME_ROLES
    head = VILLAGE_HEAD + ["ชื่อหัวหน้าครัวเรือน", "เลขประจำตัวประชาชน", "บ้านเลขที่", "สมาชิก (คน)", "อาชีพหลัก",
                           "รายได้ต่อปี (บาท)", "อาชีพที่ต้องการ", "วิทยากรผู้ดูแล", "สถานะ", "วันที่ให้ความยินยอม"]
    body = [village_cells(v) + [h.head_name, id_for(user, h.national_id), h.house_no, h.members, h.main_occupation,
                                h.income_per_year if income else None, h.need_label, trainer_name or "",
                                "เป้าหมาย" if h.status == "registered" else "สำรอง", h.consent_at.date()]
            for h, v, trainer_name in rows]
    return head, body


def attendance(user, where, fy: int, min_days: int, _today):
    rows = db.session.execute(
        select(Household, Village).join(Village, Village.id == Household.village_id)
        .where(where, Household.fiscal_year == fy, Household.status == "registered")
        .order_by(Village.code, Household.head_name)).all()
    marks = db.session.execute(
        select(Attendance.household_id, TrainingDay.day_no).join(TrainingDay, TrainingDay.id == Attendance.day_id)
        .join(Village, Village.id == TrainingDay.village_id).where(where, TrainingDay.fiscal_year == fy)).all()
    present = defaultdict(set)
    for household_id, day_no in marks:
        present[household_id].add(day_no)
    head = VILLAGE_HEAD + ["ชื่อหัวหน้าครัวเรือน", "เลขประจำตัวประชาชน"] + [f"วันที่ {n}" for n in range(1, 6)] + [
        "รวมวันที่มา", "ผ่านการอบรม"]
    body = [village_cells(v) + [h.head_name, id_for(user, h.national_id)]
            + ["มา" if n in present[h.id] else "ขาด" for n in range(1, 6)]
            + [len(present[h.id]), "ผ่าน" if len(present[h.id]) >= min_days else "ไม่ผ่าน"] for h, v in rows]
    return head, body


def followups(user, where, fy: int, *_):
    rows = db.session.execute(
        select(FollowUp, Household, Village).join(Household, Household.id == FollowUp.household_id)
        .join(Village, Village.id == Household.village_id)
        .where(where, Household.fiscal_year == fy).order_by(Village.code, Household.head_name, FollowUp.due_date)).all()
    label = lambda options, value: str(dict(options).get(value, value or ""))  # noqa: E731
    income = user.role in INCOME_ROLES
    head = VILLAGE_HEAD + ["ชื่อหัวหน้าครัวเรือน", "กำหนดเยี่ยม", "วันที่เยี่ยม", "สถานะ", "ประกอบอาชีพ", "เหตุที่ไม่ได้ทำ",
                           "รายได้เดือนที่แล้ว (บาท)", "ขายที่", "กลุ่มอาชีพ", "แหล่งทุน", "จำนวนเงินทุน (บาท)",
                           "ผู้ไปเยี่ยม", "ปัญหา", "ความช่วยเหลือที่ต้องการ", "นัดครั้งถัดไป"]
    status = {"due": "รอเยี่ยม", "draft": "บันทึกค้าง", "done": "เยี่ยมแล้ว"}
    body = [village_cells(v) + [h.head_name, f.due_date, f.visit_date, status[f.status], label(PRACTISING, f.practising),
                                label(REASONS, f.not_practising_reason),
                                f.income_last_month if income else None, f.sells_where, f.group_name,
                                label(FUNDS, f.fund_source), f.fund_amount,
                                ", ".join(label(VISITORS, x) for x in f.visitors or []), f.problems, f.help_needed,
                                f.next_visit_date]
            for f, h, v in rows]
    return head, body


TABLES = {"villages": ("หมู่บ้านและตัวชี้วัด", villages), "households": ("ครัวเรือน", households),
          "attendance": ("การเข้าอบรม", attendance), "followups": ("การติดตาม", followups)}
