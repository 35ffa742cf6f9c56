"""Shared web plumbing: page or fragment, wizard steps, redirects after a POST, stale forms."""
from flask import make_response, redirect, render_template
from flask_babel import gettext as _

from .extensions import htmx


def wants_fragment() -> bool:
    """An htmx request for a part of the page (a boosted link wants the whole page)."""
    return bool(htmx) and not htmx.boosted


def render(page: str, fragment: str, **context):
    """The same URL answers a full page, or its fragment to htmx."""
    return render_template(fragment if wants_fragment() else page, **context)


def conflict_message() -> str:
    return _("มีผู้อื่นแก้ไขข้อมูลนี้ก่อนคุณบันทึก ค่าที่คุณกรอกยังอยู่ในฟอร์ม "
             "กรุณาตรวจสอบแล้วกดบันทึกอีกครั้ง")


def is_stale(record, seen_version) -> bool:
    """True when the record changed since the officer opened the form."""
    return str(record.version) != str(seen_version or "")


def see_other(url: str):
    """Go to `url` after a POST: a 303 for normal requests; for an htmx
    fragment request, tell htmx to load the whole page instead of putting
    it inside the small target."""
    if wants_fragment():
        return "", 200, {"HX-Location": url}
    return redirect(url, 303)


def go_to_step(url: str, render_fragment):
    """Move a wizard on: redirect a normal request; answer an htmx request with
    the next step's fragment at once, pushing its URL so reload and back work."""
    if not wants_fragment():
        return redirect(url, 303)
    response = make_response(render_fragment())
    response.headers["HX-Push-Url"] = url
    return response
