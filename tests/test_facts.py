"""Per village-year facts (domain/facts.py): kept with every write, read by the dashboards.

Every test of the suite also ends with the kept facts compared to a recount (conftest
`facts_kept`), so every route and command the suite drives is checked, on both databases."""
from datetime import timedelta

from sqlalchemy import select, update

from sammachip.domain.clock import current_fiscal_year, figures_day, today
from sammachip.domain.facts import FACTS, rebuild
from sammachip.domain.facts_read import district_sums, villages_with_facts
from sammachip.domain.programme import row_for
from sammachip.domain.progress import facts_for
from sammachip.domain.targets import targets_in
from sammachip.extensions import db
from sammachip.models import (
    GroupMember,
    GroupStatusChange,
    Household,
    OccupationalGroup,
    Village,
)

from .factories import (
    attend,
    full_village,
    make_followup,
    make_household,
    make_sage,
    make_target,
    make_training,
    make_user,
    make_village,
    phone_no,
)
from .facts_util import facts_mismatches
from .routes import url_of
from .teams_util import make_team, visit_with


def kept(village_id: int, fy: int | None = None) -> dict:
    row = db.session.execute(select(FACTS).where(FACTS.c.village_id == village_id,
                                                 FACTS.c.fiscal_year == (fy or current_fiscal_year()))).mappings().one()
    return dict(row)


def test_a_full_village_is_kept_with_hand_counted_numbers():
    """full_village: lead + 4 assistants, 20 households on 5 days 30..26 days ago, visited yesterday
    with a team member, 17 practising, each +3,000 a year on 100,000."""
    village = full_village()
    row = kept(village.id)
    assert (row["lead"], row["assistants"], row["lead_trained"]) == (1, 4, 1)
    assert (row["registered"], row["assigned"]) == (20, 20)
    assert (row["days_held"], row["trained"], row["visited"], row["practising"], row["income_n"]) == (5, 20, 20, 17, 17)
    assert row["before_sum"] == 17 * 100_000 and row["after_sum"] == 17 * 103_000
    assert (row["tambon_team"], row["tambon_trained"], row["tambon_visited"]) == (1, 20, 20)
    assert row["settled_on"] == today() - timedelta(days=1)  # the latest record read: yesterday's visits
    assert facts_mismatches() == []


def test_a_day_dated_ahead_is_counted_live_until_it_comes():
    village = full_village()
    fy = current_fiscal_year()
    lead = make_sage(make_village("601303", 7, "อนาคต"), "ล่วงหน้า", phone_no(90), role="lead")
    lead.workshop_date = today() + timedelta(days=3)  # planned, not held
    db.session.commit()
    where = Village.district_code == "6013"
    future = kept(lead.village_id)
    assert future["workshop"] == 1 and future["settled_on"] == today() + timedelta(days=3)
    rows = dict((v.id, f) for v, f in villages_with_facts(db.session, where, fy, today()))
    live = facts_for(db.session, where, fy, today())
    assert rows[lead.village_id] == live[lead.village_id] and not rows[lead.village_id].workshop
    assert rows[village.id] == live[village.id]
    sums = district_sums(db.session, where & targets_in(fy), fy, today())["6013"]
    assert sums["villages"] == 2 and sums["team"] == 1 and sums["ind"].practising == 17
    assert sums["statuses"] == {"not_started": 0, "in_progress": 1, "behind": 0, "on_target": 1}


def test_tambon_wide_group_and_its_status_reach_the_neighbour_village():
    """A tambon-wide group founded in village A with a trained household of village B: B's group step."""
    a, b = make_village("601303", 1, "เอ"), full_village("601303", 2, "บี")
    group = OccupationalGroup(village_id=a.id, tambon_wide=True, name="กลุ่มตำบล",
                              founded_on=today() - timedelta(days=20), status="active")
    db.session.add(group)
    db.session.flush()
    db.session.add(GroupStatusChange(group_id=group.id, status="active", changed_on=today() - timedelta(days=20)))
    household = db.session.scalar(select(Household).where(Household.village_id == b.id).limit(1))
    db.session.add(GroupMember(group_id=group.id, household_id=household.id, joined_on=today() - timedelta(days=10)))
    db.session.commit()
    assert kept(b.id)["group_households"] == 1
    group.tambon_wide = False  # no longer the tambon's: B's step goes
    db.session.commit()
    assert kept(b.id)["group_households"] == 0
    assert facts_mismatches() == []


