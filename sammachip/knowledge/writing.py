"""The knowledge record wizard: who and what, then the five parts one per screen.
Each screen is kept as a server draft on the record (`data`); the review saves
all of it into the record's columns at once."""
from flask import flash, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..domain import reference
from ..domain.knowledge import missing_parts, search_text
from ..domain.thai_dates import typed
from ..extensions import db
from ..forms_common import OTHER, occupation_choices
from ..models import KnowledgeRecord, Sage, Village
from ..models.base import utcnow
from ..web import see_other
from ..wizard import Step, Wizard, as_multidict
from .forms import CoreForm, ExpandForm, IntroForm, KeyPointsForm, OwnerForm, SummaryForm
from .queries import sage_choices

STEPS = {1: Step(OwnerForm, _l("ชื่อความรู้และเจ้าของความรู้")), 2: Step(IntroForm, _l("ส่วนนำ")),
         3: Step(ExpandForm, _l("ส่วนขยาย")), 4: Step(SummaryForm, _l("ส่วนสรุป")),
         5: Step(KeyPointsForm, _l("ขุมความรู้")), 6: Step(CoreForm, _l("แก่นความรู้"))}
TEXTS = ("title", "owner_name", "position", "office", "solves", "occupation_other",
         "intro", "method", "cautions", "techniques", "summary", "key_points", "core")


def saved(record: KnowledgeRecord) -> dict:
    """The record's columns as the wizard's answers."""
    answers = {name: getattr(record, name) or "" for name in TEXTS}
    answers.update(owner_kind=record.owner_kind or "sage", sage_id=str(record.sage_id or ""),
                   occupation=OTHER if record.occupation_other else str(record.occupation_id or ""),
                   recorded_on=typed(record.recorded_on) if record.recorded_on else "")
    return answers


class Writing(Wizard):
    endpoint = "knowledge.step"
    fields = "knowledge/_fields.html"
    review = "knowledge/_review.html"
    progress_label = _l("ความคืบหน้าการบันทึกองค์ความรู้")
    hint = _l("ระบบบันทึกร่างทุกครั้งที่กดถัดไปหรือก่อนหน้า กลับมาเขียนต่อได้")

    def steps(self, record):
        return STEPS

    def url_args(self, record):
        return {"record_id": record.id}

    def version(self, record):
        return record.version

    def answers(self, record, step):
        return as_multidict({**saved(record), **(record.data or {})})

    def prepare(self, record, step, form, fresh):
        if step == 1:
            form.sage_id.choices = [("", _("— เลือกปราชญ์ —"))] + sage_choices(record.village_id)
            form.occupation.choices = occupation_choices(reference.occupations(db.session))

    def keep(self, record, step, form, typed, moved_to):
        record.data = {**(record.data or {}), **typed}
        if moved_to is not None:
            record.step = moved_to

    def context(self, record):
        village = db.session.get(Village, record.village_id)
        return {"village": village, "crumb_url": url_for("knowledge.village", village_id=village.id),
                "crumb_label": _("← องค์ความรู้ บ้าน%(name)s", name=village.name)}

    def tab_title(self, title, ctx):
        return f"{title} · {_('ถอดองค์ความรู้')}"

    def finish(self, record, forms):
        apply(record, forms)
        db.session.commit()
        flash(_("บันทึกองค์ความรู้แล้ว"), "success")
        return see_other(url_for("knowledge.show", record_id=record.id))


def apply(record: KnowledgeRecord, forms: dict) -> None:
    values = {name: f.data for form in forms.values() for name, f in form._fields.items() if name != "csrf_token"}
    for name in TEXTS:
        setattr(record, name, values.get(name) or "")
    record.owner_kind, record.recorded_on = values["owner_kind"], values["recorded_on"]
    record.sage_id = int(values["sage_id"]) if record.owner_kind == "sage" else None
    if record.sage_id:
        record.owner_name = db.session.get(Sage, record.sage_id).name
    occupation = values["occupation"]
    record.occupation_id = None if occupation == OTHER else int(occupation)
    record.occupation_other = record.occupation_other if occupation == OTHER else ""
    db.session.flush()
    db.session.refresh(record, ["occupation"])
    record.search_text = search_text(record)
    if not missing_parts(values):
        record.completed_at = record.completed_at or utcnow()
    record.data, record.step = {}, 1


writing = Writing()
