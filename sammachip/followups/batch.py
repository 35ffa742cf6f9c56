"""A whole follow-up checklist sent from the phone's queue in one request (README
"Offline"): every step's answers, checked by the checklist wizard's own
`validate_all`, saved by its own `finish`, once under the phone's key (sammachip/batch.py)."""
from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from .. import batch
from ..access import requires
from ..domain.permissions import can_edit
from ..extensions import db
from ..models import FollowUp
from .checklist import checklist
from .queries import followup_or_404
from .views import bp


@bp.post("/followups/<int:followup_id>/batch")
@requires(can_edit)
def send(followup_id: int):
    """All five steps at once, with the phone's key."""
    followup = followup_or_404(followup_id)
    sent = batch.read("checklist")
    # Lock the visit's row, then look: a twin send waits here and finds it saved.
    db.session.scalar(select(FollowUp).where(FollowUp.id == followup.id).with_for_update()
                      .execution_options(populate_existing=True))
    earlier = saved_with(sent.key)
    if earlier is not None:
        return earlier
    if followup.status == "done":
        return batch.bad(_("มีผู้บันทึกการเยี่ยมครั้งนี้แล้ว กรุณาเปิดหน้าครัวเรือนเพื่อดูผล"), 409)
    return save(followup, sent)


def saved_with(key: str):
    followup = db.session.scalar(select(FollowUp).where(FollowUp.submit_token == key, FollowUp.status == "done"))
    if followup is None:
        return None
    return batch.known(followup, followup.officer_id, url_for("households.show", household_id=followup.household_id))


def save(followup: FollowUp, sent: batch.Sent):
    followup.data = sent.answers  # the checks across steps read the visit's own answers
    problems = checklist.validate_all(followup, sent.answers)
    if problems:
        return batch.refused(problems, checklist.STEPS)
    forms = checklist.forms(followup, csrf=False)
    for form in forms.values():
        form.validate()
    # The key replaces the token of the form that added the visit (that form is long sent).
    followup.submit_token = sent.key
    try:
        checklist.finish(followup, forms)
    except IntegrityError:  # the same key on another visit
        db.session.rollback()
        return saved_with(sent.key) or batch.bad(_("ข้อมูลที่ส่งมาไม่ครบ กรุณาส่งจากแบบฟอร์มในแอป"))
    return batch.saved(followup.id, url_for("households.show", household_id=followup.household_id))
