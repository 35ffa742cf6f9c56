"""Area pick-lists for the village form, limited to what the user may edit."""
from flask_babel import gettext as _

from ..domain import geo
from ..domain.permissions import works_anywhere
from ..forms_common import placeholder
from ..models import User
from .forms import VillageForm


def fill_area_choices(form: VillageForm, user: User) -> None:
    if works_anywhere(user):
        form.province_code.choices = placeholder(_("จังหวัด")) + geo.provinces()
        province = form.province_code.data or (form.subdistrict_code.data or "")[:2]
        form.province_code.data = province
        form.district_code.choices = placeholder(_("อำเภอ")) + (geo.districts(province) if province else [])
        district = form.district_code.data or (form.subdistrict_code.data or "")[:4]
        if not district.startswith(province or "-"):
            district = ""
        form.district_code.data = district
    else:
        district = user.district_code or ""
    form.subdistrict_code.choices = placeholder(_("ตำบล")) + (geo.subdistricts(district) if district else [])
