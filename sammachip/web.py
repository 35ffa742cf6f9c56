"""Shared web plumbing: page-or-fragment rendering, template helpers, error pages."""
from flask import render_template, request
from flask_babel import get_locale, gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from .domain import geo
from .domain.clock import current_fiscal_year
from .domain.thai_dates import format_date
from .extensions import htmx


def wants_fragment() -> bool:
    """An htmx request for a part of the page (a boosted link wants the whole page)."""
    return bool(htmx) and not htmx.boosted


def render(page: str, fragment: str, **context):
    """The same URL answers a full page, or its fragment to htmx."""
    return render_template(fragment if wants_fragment() else page, **context)


def CONFLICT_MESSAGE() -> str:
    return _("มีผู้อื่นแก้ไขข้อมูลนี้ก่อนคุณบันทึก ค่าที่คุณกรอกยังอยู่ในฟอร์ม "
             "กรุณาตรวจสอบแล้วกดบันทึกอีกครั้ง")


def is_stale(record, seen_version) -> bool:
    """True when the record changed since the officer opened the form."""
    return str(record.version) != str(seen_version or "")


def area_label(user) -> str:
    if user.role == "admin":
        return _("ทุกพื้นที่")
    if user.role == "province":
        return _("จ.%(p)s", p=geo.province_name(user.province_code))
    return _("อ.%(d)s จ.%(p)s", d=geo.district_name(user.district_code),
             p=geo.province_name(user.province_code))


def thai_date(day, long: bool = False) -> str:
    return format_date(day, str(get_locale() or "th"), long)


def percent(share: float | None) -> str:
    """85% when whole, 84.6% otherwise, so a village just under target never reads "85%"."""
    if share is None:
        return "–"
    value = share * 100
    return f"{value:.0f}%" if abs(value - round(value)) < 1e-9 else f"{value:.1f}%"


def init_template_helpers(app) -> None:
    from .domain.phone import display as phone_display
    from .domain import thai_id
    from .followups.forms import PRACTISING
    from .households.wording import FIELD_LABELS, STATUS_LABELS
    from .once import new_token
    from .progress.wording import STATUS_LABELS as PROGRESS_STATUS, STEP_LABELS
    from .sages.wording import missing_text, role_label

    app.jinja_env.filters["thai_date"] = thai_date
    app.jinja_env.filters["pct"] = percent
    app.jinja_env.filters["phone"] = phone_display
    app.jinja_env.filters["role_label"] = role_label
    app.jinja_env.filters["step_label"] = lambda c: str(STEP_LABELS[c])
    app.jinja_env.filters["status_label_progress"] = lambda c: str(PROGRESS_STATUS[c])
    app.jinja_env.filters["practising_label"] = lambda v: str(dict(PRACTISING).get(v, v))
    app.jinja_env.globals["new_token"] = new_token
    app.jinja_env.filters["masked_id"] = thai_id.masked
    app.jinja_env.filters["full_id"] = thai_id.formatted
    app.jinja_env.filters["status_label"] = lambda s: str(STATUS_LABELS[s])
    app.jinja_env.filters["field_label"] = lambda f: str(FIELD_LABELS.get(f, f))
    app.jinja_env.globals["team_missing"] = missing_text
    app.jinja_env.globals.update(
        subdistrict_name=geo.subdistrict_name,
        district_name=geo.district_name,
        province_name=geo.province_name,
        area_label=area_label,
    )

    @app.context_processor
    def common():
        return {"current_fy": current_fiscal_year(), "lang": str(get_locale() or "th")}


def init_error_pages(app) -> None:
    def page(code: int, title: str, message: str):
        if wants_fragment():
            # A failed partial update must not drop a whole error page into a
            # small box: show the message in the page's flash area instead.
            body = render_template("errors/_toast.html", message=message)
            return body, code, {"HX-Retarget": "#flash", "HX-Reswap": "innerHTML"}
        return render_template("errors/page.html", title=title, message=message), code

    @app.errorhandler(404)
    def not_found(_e):
        return page(404, _("ไม่พบหน้านี้"), _("ไม่พบข้อมูลที่ขอ หรือข้อมูลนี้อยู่นอกพื้นที่ของคุณ"))

    @app.errorhandler(403)
    def forbidden(_e):
        return page(403, _("ไม่มีสิทธิ์"), _("บัญชีของคุณไม่มีสิทธิ์ทำรายการนี้"))

    @app.errorhandler(CSRFError)
    def csrf_error(_e):
        return page(400, _("แบบฟอร์มหมดอายุ"), _(
            "แบบฟอร์มนี้ใช้ไม่ได้แล้ว (อาจออกจากระบบไปก่อน) กรุณากลับไปเปิดหน้าใหม่แล้วลองอีกครั้ง"))

    @app.errorhandler(400)
    @app.errorhandler(405)
    @app.errorhandler(409)
    def refused(e):
        # Our own aborts carry a Thai reason; Werkzeug's defaults are English.
        own = e.description if e.description and not e.description.isascii() else None
        return page(e.code, _("ทำรายการนี้ไม่ได้"), own or _("คำขอนี้ไม่ถูกต้อง กรุณากลับไปหน้าก่อนแล้วลองใหม่"))

    @app.errorhandler(413)
    def too_large(_e):
        return page(413, _("ข้อมูลมากเกินไป"), _("ข้อมูลที่ส่งมายาวเกินกว่าที่ระบบรับได้ กรุณาตัดให้สั้นลง"))

    @app.errorhandler(500)
    def server_error(_e):
        return page(500, _("เกิดข้อผิดพลาด"), _("ระบบขัดข้องชั่วคราว ข้อมูลยังไม่ถูกบันทึก กรุณาลองใหม่อีกครั้ง"))

    @app.after_request
    def no_store_for_logged_in(response):
        # Pages hold personal data: do not let a shared phone's cache keep them.
        if current_user and current_user.is_authenticated and request.endpoint != "static":
            response.headers.setdefault("Cache-Control", "private, no-store")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # No page of ours belongs in someone else's frame (one-tap buttons could be clickjacked).
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Content-Security-Policy", "frame-ancestors 'none'")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response


def see_other(url: str):
    """Go to `url` after a POST: a 303 for normal requests; for an htmx
    fragment request, tell htmx to load the whole page instead of putting
    it inside the small target."""
    from flask import redirect

    if wants_fragment():
        return "", 200, {"HX-Location": url}
    return redirect(url, 303)


def go_to_step(url: str, render_fragment):
    """Move a wizard on: redirect a normal request; answer an htmx request with
    the next step's fragment at once, pushing its URL so reload and back work."""
    from flask import make_response, redirect

    if not wants_fragment():
        return redirect(url, 303)
    response = make_response(render_fragment())
    response.headers["HX-Push-Url"] = url
    return response