def test_a_rule_change_recounts_its_year_and_the_years_reading_it():
    village = full_village()
    fy = current_fiscal_year()
    assert kept(village.id)["trained"] == 20
    row_for(db.session, fy).days_to_complete = 6
    db.session.commit()
    assert kept(village.id)["trained"] == 0  # 5 days attended, 6 needed
    assert facts_mismatches() == []


def test_bulk_statements_through_the_session_are_kept():
    village = make_village()
    days = make_training(village, [today() - timedelta(days=9 - k) for k in range(5)])
    household = make_household(village)
    attend(days, household, 5)
    followup = make_followup(household, today() - timedelta(days=1), "yes", income=100)
    assert kept(village.id)["practising"] == 1
    from sammachip.models import FollowUp

    db.session.execute(update(FollowUp).where(FollowUp.id == followup.id).values(practising="no"))
    db.session.commit()
    assert kept(village.id)["practising"] == 0
    team = make_team("601303", current_fiscal_year())
    visit_with(followup, team.members[0])
    assert kept(village.id)["tambon_visited"] == 1
    assert facts_mismatches() == []


def test_a_rolled_back_write_leaves_the_facts_as_they_were():
    village = full_village()
    before = kept(village.id)
    db.session.execute(update(FACTS).values(trained=0))  # not through the hooks: a rollback takes it back
    db.session.rollback()
    assert kept(village.id) == before
    make_target(make_village("601304", 3, "ซี"))
    assert facts_mismatches() == []


def test_rebuild_counts_every_target_again():
    village = full_village()
    db.session.execute(FACTS.delete())
    db.session.commit()
    assert facts_mismatches() != []
    assert rebuild(db.session) == 1
    db.session.commit()
    assert facts_mismatches() == [] and kept(village.id)["trained"] == 20


def test_every_post_route_keeps_the_facts(app, client, auth, village):
    """Every POST route, as the admin, on a village with one record of every kind: after each
    request the kept facts equal a recount (the suite's own tests post the valid forms)."""
    from .facts_world import build_world

    args = build_world(village)
    auth.login("admin")
    wrong = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.endpoint in ("auth.logout", "account.end_sessions")):
        if "POST" not in rule.methods or not getattr(app.view_functions[rule.endpoint], "permissions", None):
            continue
        client.post(url_of(rule, args), data={"go": "next"})
        found = facts_mismatches()
        if found:
            wrong.append(f"{rule.rule}: {found}")
    assert wrong == []


def test_every_command_that_writes_keeps_the_facts(app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    assert facts_mismatches() == []
    assert db.session.scalar(select(FACTS.c.village_id).limit(1)) is not None
    assert runner.invoke(args=["create-user", "--username", "x", "--password", "p-a-s-s-w-o-r-d-1", "--role", "admin"]
                         ).exit_code == 0
    db.session.execute(update(FACTS).values(trained=99))
    db.session.commit()
    result = runner.invoke(args=["rebuild-facts"])
    assert result.exit_code == 0 and "village-years" in result.output
    assert facts_mismatches() == []


def test_dashboards_read_the_kept_facts_and_agree_with_a_live_count(client, auth):
    make_user("boss", "district", "6013")
    full_village("601303", 1, "เอ", practising=17)
    full_village("601304", 2, "บี", practising=10, base=1)
    fy = current_fiscal_year()
    where = (Village.district_code == "6013") & targets_in(fy)
    live = facts_for(db.session, where, fy, figures_day(fy))
    assert {v.id: f for v, f in villages_with_facts(db.session, where, fy, figures_day(fy))} == live
    auth.login("boss")
    assert "67.5%" in client.get("/districts/6013").text
