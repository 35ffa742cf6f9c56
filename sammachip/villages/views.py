from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.orm.exc import StaleDataError

from ..access import editor_required, village_or_404
from ..domain import geo
from ..domain.areas import covers
from ..domain.clock import current_fiscal_year, today
from ..domain.progress import facts_of_village, steps_of
from ..domain.villages import DuplicateVillage, save_village
from ..extensions import db
from ..models import Village
from ..once import already_submitted, new_token
from ..households.queries import households_section
from ..sages.queries import team_section
from ..training.views import min_training_days
from ..web import conflict_message, is_stale, render
from .choices import fill_area_choices, placeholder
from .forms import VillageForm
from .queries import village_counts_by_district, villages_of_district

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
@login_required
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
@editor_required
def create():
    form = VillageForm()
    form.submit_token.data = form.submit_token.data or new_token()
    fill_area_choices(form, current_user)
    if form.validate_on_submit():
        earlier = already_submitted(Village, form.submit_token.data)
        if earlier is not None:
            return redirect(url_for(".show", village_id=earlier.id), 303)
        village = Village(created_by_id=current_user.id, submit_token=form.submit_token.data)
        if place_from_form(village, form):
            db.session.commit()
            flash(_("เพิ่มหมู่บ้าน %(name)s แล้ว", name=village.name), "success")
            return redirect(url_for(".show", village_id=village.id), 303)
    return render_template("villages/form.html", form=form, village=None)


@bp.get("/<int:village_id>")
@login_required
def show(village_id: int):
    village = village_or_404(village_id)
    fy = current_fiscal_year()
    team = team_section(village, fy)
    hh = households_section(village, fy, team["team"])
    facts = facts_of_village(db.session, village.id, fy, min_training_days(), today(), team["team"], hh["all"])
    return render_template("villages/show.html", village=village, fy=fy, team=team, hh=hh, facts=facts,
                           steps=steps_of(facts), ind=facts.ind)


@bp.route("/<int:village_id>/edit", methods=["GET", "POST"])
@editor_required
def edit(village_id: int):
    village = village_or_404(village_id)
    form = VillageForm(obj=village if request.method == "GET" else None)
    fill_area_choices(form, current_user)
    if form.validate_on_submit():
        if is_stale(village, form.version.data):
            return conflict(form, village)
        if place_from_form(village, form):
            try:
                db.session.commit()
            except StaleDataError:
                db.session.rollback()
                return conflict(form, village)
            flash(_("บันทึกหมู่บ้าน %(name)s แล้ว", name=village.name), "success")
            return redirect(url_for(".show", village_id=village.id), 303)
    return render_template("villages/form.html", form=form, village=village)


def conflict(form: VillageForm, village: Village):
    """Another officer saved first: keep this officer's typing, say so, save nothing."""
    form.form_errors.append(conflict_message())
    form.version.data = village.version
    return render_template("villages/form.html", form=form, village=village), 409


def place_from_form(village: Village, form: VillageForm) -> bool:
    """Apply the form to the village; on a duplicate หมู่ put the error on the form."""
    try:
        save_village(db.session, village, form.subdistrict_code.data, form.moo.data, form.name.data)
        return True
    except DuplicateVillage as dup:
        db.session.rollback()
        form.moo.errors.append(_(
            "หมู่ที่ %(moo)s ของตำบล%(tambon)s มีอยู่แล้ว (บ้าน%(name)s)",
            moo=dup.existing.moo, tambon=geo.subdistrict_name(dup.existing.subdistrict_code),
            name=dup.existing.name))
        return False


@bp.get("/options/districts")
@login_required
def district_options():
    province = request.args.get("province_code", "")
    if current_user.role != "admin":
        abort(403)
    return render_template("villages/_options.html", choices=placeholder(_("อำเภอ")) + geo.districts(province))


@bp.get("/options/subdistricts")
@login_required
def subdistrict_options():
    district = request.args.get("district_code", "")
    if not covers(current_user, district):
        abort(404)
    return render_template("villages/_options.html", choices=placeholder(_("ตำบล")) + geo.subdistricts(district))
