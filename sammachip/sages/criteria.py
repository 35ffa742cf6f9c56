"""The sage criteria wizard: one criterion per screen, the year's criteria in
their order. Each screen's answer is saved at once (no draft, no review)."""
from flask import flash, g, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from ..domain import reference
from ..domain.team import change_role
from ..extensions import db
from ..forms_common import as_bool, from_bool
from ..models import SageAnswer, Village
from ..web import see_other
from ..wizard import Step, Wizard
from .forms import CriterionForm
from .wording import criterion_text


class Criteria(Wizard):
    endpoint = "sages.criterion"
    fields = "sages/_criterion_fields.html"
    progress_label = _l("ความคืบหน้าการประเมิน")

    def steps(self, sage):
        cache = g.setdefault("criteria_steps", {})  # asked several times a request: read once
        if sage.fiscal_year not in cache:
            criteria = reference.criteria_for(db.session, sage.fiscal_year)
            cache[sage.fiscal_year] = {n: Step(CriterionForm, criterion_text(c), c) for n, c in enumerate(criteria, 1)}
        return cache[sage.fiscal_year]

    def url_args(self, sage):
        return {"sage_id": sage.id}

    def answers(self, sage, step):
        criterion = self.steps(sage)[step].item
        answer = next((a for a in sage.answers if a.criterion_id == criterion.id), None)
        return MultiDict({"met": from_bool(answer.met), "note": answer.note} if answer else {})

    def check(self, sage, step, form):
        if form.met.data not in ("yes", "no"):  # "next" needs an answer; blank or spaces are none
            form.met.errors.append(_("กรุณาเลือก ใช่ หรือ ไม่ใช่"))
            return False
        return True

    def keep(self, sage, step, form, typed, moved_to):
        """One answer per screen, saved when given (going back without one saves nothing)."""
        if moved_to is None:
            return
        criterion = self.steps(sage)[step].item
        if form.met.data in ("yes", "no") and form.validate():
            save_answer(sage, criterion.id, as_bool(form.met.data), form.note.data or "")
            if sage.role and criterion.required and form.met.data == "no":
                change_role(db.session, sage, None, current_user.id)  # the team needs every required criterion
                flash(_("%(name)s ไม่ผ่านเกณฑ์ข้อ (%(code)s) จึงถูกนำออกจากทีม", name=sage.name, code=criterion.code),
                      "info")
        sage.criteria_step = max(1, min(moved_to, len(self.steps(sage))))

    def context(self, sage):
        village = db.session.get(Village, sage.village_id)
        return {"sage": sage, "village": village, "crumb_url": url_for("sages.show", sage_id=sage.id),
                "crumb_label": _("← %(name)s", name=sage.name)}

    def header(self, step, total, title, ctx):
        return _("เกณฑ์ข้อ %(n)s จาก %(total)s", n=step, total=total) + " · " + ctx["sage"].name

    def tab_title(self, title, ctx):
        return _("เกณฑ์ข้อ %(n)s", n=ctx["step"]) + " · " + ctx["sage"].name

    def done(self, sage):
        flash(_("ประเมินเกณฑ์ครบทุกข้อแล้ว"), "success")
        return see_other(url_for("sages.show", sage_id=sage.id))


def save_answer(sage, criterion_id: int, met: bool, note: str) -> None:
    answer = next((a for a in sage.answers if a.criterion_id == criterion_id), None)
    if answer is None:
        sage.answers.append(SageAnswer(criterion_id=criterion_id, met=met, note=note))
    else:
        answer.met, answer.note = met, note


criteria_wizard = Criteria()
