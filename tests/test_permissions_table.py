"""Every route, requested as every role, answers as the README's table says."""
from datetime import timedelta

import pytest

from sammachip.domain import permissions
from sammachip.domain.clock import current_fiscal_year, today
from sammachip.domain.reference import criteria_for
from sammachip.extensions import db
from sammachip.models import (
    CommunityFund,
    HouseholdDraft,
    KnowledgeRecord,
    LearningCentre,
    OccupationalGroup,
    OtopProduct,
    SageCertificate,
    SupportTeam,
    SupportTeamMember,
)
from sammachip.models.base import utcnow

from .factories import make_followup, make_household, make_sage, make_training, make_user
from .photo_util import stored_photo
from .routes import REDIRECTS, ROLES, readme_table, url_of


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
    centre = LearningCentre(village_id=village.id, name="ศูนย์", place_kind="community", opened_on=today())
    drafts = {role: HouseholdDraft(token=f"{n:08d}-0000-4000-8000-000000000000", village_id=village.id,
                                   officer_id=user.id, fiscal_year=current_fiscal_year(), consent_at=utcnow())
              for n, (role, user) in enumerate(users.items())}
    team = SupportTeam(level="tambon", area_code="601303", district_code="6013", fiscal_year=current_fiscal_year(),
                       members=[SupportTeamMember(name="สมาชิก", organisation="kpst")])
    fund = CommunityFund(village_id=village.id, household_id=household.id, source="village_fund", amount=1,
                         received_on=today())
    group = OccupationalGroup(village_id=village.id, name="กลุ่ม", founded_on=today())
    db.session.add_all([certificate, knowledge, team, fund, centre, group, *drafts.values()])
    db.session.flush()
    product = OtopProduct(group_id=group.id, name="ผลิตภัณฑ์", category="food")
    db.session.add(product)
    db.session.commit()
    args = {"village_id": village.id, "household_id": household.id, "sage_id": sage.id, "day_id": day.id,
            "followup_id": followup.id, "certificate_id": certificate.id, "user_id": users["officer"].id,
            "criterion_id": criteria_for(db.session, current_fiscal_year())[0].id, "occupation_id": 1,
            "day_no": 1, "step": 1, "district_code": "6013", "province_code": "60", "kind": "households",
            "fmt": "csv", "code": "en", "record_id": knowledge.id, "area_code": "601303",
            "member_id": team.members[0].id, "fund_id": fund.id, "centre_id": centre.id,
            "group_id": group.id, "product_id": product.id, "photo_id": stored_photo(day=day)}
    return args, {role: d.token for role, d in drafts.items()}


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
