"""The demo's occupational groups: this year's active vegetable group of แม่เล่ย์ with trained households,
others by name, a registered 3-star OTOP product and a savings group's support; last year's weaving
group of แม่วงก์, active through last year and stopped on this year's first day (last year's step still
counts it). Added once each."""
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from .domain.fiscal import fiscal_year_bounds, to_be
from .domain.groups import change_status, set_members
from .models import CommunityFund, Household, OccupationalGroup, OtopProduct, Village


def add_group(session: Session, village: Village, fy: int, members: int, others: list[str], **fields):
    if session.scalar(select(OccupationalGroup.id).where(OccupationalGroup.village_id == village.id,
                                                         OccupationalGroup.name == fields["name"])):
        return None  # added before: never overwritten
    households = session.scalars(select(Household.id).where(Household.village_id == village.id,
                                                            Household.fiscal_year == fy)
                                 .order_by(Household.id).limit(members)).all()
    if not households:
        return None
    group = OccupationalGroup(village_id=village.id, **fields)
    session.add(group)
    session.flush()
    change_status(session, group, "active", group.founded_on, "", None, group.founded_on)
    set_members(session, group, set(households), set(), others, group.founded_on)
    return group


def seed_groups(session: Session, by_code: dict[str, Village], fy: int, today: date) -> None:
    vegetables = add_group(
        session, by_code["60130302"], fy, 8, ["นางบัวผัน ใจงาม", "นายสมหวัง ปลูกดี"],
        name="กลุ่มผักปลอดสารบ้านแม่เล่ย์", occupation_id=1, founded_on=today - timedelta(days=30),
        leader_name="นายบุญมี ใจดี", registered=True, registered_with="สำนักงานพัฒนาชุมชนอำเภอแม่วงก์")
    if vegetables is not None:
        session.add(OtopProduct(group_id=vegetables.id, name="ผักสลัดปลอดสารแม่เล่ย์", category="food",
                                registered_year=to_be(today.year), registration_no="6013030201",
                                stars=3, stars_year=to_be(today.year)))
        session.add(CommunityFund(group_id=vegetables.id, village_id=vegetables.village_id, source="savings_group",
                                  amount=30_000, received_on=today - timedelta(days=20),
                                  purpose="สร้างโรงเรือนและวางระบบน้ำหยด"))
    first_day = fiscal_year_bounds(fy)[0]
    weaving = add_group(
        session, by_code["60130101"], fy - 1, 5, [], name="กลุ่มทอผ้าบ้านแม่วงก์", occupation_other="ทอผ้า",
        founded_on=fiscal_year_bounds(fy - 1)[0] + timedelta(days=150), leader_name="นางมาลี ศรีสุข")
    if weaving is not None:
        change_status(session, weaving, "stopped", first_day, "สมาชิกย้ายไปทำงานต่างจังหวัด", None, today)
    session.flush()
