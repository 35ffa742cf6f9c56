"""The wizard engine with a two-step wizard declared only here: a new wizard is
one small adapter, and the engine gives it steps, back/next, the review, the
submit and `validate_all` without a request."""
from types import SimpleNamespace

import pytest
from flask import Blueprint
from flask_wtf import FlaskForm
from jinja2 import ChoiceLoader, DictLoader
from wtforms import IntegerField, StringField
from wtforms.validators import DataRequired, InputRequired, NumberRange

from sammachip import create_app
from sammachip.access import public
from sammachip.wizard import Step, Wizard


class NameForm(FlaskForm):
    name = StringField("ชื่อ", validators=[DataRequired("กรุณากรอกชื่อ")])


class AgeForm(FlaskForm):
    age = IntegerField("อายุ", validators=[InputRequired("กรุณากรอกอายุ"), NumberRange(0, 50, "อายุ 0 ถึง 50")])


class PetWizard(Wizard):
    endpoint = "pets.step"
    fields = "pets/_fields.html"
    review = "pets/_review.html"

    def steps(self, pet):
        return {1: Step(NameForm, "ชื่อสัตว์"), 2: Step(AgeForm, "อายุสัตว์")}

    def url_args(self, pet):
        return {"pet_id": pet.id}

    def context(self, pet):
        return {"crumb_url": "/", "crumb_label": "กลับ"}

    def check(self, pet, step, form):
        """A rule against the record, beyond the form: this shelter takes no pet older than its limit."""
        if step == 2 and form.age.data is not None and form.age.data > pet.oldest:
            form.age.errors.append("แก่เกินไป")
            return False
        return True

    def finish(self, pet, forms):
        pet.saved = {"name": forms[1].name.data, "age": forms[2].age.data}  # typed, from the checked forms
        return "saved", 201


PETS: dict[int, SimpleNamespace] = {}
TEMPLATES = {
    "pets/_fields.html": "{% for f in form if f.name != 'csrf_token' %}{{ f(**{'aria-label': f.label.text}) }}"
                         "{% for e in f.errors %}<p class=error>{{ e }}</p>{% endfor %}{% endfor %}",
    "pets/_review.html": "<p>review: {{ forms[1].name.data }}, {{ forms[2].age.data }}</p>",
}


@pytest.fixture
def pets(app):
    """A second app on the same database, with the test wizard's blueprint."""
    other = create_app({**app.config, "SERVER_NAME": None})
    other.jinja_env.loader = ChoiceLoader([DictLoader(TEMPLATES), other.jinja_env.loader])
    bp = Blueprint("pets", __name__)
    wizard = PetWizard()

    @bp.route("/pets/<int:pet_id>/<int:step>", methods=["GET", "POST"])
    @public
    def step(pet_id: int, step: int):
        return wizard.handle(PETS[pet_id], step)

    other.register_blueprint(bp)
    PETS.clear()
    PETS[1] = SimpleNamespace(id=1, data={}, step=1, oldest=20, saved=None)
    return other.test_client(), wizard


def test_a_two_step_wizard_runs_on_the_engine(pets):
    client, _ = pets
    first = client.get("/pets/1/1").text
    assert "ขั้นที่ 1 จาก 3: ชื่อสัตว์" in first and "<title>ชื่อสัตว์ · Sammachip</title>" in first
    assert "กรุณากรอกชื่อ" in client.post("/pets/1/1", data={"name": "", "go": "next"}).text
    moved = client.post("/pets/1/1", data={"name": "ด่าง", "go": "next"})
    assert moved.status_code == 303 and moved.location.endswith("/pets/1/2")
    fragment = client.post("/pets/1/2", data={"age": "30", "go": "next"}, headers={"HX-Request": "true"})
    assert "แก่เกินไป" in fragment.text and PETS[1].step == 2
    back = client.post("/pets/1/2", data={"age": "7", "go": "back"}, headers={"HX-Request": "true"})
    assert back.headers["HX-Push-Url"].endswith("/pets/1/1") and 'value="ด่าง"' in back.text
    assert PETS[1].data == {"name": "ด่าง", "age": "7"}  # back keeps what was typed on the step left
    assert client.post("/pets/1/2", data={"age": "7", "go": "next"}).location.endswith("/pets/1/3")
    assert "review: ด่าง, 7" in client.get("/pets/1/3").text
    assert client.post("/pets/1/3").status_code == 201 and PETS[1].saved == {"name": "ด่าง", "age": 7}


def test_the_submit_sends_the_officer_to_the_step_with_a_problem(pets):
    client, _ = pets
    PETS[1].data = {"name": "ด่าง", "age": 45}  # saved before the limit was lowered
    PETS[1].oldest = 10
    refused = client.post("/pets/1/3")
    assert refused.status_code == 422 and "/pets/1/2?then=review" in refused.text and PETS[1].saved is None


def test_validate_all_checks_a_plain_dict_without_a_request(pets):
    _, wizard = pets
    pet = PETS[1]
    assert wizard.validate_all(pet, {"name": "ด่าง", "age": "7"}) == {}
    assert wizard.validate_all(pet, {"name": "", "age": "70"}) == {
        1: {"name": ["กรุณากรอกชื่อ"]}, 2: {"age": ["อายุ 0 ถึง 50"]}}
    assert wizard.validate_all(pet, {"name": "ด่าง", "age": "30"}) == {2: {"age": ["แก่เกินไป"]}}
