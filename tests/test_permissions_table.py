"""Every route, requested as every role, answers as the README's table says."""
import re
from datetime import timedelta
from pathlib import Path

import pytest

from sammachip.domain import permissions
from sammachip.domain.clock import current_fiscal_year, today
from sammachip.domain.reference import criteria_for
from sammachip.extensions import db
from sammachip.models import HouseholdDraft, KnowledgeRecord, SageCertificate
from sammachip.models.base import utcnow

from .factories import make_followup, make_household, make_sage, make_training, make_user

ROLES = ("admin", "province", "district", "officer")
README = Path(__file__).resolve().parent.parent / "README.md"
# Routes whose allowed answer is a redirect (they lead somewhere else).
REDIRECTS = {"main.home", "auth.logout", "auth.set_language", "auth.new_recovery_codes"}
STEPS = {"interview.step": {"step": 2},  # step 1 is the consent, before there is a draft
         "progress.mark": {"step": "group"}, "progress.undo": {"step": "group"}}  # a village step's code
QUERY = {"exports.index": "?district=6013", "exports.download": "?district=6013",
         "villages.subdistrict_options": "?district_code=6013"}


def readme_table() -> dict[str, set[str]]:
    section = README.read_text().split("## Who may do what")[1].split("\n## ")[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    roles = [c.strip() for c in lines[0].strip("|").split("|")][1:]
    table = {}
    for line in lines[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        name = re.match(r"`(\w+)`", cells[0]).group(1)
        table[name] = {role for role, mark in zip(roles, cells[1:], strict=True) if mark == "✓"}
    return table


def test_the_readme_table_is_the_rulebook():
    assert readme_table() == {name: set(roles) for name, roles in permissions.TABLE.items()}


def test_every_route_declares_what_it_needs(app):
    undeclared = [rule.rule for rule in app.url_map.iter_rules()
                  if rule.endpoint != "static" and not hasattr(app.view_functions[rule.endpoint], "permissions")]
    assert undeclared == []


@pytest.fixture
def world(village):
    """One record of every kind in Mae Wong, and a user of each role who may see it."""
    users = {role: make_user(role, role, "6013") for role in ROLES}
    sage = make_sage(village, role="lead")
    household = make_household(village, trainer=sage)
    day = make_training(village, [today() - timedelta(days=3)])[0]
    followup = make_followup(household, today(), status="due")
    certificate = SageCertificate(sage_id=sage.id, issued_on=today())
    knowledge = KnowledgeRecord(village_id=village.id, sage_id=sage.id, title="ความรู้", recorded_on=today())
    drafts = {role: HouseholdDraft(token=f"{n:08d}-0000-4000-8000-000000000000", village_id=village.id,
                                   officer_id=user.id, fiscal_year=current_fiscal_year(), consent_at=utcnow())
              for n, (role, user) in enumerate(users.items())}
    db.session.add_all([certificate, knowledge, *drafts.values()])
    db.session.commit()
    args = {"village_id": village.id, "household_id": household.id, "sage_id": sage.id, "day_id": day.id,
            "followup_id": followup.id, "certificate_id": certificate.id, "user_id": users["officer"].id,
            "criterion_id": criteria_for(db.session, current_fiscal_year())[0].id, "occupation_id": 1,
            "day_no": 1, "step": 1, "district_code": "6013", "province_code": "60", "kind": "households",
            "fmt": "csv", "code": "en", "record_id": knowledge.id}
    return args, {role: d.token for role, d in drafts.items()}


def url_of(rule, args: dict) -> str:
    values = {name: args[name] for name in rule.arguments}
    values.update({k: v for k, v in STEPS.get(rule.endpoint, {}).items() if k in values})
    return rule.build(values)[1] + QUERY.get(rule.endpoint, "")


@pytest.mark.parametrize("role", ROLES)
def test_every_route_as_every_role_answers_as_the_table_says(app, client, auth, world, role):
    args, tokens = world
    table = readme_table()
    auth.login(role)
    rules = [r for r in app.url_map.iter_rules() if getattr(app.view_functions[r.endpoint], "permissions", None)]
    wrong = []
    for method in ("GET", "POST"):  # every read first: some posts change or end what the reads need
        for rule in sorted(rules, key=lambda r: r.endpoint == "auth.logout"):
            if method not in rule.methods or (method == "POST" and "GET" in rule.methods and
                                              not needs_other_permission_to_write(app, rule)):
                continue
            needs = app.view_functions[rule.endpoint].permissions
            permission = needs["read" if method == "GET" else "write"]
            url = url_of(rule, {**args, "token": tokens[role]})
            status = client.open(url, method=method).status_code
            if role in table[permission]:
                ok = status in ((302, 303) if rule.endpoint in REDIRECTS else (200,)) if method == "GET" \
                    else status not in (401, 403, 404, 405, 500)
            else:
                ok = status == needs["denied"]
            if not ok:
                wrong.append(f"{method} {url} ({permission}): {status}")
    assert wrong == [], "\n".join(wrong)


def needs_other_permission_to_write(app, rule) -> bool:
    needs = app.view_functions[rule.endpoint].permissions
    return needs["write"] != needs["read"]
