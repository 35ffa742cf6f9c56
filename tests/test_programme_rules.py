"""Programme rules as data per fiscal year: an admin edits one year, no other year's figures move."""
from datetime import date

from sammachip.domain import indicators
from sammachip.domain.programme import rules_for
from sammachip.extensions import db

from .factories import attend, make_followup, make_household, make_training, make_user

RULES = {"households_per_village": "20", "households_per_trainer": "4", "assistants": "4", "training_days": "5",
         "days_to_complete": "4", "followup_months": "1,3,6", "practising_target": "85", "income_target": "3",
         "measured_from": "80", "income_min_n": "5", "group_target": "10"}


def test_a_year_reads_the_defaults_until_it_has_its_own_row(app):
    assert rules_for(2570).households_per_village == 20 and rules_for(2570).followup_months == (1, 3, 6)


def test_editing_a_year_changes_only_that_year(client, auth, village):
    """FY 2569 had 4 of 5 days complete the training; 2570 is set to need all 5. A household
    present 4 days in 2569 stays trained for 2569's figures."""
    make_user("root", "admin")
    days = make_training(village, [date(2025, 11, d) for d in (3, 4, 5, 6, 7)], fiscal_year=2569)
    household = make_household(village, fiscal_year=2569)
    attend(days, household, 4)
    make_followup(household, date(2025, 12, 10), "yes")
    before = indicators.for_village(db.session, village.id, 2569, date(2026, 9, 30))
    auth.login("root")
    saved = client.post("/settings/rules?fy=2570", data={**RULES, "days_to_complete": "5"})
    assert saved.status_code == 303
    db.session.expire_all()
    db.session.info.clear()
    assert rules_for(2570).days_to_complete == 5 and rules_for(2569).days_to_complete == 4
    assert rules_for(2571).days_to_complete == 5  # a later year reads the latest earlier row
    assert indicators.for_village(db.session, village.id, 2569, date(2026, 9, 30)) == before
    assert before.trained == 1
    page = client.get("/settings/rules?fy=2570").text
    assert 'value="5"' in page and "แก้ไขแล้วมีผลกับปีนี้เท่านั้น" in page


def test_editing_an_earlier_year_does_not_reach_a_later_year_with_data(client, auth, village):
    make_user("root", "admin")
    make_household(village, fiscal_year=2570)  # 2570 has data but no row: it reads 2569's
    auth.login("root")
    assert client.post("/settings/rules?fy=2569", data=RULES).status_code == 303
    assert client.post("/settings/rules?fy=2569", data={**RULES, "income_target": "5"}).status_code == 303
    db.session.info.clear()
    assert rules_for(2569).income_target == 0.05 and rules_for(2570).income_target == 0.03


def test_a_limit_cannot_go_below_what_the_year_holds(client, auth, village):
    make_user("root", "admin")
    for n in range(1, 4):
        make_household(village, f"h{n}", n=n)
    auth.login("root")
    refused = client.post("/settings/rules?fy=2570", data={**RULES, "households_per_village": "2"})
    assert refused.status_code == 422 and "ปีนี้มีแล้ว 3 ตั้งต่ำกว่านี้ไม่ได้" in refused.text
    assert "กรอกเป็นเดือน" in client.post("/settings/rules?fy=2570", data={**RULES, "followup_months": "1;x"}).text
    assert client.get("/settings/rules?fy=2570").status_code == 200
    make_user("officer", "officer", "6013")
    auth.logout()
    auth.login("officer")
    assert client.get("/settings/rules").status_code == 403
