from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField

from ..forms_common import text, whole_number


class CriterionForm(FlaskForm):
    code = text(_l("รหัสข้อ (เช่น a, b, f)"), 8)
    text_th = text(_l("ข้อความภาษาไทย"), 300)
    text_en = text(_l("ข้อความภาษาอังกฤษ"), 300)
    required = BooleanField(_l("บังคับผ่าน"), default=True)


class PovertyLineForm(FlaskForm):
    fiscal_year = whole_number(_l("ปีงบประมาณ (พ.ศ.)"), 2560, 2700)
    baht_per_person_year = whole_number(_l("บาทต่อคนต่อปี"), 1, 1_000_000)


class OccupationForm(FlaskForm):
    name_th = text(_l("ชื่ออาชีพภาษาไทย"), 100)
    name_en = text(_l("ชื่ออาชีพภาษาอังกฤษ"), 100)
