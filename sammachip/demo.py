"""Demo data: Nakhon Sawan's Mae Wong district (from the field note) and
Lat Yao next door, so area isolation can be seen. Safe to run twice."""
from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import User, Village
from .users.rules import apply_area

DEMO_PASSWORD = "sammachip-demo"

# username, full name, role, province, district, coordinated subdistricts
DEMO_USERS = [
    ("admin", "ผู้ดูแลระบบ", "admin", None, None, []),
    ("province", "สำนักงานพัฒนาชุมชนจังหวัดนครสวรรค์", "province", "60", None, []),
    ("district", "พัฒนาการอำเภอแม่วงก์", "district", "60", "6013", []),
    ("officer", "นักวิชาการพัฒนาชุมชน แม่วงก์", "officer", "60", "6013", ["601303", "601304"]),
    ("district2", "พัฒนาการอำเภอลาดยาว", "district", "60", "6011", []),
    ("officer2", "นักวิชาการพัฒนาชุมชน ลาดยาว", "officer", "60", "6011", ["601101"]),
]

# subdistrict code, หมู่, name
DEMO_VILLAGES = [
    ("601301", 1, "แม่วงก์"), ("601301", 4, "คลองไทร"), ("601301", 7, "ห้วยน้ำหอม"),
    ("601303", 2, "แม่เล่ย์"), ("601303", 5, "หนองบัว"), ("601303", 9, "เขาน้อย"),
    ("601304", 3, "วังซ่าน"), ("601304", 6, "ปางข่า"),
    ("601305", 1, "เขาชนกัน"), ("601305", 8, "คลองน้ำเย็น"),
    ("601101", 2, "ลาดยาว"), ("601102", 3, "ห้วยน้ำหอม"), ("601107", 5, "หนองยาว"),
]


def seed_users(session: Session) -> list[User]:
    users = []
    for username, full_name, role, province, district, coordinated in DEMO_USERS:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            user = User(username=username, active=True)
            user.set_password(DEMO_PASSWORD)
            session.add(user)
        user.full_name = full_name
        apply_area(user, role, province or "", district or "", coordinated)
        users.append(user)
    session.flush()
    return users


def seed_villages(session: Session) -> list[Village]:
    villages = []
    for subdistrict_code, moo, name in DEMO_VILLAGES:
        village = session.scalar(select(Village).where(Village.code == f"{subdistrict_code}{moo:02d}"))
        if village is None:
            village = Village(name=name)
            village.place(subdistrict_code, moo)
            session.add(village)
        villages.append(village)
    session.flush()
    return villages


def seed_demo(session: Session) -> None:
    seed_users(session)
    seed_villages(session)
    session.commit()
