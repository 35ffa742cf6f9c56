"""Learning centres (ศูนย์เรียนรู้ชุมชน) of a village: the list, adding and editing one."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ..access import in_area_or_404, requires, village_or_404
from ..domain import reference
from ..domain.centres import host_candidates, village_centres
from ..domain.permissions import can_edit, can_read
from ..extensions import db
from ..models import LearningCentre, Occupation, Sage, Village
from ..once import create_once, new_token
from ..web import save_unless_stale
from .forms import CentreForm
from .wording import host_label, place_label

bp = Blueprint("centres", __name__)
bp.add_app_template_filter(place_label, "place_label")


@bp.get("/villages/<int:village_id>/centres")
@requires(can_read)
def index(village_id: int):
    village = village_or_404(village_id)
    return render_template("centres/index.html", village=village, centres=village_centres(db.session, village.id),
                           lang=str(get_locale()))


@bp.route("/villages/<int:village_id>/centres/new", methods=["GET", "POST"])
@requires(can_edit)
def create(village_id: int):
    village = village_or_404(village_id)
    form = centre_form(village.id)
    if form.validate_on_submit():
        centre = create_once(LearningCentre, form.submit_token.data, lambda token: fill(LearningCentre(
            village_id=village.id, created_by_id=current_user.id, submit_token=token), form))
        flash(_("บันทึกศูนย์เรียนรู้ %(name)s แล้ว", name=centre.name), "success")
        return redirect(url_for(".index", village_id=village.id), 303)
    return render_template("centres/form.html", form=form, village=village, centre=None)


@bp.route("/centres/<int:centre_id>/edit", methods=["GET", "POST"])
@requires(can_edit)
def edit(centre_id: int):
    centre = in_area_or_404(LearningCentre, centre_id)
    village = db.session.get(Village, centre.village_id)
    form = centre_form(village.id, centre)
    if form.validate_on_submit():
        if save_unless_stale(centre, form, lambda: fill(centre, form)):
            flash(_("บันทึกศูนย์เรียนรู้ %(name)s แล้ว", name=centre.name), "success")
            return redirect(url_for(".index", village_id=village.id), 303)
        return render_template("centres/form.html", form=form, village=village, centre=centre), 409
    return render_template("centres/form.html", form=form, village=village, centre=centre)


def centre_form(village_id: int, centre: LearningCentre | None = None) -> CentreForm:
    form = CentreForm(obj=centre if request.method == "GET" else None)
    form.submit_token.data = form.submit_token.data or new_token()
    chosen = {s.id for s in centre.hosts} if centre else set()
    form.hosts.choices = [(str(s.id), host_label(s)) for s in host_candidates(db.session, village_id, chosen)]
    lang = str(get_locale())
    form.occupations.choices = [(str(o.id), o.label(lang)) for o in reference.occupations(db.session)]
    if centre is not None and request.method == "GET":
        form.hosts.data = [str(i) for i in chosen]
        form.occupations.data = [str(o.id) for o in centre.occupations]
    return form


def fill(centre: LearningCentre, form: CentreForm) -> LearningCentre:
    centre.name, centre.place_kind = form.name.data, form.place_kind.data
    centre.place_text, centre.opened_on = form.place_text.data or "", form.opened_on.data
    centre.occupations_other = form.occupations_other.data or ""
    hosts = [int(i) for i in form.hosts.data]
    centre.hosts = list(db.session.scalars(db.select(Sage).where(Sage.id.in_(hosts)))) if hosts else []
    jobs = [int(i) for i in form.occupations.data]
    centre.occupations = list(db.session.scalars(db.select(Occupation).where(Occupation.id.in_(jobs)))) if jobs else []
    return centre
