"""A group's OTOP products: add and edit."""
from flask import flash, render_template, request, url_for
from flask_babel import gettext as _

from ..access import in_area_or_404, requires, village_or_404
from ..domain.clock import today
from ..domain.fiscal import to_be
from ..domain.permissions import can_edit
from ..models import OccupationalGroup, OtopProduct
from ..once import create_once, new_token
from ..web import save_unless_stale, see_other
from .forms import ProductForm
from .queries import product_or_404
from .records import product_data, put_product
from .views import bp


def product_form(data=None) -> ProductForm:
    form = ProductForm(data=data)
    form.this_year = to_be(today().year)
    return form


@bp.route("/groups/<int:group_id>/products/new", methods=["GET", "POST"])
@requires(can_edit)
def add_product(group_id: int):
    group = in_area_or_404(OccupationalGroup, group_id)
    form = product_form()
    form.submit_token.data = form.submit_token.data or new_token()
    if form.validate_on_submit():
        product = create_once(OtopProduct, form.submit_token.data, lambda token: put_product(
            OtopProduct(group_id=group.id, submit_token=token), form))
        flash(_("เพิ่มผลิตภัณฑ์ %(name)s แล้ว", name=product.name), "success")
        return see_other(url_for(".show", group_id=group.id) + "#products")
    return render_template("groups/product_form.html", form=form, group=group, product=None,
                           village=village_or_404(group.village_id)), 422 if form.errors else 200


@bp.route("/products/<int:product_id>/edit", methods=["GET", "POST"])
@requires(can_edit)
def edit_product(product_id: int):
    product = product_or_404(product_id)
    group = in_area_or_404(OccupationalGroup, product.group_id)
    form = product_form(product_data(product) if request.method == "GET" else None)
    code = 422
    if form.validate_on_submit():
        if save_unless_stale(product, form, lambda: put_product(product, form)):
            flash(_("บันทึกผลิตภัณฑ์ %(name)s แล้ว", name=product.name), "success")
            return see_other(url_for(".show", group_id=group.id) + "#products")
        code = 409
    return render_template("groups/product_form.html", form=form, group=group, product=product,
                           village=village_or_404(group.village_id)), code if form.errors or form.form_errors else 200
