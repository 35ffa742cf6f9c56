"""One engine for step-by-step forms on a phone (wizards).

A wizard declares its steps (a form class and a title each; the list may come
from data, e.g. the year's criteria), its templates, and a small storage
adapter: how to read what was saved, keep a step, check a step against the
database, and finish. The engine owns the rest, the same for every wizard:

- step order, back and next, and "edit this step, then come back to the review";
- the step shell (header, progress bar, form, buttons) and the tab title per step;
- `HX-Push-Url`, so reload and browser back land on the step shown;
- the lost-reply rule: a step sent again after its reply was lost moves on
  instead of conflicting;
- the review page and the final submit, checked step by step;
- `validate_all(record, data)`, the same checks on a plain dict without a request.
"""
from dataclasses import dataclass
from typing import Any

from flask import abort, render_template, request, url_for
from werkzeug.datastructures import MultiDict
from wtforms import SelectMultipleField

from .extensions import db
from .forms_common import typed_values
from .web import conflict_message, go_to_step, wants_fragment

REVIEW = "review"  # `then=review`: after this step, back to the review


@dataclass(frozen=True)
class Step:
    form: type
    title: Any  # a (lazy) string: the step's header and tab title
    item: Any = None  # what the step is about, when steps come from data (e.g. a criterion)


def as_multidict(answers: dict) -> MultiDict:
    data = MultiDict()
    for key, value in answers.items():
        for v in value if isinstance(value, list) else [value]:
            data.add(key, v)
    return data


