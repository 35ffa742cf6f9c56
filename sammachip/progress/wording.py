"""Names of the programme's village steps, for the pages (statuses: labels.VILLAGE_STATUSES)."""
from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

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
    "followup": ("teams.village", _l("ทีมสนับสนุนระดับตำบลและการเยี่ยม")),
    "fund": ("funds.village", _l("การสนับสนุนจากกองทุนชุมชน")),
    "learning_centre": ("centres.index", _l("ศูนย์เรียนรู้ของหมู่บ้าน")),
    "group": ("groups.village", _l("กลุ่มอาชีพของหมู่บ้าน")),
    "otop": ("groups.village", _l("กลุ่มอาชีพและผลิตภัณฑ์ OTOP")),
}

# Where the steps the data tells are done (an endpoint taking `village_id`); any other
# step is done on the process page, at its own row.
STEP_PAGES = {"lead_trained": "sages.index", "workshop": "sages.index", "team": "sages.index",
              "households": "households.index", "training": "training.index"}


def step_url(code: str, village_id: int) -> str:
    endpoint = STEP_PAGES.get(code) or RESULT_PAGES.get(code, (None,))[0]
    if endpoint:
        return url_for(endpoint, village_id=village_id)
    return url_for("progress.process", village_id=village_id, _anchor=f"step-{code}")


# What a result step's numbers (`Result.detail`) say beside it: code → a function of the detail.
def tambon_team_detail(d: dict) -> str:
    if not d["team"]:
        return _("ตำบลยังไม่มีทีมสนับสนุนของปีนี้")
    said = _("ทีมตำบลเยี่ยมแล้ว %(v)s จาก %(n)s", v=d["visited"], n=d["trained"])
    return said + (_(" (ออกจากโครงการ %(n)s)", n=d["left"]) if d["left"] else "")


def fund_detail(d: dict) -> str:
    n, g, b = d["households"], d.get("groups", 0), f"{d['amount']:,}"
    if n and g:
        return _("ได้รับทุน %(n)s ครัวเรือน และ %(g)s กลุ่ม รวม %(b)s บาท", n=n, g=g, b=b)
    if g:
        return _("กลุ่มอาชีพได้รับทุน %(g)s กลุ่ม รวม %(b)s บาท", g=g, b=b)
    return _("ได้รับทุน %(n)s ครัวเรือน รวม %(b)s บาท", n=n, b=b)


STEP_DETAILS: dict = {
    "followup": tambon_team_detail,
    "fund": fund_detail,
    "learning_centre": lambda d: ngettext("เปิดแล้ว %(num)s แห่ง", "เปิดแล้ว %(num)s แห่ง", d["centres"]),
    "group": lambda d: _("ครัวเรือนที่ผ่านการอบรมเป็นสมาชิกกลุ่ม %(n)s ครัวเรือน", n=d["households"]),
    "otop": lambda d: _("ผลิตภัณฑ์ที่ขึ้นทะเบียนแล้ว %(n)s รายการ", n=d["products"]),
}


def step_detail(code: str, detail: dict | None) -> str:
    return STEP_DETAILS[code](detail) if detail and code in STEP_DETAILS else ""
