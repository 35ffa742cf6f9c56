"""Support teams and fund records for tests (shared helpers: no test module imports another)."""
from sammachip.domain.teams import set_visit_members
from sammachip.extensions import db
from sammachip.models import SupportTeam, SupportTeamMember


def make_team(area_code: str, fiscal_year: int, names=("นางสมศรี กพสต.",), organisation: str = "kpst"):
    level = "tambon" if len(area_code) == 6 else "district"
    team = SupportTeam(level=level, area_code=area_code, district_code=area_code[:4], fiscal_year=fiscal_year,
                       members=[SupportTeamMember(name=n, organisation=organisation) for n in names])
    db.session.add(team)
    db.session.commit()
    return team


def visit_with(followup, *members):
    """Name the team members who came on a visit."""
    set_visit_members(db.session, followup.id, [m.id for m in members])
    db.session.commit()
    return followup
