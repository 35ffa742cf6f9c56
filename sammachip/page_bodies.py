"""Page bodies kept server-side (Flask-Caching, `CACHE_TYPE`) by the data versions of what they show
(domain/data_versions.py): the village page (villages/page_cache.py) and the district dashboard
(progress/page_cache.py). The layout around a body (CSRF token, the user's area, flashes) is made for
each request, and pages stay `private, no-store`: a kept body holds nothing of one user.
"""
import hashlib
from collections.abc import Callable
from functools import cache as once
from pathlib import Path
from typing import TypeVar

from flask import current_app
from flask_babel import get_locale
from flask_login import current_user

from .domain.clock import today
from .extensions import cache

T = TypeVar("T")  # what is kept: a body, or a body with what the page needs of its subject


def body_key(*parts) -> str:
    """The key of a body: what it shows (`parts`, versions included), the role (what it offers depends
    on it alone), the locale, the Bangkok date (figures are as of today) and the release."""
    return ":".join(map(str, (*parts, current_user.role, get_locale(), today().isoformat(),
                              release(current_app.root_path, current_app.template_folder))))


@once
def release(root: str, templates: str) -> str:
    """A digest of the app's code, templates and translations, read once per process: a shared store
    (`FileSystemCache`, `RedisCache`) outlives a deploy, and must not serve a body an older release made."""
    digest = hashlib.blake2b(digest_size=6)
    base = Path(root)
    sources = ((base, "**/*.py"), (base / templates, "**/*.html"), (base.parent / "translations", "**/*.po"))
    for folder, pattern in sources:
        for path in sorted(folder.glob(pattern)):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def kept_body(key: str, make: Callable[[], T], versions: tuple, versions_now: Callable[[], tuple]) -> T:
    """The body kept under `key`, else made now and kept, unless a write was committed while it was
    made (it might mix both versions' data): then it serves this request only."""
    body = cache.get(key)
    if body is None:
        body = make()
        if tuple(versions_now()) == tuple(versions):
            cache.set(key, body)
    return body
