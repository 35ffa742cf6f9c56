"""Provinces, districts and subdistricts from geothai: never typed by hand.
Names in Thai, or in English (`lang="en"`) where geothai has them."""
import geothai


def _name(place, lang: str) -> str:
    if place is None:
        return ""
    return (place.name_en or place.name_th) if lang == "en" else place.name_th


def province_name(code: str | None, lang: str = "th") -> str:
    return _name(geothai.province(code) if code else None, lang)


def district_name(code: str | None, lang: str = "th") -> str:
    return _name(geothai.district(code) if code else None, lang)


def subdistrict_name(code: str | None, lang: str = "th") -> str:
    return _name(geothai.subdistrict(code) if code else None, lang)


def provinces(lang: str = "th") -> list[tuple[str, str]]:
    return [(p.code, _name(p, lang)) for p in geothai.provinces()]


def districts(province_code: str, lang: str = "th") -> list[tuple[str, str]]:
    return [(d.code, _name(d, lang)) for d in geothai.districts(province_code)]


def subdistricts(district_code: str, lang: str = "th") -> list[tuple[str, str]]:
    return [(s.code, _name(s, lang)) for s in geothai.subdistricts(district_code)]
