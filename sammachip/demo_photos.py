"""The demo's photos: drawn scenes (no camera here) on the first training day of last year's
village 60130101 and on one of its visits, kept through the app's photo store. Added once."""
import io

from PIL import Image, ImageDraw
from sqlalchemy import select
from sqlalchemy.orm import Session

from .domain.photos import prepare
from .models import FollowUp, Household, Photo, TrainingDay, Village
from .photos.storage import photo_store, save_photo

SCENES = [("การสาธิตทำน้ำพริกแกง", (236, 196, 120), (178, 58, 38)),
          ("ผู้เข้าอบรมฝึกปฏิบัติ", (170, 214, 235), (64, 130, 64)),
          ("แปลงผักของครัวเรือน", (200, 226, 245), (92, 150, 60))]


def scene(sky: tuple, ground: tuple, seed: int) -> bytes:
    """A 1200 × 900 picture: sky, ground, a sun and a few shapes, as a camera's JPEG."""
    image = Image.new("RGB", (1200, 900), sky)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 560, 1200, 900), fill=ground)
    draw.ellipse((900, 80, 1040, 220), fill=(250, 220, 90))
    for n in range(4):
        x = 120 + n * 250 + seed * 30
        draw.rectangle((x, 420, x + 140, 640), fill=(120 + 20 * n, 90, 60))
        draw.polygon([(x - 20, 430), (x + 70, 340), (x + 160, 430)], fill=(150, 60 + 25 * n, 40))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def seed_photos(session: Session, by_code: dict[str, Village]) -> None:
    village = by_code["60130101"]
    if session.scalar(select(Photo.id).where(Photo.village_id == village.id).limit(1)):
        return
    day = session.scalar(select(TrainingDay).where(TrainingDay.village_id == village.id)
                         .order_by(TrainingDay.fiscal_year.desc(), TrainingDay.day_no).limit(1))
    visit = session.scalar(select(FollowUp).join(Household, Household.id == FollowUp.household_id)
                           .where(Household.village_id == village.id, FollowUp.status == "done")
                           .order_by(FollowUp.id).limit(1))
    store = photo_store()
    if day is not None:
        for n, (caption, sky, ground) in enumerate(SCENES[:2]):
            save_photo(session, prepare(scene(sky, ground, n)), store, caption=caption, village_id=village.id,
                       training_day_id=day.id)
    if visit is not None:
        caption, sky, ground = SCENES[2]
        save_photo(session, prepare(scene(sky, ground, 2)), store, caption=caption, village_id=village.id,
                   followup_id=visit.id, household_id=visit.household_id)
