"""The demo's support teams and community funds: both teams for this and last fiscal year in Mae Wong
and Lat Yao, the demo visits naming the tambon team's members who came, and fund records (each visit's
fund answer, and one entered by hand). Added once."""
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from .domain.funds import record_visit_fund
from .domain.teams import set_visit_members
from .models import CommunityFund, FollowUp, Household, SupportTeam, SupportTeamMember, Village

TAMBON = [("นางบุญเรือน ทองมา", "kpst"), ("นายประยูร แสงจันทร์", "sochot"), ("นางสาวรัตนา ใจงาม", "och_leader"),
          ("นางสมพร ออมสิน", "savings_group")]
DISTRICT = [("นางวันเพ็ญ ศรีทอง", "kpsa"), ("นายสุชาติ บุญมาก", "sochoa"), ("นายอุดม พึ่งตน", "och_leader"),
            ("นางละเอียด มั่งมี", "savings_network")]
AREAS = ("6013", "601301", "601303", "601304", "6011", "601102")


def seed_teams_and_funds(session: Session, fiscal_year: int, today) -> None:
    if session.scalar(select(SupportTeam.id).limit(1)) is not None:
        return  # already seeded
    for fy in (fiscal_year - 1, fiscal_year):
        for k, code in enumerate(AREAS):
            people = DISTRICT if len(code) == 4 else TAMBON
            session.add(SupportTeam(
                level="district" if len(code) == 4 else "tambon", area_code=code, district_code=code[:4],
                fiscal_year=fy, members=[SupportTeamMember(name=name if k < 2 else f"{name} ({code[-2:]})",
                                                           phone=f"+6681{k}{n:06d}" if n % 2 == 0 else "",
                                                           organisation=org)
                                         for n, (name, org) in enumerate(people)]))
    session.flush()
    name_visitors(session)
    hand_fund(session, today)


def name_visitors(session: Session) -> None:
    """Each completed demo visit named one or two of its tambon team's members; this year's last two
    households of each village had the officer alone, so the step shows who is still to see."""
    rows = session.execute(
        select(FollowUp, Household, SupportTeam.id)
        .join(Household, Household.id == FollowUp.household_id).join(Village, Village.id == Household.village_id)
        .join(SupportTeam, (SupportTeam.level == "tambon") & (SupportTeam.area_code == Village.subdistrict_code)
              & (SupportTeam.fiscal_year == Household.fiscal_year))
        .where(FollowUp.status == "done").order_by(Household.village_id, Household.head_name, FollowUp.id)).all()
    teams = {t.id: t for t in session.scalars(select(SupportTeam))}
    officer_only = officer_alone(rows)
    for k, (visit, household, team_id) in enumerate(rows):
        record_visit_fund(session, visit, household, visit.officer_id)
        if household.id in officer_only:
            continue
        members = teams[team_id].members
        set_visit_members(session, visit.id, [members[k % len(members)].id, members[(k + 1) % len(members)].id][
            : 1 + k % 2])


def officer_alone(rows) -> set[int]:
    latest = max(household.fiscal_year for _v, household, _t in rows) if rows else 0
    by_village: dict[int, list[int]] = {}
    for _visit, household, _team in rows:
        if household.fiscal_year == latest and household.id not in by_village.get(household.village_id, []):
            by_village.setdefault(household.village_id, []).append(household.id)
    return {h for ids in by_village.values() for h in ids[-2:]}


def hand_fund(session: Session, today) -> None:
    """One record entered by hand: a village fund loan for fish fry."""
    household = session.scalar(select(Household).join(Village, Village.id == Household.village_id)
                               .where(Village.code == "60130302").order_by(Household.id).limit(1))
    if household is not None:
        session.add(CommunityFund(household_id=household.id, village_id=household.village_id, source="village_fund",
                                  amount=20_000, received_on=today - timedelta(days=7),
                                  purpose="ซื้อพันธุ์ปลาและอาหารปลา"))
