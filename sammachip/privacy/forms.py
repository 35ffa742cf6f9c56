from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField
from wtforms.validators import DataRequired

from ..forms_common import text


class EraseForm(FlaskForm):
    confirm = BooleanField(_l("ครัวเรือนขอถอนความยินยอม และเข้าใจว่าลบแล้วกู้คืนไม่ได้"),
                           validators=[DataRequired(_l("ติ๊กยืนยันก่อนลบข้อมูล"))])


class NoticeForm(FlaskForm):
    contact = text(_l("ติดต่อ (ช่องทางใช้สิทธิ)"), 300)
    purpose = text(_l("วัตถุประสงค์ที่เก็บข้อมูล"), 2000, area=True)
    retention = text(_l("ระยะเวลาเก็บรักษา"), 2000, area=True)
    rights = text(_l("สิทธิของเจ้าของข้อมูล"), 2000, area=True)
