"""On a phone: pick a photo through the camera input, the phone shrinks it, the thumbnail shows;
a visit's photo shows on the household's timeline and the village report."""
from datetime import timedelta

from PIL import Image
from sqlalchemy import select

from sammachip.domain.clock import today
from sammachip.extensions import db
from sammachip.models import Photo

from .browser import log_in, shot
from .factories import attend, make_followup, make_household, make_training, make_user, make_village
from .photo_util import ORIENTATION


def camera_photo(tmp_path, size=(2400, 1800)):
    """A big, grainy photo with GPS-free EXIF saying "turn 90° clockwise", as a phone camera writes it."""
    grain = Image.effect_noise(size, 40).convert("L")
    image = Image.merge("RGB", (grain, Image.linear_gradient("L").resize(size), grain))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    path = tmp_path / "IMG_0001.jpg"
    image.save(path, "JPEG", quality=92, exif=exif)
    return path


def test_a_photo_picked_on_the_phone_is_shrunk_sent_and_shown(phone, tmp_path):
    make_user("officer", "officer", "6013", coordinated=("601303",))
    village = make_village("601303", 2, "แม่เล่ย์")
    day = make_training(village, [today() - timedelta(days=3)])[0]
    household = make_household(village, "สมชาย ใจดี")
    attend([day], household, 1)
    visit = make_followup(household, today())
    day_id, visit_id, household_id, village_id = day.id, visit.id, household.id, village.id
    photo = camera_photo(tmp_path)
    sent = []
    phone.on("request", lambda r: sent.append(len(r.post_data_buffer or b""))
             if r.method == "POST" and "/photos" in r.url else None)
    log_in(phone, "officer")

    phone.goto(f"/training-days/{day_id}")
    phone.fill("#photo-caption", "ผู้เข้าอบรมฝึกทำน้ำพริก")
    phone.set_input_files("#photo-file", str(photo))  # the phone shrinks it and sends it at once
    phone.wait_for_selector("#photos img[src*='/thumb']")
    # the thumbnail loads through its area-checked route (wait: the <img> is there before its bytes)
    phone.wait_for_function(
        "() => { const i = document.querySelector('#photos img'); return i.complete && i.naturalWidth > 0 }")
    assert "ผู้เข้าอบรมฝึกทำน้ำพริก" in phone.inner_text("#photos")
    assert sent and sent[0] < min(photo.stat().st_size, 400 * 1024)  # shrunk on the phone before sending
    db.session.rollback()  # a fresh look at what the app's thread wrote
    kept = db.session.scalars(select(Photo)).one()
    assert (kept.width, kept.height) == (1200, 1600)  # upright: the portrait the camera meant
    for width in (320, 360):
        phone.set_viewport_size({"width": width, "height": 800})
        phone.locator("#photos").scroll_into_view_if_needed()
        shot(phone, f"photos-training-day-{width}")
        assert phone.evaluate("document.documentElement.scrollWidth") <= width

    phone.goto(f"/followups/{visit_id}/photos")
    phone.set_input_files("#photo-file", str(photo))
    phone.wait_for_selector("#photos img[src*='/thumb']")
    shot(phone, "photos-visit-360")
    phone.goto(f"/households/{household_id}")
    assert phone.locator("#timeline img[src*='/thumb']").count() == 2  # the training day's and the visit's
    phone.locator("#timeline").scroll_into_view_if_needed()
    shot(phone, "photos-timeline-360")
    phone.set_viewport_size({"width": 320, "height": 800})
    shot(phone, "photos-timeline-320")

    phone.goto(f"/villages/{village_id}/report")
    assert phone.locator(".report-photos img").count() == 2
    shot(phone, "photos-report-320")

    phone.goto(f"/training-days/{day_id}")
    phone.once("dialog", lambda d: d.accept())
    phone.click("#photos button.photo-delete")
    phone.wait_for_selector("#photos >> text=ยังไม่มีรูปถ่าย")


def test_a_wrong_file_says_so_in_thai_and_keeps_the_caption(phone, tmp_path):
    make_user("officer", "officer", "6013")
    village = make_village("601303", 2, "แม่เล่ย์")
    day_id = make_training(village, [today() - timedelta(days=3)])[0].id
    text = tmp_path / "notes.jpg"
    text.write_bytes(b"not a photo at all")
    log_in(phone, "officer")
    phone.goto(f"/training-days/{day_id}")
    phone.fill("#photo-caption", "คำอธิบาย")
    phone.set_input_files("#photo-file", str(text))
    phone.wait_for_selector("#photo-error")
    assert "JPEG, PNG หรือ WebP" in phone.inner_text("#photo-error")
    assert phone.input_value("#photo-caption") == "คำอธิบาย"
    shot(phone, "photos-refused-360")
