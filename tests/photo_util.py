"""Photos for tests, made with Pillow: a camera's JPEG with GPS and orientation tags, and stored photos."""
import io

from PIL import Image

from sammachip.domain.photos import prepare
from sammachip.extensions import db
from sammachip.photos.storage import photo_store, save_photo

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def camera_jpeg(size=(400, 200), orientation: int | None = None, gps: bool = True, halves=("red", "blue")) -> bytes:
    """A JPEG as a phone writes it: its left half `halves[0]`, right half `halves[1]`, with EXIF
    (camera make, GPS position of Mae Wong, and an orientation tag if given)."""
    image = Image.new("RGB", size, halves[1])
    image.paste(halves[0], (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[MAKE] = "PhoneMaker"
    if orientation:
        exif[ORIENTATION] = orientation
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (15.0, 52.0, 30.0), 3: "E", 4: (99.0, 31.0, 12.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=90)
    return out.getvalue()


def image_bytes(fmt: str, size=(60, 40), mode="RGB", color="green") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, color).save(out, fmt)
    return out.getvalue()


def stored_photo(day=None, followup=None, household=None, caption="") -> int:
    """A photo kept through the app's store (the test's app context), of a day or a visit; its id."""
    if day is not None:
        subject = {"village_id": day.village_id, "training_day_id": day.id}
    else:
        subject = {"village_id": household.village_id, "followup_id": followup.id, "household_id": household.id}
    photo = save_photo(db.session, prepare(camera_jpeg()), photo_store(), caption=caption, **subject)
    db.session.commit()
    return photo.id
