from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..access import requires, village_or_404
from ..domain import geo
from ..domain.areas import covers
from ..domain.clock import figures_day
from ..domain.groups import funnel
from ..domain.permissions import can_edit, can_read, works_anywhere
from ..domain.programme import rules_for
from ..domain.villages import DuplicateVillage, save_village
from ..extensions import db
from ..forms_common import placeholder
from ..models import Village
from ..once import create_once, new_token
from ..photos.queries import report_photos
from ..web import render, save_unless_stale
from ..years import village_year
from .choices import fill_area_choices
from .forms import VillageForm
from .page_cache import village_page
from .queries import report_of, village_counts_by_district, villages_of_district

bp = Blueprint("villages", __name__, url_prefix="/villages")


def user_district() -> str | None:
    """The district to list: the user's own, or the one an admin/province user picked."""
    if current_user.district_code:
        return current_user.district_code
    picked = request.args.get("district", "")
    if picked and len(picked) == 4 and covers(current_user, picked):
        return picked
    return None


@bp.get("/")
@requires(can_read)
def index():
    district = user_district()
    if district is None:
        return render_template("villages/districts.html", counts=village_counts_by_district(current_user))
    subdistrict = request.args.get("subdistrict", "")
    villages = villages_of_district(current_user, district, subdistrict or None)
    return render("villages/index.html", "villages/_list.html", villages=villages,
                  district=district, subdistrict=subdistrict,
                  subdistrict_choices=geo.subdistricts(district))


@bp.route("/new", methods=["GET", "POST"])
@requires(can_edit)
def create():
    form = VillageForm()
    form.submit_token.data = form.submit_token.data or new_token()
    fill_area_choices(form, current_user)
    if form.validate_on_submit():
        try:
            village = create_once(Village, form.submit_token.data, lambda token: place(
                Village(created_by_id=current_user.id, submit_token=token), form))
        except DuplicateVillage as dup:
            duplicate(form, dup)
        else:
            flash(_("เพิ่มหมู่บ้าน %(name)s แล้ว", name=village.name), "success")
            return redirect(url_for(".show", village_id=village.id), 303)
    return render_template("villages/form.html", form=form, village=None)


@bp.get("/<int:village_id>")
@requires(can_read)
def show(village_id: int):
    return village_page(village_id)  # its body cached by the village's data versions


@bp.get("/<int:village_id>/report")
@requires(can_read)
def report(village_id: int):
    """The village year-end report (รายงานสารสนเทศสัมมาชีพชุมชนระดับหมู่บ้าน), A4, as of the year's cut-off."""
    village = village_or_404(village_id)
    fy = village_year(village.id)
    cutoff = figures_day(fy)  # rules_for(fy).cutoff_on(today())
    data = report_of(village, fy, cutoff)
    photos, photos_total = report_photos(village.id, fy, cutoff)
    return render_template("villages/report.html", village=village, fy=fy, as_of=cutoff, programme=rules_for(fy),
                           funnel=dict(funnel(db.session, village.id, fy, cutoff, data["ind"])), photos=photos,
                           photos_total=photos_total, **data)


@bp.route("/<int:village_id>/edit", methods=["GET", "POST"])
@requires(can_edit)
def edit(village_id: int):
    village = village_or_404(village_id)
    form = VillageForm(obj=village if request.method == "GET" else None)
    fill_area_choices(form, current_user)
    if form.validate_on_submit():
        try:
            saved = save_unless_stale(village, form, lambda: place(village, form))
        except DuplicateVillage as dup:
            duplicate(form, dup)
        else:
            if saved:
                flash(_("บันทึกหมู่บ้าน %(name)s แล้ว", name=village.name), "success")
                return redirect(url_for(".show", village_id=village.id), 303)
            return render_template("villages/form.html", form=form, village=village), 409
    return render_template("villages/form.html", form=form, village=village)


def place(village: Village, form: VillageForm) -> Village:
    """Apply the form's place and name (DuplicateVillage when the หมู่ is taken)."""
    return save_village(db.session, village, form.subdistrict_code.data, form.moo.data, form.name.data)


def duplicate(form: VillageForm, dup: DuplicateVillage) -> None:
    db.session.rollback()
    form.moo.errors.append(_(
        "หมู่ที่ %(moo)s ของตำบล%(tambon)s มีอยู่แล้ว (บ้าน%(name)s)",
        moo=dup.existing.moo, tambon=geo.subdistrict_name(dup.existing.subdistrict_code), name=dup.existing.name))


@bp.get("/options/districts")
@requires(works_anywhere)
def district_options():
    province = request.args.get("province_code", "")
    return render_template("villages/_options.html", choices=placeholder(_("อำเภอ")) + geo.districts(province))


@bp.get("/options/subdistricts")
@requires(can_read)
def subdistrict_options():
    district = request.args.get("district_code", "")
    if not covers(current_user, district):
        abort(404)
    return render_template("villages/_options.html", choices=placeholder(_("ตำบล")) + geo.subdistricts(district))
