"""Provinces, districts and subdistricts from geothai: never typed by hand."""
import geothai


def province_name(code: str | None) -> str:
    p = geothai.province(code) if code else None
    return p.name_th if p else ""


def district_name(code: str | None) -> str:
    d = geothai.district(code) if code else None
    return d.name_th if d else ""


def subdistrict_name(code: str | None) -> str:
    s = geothai.subdistrict(code) if code else None
    return s.name_th if s else ""


def provinces() -> list[tuple[str, str]]:
    return [(p.code, p.name_th) for p in geothai.provinces()]


def districts(province_code: str) -> list[tuple[str, str]]:
    return [(d.code, d.name_th) for d in geothai.districts(province_code)]


def subdistricts(district_code: str) -> list[tuple[str, str]]:
    return [(s.code, s.name_th) for s in geothai.subdistricts(district_code)]

