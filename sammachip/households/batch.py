"""A whole interview sent from the phone's queue in one request (README "Offline"):
the consent and every step's answers, checked by the interview wizard's own
`validate_all`, saved once under the phone's key (sammachip/batch.py)."""
from datetime import datetime

from flask import abort, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from .. import batch
from ..access import requires, village_or_404
from ..clock import utcnow
from ..domain.permissions import can_edit
from ..domain.villages import lock_village
from ..extensions import db
from ..models import Household, HouseholdDraft
from ..years import village_year
from .interview import CONSENT_TITLE, bp, interview
from .queries import household_from

# The key a blank step is drawn with; the service worker puts the record's own key in its place.
PLACEHOLDER = "00000000-0000-4000-8000-000000000000"


@bp.get("/villages/<int:village_id>/households/new/<int:step>")
@requires(can_edit)
def blank_step(village_id: int, step: int):
    """A blank interview step, downloaded for the field: offline, the service worker
    answers the wizard's own /interviews/<key>/<step> with it (README "Offline")."""
    village = village_or_404(village_id)
    if step not in interview.STEPS:
        abort(404)
    draft = HouseholdDraft(token=PLACEHOLDER, village_id=village.id, officer_id=current_user.id,
                           fiscal_year=village_year(village.id), data={})
    return interview.render(draft, step, interview.form(draft, step))


@bp.post("/villages/<int:village_id>/households/batch")
@requires(can_edit)
def send(village_id: int):
    """Consent and all steps at once, with the phone's key."""
    village = village_or_404(village_id)
    sent = batch.read("interview")
    lock_village(db.session, village.id)  # the year's limits and the key hold under parallel sends
    earlier = saved_with(sent.key)
    if earlier is not None:
        return earlier
    if sent.body.get("consent") != "yes":
        return batch.refused({1: {"consent": [_("ครัวเรือนต้องยินยอมก่อนจึงจะบันทึกข้อมูลได้")]}},
                             {1: CONSENT_TITLE})
    return save(village.id, sent)


def saved_with(key: str):
    household = db.session.scalar(select(Household).where(Household.submit_token == key))
    if household is None:
        return None
    return batch.known(household, household.created_by_id, url_for("households.show", household_id=household.id))


def consented_at(sent: batch.Sent) -> datetime:
    """When the household said yes on the phone (never later than now)."""
    try:
        moment = datetime.fromisoformat(str(sent.body.get("consented_at")))
    except ValueError:
        return utcnow()
    return min(moment, utcnow()) if moment.tzinfo else utcnow()


def save(village_id: int, sent: batch.Sent):
    draft = HouseholdDraft(token=sent.key, village_id=village_id, officer_id=current_user.id,
                           fiscal_year=village_year(village_id), consent_at=consented_at(sent), data=sent.answers)
    problems = interview.validate_all(draft, sent.answers)
    if problems:
        return batch.refused(problems, interview.STEPS)
    forms = interview.forms(draft, csrf=False)  # the checked answers (a reserve household's trainer cleared)
    for form in forms.values():
        form.validate()
    household = household_from(draft, forms, current_user.id)
    db.session.add(household)
    # An online draft of the same key (begun with a signal) is finished by this send.
    db.session.execute(delete(HouseholdDraft).where(HouseholdDraft.token == sent.key,
                                                    HouseholdDraft.officer_id == current_user.id))
    try:
        db.session.commit()
    except IntegrityError:  # the key (a twin send) or the ID (registered meanwhile elsewhere)
        db.session.rollback()
        return saved_with(sent.key) or batch.refused(
            {2: {"national_id": [_("เลขประจำตัวนี้ขึ้นทะเบียนแล้วในปีงบประมาณนี้")]}}, interview.STEPS)
    return batch.saved(household.id, url_for("households.show", household_id=household.id))
