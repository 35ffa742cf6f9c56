from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField
from wtforms.validators import ValidationError

from ..domain.centres import centre_opening
from ..forms_common import CheckboxList, choice_values, day, options, text


class CentreForm(FlaskForm):
    name = text(_l("ชื่อศูนย์เรียนรู้"), 200)
    hosts = CheckboxList(_l("ปราชญ์ผู้ดูแลศูนย์"), validate_choice=False)
    occupations = CheckboxList(_l("อาชีพที่สอน"), validate_choice=False)
    occupations_other = text(_l("อาชีพอื่นที่สอน (ระบุ)"), 200, required=False)
    place_kind = RadioField(_l("สถานที่ตั้ง"), validate_choice=False, choices=options([
        ("sage_house", _l("บ้านปราชญ์")), ("community", _l("อาคารของชุมชน"))]))
    place_text = text(_l("รายละเอียดสถานที่ (บ้านเลขที่ อาคาร จุดสังเกต)"), 300, required=False)
    opened_on = day(_l("วันที่เปิดศูนย์"), required=True, rule=centre_opening)
    version = HiddenField()
    submit_token = HiddenField()

    def validate_hosts(self, field):
        field.data = field.data or []
        if not set(field.data) <= choice_values(field):
            raise ValidationError(_l("กรุณาเลือกปราชญ์จากรายการ"))

    def validate_occupations(self, field):
        field.data = field.data or []
        if not set(field.data) <= choice_values(field):
            raise ValidationError(_l("กรุณาเลือกอาชีพจากรายการ"))
        if not field.data and not self.occupations_other.data:
            raise ValidationError(_l("กรุณาเลือกอาชีพที่สอนอย่างน้อย 1 อาชีพ หรือระบุอาชีพอื่น"))

    def validate_place_kind(self, field):
        if field.data not in ("sage_house", "community"):
            raise ValidationError(_l("กรุณาเลือกสถานที่ตั้ง"))
