"""A household's PDPA requests (district users and admins): a copy of everything held
about it (an access request), and consent withdrawal with erasure. Both are logged."""
import json

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from ..access import household_or_404, requires
from ..auditing import paused, write, write_now
from ..domain.clock import today
from ..domain.permissions import answers_requests
from ..domain.privacy import notice_for, withdraw
from ..extensions import db
from ..models import Household, Village
from ..years import village_year
from .forms import EraseForm
from .record import as_json, household_record

bp = Blueprint("privacy", __name__)
bp.add_app_template_global(answers_requests, "answers_requests")


@bp.app_template_global()
def privacy_notice(kind: str, village_id: int, fiscal_year: int | None = None):
    """The notice to read out on a form (the sage form's; the interview passes its own)."""
    return notice_for(db.session, fiscal_year or village_year(village_id), kind)


@bp.get("/households/<int:household_id>/data")
@requires(answers_requests)
def data(household_id: int):
    household = household_or_404(household_id)
    village = db.session.get(Village, household.village_id)
    sections = household_record(household, village)
    as_file = request.args.get("format") == "json"
    write_now("access_export", table_name="households", record_id=household_id, household_id=household_id,
              district=village.district_code, detail={"format": "json" if as_file else "page"})
    if as_file:
        return Response(json.dumps(as_json(sections), ensure_ascii=False, indent=1, default=str),
                        mimetype="application/json", headers={
                            "Content-Disposition": f'attachment; filename="household-{household_id}.json"',
                            "Cache-Control": "no-store"})
    return render_template("privacy/data.html", sections=sections, household_id=household_id, village=village,
                           on=today())


@bp.route("/households/<int:household_id>/erase", methods=["GET", "POST"])
@requires(answers_requests)
def erase(household_id: int):
    household = household_or_404(household_id)
    form = EraseForm()
    if household.erased_on is None and form.validate_on_submit():
        # Locked and read again: a second tap waits, then finds the household erased.
        household = db.session.scalar(select(Household).where(Household.id == household_id)
                                      .with_for_update(of=Household).execution_options(populate_existing=True))
        if household.erased_on is None:
            erase_now(household)
            flash(_("ลบข้อมูลส่วนบุคคลของครัวเรือนแล้ว ครัวเรือนออกจากโครงการตั้งแต่วันนี้"), "success")
    if household.erased_on is not None:
        return redirect(url_for("households.show", household_id=household_id), 303)
    village = db.session.get(Village, household.village_id)
    status = 422 if request.method == "POST" else 200
    return render_template("privacy/erase.html", form=form, household=household, village=village), status


def erase_now(household: Household) -> None:
    """One audit row says what went, by counts; the changes are not logged one by one
    (their before-values are the very data being erased)."""
    village = db.session.get(Village, household.village_id)
    with paused(db.session):
        counts = withdraw(db.session, household, today())
        write("erase", table_name="households", record_id=household.id, household_id=household.id,
              district=village.district_code, detail={"cleared": counts, "left_on": household.left_on.isoformat()})
        db.session.commit()


from . import notices  # noqa: E402, F401  (the notices' settings routes are on this blueprint)
