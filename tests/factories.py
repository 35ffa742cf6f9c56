"""Test records built through the real models and saved to the real database."""
from sammachip.extensions import db
from sammachip.models import User, Village
from sammachip.users.rules import apply_area

PASSWORD = "correct-horse-battery"


def make_user(username: str, role: str = "officer", district: str = "6013",
              coordinated: tuple[str, ...] = ()) -> User:
    user = User(username=username, full_name=username, active=True)
    user.set_password(PASSWORD)
    apply_area(user, role, district[:2], district, list(coordinated))
    db.session.add(user)
    db.session.commit()
    return user


def make_village(subdistrict: str = "601303", moo: int = 1, name: str = "ทดสอบ") -> Village:
    village = Village(name=name)
    village.place(subdistrict, moo)
    db.session.add(village)
    db.session.commit()
    return village
