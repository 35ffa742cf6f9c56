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


CHECKLIST = {1: {"practising": "yes"}, 2: {"occupation_income": "3000", "costs_saved": "0", "sells_where": ""},
             3: {"group_name": "", "fund_source": "none"}, 4: {"visitors": ["officer"]},
             5: {"problems": "", "next_visit_date": ""}}


def run_visit(client, followup, visit_date, **changes):
    """Post the follow-up checklist's five steps and submit; `changes` adds to a step's answers."""
    from sammachip.models import FollowUp

    for n, data in CHECKLIST.items():
        data = {**data, **changes.get(f"step{n}", {})}
        if n == 4:
            data["visit_date"] = visit_date.isoformat()
        version = db.session.get(FollowUp, followup.id).version
        response = client.post(f"/followups/{followup.id}/{n}", data={**data, "go": "next", "version": version})
        assert response.status_code == 303, (n, response.text[-1500:])
    return client.post(f"/followups/{followup.id}/6")
