"""Photos as evidence: sent from the phone's camera to a training day or a visit,
served only through an area-checked route, never from a public address."""
from flask import Blueprint, abort, make_response, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from ..access import in_area_or_404, requires
from ..domain.permissions import can_edit, can_read
from ..domain.photos import MAX_BYTES, PhotoRefused, prepare
from ..errors import page
from ..extensions import db
from ..followups.queries import followup_or_404
from ..hardening import accepts_photo
from ..models import FollowUp, Household, Photo, TrainingDay
from ..once import already_submitted, is_token
from ..web import wants_fragment
from .queries import Subject, day_subject, visit_subject
from .storage import delete_photos, photo_store, save_photo
from .wording import refusal

bp = Blueprint("photos", __name__)


@bp.errorhandler(413)
def too_large(_e):
    return page(413, _("รูปใหญ่เกินไป"), refusal("too_big"))


@bp.route("/training-days/<int:day_id>/photos", methods=["GET", "POST"])
@requires(can_read, write=can_edit)
@accepts_photo
def day(day_id: int):
    return answer(day_subject(in_area_or_404(TrainingDay, day_id)))


@bp.route("/followups/<int:followup_id>/photos", methods=["GET", "POST"])
@requires(can_read, write=can_edit)
@accepts_photo
def visit(followup_id: int):
    followup = followup_or_404(followup_id)
    return answer(visit_subject(followup, db.session.get(Household, followup.household_id)))


@bp.get("/photos/<int:photo_id>")
@requires(can_read)
def image(photo_id: int):
    return send(in_area_or_404(Photo, photo_id).key)


@bp.get("/photos/<int:photo_id>/thumb")
@requires(can_read)
def thumb(photo_id: int):
    return send(f"{in_area_or_404(Photo, photo_id).key}.thumb")


@bp.post("/photos/<int:photo_id>/delete")
@requires(can_edit)
def delete(photo_id: int):
    photo = in_area_or_404(Photo, photo_id)
    subject = subject_of(photo)
    delete_photos(db.session, [photo], photo_store())
    db.session.commit()
    return shown(subject) if wants_fragment() else redirect(subject.url + "#photos", 303)


def answer(subject: Subject):
    if request.method == "GET":
        return shown(subject)
    problem = receive(subject)
    if problem:
        return shown(subject, error=refusal(problem), caption=request.form.get("caption", "")), 422
    return shown(subject) if wants_fragment() else redirect(subject.url + "#photos", 303)


def receive(subject: Subject) -> str | None:
    """Keep the photo sent (once per form: a re-sent form finds it kept); a refusal's code otherwise."""
    token = request.form.get("submit_token")
    if is_token(token) and already_submitted(Photo, token):
        return None
    caption = request.form.get("caption", "").strip()
    if len(caption) > 200:
        return "caption_long"
    sent = request.files.get("photo")
    if sent is None or not sent.filename:
        return "missing"
    try:
        prepared = prepare(sent.stream.read(MAX_BYTES + 1))
    except PhotoRefused as refused:
        return refused.code
    save_photo(db.session, prepared, photo_store(), caption=caption, uploaded_by_id=current_user.id,
                       submit_token=token if is_token(token) else None, **subject.fields)
    try:
        db.session.commit()
    except IntegrityError:  # the same form's twin got there first: that one is kept
        db.session.rollback()
        return None
    return None


def shown(subject: Subject, **extra):
    template = "photos/_gallery.html" if wants_fragment() else "photos/page.html"
    return render_template(template, subject=subject, **extra)


def subject_of(photo: Photo) -> Subject:
    if photo.training_day_id:
        return day_subject(db.session.get(TrainingDay, photo.training_day_id))
    followup = db.session.get(FollowUp, photo.followup_id)
    return visit_subject(followup, db.session.get(Household, followup.household_id))


def send(name: str):
    data = photo_store().get(db.session, name)
    if data is None:
        abort(404)
    response = make_response(data)
    response.mimetype = "image/jpeg"
    # Personal data: kept by no cache, not even the phone's own.
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Content-Disposition"] = "inline"
    return response
