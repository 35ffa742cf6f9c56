"""Who may see what: a user's area as a rule on area codes."""
from ..models import User, Village


def covers(user: User, code: str) -> bool:
    """True when the area code (2, 4, 6 or 8 digits) lies in the user's area."""
    if user.role == "admin":
        return True
    if user.role == "province":
        return bool(user.province_code) and code.startswith(user.province_code)
    return bool(user.district_code) and code.startswith(user.district_code)


def village_filter(user: User):
    """SQL condition that keeps only the villages in the user's area."""
    if user.role == "admin":
        return Village.id.is_not(None)
    if user.role == "province":
        return Village.province_code == user.province_code
    return Village.district_code == user.district_code



def district_filter(user: User, district_code):
    """SQL condition that keeps rows whose 4-digit district code column lies in the user's area."""
    if user.role == "admin":
        return district_code.is_not(None)
    if user.role == "province":
        return district_code.startswith(user.province_code or "--", autoescape=True)
    return district_code == user.district_code
