"""Page bodies kept server-side (Flask-Caching, `CACHE_TYPE`) by the data versions of what they show
(domain/data_versions.py): the village page (villages/page_cache.py) and the district dashboard
(progress/page_cache.py). The layout around a body (CSRF token, the user's area, flashes) is made for
each request, and pages stay `private, no-store`: a kept body holds nothing of one user.
"""
from collections.abc import Callable

from flask_babel import get_locale
from flask_login import current_user

from .domain.clock import today
from .extensions import cache


def body_key(*parts) -> str:
    """The key of a body: what it shows (`parts`, versions included), the role (what it offers depends
    on it alone), the locale and the Bangkok date (figures are as of today)."""
    return ":".join(map(str, (*parts, current_user.role, get_locale(), today().isoformat())))


def kept_body(key: str, make: Callable[[], str], versions: tuple, versions_now: Callable[[], tuple]) -> str:
    """The body kept under `key`, else made now and kept, unless a write was committed while it was
    made (it might mix both versions' data): then it serves this request only."""
    body = cache.get(key)
    if body is None:
        body = make()
        if tuple(versions_now()) == tuple(versions):
            cache.set(key, body)
    return body
