"""A photo as it is kept: upright, no metadata, a size a phone can load.

The phone shrinks a photo before sending (static/photos.js), but a photo sent
without JavaScript, or from a browser that could not shrink it, arrives as the
camera wrote it: up to 8 MB, turned by an EXIF tag, with the place it was taken
(GPS) in its metadata. Here the picture is turned as the tag says, then copied
pixel by pixel into a new image, so nothing of the file's metadata (GPS, camera,
time, comments, colour profile) survives, and saved as JPEG.
"""
import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = ("JPEG", "PNG", "WEBP")
MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 60_000_000  # a 50-megapixel phone camera; more is not a photo from the field
LONG_SIDE = 1600  # enough to read a sign on a group's stall, about 200 KB
THUMB_SIDE = 320  # a thumbnail shown about 100 px wide on a 2× screen, or on A4
QUALITY, THUMB_QUALITY = 80, 70


class PhotoRefused(ValueError):
    """A file that is not kept; `code` says why (photos/wording.py words it)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class PreparedPhoto:
    full: bytes
    thumb: bytes
    width: int
    height: int


def prepare(data: bytes) -> PreparedPhoto:
    """The photo to keep and its thumbnail, or PhotoRefused: empty, too_big, not_image, too_many_pixels."""
    if not data:
        raise PhotoRefused("empty")
    if len(data) > MAX_BYTES:
        raise PhotoRefused("too_big")
    try:
        with Image.open(io.BytesIO(data), formats=FORMATS) as image:
            if image.width * image.height > MAX_PIXELS:
                raise PhotoRefused("too_many_pixels")
            image.load()
            upright = ImageOps.exif_transpose(image)  # before the metadata goes: it holds the orientation
            clean = bare_rgb(upright)
    except PhotoRefused:
        raise
    except Image.DecompressionBombError as error:
        raise PhotoRefused("too_many_pixels") from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as error:
        raise PhotoRefused("not_image") from error
    clean.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.LANCZOS)
    thumb = clean.copy()
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
    return PreparedPhoto(full=as_jpeg(clean, QUALITY), thumb=as_jpeg(thumb, THUMB_QUALITY),
                         width=clean.width, height=clean.height)


def bare_rgb(image: Image.Image) -> Image.Image:
    """The pixels alone, in RGB (transparency on white), in a new image that carries no metadata."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        rgb = Image.new("RGB", rgba.size, "white")
        rgb.paste(rgba, mask=rgba.getchannel("A"))
    else:
        rgb = image.convert("RGB")
    return Image.frombytes("RGB", rgb.size, rgb.tobytes())


def as_jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    return out.getvalue()
