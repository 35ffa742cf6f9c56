"""What an account's area becomes (who may manage whom: domain/permissions.py)."""
from ..domain import geo
from ..models import User, UserSubdistrict


def area_error(role: str, province_code: str, district_code: str) -> str | None:
    """Why these area codes do not fit the role, or None when they do."""
    if role == "province" and not geo.province_name(province_code):
        return "province"
    if role in ("district", "officer") and not (
        geo.district_name(district_code) and district_code.startswith(province_code)
    ):
        return "district"
    return None


def apply_area(user: User, role: str, province_code: str, district_code: str, subdistricts: list[str]) -> None:
    user.role = role
    user.province_code = province_code if role != "admin" else None
    user.district_code = district_code if role in ("district", "officer") else None
    allowed = {code for code, _ in geo.subdistricts(district_code)} if role == "officer" else set()
    wanted = {c for c in subdistricts if c in allowed}
    kept = [c for c in user.coordinated if c.subdistrict_code in wanted]
    have = {c.subdistrict_code for c in kept}
    user.coordinated = kept + [UserSubdistrict(subdistrict_code=c) for c in sorted(wanted - have)]
