"""Names of the programme's village steps and statuses, for the pages."""
from flask_babel import lazy_gettext as _l

STEP_LABELS = {
    "lead_trained": _l("คัดเลือกวิทยากรหลักและอบรมที่ ศพช."),
    "workshop": _l("ประชุมเชิงปฏิบัติการระดับจังหวัด"),
    "team": _l("ทีมวิทยากรครบ 5 คน"),
    "households": _l("ครัวเรือนเป้าหมาย 20 ครัวเรือน มอบหมายวิทยากรคนละ 4"),
    "training": _l("ฝึกอบรมอาชีพ 5 วัน"),
    "group": _l("จัดตั้งกลุ่มอาชีพ"),
    "otop": _l("ขึ้นทะเบียนผลิตภัณฑ์ OTOP"),
    "followup": _l("ทีมสนับสนุนระดับตำบลติดตามครบทุกครัวเรือน"),
    "fund": _l("กองทุนชุมชนสนับสนุนการประกอบอาชีพ"),
    "knowledge": _l("ถอดองค์ความรู้ปราชญ์"),
    "learning_centre": _l("ศูนย์เรียนรู้ชุมชน"),
}

STATUS_LABELS = {
    "not_started": _l("ยังไม่เริ่ม"),
    "in_progress": _l("กำลังดำเนินการ"),
    "behind": _l("ต่ำกว่าเป้า"),
    "on_target": _l("ถึงเป้า"),
}
