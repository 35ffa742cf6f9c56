"""Questions that apply to one answer only: hidden otherwise, and the server keeps no answer to them."""
from sqlalchemy import select

from sammachip.extensions import db
from sammachip.models import Sage

from .factories import SAGE_FORM


def test_an_other_occupation_typed_then_unpicked_is_not_kept(client, officer, village):
    page = client.get(f"/villages/{village.id}/sages/new").text
    assert 'data-show-if="occupation=other" hidden' in page  # nothing picked: the box is hidden
    data = {**SAGE_FORM, "occupation": "1", "occupation_other": "ทำกระเป๋าผักตบชวา"}
    assert client.post(f"/villages/{village.id}/sages/new", data=data).status_code == 303
    sage = db.session.scalar(select(Sage))
    assert sage.occupation_id == 1 and sage.occupation_other == ""


def test_the_other_box_shows_while_other_is_picked(client, officer, village):
    data = {**SAGE_FORM, "occupation": "other", "occupation_other": ""}
    page = client.post(f"/villages/{village.id}/sages/new", data=data).text
    assert 'data-show-if="occupation=other">' in page and "กรุณาระบุอาชีพ" in page


def test_a_full_village_says_so_at_the_first_step(client, officer):
    from .factories import full_village

    village = full_village()
    page = client.get(f"/villages/{village.id}/households/new").text
    assert "ครัวเรือนที่สัมภาษณ์ต่อจากนี้จะอยู่ในรายชื่อสำรอง" in page


def test_a_village_with_room_says_nothing_of_the_reserve(client, officer, village):
    page = client.get(f"/villages/{village.id}/households/new").text
    assert "รายชื่อสำรอง" not in page
