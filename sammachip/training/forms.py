from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField

from ..domain.date_rules import programme_event
from ..forms_common import CheckboxList, day, text


class TrainingDayForm(FlaskForm):
    held_on = day(_l("วันที่อบรม"), required=True, rule=programme_event)
    topic = text(_l("หัวข้อ/สิ่งที่ฝึก"), 200, required=False)
    trainers = CheckboxList(_l("วิทยากรที่สอน"), validate_choice=False)
    version = HiddenField()
