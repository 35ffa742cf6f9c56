"""Error pages in Thai: a full page, or a message in the flash area for htmx fragments."""
from flask import render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from .web import wants_fragment


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
        # Static files first: asking for current_user would read the session
        # (Vary: Cookie) and load the user from the database.
        if request.endpoint != "static" and current_user and current_user.is_authenticated:
            response.headers.setdefault("Cache-Control", "private, no-store")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # No page of ours belongs in someone else's frame (one-tap buttons could be clickjacked).
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Content-Security-Policy", "frame-ancestors 'none'")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response
