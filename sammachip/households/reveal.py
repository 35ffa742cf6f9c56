"""A household's full national ID, shown only when asked: a POST (a tap on the masked
ID) by a role that may see it, logged as one audit row."""
from flask import abort, render_template

from ..access import household_or_404, requires
from ..auditing import write
from ..domain.permissions import sees_full_id
from ..extensions import db
from ..models import Village
from ..web import wants_fragment
from .views import bp, show


@bp.post("/households/<int:household_id>/national-id")
@requires(sees_full_id)
def reveal_id(household_id: int):
    household = household_or_404(household_id)
    if household.national_id is None:  # erased (PDPA): nothing to reveal
        abort(404)
    village = db.session.get(Village, household.village_id)
    write("reveal_id", table_name="households", record_id=household.id, household_id=household.id,
          district=village.district_code)
    db.session.commit()
    if wants_fragment():
        return render_template("households/_national_id.html", household=household, revealed=True)
    return show(household_id, revealed=True)
