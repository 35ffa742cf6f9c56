"""Knowledge records (ถอดองค์ความรู้): a village's list, the wizard, the record, its A4 print and the search."""

from flask import Blueprint, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from ..access import in_area_or_404, requires, village_or_404
from ..domain import reference
from ..domain.clock import today
from ..domain.knowledge import items
from ..domain.permissions import can_edit, can_read
from ..domain.thai_dates import typed
from ..extensions import db
from ..models import KnowledgeRecord
from ..web import see_other
from .queries import search, village_records
from .wording import state_label
from .writing import writing

bp = Blueprint("knowledge", __name__)
bp.add_app_template_filter(items, "numbered_items")
bp.add_app_template_filter(state_label, "knowledge_state")


@bp.get("/knowledge")
@requires(can_read)
def index():
    words = request.args.get("q", "")[:200]
    occupation = request.args.get("occupation", "")
    occupation_id = int(occupation) if occupation.isdecimal() and len(occupation) < 6 else None
    return render_template("knowledge/index.html", words=words, occupation_id=occupation_id,
                           occupations=reference.occupations(db.session), results=search(words, occupation_id))


@bp.get("/villages/<int:village_id>/knowledge")
@requires(can_read)
def village(village_id: int):
    place = village_or_404(village_id)
    return render_template("knowledge/village.html", village=place, records=village_records(place.id))


@bp.post("/villages/<int:village_id>/knowledge")
@requires(can_edit)
def start(village_id: int):
    place = village_or_404(village_id)
    token = request.form.get("submit_token", "")[:36] or None
    record = db.session.scalar(select(KnowledgeRecord).where(
        KnowledgeRecord.submit_token == token, KnowledgeRecord.village_id == place.id)) if token else None
    if record is None:  # a second tap of the same button finds the first draft
        record = KnowledgeRecord(village_id=place.id, submit_token=token, created_by_id=current_user.id,
                                 data={"recorded_on": typed(today())})
        db.session.add(record)
        db.session.commit()
    return see_other(url_for(".step", record_id=record.id, step=1))


@bp.route("/knowledge/<int:record_id>/<int:step>", methods=["GET", "POST"])
@requires(can_edit)
def step(record_id: int, step: int):
    return writing.handle(in_area_or_404(KnowledgeRecord, record_id), step)


@bp.get("/knowledge/<int:record_id>")
@requires(can_read)
def show(record_id: int):
    record = in_area_or_404(KnowledgeRecord, record_id)
    return render_template("knowledge/show.html", record=record, village=village_or_404(record.village_id))


@bp.get("/knowledge/<int:record_id>/print")
@requires(can_read)
def print_page(record_id: int):
    record = in_area_or_404(KnowledgeRecord, record_id)
    return render_template("knowledge/print.html", record=record, village=village_or_404(record.village_id))
