"""Names of the programme's village steps, for the pages (statuses: labels.VILLAGE_STATUSES)."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..domain.programme import Rules

FIXED_STEP_LABELS = {
    "lead_trained": _l("คัดเลือกวิทยากรหลักและอบรมที่ ศพช."),
    "workshop": _l("ประชุมเชิงปฏิบัติการระดับจังหวัด"),
    "group": _l("จัดตั้งกลุ่มอาชีพ"),
    "otop": _l("ขึ้นทะเบียนผลิตภัณฑ์ OTOP"),
    "followup": _l("ทีมสนับสนุนระดับตำบลติดตามครบทุกครัวเรือน"),
    "fund": _l("กองทุนชุมชนสนับสนุนการประกอบอาชีพ"),
    "knowledge": _l("ถอดองค์ความรู้ปราชญ์"),
    "learning_centre": _l("ศูนย์เรียนรู้ชุมชน"),
}


def step_label(code: str, rules: Rules) -> str:
    """A step's name, with the year's numbers in it."""
    if code == "team":
        return _("ทีมวิทยากรครบ %(n)s คน", n=rules.team_size)
    if code == "households":
        return _("ครัวเรือนเป้าหมาย %(n)s ครัวเรือน มอบหมายวิทยากรคนละ %(k)s",
                 n=rules.households_per_village, k=rules.households_per_trainer)
    if code == "training":
        return _("ฝึกอบรมอาชีพ %(n)s วัน", n=rules.training_days)
    return str(FIXED_STEP_LABELS[code])


# Where each result step's records are kept: an endpoint taking `village_id`, and the link's words.
RESULT_PAGES = {
    "knowledge": ("knowledge.village", _l("บันทึกองค์ความรู้ของหมู่บ้าน")),
    "group": ("groups.village", _l("กลุ่มอาชีพของหมู่บ้าน")),
    "otop": ("groups.village", _l("กลุ่มอาชีพและผลิตภัณฑ์ OTOP")),
}

# What a result step's numbers (`Result.detail`) say beside it: code → a function of the detail.
STEP_DETAILS: dict = {
    "group": lambda d: _("ครัวเรือนที่ผ่านการอบรมเป็นสมาชิกกลุ่ม %(n)s ครัวเรือน", n=d["households"]),
    "otop": lambda d: _("ผลิตภัณฑ์ที่ขึ้นทะเบียนแล้ว %(n)s รายการ", n=d["products"]),
}


def step_detail(code: str, detail: dict | None) -> str:
    return STEP_DETAILS[code](detail) if detail and code in STEP_DETAILS else ""
