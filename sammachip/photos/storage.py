"""Where a photo's bytes are kept: one small interface, two stores.

- `FolderStore`: files under instance/photos (the default; `flask backup` copies
  that folder beside the database copy).
- `DatabaseStore`: rows of `photo_blobs`, for several app servers sharing one
  PostgreSQL database (photos are about 200 KB after resizing).

An S3-compatible store can be added later with the same three methods. Both
stores follow the session's transaction: a photo saved in a transaction that
is rolled back leaves no file, and a file is removed only once the removal
of its row is committed.
"""
import os
import re
import secrets
from pathlib import Path
from typing import Protocol

from flask import current_app
from sqlalchemy import delete, event, or_, select
from sqlalchemy.orm import Session, scoped_session

from ..domain.photos import PreparedPhoto
from ..domain.privacy import register_photo_eraser
from ..models import FollowUp, Photo, PhotoBlob

NAME = re.compile(r"^[0-9a-f]{32}(\.thumb)?$")  # our own names only: never a path from outside


class PhotoStore(Protocol):
    def put(self, session: Session, name: str, data: bytes) -> None: ...

    def get(self, session: Session, name: str) -> bytes | None: ...

    def discard(self, session: Session, names: list[str]) -> None: ...


class FolderStore:
    def __init__(self, root: Path):
        self.root = root

    def path(self, name: str) -> Path:
        if not NAME.match(name):
            raise ValueError(name)
        return self.root / name[:2] / f"{name}.jpg"

    def put(self, session: Session, name: str, data: bytes) -> None:
        path = self.path(name)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_bytes(data)
        os.replace(partial, path)  # whole or absent, never half a photo
        pending(session)["written"].append(path)  # removed again if the transaction is rolled back

    def get(self, session: Session, name: str) -> bytes | None:
        path = self.path(name)
        return path.read_bytes() if path.is_file() else None

    def discard(self, session: Session, names: list[str]) -> None:
        pending(session)["discarded"] += [self.path(name) for name in names]  # removed once committed


def pending(session: Session) -> dict:
    """The files of the session's open transaction: written, and to remove when it commits."""
    if isinstance(session, scoped_session):
        session = session()  # listen on this request's session, not on every session of the app
    if "photo_files" not in session.info:
        session.info["photo_files"] = {"written": [], "discarded": []}
        event.listen(session, "after_commit", lambda s: settle(s, s.info["photo_files"]["discarded"]))
        event.listen(session, "after_soft_rollback", lambda s, previous: previous.nested or
                     settle(s, s.info["photo_files"]["written"]))
    session.connection()  # in a transaction from here, so its rollback is seen
    return session.info["photo_files"]


def settle(session: Session, doomed: list[Path]) -> None:
    for path in doomed:
        path.unlink(missing_ok=True)
    session.info["photo_files"] = {"written": [], "discarded": []}


class DatabaseStore:
    def put(self, session: Session, name: str, data: bytes) -> None:
        session.add(PhotoBlob(name=name, data=data))

    def get(self, session: Session, name: str) -> bytes | None:
        return session.scalar(select(PhotoBlob.data).where(PhotoBlob.name == name))

    def discard(self, session: Session, names: list[str]) -> None:
        if names:
            session.execute(delete(PhotoBlob).where(PhotoBlob.name.in_(names)))


def photo_store() -> PhotoStore:
    """The store the settings name (config.py: PHOTO_STORAGE, PHOTO_FOLDER)."""
    config = current_app.config
    if config["PHOTO_STORAGE"] == "database":
        return DatabaseStore()
    return FolderStore(photo_folder())


def photo_folder() -> Path:
    """Where a folder store keeps photos (and what `flask backup` copies): instance/photos unless set."""
    return Path(current_app.config.get("PHOTO_FOLDER") or Path(current_app.instance_path) / "photos")


def names_of(photo: Photo) -> list[str]:
    return [photo.key, f"{photo.key}.thumb"]


def save_photo(session: Session, prepared: PreparedPhoto, store: PhotoStore, **subject) -> Photo:
    """Keep a prepared photo of a training day or a visit (`subject`: its ids, caption, uploader)."""
    photo = Photo(key=secrets.token_hex(16), width=prepared.width, height=prepared.height,
                  size_bytes=len(prepared.full), **subject)
    store.put(session, photo.key, prepared.full)
    store.put(session, f"{photo.key}.thumb", prepared.thumb)
    session.add(photo)
    session.flush()
    return photo


def delete_photos(session: Session, photos: list[Photo], store: PhotoStore) -> int:
    """Remove photos and their bytes in the session's transaction (the caller commits)."""
    store.discard(session, [name for photo in photos for name in names_of(photo)])
    for photo in photos:
        session.delete(photo)
    session.flush()
    return len(photos)


def delete_photos_of_household(session: Session, household_id: int, store: PhotoStore | None = None) -> int:
    """For erasure: every photo of the household's visits, bytes included (the caller commits).

    Training-day photos are of the whole class, not of one household: they stay."""
    photos = session.scalars(select(Photo).where(or_(
        Photo.household_id == household_id,
        Photo.followup_id.in_(select(FollowUp.id).where(FollowUp.household_id == household_id))))).all()
    return delete_photos(session, list(photos), store or photo_store())


@register_photo_eraser
def erase_households_photos(session: Session, household_ids: list[int]) -> int:
    """PDPA erasure (domain/privacy.py) removes a household's visit photos through this."""
    return sum(delete_photos_of_household(session, household_id) for household_id in household_ids)
