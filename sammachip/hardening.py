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

from flask import Flask, abort, request
from flask_babel import gettext as _

from .once import is_token

TOKEN_NAMES = frozenset({"token", "submit_token"})


def init_hardening(app: Flask) -> None:
    app.before_request(refuse_malformed_input)


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
