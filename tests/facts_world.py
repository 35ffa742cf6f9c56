"""A village with one record of every kind (tests/test_facts.py: each counts in its facts;
tests/test_permissions_table.py: each route has a record to open)."""
from datetime import timedelta

from sammachip.domain.clock import current_fiscal_year, today
from sammachip.domain.reference import criteria_for
from sammachip.extensions import db
from sammachip.models import (
    CommunityFund,
    GroupMember,
    GroupStatusChange,
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

from .factories import attend, make_followup, make_household, make_sage, make_training, make_user
from .photo_util import stored_photo
from .routes import ROLES


def build_world(village) -> dict:
    """Users of every role, a lead sage, a trained household visited with the tambon team, a due
    visit, a fund, a centre, a knowledge record, an active group with an OTOP product; the URL args."""
    fy, day0 = current_fiscal_year(), today() - timedelta(days=20)
    users = {role: make_user(role, role, "6013") for role in ROLES}
    sage = make_sage(village, role="lead")
    household = make_household(village, trainer=sage)
    days = make_training(village, [day0 + timedelta(days=k) for k in range(5)])
    attend(days, household, 5)
    team = SupportTeam(level="tambon", area_code=village.subdistrict_code, district_code="6013", fiscal_year=fy,
                       members=[SupportTeamMember(name="สมาชิก", organisation="kpst")])
    group = OccupationalGroup(village_id=village.id, name="กลุ่ม", founded_on=day0, status="active")
    db.session.add_all([team, group])
    db.session.flush()
    done = make_followup(household, today() - timedelta(days=2), "yes", income=3000)
    from sammachip.domain.teams import set_visit_members

    set_visit_members(db.session, done.id, [team.members[0].id])
    followup = make_followup(household, today() + timedelta(days=30), status="due")
    product = OtopProduct(group_id=group.id, name="ผลิตภัณฑ์", category="food", registration_no="OTOP-1",
                          registered_year=today().year + 543)
    db.session.add_all([
        SageCertificate(sage_id=sage.id, issued_on=today()),
        KnowledgeRecord(village_id=village.id, sage_id=sage.id, title="ความรู้", recorded_on=today(),
                        completed_at=utcnow()),
        LearningCentre(village_id=village.id, name="ศูนย์", place_kind="community", opened_on=day0),
        CommunityFund(village_id=village.id, household_id=household.id, source="village_fund", amount=500,
                      received_on=today() - timedelta(days=1)),
        GroupStatusChange(group_id=group.id, status="active", changed_on=day0),
        GroupMember(group_id=group.id, household_id=household.id, joined_on=day0),
        product,
        *[HouseholdDraft(token=f"{n:08d}-0000-4000-8000-000000000000", village_id=village.id, officer_id=u.id,
                         fiscal_year=fy, consent_at=utcnow()) for n, u in enumerate(users.values())],
    ])
    db.session.commit()
    certificate = db.session.query(SageCertificate).first()
    record = db.session.query(KnowledgeRecord).first()
    centre = db.session.query(LearningCentre).first()
    fund = db.session.query(CommunityFund).first()
    return {"village_id": village.id, "household_id": household.id, "sage_id": sage.id, "day_id": days[0].id,
            "followup_id": followup.id, "certificate_id": certificate.id, "user_id": users["officer"].id,
            "criterion_id": criteria_for(db.session, fy)[0].id, "occupation_id": 1, "day_no": 1, "step": 1,
            "district_code": "6013", "province_code": "60", "kind": "households", "fmt": "csv", "code": "en",
            "record_id": record.id, "area_code": village.subdistrict_code, "member_id": team.members[0].id,
            "fund_id": fund.id, "centre_id": centre.id, "group_id": group.id, "product_id": product.id,
            "photo_id": stored_photo(day=days[0]),
            "token": "00000000-0000-4000-8000-000000000000"}
