from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.validators import ValidationError

from ..domain.date_rules import programme_event
from ..forms_common import CheckboxList, choice_values, day, text


class TrainingDayForm(FlaskForm):
    held_on = day(_l("วันที่อบรม"), required=True, rule=programme_event)
    topic = text(_l("หัวข้อ/สิ่งที่ฝึก"), 200, required=False)
    trainers = CheckboxList(_l("วิทยากรที่สอน"), validate_choice=False)
    # One of the village's learning centres ("" = the place typed below).
    centre = SelectField(_l("สถานที่อบรม"), validate_choice=False)
    place_text = text(_l("สถานที่ (ถ้าไม่ใช่ศูนย์เรียนรู้)"), 200, required=False)
    version = HiddenField()

    def validate_centre(self, field):
        field.data = field.data or ""
        if field.data not in choice_values(field):
            raise ValidationError(_l("กรุณาเลือกศูนย์เรียนรู้จากรายการ"))
