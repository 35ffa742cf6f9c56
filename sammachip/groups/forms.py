"""Forms of the occupational groups and their OTOP products."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField
from wtforms.validators import ValidationError

from ..domain.groups import not_future
from ..forms_common import CheckboxList, choice_values, day, occupation_checks, options, text, whole_number, yes_no
from ..labels import GROUP_STATUSES, OTOP_TYPES, codes

SCOPES = [("village", _l("หมู่บ้านนี้")), ("tambon", _l("ทั้งตำบล (สมาชิกมาจากหลายหมู่บ้าน)"))]


class GroupForm(FlaskForm):
    name = text(_l("ชื่อกลุ่ม"), 200)
    occupation = SelectField(_l("อาชีพของกลุ่ม"), validate_choice=False)
    occupation_other = text(_l("อาชีพอื่น ๆ (ระบุ)"), 100, required=False)
    scope = RadioField(_l("เป็นกลุ่มของ"), choices=options(SCOPES), default="village", validate_choice=False)
    founded_on = day(_l("วันที่จัดตั้งกลุ่ม"), required=True, rule=not_future)
    leader_name = text(_l("ประธานกลุ่ม"), 120, required=False)
    registered = yes_no(_l("จดทะเบียนกลุ่มแล้วหรือไม่"))
    registered_with = text(_l("จดทะเบียนที่ (หน่วยงาน หรือประเภท เช่น วิสาหกิจชุมชน)"), 200, required=False)
    version = HiddenField()
    submit_token = HiddenField()

    def validate_scope(self, field):
        if field.data not in codes(SCOPES):
            raise ValidationError(_l("กรุณาเลือกว่าเป็นกลุ่มของหมู่บ้านหรือตำบล"))

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        # Here, not in validate_registered_with: an empty optional field stops its own checks.
        if self.registered.data == "yes" and not self.registered_with.data:
            self.registered_with.errors.append(_l("กรุณาระบุว่าจดทะเบียนที่ใด"))
            ok = False
        return occupation_checks(self.occupation, self.occupation_other) and ok


class NewGroupForm(GroupForm):
    """A new group also says where it stands on its founding day."""

    status = RadioField(_l("สถานะเมื่อจัดตั้ง"), default="active", validate_choice=False,
                        choices=options([c for c in GROUP_STATUSES if c[0] != "stopped"]))

    def validate_status(self, field):
        if field.data not in ("forming", "active"):
            raise ValidationError(_l("กรุณาเลือกสถานะของกลุ่ม"))


class StatusForm(FlaskForm):
    status = RadioField(_l("สถานะใหม่"), choices=options(GROUP_STATUSES), validate_choice=False)
    changed_on = day(_l("ตั้งแต่วันที่"), required=True, rule=not_future)
    note = text(_l("หมายเหตุ"), 300, required=False)

    def validate_status(self, field):
        if field.data not in codes(GROUP_STATUSES):
            raise ValidationError(_l("กรุณาเลือกสถานะของกลุ่ม"))


class MembersForm(FlaskForm):
    """Choices are the page's: the programme households of the village (or tambon), and named others."""

    households = CheckboxList(_l("ครัวเรือนในโครงการ"), validate_choice=False)
    others = CheckboxList(_l("สมาชิกอื่น"), validate_choice=False)
    new_names = text(_l("เพิ่มสมาชิกอื่นตามชื่อ (บรรทัดละหนึ่งคน)"), 2000, required=False, area=True)
    on = day(_l("มีผลตั้งแต่วันที่"), required=True, rule=not_future)
    version = HiddenField()

    def validate_households(self, field):
        if not set(field.data or []) <= choice_values(field):
            raise ValidationError(_l("มีครัวเรือนที่ไม่อยู่ในรายการ กรุณาเลือกใหม่"))

    def validate_others(self, field):
        if not set(field.data or []) <= choice_values(field):
            raise ValidationError(_l("มีสมาชิกที่ไม่อยู่ในรายการ กรุณาเลือกใหม่"))

    def names(self) -> list[str]:
        return [line.strip()[:120] for line in (self.new_names.data or "").splitlines() if line.strip()][:100]


class ProductForm(FlaskForm):
    name = text(_l("ชื่อผลิตภัณฑ์"), 200)
    category = RadioField(_l("ประเภทผลิตภัณฑ์ OTOP"), choices=options(OTOP_TYPES), validate_choice=False)
    registration_no = text(_l("เลขทะเบียนผลิตภัณฑ์ OTOP"), 50, required=False)
    registered_year = whole_number(_l("ปีที่ขึ้นทะเบียน (พ.ศ.)"), 2544, 2700, required=False)
    stars = SelectField(_l("ระดับดาว"), validate_choice=False, default="",
                        choices=options([("", _l("ยังไม่ได้คัดสรรดาว"))] + [(str(n), "★" * n) for n in range(1, 6)]))
    stars_year = whole_number(_l("ปีที่ได้ระดับดาว (พ.ศ.)"), 2544, 2700, required=False)
    version = HiddenField()
    submit_token = HiddenField()

    def validate_category(self, field):
        if field.data not in codes(OTOP_TYPES):
            raise ValidationError(_l("กรุณาเลือกประเภทผลิตภัณฑ์"))

    def validate_registered_year(self, field):
        if field.data and field.data > self.this_year:
            raise ValidationError(_l("ปีต้องไม่เลยปีนี้ (%(y)s)", y=self.this_year))

    def validate_stars(self, field):
        if field.data not in ("", "1", "2", "3", "4", "5"):
            raise ValidationError(_l("กรุณาเลือกระดับดาว 1 ถึง 5"))

    def validate_stars_year(self, field):
        if field.data and field.data > self.this_year:
            raise ValidationError(_l("ปีต้องไม่เลยปีนี้ (%(y)s)", y=self.this_year))

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        for given, year, message in ((self.registration_no, self.registered_year, _l("กรุณากรอกปีที่ขึ้นทะเบียน")),
                                     (self.stars, self.stars_year, _l("กรุณากรอกปีที่ได้ระดับดาว"))):
            if given.data and year.data is None and not year.errors:  # (an empty optional field stops its checks)
                year.errors.append(message)
                ok = False
        return ok

    this_year = 9999  # the view sets the current พ.ศ. year
