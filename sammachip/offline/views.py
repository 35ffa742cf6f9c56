"""The app as installed on a phone: manifest, service worker, offline page, the
pages to download (README "Offline")."""
import hashlib
import json

from flask import Blueprint, current_app, render_template
from flask_babel import gettext as _
from flask_login import current_user

from ..access import public, requires
from ..domain.permissions import can_read
from ..extensions import static_digest
from .pages import pages_for

bp = Blueprint("offline", __name__)

WORKER_ONLY = ("sw.js",)  # served at /sw.js, never precached under its hashed name


def digest_manifest() -> dict:
    path = current_app.static_folder + "/cache_manifest.json"
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:  # no `make install` yet: plain names, revalidated
        return {}


@bp.get("/sw.js")
@public
def worker():
    """The service worker, from the root so its scope is the whole app. Its first
    line names this release's hashed static files: a new release is a new worker,
    which replaces the old static cache whole (no stale mix of files)."""
    hashed = digest_manifest()
    files = sorted(f"/static/{name}" for source, name in hashed.items() if source not in WORKER_ONLY)
    with open(current_app.static_folder + "/sw.js", encoding="utf-8") as f:
        source = f.read()
    version = hashlib.md5((json.dumps(files) + source).encode(), usedforsecurity=False).hexdigest()[:12]
    body = f"var PRECACHE = {json.dumps(files)};\nvar VERSION = {json.dumps(version)};\n{source}"
    return body, 200, {"Content-Type": "application/javascript; charset=utf-8",
                       "Cache-Control": "no-cache", "Service-Worker-Allowed": "/"}


@bp.get("/manifest.webmanifest")
@public
def manifest():
    """Installable: a Thai name, the icon, and the user's first screen as the start."""
    body = {
        "name": _("สัมมาชีพชุมชน"), "short_name": _("สัมมาชีพ"), "lang": "th", "dir": "ltr",
        "start_url": "/", "scope": "/", "display": "standalone",
        "background_color": "#ffffff", "theme_color": "#0b6b3a",
        "icons": [{"src": static_digest.static_url_for("static", filename="icon.svg"), "sizes": "any",
                   "type": "image/svg+xml", "purpose": "any"}],
    }
    return json.dumps(body, ensure_ascii=False), 200, {
        "Content-Type": "application/manifest+json; charset=utf-8", "Cache-Control": "public, max-age=86400"}


@bp.get("/offline")
@public
def page():
    """What the service worker answers for a page that is not on the phone."""
    return render_template("offline/page.html"), 200, {"Cache-Control": "no-cache"}


@bp.get("/offline/pages")
@requires(can_read)
def pages():
    """The pages the officer takes to the field ("ดาวน์โหลดสำหรับออฟไลน์")."""
    return {"user": current_user.id, "urls": pages_for(current_user),
            "keep_days": current_app.config["OFFLINE_KEEP_DAYS"]}, 200, {"Cache-Control": "no-store"}