class Wizard:
    endpoint: str  # the step route; its URL takes `url_args(record)` and `step`
    fields: str  # template drawing one step's fields (it sees `step` and `form`)
    review: str | None = None  # template of the review's body; None: no review and no submit
    progress_label: Any = ""
    hint: Any = ""  # under every step's form

    # --- the adapter: each wizard says how its record stores answers -------------

    def steps(self, record) -> dict[int, Step]:
        raise NotImplementedError

    def url_args(self, record) -> dict:
        raise NotImplementedError

    def answers(self, record, step: int) -> MultiDict:
        """What is saved for this step (with the step's defaults)."""
        return as_multidict(record.data)

    def keep(self, record, step: int, form, typed: dict, moved_to: int | None) -> None:
        """Store a posted step (valid or not yet) and the step reached."""
        record.data = {**record.data, **typed}
        if moved_to is not None:
            record.step = moved_to

    def version(self, record) -> int | None:
        """The record's version when two people may edit it at once, else None."""
        return None

    def prepare(self, record, step: int, form, fresh: bool) -> None:
        """Fill choices, labels and (when `fresh`, i.e. not from a post) defaults that depend on the record."""

    def check(self, record, step: int, form) -> bool:
        """Rules across fields or against the database, beyond the form's own."""
        return True

    def context(self, record) -> dict:
        """What the templates need besides the step: crumbs, names, the rules."""
        return {}

    def header(self, step: int, total: int, title: str, ctx: dict) -> str:
        from flask_babel import gettext as _

        return _("ขั้นที่ %(n)s จาก %(total)s: %(title)s", n=step, total=total, title=title)

    def tab_title(self, title: str, ctx: dict) -> str:
        return title

    def already_finished(self, record):
        """Lock the record for the submit; a response if it was submitted already."""
        return None

    def finish(self, record, forms: dict):
        """Save the whole record once; returns the response."""
        raise NotImplementedError

    def done(self, record):
        """Where "next" on the last step goes when there is no review."""
        raise NotImplementedError

    # --- the engine ---------------------------------------------------------

    def first(self, steps: dict) -> int:
        return min(steps)

    def review_step(self, steps: dict) -> int | None:
        return max(steps) + 1 if self.review else None

    def total(self, steps: dict) -> int:
        return self.review_step(steps) or max(steps)

    def url(self, record, step: int, **args) -> str:
        return url_for(self.endpoint, **self.url_args(record), step=step, **args)

    def handle(self, record, step: int):
        """The step route's whole body: show, save and move, or submit."""
        steps = self.steps(record)
        if step == self.review_step(steps):
            return self.submit(record) if request.method == "POST" else self.review_page(record)
        if step not in steps:
            abort(404)
        if request.method == "GET":
            return self.page(record, step)
        return self.post(record, step, steps)

    def form(self, record, step: int, formdata=None, steps=None, csrf: bool = True):
        steps = steps or self.steps(record)
        data = formdata if formdata is not None else self.answers(record, step)
        form = steps[step].form(formdata=data, meta={} if csrf else {"csrf": False})
        self.prepare(record, step, form, fresh=formdata is None)
        return form

    def post(self, record, step: int, steps: dict):
        form = self.form(record, step, request.form, steps)
        lists = [name for name, f in form._fields.items() if isinstance(f, SelectMultipleField)]
        typed = typed_values(form, request.form, lists)
        seen = self.version(record)
        if seen is not None and str(seen) != request.form.get("version", ""):
            if record.step != step and all(self.answers(record, step).getlist(k) == (v if isinstance(v, list) else [v])
                                           for k, v in typed.items()):
                return self.go(record, record.step)  # the same answers again after a lost reply: saved, move on
            form.form_errors.append(conflict_message())
            return self.render(record, step, form, 409)
        back = request.form.get("go") == "back"
        ok = back or (form.validate() and self.check(record, step, form))
        target = self.target(steps, step, back) if ok else None
        self.keep(record, step, form, typed, target)
        db.session.commit()
        if target is None:
            return self.render(record, step, form)
        if target > max(steps) and not self.review:
            return self.done(record)
        return self.go(record, target)

    def target(self, steps: dict, step: int, back: bool) -> int:
        if back:
            return max(self.first(steps), step - 1)
        if request.form.get("then") == REVIEW and self.review:
            return self.review_step(steps)
        return step + 1

    def go(self, record, step: int):
        return go_to_step(self.url(record, step), lambda: self.page(record, step))

    def page(self, record, step: int):
        steps = self.steps(record)
        if step == self.review_step(steps):
            return self.review_page(record)
        return self.render(record, step, self.form(record, step, steps=steps))

    def render(self, record, step: int, form, status: int = 200, url: str | None = None,
               context: dict | None = None, **extra):
        steps = self.steps(record)
        ctx = context if context is not None else self.context(record)
        title = str(steps[step].title) if step in steps else str(extra.pop("title", ""))
        total = self.total(steps)
        ctx.update(
            wizard=self, record=record, step=step, total=total, form=form, title=title,
            item=steps[step].item if step in steps else None,
            url=url or self.url(record, step), first=self.first(steps), last=max(steps),
            version=self.version(record) if record is not None else None,
            then=request.args.get("then") or request.form.get("then"),
            review_step=self.review_step(steps), fragment=wants_fragment(), **extra)
        ctx.update(header=self.header(step, total, title, ctx), tab_title=self.tab_title(title, ctx))
        template = "wizard/_step.html" if ctx["fragment"] else "wizard/page.html"
        return render_template(template, **ctx), status

    def forms(self, record, csrf: bool = True) -> dict:
        steps = self.steps(record)
        return {n: self.form(record, n, steps=steps, csrf=csrf) for n in steps}

    def review_page(self, record, problems=(), status: int = 200):
        from flask_babel import gettext as _

        steps = self.steps(record)
        return self.render(record, self.review_step(steps), None, status, forms=self.forms(record),
                           problems=problems, title=_("ตรวจทานและบันทึก"))

    def invalid_steps(self, record, forms: dict) -> list[tuple[int, str]]:
        steps = self.steps(record)
        return [(n, str(steps[n].title)) for n, f in forms.items() if not f.validate() or not self.check(record, n, f)]

    def submit(self, record):
        earlier = self.already_finished(record)
        if earlier is not None:
            return earlier
        forms = self.forms(record)
        invalid = self.invalid_steps(record, forms)
        if invalid:
            db.session.rollback()
            return self.review_page(record, invalid, 422)
        return self.finish(record, forms)

    def validate_all(self, record, answers: dict) -> dict[int, dict[str, list[str]]]:
        """Every step's form and checks on a plain dict, without a request:
        {step: {field: [messages]}} for the steps with problems (empty when all pass)."""
        data = as_multidict(answers)
        problems = {}
        for n, step in self.steps(record).items():
            form = step.form(formdata=data, meta={"csrf": False})
            self.prepare(record, n, form, fresh=False)
            if not (form.validate() and self.check(record, n, form)):
                problems[n] = {name or "": [str(e) for e in errs] for name, errs in form.errors.items()}
        return problems
