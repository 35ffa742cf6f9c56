"""Photos as evidence (issue 15, item 7): upright, no metadata, resized, stored once, area-checked, private."""
import io
import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from sammachip.config import ConfigError, load_config
from sammachip.domain.clock import today
from sammachip.domain.photos import LONG_SIDE, MAX_BYTES
from sammachip.extensions import db
from sammachip.models import AuditEntry, Photo, PhotoBlob
from sammachip.photos.storage import FolderStore, delete_photos_of_household, photo_store

from .factories import make_followup, make_household, make_training, make_user
from .photo_util import GPS_IFD, camera_jpeg, image_bytes, stored_photo


@pytest.fixture
def day(village):
    return make_training(village, [today() - timedelta(days=2)])[0]


@pytest.fixture
def visit(village):
    household = make_household(village, name="สมชาย ใจดี")
    return make_followup(household, today()), household


def upload(client, url, data: bytes, name="photo.jpg", caption="", **extra):
    return client.post(url, data={"photo": (io.BytesIO(data), name), "caption": caption, **extra},
                       content_type="multipart/form-data")


def kept(client, photo_id: int, thumb=False) -> Image.Image:
    response = client.get(f"/photos/{photo_id}" + ("/thumb" if thumb else ""))
    assert response.status_code == 200
    return Image.open(io.BytesIO(response.data))


def only_photo() -> Photo:
    return db.session.scalars(select(Photo)).one()


def test_a_stored_photo_has_no_gps_nor_any_other_metadata(client, officer, day):
    sent = camera_jpeg()
    assert GPS_IFD in Image.open(io.BytesIO(sent)).getexif()  # the test's photo does carry a position
    response = upload(client, f"/training-days/{day.id}/photos", sent, caption="กลุ่มทำน้ำพริก")
    assert response.status_code == 303
    photo = only_photo()
    assert (photo.caption, photo.village_id, photo.training_day_id, photo.uploaded_by_id) == \
        ("กลุ่มทำน้ำพริก", day.village_id, day.id, officer.id)
    for thumb in (False, True):
        image = kept(client, photo.id, thumb)
        assert image.format == "JPEG"
        assert len(image.getexif()) == 0 and not image.getexif().get_ifd(GPS_IFD)
        assert not {"exif", "icc_profile", "comment", "xmp"} & set(image.info)
    raw = client.get(f"/photos/{photo.id}").data
    assert b"Exif" not in raw and b"PhoneMaker" not in raw


def test_an_orientation_6_photo_comes_out_upright(client, officer, day):
    # Stored 400 × 200, red on the left: the camera was turned, the tag says "turn 90° clockwise to show".
    upload(client, f"/training-days/{day.id}/photos", camera_jpeg((400, 200), orientation=6))
    image = kept(client, only_photo().id).convert("RGB")
    assert image.size == (200, 400)  # width and height swapped
    top, bottom = image.getpixel((100, 50)), image.getpixel((100, 350))
    assert top[0] > 200 and top[2] < 60  # red went to the top
    assert bottom[2] > 200 and bottom[0] < 60  # blue to the bottom
    assert (only_photo().width, only_photo().height) == (200, 400)


def test_a_big_photo_is_resized_and_its_thumbnail_is_small(client, officer, day):
    upload(client, f"/training-days/{day.id}/photos", camera_jpeg((3200, 2400), gps=False))
    assert kept(client, only_photo().id).size == (LONG_SIDE, 1200)
    assert kept(client, only_photo().id, thumb=True).size == (320, 240)


@pytest.mark.parametrize("fmt,mode,name", [("PNG", "RGBA", "a.png"), ("WEBP", "RGB", "a.webp"), ("PNG", "P", "b.png")])
def test_png_and_webp_are_accepted_and_kept_as_jpeg(client, officer, day, fmt, mode, name):
    data = image_bytes(fmt, mode=mode, color=(0, 128, 0, 0) if mode == "RGBA" else 3 if mode == "P" else "green")
    assert upload(client, f"/training-days/{day.id}/photos", data, name).status_code == 303
    image = kept(client, only_photo().id)
    assert image.format == "JPEG" and image.size == (60, 40)
    if mode == "RGBA":
        assert image.convert("RGB").getpixel((5, 5)) == pytest.approx((255, 255, 255), abs=3)  # transparency on white


@pytest.mark.parametrize("data,name,words", [
    (image_bytes("GIF"), "a.gif", "JPEG, PNG หรือ WebP"),
    (b"%PDF-1.4 not a photo", "a.pdf", "JPEG, PNG หรือ WebP"),
    (camera_jpeg()[:300], "cut.jpg", "JPEG, PNG หรือ WebP"),
    (b"", "empty.jpg", "ไฟล์รูปว่างเปล่า"),
])
def test_a_wrong_file_is_refused_in_thai_and_the_caption_stays(client, officer, day, data, name, words):
    response = upload(client, f"/training-days/{day.id}/photos", data, name, caption="คำอธิบายที่พิมพ์ไว้")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert words in html and 'value="คำอธิบายที่พิมพ์ไว้"' in html
    assert db.session.scalar(select(func.count()).select_from(Photo)) == 0


