"""Whole records sent from the phone's queue (README "Offline"), one request each.

The body is JSON: `key` (a UUID v4 made on the phone by crypto.randomUUID(), kept in
the record's `submit_token`), `form_version`, and the record's `answers` (a field →
value or list of values, as the wizard's steps post them). The answers go through
the wizard's own `validate_all`; the rules are never copied here.

- A key already saved answers that record again (200) to the officer who saved it,
  404 to anyone else: a send repeated after a lost reply never makes a second record.
- A refused record stores nothing (422 with the server's Thai messages per step and
  field, or 409 with one message), so the fixed record is sent again with the same key.
- The current form version and the one before it are read; an older phone is told to
  open the app online first.
"""
import json
from dataclasses import dataclass

from flask import abort, get_flashed_messages, make_response, request
from flask_babel import gettext as _
from flask_login import current_user

from .extensions import db
from .once import is_token

# Each record kind's form version: the phone sends the one its cached pages were made
# with. Bump it when a step's fields change (and say in `read` how the old one reads).
FORM_VERSION = {"interview": 2, "checklist": 2, "attendance": 1}


@dataclass(frozen=True)
class Sent:
    key: str
    answers: dict
    body: dict


def bad(message: str, status: int = 400):
    """A refusal in JSON: nothing was stored."""
    get_flashed_messages()  # a message flashed by a check belongs to no page here
    db.session.rollback()
    return {"status": "refused", "message": message, "problems": {}}, status


def read(kind: str) -> Sent:
    """The posted record, or 400 in Thai when it is not one."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not is_v4(body.get("key")):
        abort(make_response(bad(_("ข้อมูลที่ส่งมาไม่ครบ กรุณาส่งจากแบบฟอร์มในแอป"))))
    version = body.get("form_version")
    if not isinstance(version, int) or version not in (FORM_VERSION[kind], FORM_VERSION[kind] - 1) or version < 1:
        abort(make_response(bad(_("แบบฟอร์มบนเครื่องเป็นรุ่นเก่า กรุณาเปิดแอปขณะมีสัญญาณเพื่อปรับปรุงก่อน"))))
    answers = body.get("answers", {})
    if not isinstance(answers, dict) or not all(
            isinstance(v, str) or (isinstance(v, list) and all(isinstance(i, str) for i in v))
            for v in answers.values()):
        abort(make_response(bad(_("ข้อมูลที่ส่งมาไม่ครบ กรุณาส่งจากแบบฟอร์มในแอป"))))
    if "\\u0000" in json.dumps(body):  # a NUL anywhere (json.dumps writes it escaped)
        abort(make_response(bad(_(
            "ข้อมูลที่ส่งมามีอักขระพิเศษที่ระบบบันทึกไม่ได้ (อักขระว่าง NUL) กรุณาลบออกหรือพิมพ์ใหม่แล้วลองอีกครั้ง"))))
    return Sent(body["key"], {str(k): v for k, v in answers.items()}, body)


def is_v4(value) -> bool:
    return isinstance(value, str) and is_token(value) and value[14] == "4"


def saved(record_id: int, url: str, status: int = 201, **extra):
    get_flashed_messages()
    return {"status": "saved", "id": record_id, "url": url, **extra}, status


def known(record, owner_id: int | None, url: str, status: int = 200, **extra):
    """A key saved before: the same answer to its officer, 404 to anyone else."""
    if owner_id != current_user.id:
        db.session.rollback()
        abort(404)
    return saved(record.id, url, status, **extra)


def refused(problems: dict, steps: dict):
    """The wizard's problems {step: {field: [messages]}}, with each step's title
    (`steps`: the wizard's steps, or titles by step)."""
    get_flashed_messages()
    db.session.rollback()
    titles = {str(n): str(getattr(steps[n], "title", steps[n])) for n in problems if n in steps}
    return {"status": "refused", "message": _("ข้อมูลบางข้อต้องแก้ไข: %(steps)s", steps=", ".join(titles.values())),
            "problems": {str(n): fields for n, fields in problems.items()}, "titles": titles}, 422
