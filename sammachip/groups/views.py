"""Occupational groups (กลุ่มอาชีพ) of a village: the list, a group, its members and its status."""
from flask import Blueprint, flash, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..access import in_area_or_404, requires, village_or_404
from ..domain.clock import today
from ..domain.funds import group_funds
from ..domain.groups import change_status, set_members
from ..domain.permissions import can_edit, can_read
from ..extensions import db
from ..models import GroupStatusChange, OccupationalGroup
from ..models.base import utcnow
from ..once import create_once, new_token
from ..web import save_unless_stale, see_other
from .forms import GroupForm, MembersForm, NewGroupForm, StatusForm
from .queries import current_members, history, household_choices, products, village_groups
from .records import fill_occupations, group_data, put_group
from .wording import funnel_label, otop_label, stars_label, status_label

bp = Blueprint("groups", __name__)  # the product routes join it in products.py
bp.add_app_template_filter(status_label, "group_status")
bp.add_app_template_filter(otop_label, "otop_type")
bp.add_app_template_global(stars_label, "stars_label")
bp.add_app_template_filter(funnel_label, "funnel_label")


@bp.get("/villages/<int:village_id>/groups")
@requires(can_read)
def village(village_id: int):
    place = village_or_404(village_id)
    return render_template("groups/village.html", village=place, groups=village_groups(place))


@bp.route("/villages/<int:village_id>/groups/new", methods=["GET", "POST"])
@requires(can_edit)
def create(village_id: int):
    place = village_or_404(village_id)
    form = fill_occupations(NewGroupForm(data={"founded_on": today()} if request.method == "GET" else None))
    form.submit_token.data = form.submit_token.data or new_token()
    if form.validate_on_submit():
        group = create_once(OccupationalGroup, form.submit_token.data, lambda token: put_group(
            OccupationalGroup(village_id=place.id, submit_token=token, created_by_id=current_user.id), form))
        if db.session.scalar(select(GroupStatusChange.id).where(GroupStatusChange.group_id == group.id)) is None:
            change_status(db.session, group, form.status.data, group.founded_on, "", current_user.id, today())
            db.session.commit()
        flash(_("เพิ่มกลุ่ม %(name)s แล้ว", name=group.name), "success")
        return see_other(url_for(".show", group_id=group.id))
    return render_template("groups/form.html", form=form, village=place, group=None), 422 if form.errors else 200


@bp.get("/groups/<int:group_id>")
@requires(can_read)
def show(group_id: int, status_form=None, code=200):
    group = in_area_or_404(OccupationalGroup, group_id)
    form = status_form or StatusForm(formdata=None, data={"changed_on": today()})
    return render_template("groups/show.html", group=group, village=village_or_404(group.village_id),
                           members=current_members(group.id), history=history(group.id),
                           products=products(group.id), funds=group_funds(db.session, group.id), form=form), code


@bp.route("/groups/<int:group_id>/edit", methods=["GET", "POST"])
@requires(can_edit)
def edit(group_id: int):
    group = in_area_or_404(OccupationalGroup, group_id)
    form = fill_occupations(GroupForm(data=group_data(group) if request.method == "GET" else None))
    if form.validate_on_submit():
        if save_unless_stale(group, form, lambda: put_group(group, form)):
            flash(_("บันทึกกลุ่ม %(name)s แล้ว", name=group.name), "success")
            return see_other(url_for(".show", group_id=group.id))
        return render_template("groups/form.html", form=form, village=village_or_404(group.village_id),
                               group=group), 409
    return render_template("groups/form.html", form=form, village=village_or_404(group.village_id),
                           group=group), 422 if form.errors else 200


@bp.post("/groups/<int:group_id>/status")
@requires(can_edit)
def status(group_id: int):
    group = in_area_or_404(OccupationalGroup, group_id)
    form = StatusForm()
    if not form.validate():
        return show(group_id, form, 422)
    change_status(db.session, group, form.status.data, form.changed_on.data, form.note.data or "", current_user.id,
                  today())
    db.session.commit()
    flash(_("บันทึกสถานะกลุ่มแล้ว"), "success")
    return see_other(url_for(".show", group_id=group.id))


@bp.route("/groups/<int:group_id>/members", methods=["GET", "POST"])
@requires(can_edit)
def members(group_id: int):
    group = in_area_or_404(OccupationalGroup, group_id)
    place, current = village_or_404(group.village_id), current_members(group.id)
    form = MembersForm(data={"households": [str(m.household_id) for m in current if m.household_id],
                             "others": [str(m.id) for m in current if not m.household_id],
                             "on": today(), "version": group.version} if request.method == "GET" else None)
    form.households.choices = household_choices(group, place)
    form.others.choices = [(str(m.id), m.name) for m in current if not m.household_id]
    if form.validate_on_submit() and save_unless_stale(group, form, lambda: put_members(group, form)):
        flash(_("บันทึกสมาชิกกลุ่มแล้ว"), "success")
        return see_other(url_for(".show", group_id=group.id))
    code = 409 if form.form_errors else (422 if form.errors else 200)
    return render_template("groups/members.html", form=form, group=group, village=place), code


def put_members(group: OccupationalGroup, form: MembersForm) -> None:
    set_members(db.session, group, {int(h) for h in form.households.data}, {int(o) for o in form.others.data},
                form.names(), form.on.data)
    group.updated_at = utcnow()  # an UPDATE of the group: a members form opened before another save is refused
