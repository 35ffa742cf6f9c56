"""Input no view should ever see, refused with a Thai 400 before any view runs
(so nothing is stored, and nothing reaches the database to fail there):

- a NUL character in the path, the query string or a posted field: PostgreSQL
  cannot hold one in text (psycopg raises DataError, a 500) and SQLite would
  keep it silently; no officer types one;
- a one-time token that is not one we issued (a UUID, 36 characters): in a
  posted `submit_token` or `token`, or in a URL such as `/interviews/<token>/1`.
  An empty posted token is fine: the form then gets a new one.

The 400 handler (errors.py) shows the Thai description; for an htmx request
it goes to the flash area, so the form and what was typed stay on screen.
"""
from collections.abc import Iterator

from flask import Flask, Request, abort, current_app, request
from flask_babel import gettext as _

from .once import is_token

TOKEN_NAMES = frozenset({"token", "submit_token"})


def init_hardening(app: Flask) -> None:
    app.request_class = SizedRequest
    app.before_request(refuse_malformed_input)


def accepts_photo(view):
    """A route that takes a photo: its body may be up to PHOTO_MAX_CONTENT_LENGTH (8 MB and the
    form), every other route keeps MAX_CONTENT_LENGTH. Set before any hook reads the form."""
    view.max_content_length = "PHOTO_MAX_CONTENT_LENGTH"
    return view


class SizedRequest(Request):
    """The request body's limit is the route's own when it declares one (`accepts_photo`)."""

    @property
    def max_content_length(self) -> int | None:
        if self._max_content_length is None and self.url_rule is not None:
            own = getattr(current_app.view_functions.get(self.url_rule.endpoint), "max_content_length", None)
            if own:
                return current_app.config[own]
        return super().max_content_length

    @max_content_length.setter
    def max_content_length(self, value: int | None) -> None:
        self._max_content_length = value


def refuse_malformed_input() -> None:
    if any("\x00" in text for text in sent_texts()):
        abort(400, description=_(
            "ข้อมูลที่ส่งมามีอักขระพิเศษที่ระบบบันทึกไม่ได้ (อักขระว่าง NUL) กรุณาลบออกหรือพิมพ์ใหม่แล้วลองอีกครั้ง"))
    if any(not is_token(token) for token in sent_tokens()):
        abort(400, description=_(
            "แบบฟอร์มหรือลิงก์นี้ไม่สมบูรณ์ (รหัสอ้างอิงไม่ถูกต้อง) กรุณากลับไปเปิดหน้าใหม่แล้วลองอีกครั้ง"))


def sent_texts() -> Iterator[str]:
    yield request.path
    for values in (request.args, request.form):
        for key, value in values.items(multi=True):
            yield key
            yield value


def sent_tokens() -> Iterator[str]:
    for key, value in (request.view_args or {}).items():
        if key in TOKEN_NAMES:
            yield str(value)
    for key in TOKEN_NAMES:
        yield from (value for value in request.form.getlist(key) if value)
