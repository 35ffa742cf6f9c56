"""Thai (and English) for the groups' codes (the labels: labels.GROUP_STATUSES, labels.OTOP_TYPES)."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..labels import GROUP_STATUSES, OTOP_TYPES, label


def status_label(code: str) -> str:
    return label(GROUP_STATUSES, code)


def otop_label(code: str) -> str:
    return label(OTOP_TYPES, code)


def stars_label(stars: int | None, year: int | None) -> str:
    if not stars:
        return _("ยังไม่ได้คัดสรรดาว")
    return _("%(stars)s ดาว (ปี %(year)s)", stars=stars, year=year)


FUNNEL_LABELS = {"registered": _l("ขึ้นทะเบียน"), "trained": _l("ผ่านการอบรม"), "practising": _l("ประกอบอาชีพ"),
                 "income_up": _l("รายได้เพิ่มขึ้น"), "in_group": _l("อยู่ในกลุ่มอาชีพ"), "otop": _l("กลุ่มมีผลิตภัณฑ์ OTOP")}


def funnel_label(code: str) -> str:
    return str(FUNNEL_LABELS[code])