def test_no_file_and_a_long_caption_are_refused(client, officer, day):
    response = client.post(f"/training-days/{day.id}/photos", data={"caption": "x"})
    assert response.status_code == 422 and "กรุณาถ่ายรูปหรือเลือกรูป" in response.get_data(as_text=True)
    response = upload(client, f"/training-days/{day.id}/photos", camera_jpeg(), caption="ก" * 201)
    assert response.status_code == 422 and "ยาวเกิน 200" in response.get_data(as_text=True)


def test_the_refusal_is_a_fragment_for_htmx(client, officer, day):
    response = client.post(f"/training-days/{day.id}/photos", data={"photo": (io.BytesIO(b"no"), "x.jpg")},
                           content_type="multipart/form-data", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and html.startswith("<section") and 'id="photo-error"' in html


def test_eight_mb_on_the_photo_route_alone(client, officer, day, village):
    household = make_household(village)
    over = b"\xff\xd8" + b"0" * (MAX_BYTES - 1)  # 8 MB and a byte
    response = upload(client, f"/training-days/{day.id}/photos", over)
    assert response.status_code == 422 and "ใหญ่เกิน 8 MB" in response.get_data(as_text=True)
    response = upload(client, f"/training-days/{day.id}/photos", over + b"0" * (1024 * 1024))  # the body over the limit
    assert response.status_code == 413 and "ใหญ่เกิน 8 MB" in response.get_data(as_text=True)
    big = noisy_jpeg()  # a real photo of more than the app's 1 MB
    assert 1024 * 1024 < len(big) < MAX_BYTES
    assert upload(client, f"/training-days/{day.id}/photos", big).status_code == 303
    # Any other route keeps the app's 1 MB limit.
    response = client.post(f"/training-days/{day.id}/attendance/{household.id}",
                           data={"present": "1", "x": "0" * len(big)})
    assert response.status_code == 413 and "ข้อมูลที่ส่งมายาวเกิน" in response.get_data(as_text=True)


def noisy_jpeg() -> bytes:
    out = io.BytesIO()
    Image.frombytes("RGB", (1200, 1200), os.urandom(1200 * 1200 * 3)).save(out, "JPEG", quality=95)
    return out.getvalue()


def test_served_private_and_no_store_as_jpeg(client, officer, day):
    photo_id = stored_photo(day=day)
    for url in (f"/photos/{photo_id}", f"/photos/{photo_id}/thumb"):
        response = client.get(url)
        assert response.status_code == 200 and response.mimetype == "image/jpeg"
        assert response.headers["Cache-Control"] == "private, no-store"


def test_refused_outside_the_area(client, auth, village, day, visit):
    followup, household = visit
    day_photo, visit_photo = stored_photo(day=day), stored_photo(followup=followup, household=household)
    make_user("faraway", "officer", "6001")  # อำเภอเมืองนครสวรรค์: not Mae Wong
    auth.login("faraway")
    urls = [f"/photos/{day_photo}", f"/photos/{day_photo}/thumb", f"/photos/{visit_photo}",
            f"/photos/{visit_photo}/thumb", f"/training-days/{day.id}/photos", f"/followups/{followup.id}/photos"]
    assert [client.get(url).status_code for url in urls] == [404] * 6
    assert upload(client, f"/training-days/{day.id}/photos", camera_jpeg()).status_code == 404
    assert upload(client, f"/followups/{followup.id}/photos", camera_jpeg()).status_code == 404
    assert client.post(f"/photos/{day_photo}/delete").status_code == 404
    assert db.session.scalar(select(func.count()).select_from(Photo)) == 2


def test_a_visit_photo_and_its_deletion(client, officer, village, visit):
    followup, household = visit
    response = upload(client, f"/followups/{followup.id}/photos", camera_jpeg(), caption="แปลงผัก")
    assert response.status_code == 303 and response.location.endswith(f"/followups/{followup.id}/photos#photos")
    photo = only_photo()
    assert (photo.followup_id, photo.household_id, photo.village_id) == (followup.id, household.id, village.id)
    page = client.get(f"/followups/{followup.id}/photos").get_data(as_text=True)
    assert f"/photos/{photo.id}/thumb" in page and "แปลงผัก" in page
    files = list(Path(photo_store().root).rglob(f"{photo.key}*"))
    assert len(files) == 2  # the photo and its thumbnail
    photo_id = photo.id
    response = client.post(f"/photos/{photo.id}/delete", headers={"HX-Request": "true"})
    assert response.status_code == 200 and "ยังไม่มีรูปถ่าย" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Photo)) == 0
    assert not any(f.exists() for f in files)
    logged = db.session.scalars(select(AuditEntry).where(AuditEntry.table_name == "photos")
                                .order_by(AuditEntry.id)).all()
    assert [(r.action, r.record_id, r.household_id, r.user_id) for r in logged] == \
        [("create", photo_id, household.id, officer.id), ("delete", photo_id, household.id, officer.id)]
    assert "แปลงผัก" not in str([r.detail for r in logged])  # a caption is free text: masked


