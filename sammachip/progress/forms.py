from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from ..domain.date_rules import past_programme_event
from ..forms_common import day, text


class StepMarkForm(FlaskForm):
    done_on = day(_l("วันที่ทำขั้นนี้เสร็จ"), required=True, rule=past_programme_event)
    note = text(_l("บันทึก (เช่น ชื่อกลุ่ม เลขทะเบียน OTOP)"), 300, required=False)
