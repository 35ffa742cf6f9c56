"""Community fund records: by hand and from a visit's fund answer, the fund step, and the migration
that turns old visits' fund answers into records."""
from datetime import date

from sqlalchemy import func, select

from sammachip.domain.clock import today
from sammachip.domain.progress import facts_of_village, steps_of
from sammachip.extensions import db
from sammachip.models import CommunityFund, FollowUp, Village
from sammachip.progress.wording import step_detail

from .factories import make_followup, make_household, make_user, make_village
from .teams_util import run_visit

TOKEN = "3b9a7c1e-2d4f-4a6b-8c0d-1e2f3a4b5c6d"


def fund_step(village, fy=2570, on=None):
    facts = facts_of_village(db.session, village.id, fy, on or today())
    return next(s for s in steps_of(facts) if s.code == "fund")


def test_a_fund_record_by_hand_counts_once_with_an_amount(app, client, officer, village):
    household = make_household(village)
    assert not fund_step(village).done
    form = {"source": "kkkc", "amount": "15000", "received_on": "20/11/2569", "purpose": "ซื้อพันธุ์ปลา",
            "submit_token": TOKEN}
    for _ in range(2):  # a double tap: one record
        assert client.post(f"/households/{household.id}/funds/new", data=form).status_code == 303
    fund = db.session.scalar(select(CommunityFund))
    assert db.session.scalar(select(func.count()).select_from(CommunityFund)) == 1
    assert (fund.source, fund.amount, fund.received_on, fund.village_id) == ("kkkc", 15_000, date(2026, 11, 20),
                                                                            village.id)
    step = fund_step(village)
    assert step.done and step.detail == {"households": 1, "groups": 0, "amount": 15_000}
    with app.test_request_context():
        assert step_detail("fund", step.detail) == "ได้รับทุน 1 ครัวเรือน รวม 15,000 บาท"
    page = client.get(f"/households/{household.id}").text
    assert "กข.คจ." in page and "15,000 บาท" in page and "ซื้อพันธุ์ปลา" in page
    assert "กข.คจ." in client.get(f"/villages/{village.id}/funds").text
    assert not fund_step(village, on=date(2026, 11, 19)).done  # dated after that day's cut-off


def test_bad_fund_input_is_a_thai_400_class_answer(client, officer, village):
    household = make_household(village)
    bad = client.post(f"/households/{household.id}/funds/new",
                      data={"source": "lottery", "amount": "abc", "received_on": "1/1/2400"})
    assert bad.status_code == 422 and "กรุณาเลือกแหล่งทุนจากรายการ" in bad.text
    assert "กรุณากรอกเป็นตัวเลขจำนวนเต็ม" in bad.text
    other = client.post(f"/households/{household.id}/funds/new",
                        data={"source": "other", "amount": "0", "received_on": "20/11/2569"})
    assert other.status_code == 422 and "กรุณาระบุแหล่งทุน" in other.text and "ต้องอยู่ระหว่าง 1" in other.text
    assert db.session.scalar(select(func.count()).select_from(CommunityFund)) == 0


def test_an_edit_keeps_its_version_and_a_record_without_amount_does_not_count(client, officer, village):
    household = make_household(village)
    fund = CommunityFund(village_id=village.id, household_id=household.id, source="village_fund", amount=None,
                         received_on=date(2026, 11, 1))
    db.session.add(fund)
    db.session.commit()
    assert not fund_step(village).done  # an old answer without an amount
    form = {"source": "village_fund", "amount": "3000", "received_on": "01/11/2569", "version": fund.version}
    assert client.post(f"/funds/{fund.id}", data={**form, "version": fund.version + 1}).status_code == 409
    assert client.post(f"/funds/{fund.id}", data=form).status_code == 303
    assert fund_step(village).done
    assert client.post(f"/funds/{fund.id}/delete").status_code == 303
    assert not fund_step(village).done


def test_a_visits_fund_answer_is_its_fund_record(client, officer, village):
    household = make_household(village)
    followup = make_followup(household, None, status="due", due_date=today())
    step3 = {"fund_source": "women_fund", "fund_amount": "8000"}
    assert run_visit(client, followup, date(2026, 11, 22), step3=step3).status_code == 303
    fund = db.session.scalar(select(CommunityFund))
    assert (fund.followup_id, fund.source, fund.amount, fund.received_on) == (followup.id, "women_fund", 8000,
                                                                              date(2026, 11, 22))
    assert fund_step(village).done
    assert "(จากการเยี่ยม)" in client.get(f"/households/{household.id}").text
    none = make_followup(household, None, status="due", due_date=today())
    run_visit(client, none, date(2026, 11, 23))
    assert db.session.scalar(select(func.count()).select_from(CommunityFund)) == 1  # "ไม่ได้รับ": no record


def test_fund_pages_of_another_district_are_404(client, auth):
    lat_yao = make_village("601101", 2, "ลาดยาว")
    household = make_household(lat_yao)
    fund = CommunityFund(village_id=lat_yao.id, household_id=household.id, source="other", source_other="x",
                         amount=1, received_on=today())
    db.session.add(fund)
    db.session.commit()
    make_user("officer", "officer", "6013")
    auth.login("officer")
    for url in (f"/villages/{lat_yao.id}/funds", f"/households/{household.id}/funds/new", f"/funds/{fund.id}",
                f"/villages/{lat_yao.id}/team"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/funds/{fund.id}/delete").status_code == 404


def test_the_migration_turns_old_visits_fund_answers_into_records(village):
    """Downgraded below it and upgraded again: each completed visit with a fund answer other than
    "none" becomes one record (on its visit date; an unknown source kept as "other" with its name);
    visits without one, and open visits, make none."""
    from flask_migrate import downgrade, upgrade

    household = make_household(village)
    answers = [("savings_group", 5000, "done"), ("none", None, "done"), ("", None, "done"),
               ("village_fund", None, "done"), ("ธกส.", 2000, "done"), ("community_fund", 900, "due")]
    for k, (source, amount, status) in enumerate(answers):
        visit = make_followup(household, date(2026, 11, 1 + k), status=status)
        visit.fund_source, visit.fund_amount = source, amount
    db.session.commit()
    village_id = village.id
    db.session.remove()
    downgrade(revision="ded955ab127a")  # just before support teams and funds
    upgrade()
    found = db.session.execute(select(CommunityFund.source, CommunityFund.source_other, CommunityFund.amount,
                                      CommunityFund.received_on, CommunityFund.village_id)
                               .join(FollowUp, FollowUp.id == CommunityFund.followup_id)
                               .order_by(CommunityFund.received_on)).all()
    assert [tuple(r) for r in found] == [("savings_group", "", 5000, date(2026, 11, 1), village_id),
                                         ("village_fund", "", None, date(2026, 11, 4), village_id),
                                         ("other", "ธกส.", 2000, date(2026, 11, 5), village_id)]
    step = fund_step(db.session.get(Village, village_id))
    assert step.done and step.detail == {"households": 1, "groups": 0, "amount": 7000}  # the one without amount: none