def test_a_form_sent_twice_keeps_one_photo(client, officer, day):
    token = "11111111-2222-4333-8444-555555555555"
    for _ in range(2):
        assert upload(client, f"/training-days/{day.id}/photos", camera_jpeg(), submit_token=token).status_code == 303
    assert db.session.scalar(select(func.count()).select_from(Photo)) == 1


def test_database_storage(app, client, officer, day, monkeypatch):
    monkeypatch.setitem(app.config, "PHOTO_STORAGE", "database")
    upload(client, f"/training-days/{day.id}/photos", camera_jpeg(orientation=6))
    photo = only_photo()
    names = set(db.session.scalars(select(PhotoBlob.name)))
    assert names == {photo.key, f"{photo.key}.thumb"}
    assert not list(Path(app.config["PHOTO_FOLDER"]).rglob(f"{photo.key}*"))
    assert kept(client, photo.id).size == (200, 400)
    assert client.get(f"/photos/{photo.id}").headers["Cache-Control"] == "private, no-store"
    assert client.post(f"/photos/{photo.id}/delete").status_code == 303
    assert db.session.scalar(select(func.count()).select_from(PhotoBlob)) == 0


def test_a_failed_transaction_leaves_no_file(app, day):
    store = photo_store()
    store.put(db.session, "a" * 32, b"bytes")
    path = store.path("a" * 32)
    assert path.exists()
    db.session.rollback()
    assert not path.exists()


def test_the_folder_is_instance_photos_which_the_backup_copies(app, monkeypatch):
    monkeypatch.delitem(app.config, "PHOTO_FOLDER")
    store = photo_store()
    assert isinstance(store, FolderStore) and store.root == Path(app.instance_path) / "photos"


def test_photo_storage_setting():
    assert load_config("/tmp/x", {"PHOTO_STORAGE": "database"})["PHOTO_STORAGE"] == "database"
    assert load_config("/tmp/x", {})["PHOTO_STORAGE"] == "folder"
    with pytest.raises(ConfigError):
        load_config("/tmp/x", {"PHOTO_STORAGE": "s3"})


@pytest.mark.parametrize("storage", ["folder", "database"])
def test_erasure_removes_a_households_visit_photos_not_the_class_photos(app, village, day, visit, monkeypatch, storage):
    monkeypatch.setitem(app.config, "PHOTO_STORAGE", storage)
    followup, household = visit
    other = make_household(village, name="อื่น", n=2)
    other_visit = make_followup(other, today())
    mine = [stored_photo(followup=followup, household=household) for _ in range(2)]
    keep = [stored_photo(day=day), stored_photo(followup=other_visit, household=other)]
    assert delete_photos_of_household(db.session, household.id) == 2
    db.session.commit()
    assert set(db.session.scalars(select(Photo.id))) == set(keep)
    if storage == "database":
        assert db.session.scalar(select(func.count()).select_from(PhotoBlob)) == 4
    assert not set(mine) & set(db.session.scalars(select(Photo.id)))


def test_thumbnails_on_the_training_day_the_timeline_and_the_report(client, officer, village, day, visit):
    followup, household = visit
    day_photo, visit_photo = stored_photo(day=day), stored_photo(followup=followup, household=household)
    from .factories import attend

    attend([day], household, 1)
    attendance = client.get(f"/training-days/{day.id}").get_data(as_text=True)
    assert f"/photos/{day_photo}/thumb" in attendance and 'capture="environment"' in attendance
    timeline = client.get(f"/households/{household.id}").get_data(as_text=True)
    assert f"/photos/{day_photo}/thumb" in timeline and f"/photos/{visit_photo}/thumb" in timeline
    report = client.get(f"/villages/{village.id}/report").get_data(as_text=True)
    assert "ภาพกิจกรรม" in report
    assert f"/photos/{day_photo}/thumb" in report and f"/photos/{visit_photo}/thumb" in report


def test_the_report_shows_photos_of_its_year_by_the_cut_off(client, officer, village, clock):
    old_day = make_training(village, [date(2025, 9, 1)], fiscal_year=2568)[0]
    stored_photo(day=old_day)
    this_year = make_training(village, [date(2026, 11, 20), date(2026, 11, 30)])  # the second after today
    stored_photo(day=this_year[0])
    late = stored_photo(day=this_year[1])
    report = client.get(f"/villages/{village.id}/report?fy=2570").get_data(as_text=True)
    assert report.count("/thumb") == 1 and f"/photos/{late}/thumb" not in report  # held after the cut-off (today)
    report = client.get(f"/villages/{village.id}/report?fy=2568").get_data(as_text=True)
    assert report.count("/thumb") == 1 and "ภาพกิจกรรม" in report
