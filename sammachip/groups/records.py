"""Between the group form and the group row: what the form shows, and what a save writes."""
from flask_babel import get_locale

from ..domain import reference
from ..extensions import db
from ..forms_common import OTHER, from_bool, occupation_choices
from ..models import OccupationalGroup, OtopProduct


def fill_occupations(form):
    form.occupation.choices = occupation_choices(reference.occupations(db.session), str(get_locale() or "th"))
    return form


def group_data(group: OccupationalGroup) -> dict:
    return {"name": group.name, "occupation": OTHER if group.occupation_other else str(group.occupation_id or ""),
            "occupation_other": group.occupation_other, "scope": "tambon" if group.tambon_wide else "village",
            "founded_on": group.founded_on, "leader_name": group.leader_name,
            "registered": from_bool(group.registered), "registered_with": group.registered_with,
            "version": group.version}


def put_group(group: OccupationalGroup, form) -> OccupationalGroup:
    other = form.occupation.data == OTHER
    group.name, group.leader_name = form.name.data, form.leader_name.data or ""
    group.occupation_id = None if other else int(form.occupation.data)
    group.occupation_other = form.occupation_other.data if other else ""
    group.tambon_wide, group.founded_on = form.scope.data == "tambon", form.founded_on.data
    group.registered = form.registered.data == "yes"
    group.registered_with = (form.registered_with.data or "") if group.registered else ""
    return group


def product_data(product: OtopProduct) -> dict:
    return {"name": product.name, "category": product.category, "registration_no": product.registration_no,
            "registered_year": product.registered_year, "stars": str(product.stars or ""),
            "stars_year": product.stars_year, "version": product.version}


def put_product(product: OtopProduct, form) -> OtopProduct:
    product.name, product.category = form.name.data, form.category.data
    product.registration_no = form.registration_no.data or ""
    product.registered_year = form.registered_year.data
    product.stars = int(form.stars.data) if form.stars.data else None
    product.stars_year = form.stars_year.data if product.stars else None
    return product
