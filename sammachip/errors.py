"""Error pages in Thai: a full page, or a message in the flash area for htmx fragments.

Nothing on the error path reads the user, the session or the database: the
database may be what failed, and a page that needs it would fail again and
leave the server's bare English error over the officer's form.
"""
from flask import render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError

from .web import wants_fragment


def page(code: int, title: str, message: str, **extra):
    """An error page, or for an htmx fragment request the message in the page's flash area."""
    if wants_fragment():
        # A failed partial update must not drop a whole error page into a
        # small box: show the message in the page's flash area instead.
        # The officer's form stays as it is (static/app.js keeps it on every failure).
        body = render_template("errors/_toast.html", message=message)
        return body, code, {"HX-Retarget": "#flash", "HX-Reswap": "innerHTML", **extra}
    return render_template("errors/page.html", title=title, message=message), code


def init_error_pages(app) -> None:

    @app.errorhandler(404)
    def not_found(_e):
        return page(404, _("ไม่พบหน้านี้"), _("ไม่พบข้อมูลที่ขอ หรือข้อมูลนี้อยู่นอกพื้นที่ของคุณ"))

    @app.errorhandler(403)
    def forbidden(_e):
        return page(403, _("ไม่มีสิทธิ์"), _("บัญชีของคุณไม่มีสิทธิ์ทำรายการนี้"))

    @app.errorhandler(CSRFError)
    def csrf_error(_e):
        # app.js fetches a fresh token and sends the request again by itself.
        return page(400, _("แบบฟอร์มหมดอายุ"), _(
            "แบบฟอร์มนี้ใช้ไม่ได้แล้ว (อาจออกจากระบบไปก่อน) กรุณากลับไปเปิดหน้าใหม่แล้วลองอีกครั้ง"),
            **{"X-CSRF-Expired": "1"})

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
    def no_store(response):
        # Pages hold personal data: do not let a shared phone's cache keep them.
        # (Asked of every page, so no user has to be loaded to decide.)
        if request.endpoint != "static":
            response.headers.setdefault("Cache-Control", "private, no-store")
        return response
