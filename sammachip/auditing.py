"""The audit log (table `audit_log`, append-only): who did what, and when.

Rows are written for every sign-in and failed sign-in, every change to the
audited records (households, sages, visits, attendance, photos: before and after,
personal fields masked), every reveal of a full national ID, every export and
every refused request (403, and 404 from area scoping). Changes are caught by
one `after_flush` hook, so no view has to remember; the row is inserted in the
same transaction as the change, so a change that is rolled back logs nothing.

Never in clear: names, phones, national IDs (last four digits only), incomes,
house numbers, free text. Only columns known to be harmless are kept as they are.
"""
from contextlib import contextmanager

from flask import has_request_context, request
from flask_login import current_user
from sqlalchemy import event, insert, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .clock import utcnow
from .domain import thai_id
from .extensions import db
from .models import Attendance, AuditEntry, FollowUp, Household, Photo, Sage, Village

MASK = "•••"
AUDITED = (Household, Sage, FollowUp, Attendance, Photo)  # a photo: who added or deleted it, never its caption
# Columns shown as they are; any other column (names, phones, incomes, free text) is masked.
CLEAR = {"status", "kind", "step", "fiscal_year", "members", "role", "day_no", "practising", "committed",
         "left_reason", "not_practising_reason", "fund_source", "with_support_team", "lives_in_village",
         "years_in_occupation", "period_days", "id", "width", "height", "size_bytes"}
CLEAR_ENDINGS = ("_id", "_on", "_at", "_date")
NOISE = {"created_at", "updated_at", "version", "submit_token", "key",
         "key_id", "national_id_enc", "national_id_hash", "phone_hash",  # (models/sealed.py)
         "search_name"}  # (domain/search.py: the name again)
# A sealed field is logged by its name: an ID by its last four digits, a phone masked.
SEALED_AS = {"national_id_last4": "national_id", "phone_enc": "phone"}


def masked(column: str, value):
    """A value as the audit log may keep it."""
    if value is None or value == "":
        return value
    if column == "national_id":  # (before the "_id" ending: it is no record's id)
        return thai_id.masked(str(value))
    if column == "national_id_last4":
        return thai_id.masked_tail(value)
    if column in CLEAR or column.endswith(CLEAR_ENDINGS) or isinstance(value, bool):
        return value.isoformat() if hasattr(value, "isoformat") else value
    return MASK


def _actor() -> dict:
    if not has_request_context():
        return {"user_id": None, "username": "", "address": "", "path": ""}
    user = current_user if current_user and current_user.is_authenticated else None
    return {"user_id": user.id if user else None, "username": user.username if user else "",
            "address": (request.remote_addr or "")[:45], "path": request.path[:200]}


def entry(action: str, *, district: str | None = None, user=None, username: str = "", **fields) -> dict:
    """One row's values: who (the signed-in user, or `user`), when, from where, and `fields`."""
    row = {**_actor(), "at": utcnow(), "action": action, "district_code": district, "table_name": "",
           "record_id": None, "household_id": None, "status": None, "detail": {}}
    if user is not None:
        row.update(user_id=user.id, username=user.username)
        row["district_code"] = district or user.district_code
    elif row["user_id"] is not None and district is None:
        row["district_code"] = current_user.district_code
    if username:
        row["username"] = username[:64]
    row.update(fields)
    return row


def write(action: str, **fields) -> None:
    """Add a row to the request's transaction (it is kept only if the transaction commits)."""
    db.session.execute(insert(AuditEntry), [entry(action, **fields)])


def write_now(action: str, **fields) -> None:
    """A row committed at once, whatever the request does next (an export, a refusal). The
    request's transaction is ended first: it holds no change, and on SQLite a second
    connection would wait for a POST's write lock."""
    row = entry(action, **fields)
    db.session.rollback()
    db.session.execute(insert(AuditEntry), [row])
    db.session.commit()


def refused(status: int) -> None:
    try:
        write_now("refused", status=status, detail={"method": request.method})
    except SQLAlchemyError:  # the refusal itself must still be answered
        db.session.rollback()


def _changes(state, kind: str) -> tuple[dict, dict]:
    before, after = {}, {}
    for attr in state.mapper.column_attrs:
        name = attr.key
        if name in NOISE:
            continue
        history = state.attrs[name].history
        shown = SEALED_AS.get(name, name)
        if kind != "update":
            (after if kind == "create" else before)[shown] = masked(name, state.dict.get(name))
        elif history.has_changes():
            before[shown] = masked(name, history.deleted[0] if history.deleted else None)
            after[shown] = masked(name, history.added[0] if history.added else None)
    return before, after


def _household_of(obj) -> int | None:
    return obj.id if isinstance(obj, Household) else getattr(obj, "household_id", None)


def _districts(connection, objects) -> tuple[dict, dict]:
    """District codes by village id and by household id: two queries for a whole flush."""
    village_ids = {o.village_id for o in objects if hasattr(o, "village_id")}
    household_ids = {_household_of(o) for o in objects if not hasattr(o, "village_id")} - {None}
    by_village = dict(connection.execute(select(Village.id, Village.district_code)
                                         .where(Village.id.in_(village_ids))).all()) if village_ids else {}
    by_household = dict(connection.execute(
        select(Household.id, Village.district_code).join(Village, Village.id == Household.village_id)
        .where(Household.id.in_(household_ids))).all()) if household_ids else {}
    return by_village, by_household


@contextmanager
def paused(session: Session):
    """Changes flushed inside are not logged one by one: the caller writes one row saying
    what was done (an erasure, whose before-values are the very data being erased)."""
    session.info["audit_paused"] = True
    try:
        yield
    finally:
        session.info.pop("audit_paused", None)


def _after_flush(session: Session, _context) -> None:
    if session.info.get("audit_paused"):
        return
    changed = [(o, kind) for kind, objects in (("create", session.new), ("update", session.dirty),
                                               ("delete", session.deleted))
               for o in objects if isinstance(o, AUDITED)]
    rows = []
    for obj, kind in changed:
        before, after = _changes(inspect(obj), kind)
        if kind == "update" and not after:
            continue
        rows.append((obj, kind, before, after))
    if not rows:
        return
    connection = session.connection()
    by_village, by_household = _districts(connection, [obj for obj, *_ in rows])
    values = []
    for obj, kind, before, after in rows:
        district = by_village.get(obj.village_id) if hasattr(obj, "village_id") else by_household.get(
            _household_of(obj))
        values.append(entry(kind, district=district, table_name=obj.__tablename__,
                            record_id=getattr(obj, "id", None), household_id=_household_of(obj),
                            detail={"before": before, "after": after} if kind != "create" else {"after": after}))
    connection.execute(insert(AuditEntry), values)


def _keep_old(_target, value, _old, _initiator):
    return value


def init_audit(_app) -> None:
    if event.contains(Session, "after_flush", _after_flush):
        return
    event.listen(Session, "after_flush", _after_flush)
    # "Before" must be the stored value even when a column was not loaded (expired after a
    # commit) when it was set: active history loads it first.
    for model in AUDITED:
        for attr in inspect(model).column_attrs:
            event.listen(getattr(model, attr.key), "set", _keep_old, active_history=True, retval=True)
