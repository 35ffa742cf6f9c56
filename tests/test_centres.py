"""Learning centres (ศูนย์เรียนรู้ชุมชน): the list and form, the village step, a training day's place."""
from datetime import date

from sqlalchemy import func, select

from sammachip.domain.progress import facts_of_village, steps_of
from sammachip.extensions import db
from sammachip.models import LearningCentre, TrainingDay, VillageStepMark

from .factories import make_sage, make_training, make_user, make_village

TOKEN = "6f1d2a8e-0c55-4d4f-9a57-2b0c7f3e9a11"


def step_of(village, fy=2570, on=date(2026, 11, 24)):
    return next(s for s in steps_of(facts_of_village(db.session, village.id, fy, on)) if s.code == "learning_centre")


def centre_form(sage, **over):
    return {"name": "ศูนย์เรียนรู้ปุ๋ยหมักบ้านลุงมี", "opened_on": "01/11/2569", "place_kind": "sage_house",
            "place_text": "บ้านเลขที่ 12", "hosts": [str(sage.id)], "occupations": ["1"], "occupations_other": "",
            "submit_token": TOKEN, **over}


def test_a_centre_added_on_the_phone_flips_the_step_once(client, officer, village):
    sage = make_sage(village, "ลุงมี", role="lead")
    assert not step_of(village).done
    assert client.get(f"/villages/{village.id}/centres/new").status_code == 200
    first = client.post(f"/villages/{village.id}/centres/new", data=centre_form(sage))
    again = client.post(f"/villages/{village.id}/centres/new", data=centre_form(sage))  # a double tap
    assert first.status_code == again.status_code == 303
    assert db.session.scalar(select(func.count()).select_from(LearningCentre)) == 1
    centre = db.session.scalar(select(LearningCentre))
    assert [s.name for s in centre.hosts] == ["ลุงมี"] and centre.opened_on == date(2026, 11, 1)
    step = step_of(village)
    assert step.done and step.derived and not step.legacy and step.detail == {"centres": 1}
    page = client.get(f"/villages/{village.id}/process").text
    assert "เปิดแล้ว 1 แห่ง" in page and f"/villages/{village.id}/centres" in page
    listing = client.get(f"/villages/{village.id}/centres").text
    assert "ศูนย์เรียนรู้ปุ๋ยหมักบ้านลุงมี" in listing and "บ้านปราชญ์ · บ้านเลขที่ 12" in listing
    assert "01/11/2569" in listing or "1 พ.ย. 2569" in listing


def test_a_centre_opened_after_the_cut_off_does_not_count_for_that_year(client, officer, village):
    sage = make_sage(village, "ลุงมี", role="lead", fiscal_year=2569)
    client.post(f"/villages/{village.id}/centres/new", data=centre_form(sage))  # opened 1 Nov 2026 (FY 2570)
    assert not step_of(village, 2569, date(2026, 9, 30)).done  # FY 2569 ended before it opened
    assert step_of(village, 2570).done
    centre = db.session.scalar(select(LearningCentre))
    edited = client.post(f"/centres/{centre.id}/edit", data={**centre_form(sage), "opened_on": "30/09/2569",
                                                            "version": centre.version})
    assert edited.status_code == 303
    assert step_of(village, 2569, date(2026, 9, 30)).done  # opened on the cut-off: counts


def test_an_older_mark_counts_until_a_centre_does_and_no_new_marks(client, officer, village):
    db.session.add(VillageStepMark(village_id=village.id, fiscal_year=2570, step="learning_centre",
                                   done_on=date(2026, 11, 2), note="ศาลาประชาคม"))
    db.session.commit()
    assert step_of(village).legacy
    assert client.post(f"/villages/{village.id}/process/learning_centre",
                       data={"learning_centre-done_on": "20/11/2569"}).status_code == 404
    sage = make_sage(village, "ลุงมี")
    client.post(f"/villages/{village.id}/centres/new", data=centre_form(sage))
    step = step_of(village)
    assert step.done and not step.legacy


def test_bad_input_is_refused_in_thai_and_keeps_what_was_typed(client, officer, village):
    sage = make_sage(village, "ลุงมี")
    elsewhere = make_sage(make_village("601303", 7, "อื่น"), "คนอื่น", phone="+66812345600")
    cases = [({"name": ""}, "กรุณากรอกชื่อศูนย์เรียนรู้"),
             ({"opened_on": "01/01/2570"}, "วันที่ต้องไม่เลยวันนี้"),
             ({"opened_on": "01/01/2500"}, "วันที่ต้องไม่ก่อน"),
             ({"occupations": []}, "กรุณาเลือกอาชีพที่สอนอย่างน้อย 1 อาชีพ"),
             ({"hosts": [str(elsewhere.id)]}, "กรุณาเลือกปราชญ์จากรายการ"),
             ({"place_kind": "temple"}, "กรุณาเลือกสถานที่ตั้ง"),
             ({"occupations": ["x"]}, "กรุณาเลือกอาชีพจากรายการ")]
    for change, words in cases:
        reply = client.post(f"/villages/{village.id}/centres/new", data=centre_form(sage, **change))
        assert reply.status_code == 200 and words in reply.text, words
        assert "บ้านเลขที่ 12" in reply.text
    assert db.session.scalar(select(func.count()).select_from(LearningCentre)) == 0
    ok = client.post(f"/villages/{village.id}/centres/new",
                     data=centre_form(sage, occupations=[], occupations_other="จักสาน"))
    assert ok.status_code == 303  # "other" alone is enough


def test_stale_edit_is_refused(client, officer, village):
    sage = make_sage(village, "ลุงมี")
    client.post(f"/villages/{village.id}/centres/new", data=centre_form(sage))
    centre = db.session.scalar(select(LearningCentre))
    assert client.post(f"/centres/{centre.id}/edit", data={**centre_form(sage, name="ก"), "version": "1"}).status_code \
        == 303
    reply = client.post(f"/centres/{centre.id}/edit", data={**centre_form(sage, name="ข"), "version": "1"})
    assert reply.status_code == 409 and "มีผู้อื่นแก้ไขข้อมูลนี้ก่อนคุณบันทึก" in reply.text


def test_another_districts_centre_is_404(client, auth, village):
    make_user("mw", "officer", "6013")
    make_user("lat", "officer", "6011")
    sage = make_sage(village, "ลุงมี")
    auth.login("mw")
    client.post(f"/villages/{village.id}/centres/new", data=centre_form(sage))
    centre = db.session.scalar(select(LearningCentre))
    auth.logout()
    auth.login("lat")
    for url in (f"/villages/{village.id}/centres", f"/villages/{village.id}/centres/new", f"/centres/{centre.id}/edit"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/centres/{centre.id}/edit", data=centre_form(sage)).status_code == 404


def test_a_training_day_is_held_at_a_centre_or_a_place_typed(client, officer, village):
    lead = make_sage(village, "ลุงมี", role="lead")
    client.post(f"/villages/{village.id}/centres/new", data=centre_form(lead))
    centre = db.session.scalar(select(LearningCentre))
    form = client.get(f"/villages/{village.id}/training/1/edit").text
    assert "ศูนย์เรียนรู้ปุ๋ยหมักบ้านลุงมี" in form
    reply = client.post(f"/villages/{village.id}/training/1/edit",
                        data={"held_on": "02/11/2569", "centre": str(centre.id), "place_text": "ใต้ถุนบ้าน"})
    assert reply.status_code == 303
    day = db.session.scalar(select(TrainingDay))
    assert day.learning_centre_id == centre.id and day.place_text == "ใต้ถุนบ้าน"
    sheet = client.get(f"/training-days/{day.id}/sign-in").text
    assert "ศูนย์เรียนรู้ปุ๋ยหมักบ้านลุงมี · ใต้ถุนบ้าน" in sheet and "ชุมชนศูนย์" not in sheet
    assert "ศูนย์เรียนรู้ปุ๋ยหมักบ้านลุงมี" in client.get(f"/villages/{village.id}/report").text
    typed = client.post(f"/villages/{village.id}/training/1/edit",
                        data={"held_on": "02/11/2569", "centre": "", "place_text": "ศาลาวัด", "version": day.version})
    assert typed.status_code == 303
    db.session.refresh(day)
    assert day.learning_centre_id is None and "ศาลาวัด" in client.get(f"/training-days/{day.id}/sign-in").text
    other = make_village("601303", 8, "อื่น")
    make_training(other, [date(2026, 11, 3)])
    wrong = client.post(f"/villages/{village.id}/training/1/edit",
                        data={"held_on": "02/11/2569", "centre": "999", "version": day.version})
    assert wrong.status_code == 200 and "กรุณาเลือกศูนย์เรียนรู้จากรายการ" in wrong.text


def test_sages_and_centres_exports_are_area_filtered_with_ids_masked(client, auth, village):
    from .factories import thai_pin

    make_user("officer", "officer", "6013")
    make_user("district", "district", "6013")
    far = make_village("601101", 2, "ลาดยาว")
    here = make_sage(village, "ปราชญ์ในเขต", role="lead", national_id=thai_pin(77))
    make_sage(far, "ปราชญ์นอกเขต", phone="+66812345699")
    db.session.add_all([LearningCentre(village_id=village.id, name="ศูนย์ในเขต", place_kind="community",
                                       opened_on=date(2026, 11, 1), hosts=[here]),
                        LearningCentre(village_id=far.id, name="ศูนย์นอกเขต", place_kind="community",
                                       opened_on=date(2026, 11, 1))])
    db.session.commit()
    auth.login("officer")
    body = client.get("/exports/sages.csv?fy=2570").text
    assert "ปราชญ์ในเขต" in body and "ปราชญ์นอกเขต" not in body and "วิทยากรหลัก" in body
    assert "X-XXXX-XXXX0-77-7" in body and "1-0000-00000-77-7" not in body
    centres = client.get("/exports/centres.csv").text
    assert "ศูนย์ในเขต" in centres and "ศูนย์นอกเขต" not in centres and "ปราชญ์ในเขต" in centres
    auth.logout()
    auth.login("district")  # district users export full IDs, as for households
    assert "1-0000-00000-77-7" in client.get("/exports/sages.csv?fy=2570").text


def test_demo_holds_a_centre_a_day_held_there_and_one_person_in_both_years(app, client, auth):
    from sammachip.demo import DEMO_PASSWORD, seed_demo
    from sammachip.models import Person, Sage, Village

    seed_demo(db.session)
    seed_demo(db.session)  # added once
    centre = db.session.scalar(select(LearningCentre))
    assert db.session.scalar(select(func.count()).select_from(LearningCentre)) == 1 and centre.hosts
    assert centre.hosts[0].role == "lead"
    day = db.session.scalar(select(TrainingDay).where(TrainingDay.learning_centre_id == centre.id))
    assert day is not None and day.day_no == 1
    village = db.session.get(Village, centre.village_id)
    assert step_of(village).done
    person = db.session.scalar(select(Person).where(Person.national_id_hash.is_not(None)))
    years = db.session.execute(select(Sage.fiscal_year, Sage.role).where(Sage.person_id == person.id)
                               .order_by(Sage.fiscal_year)).all()
    assert [tuple(r) for r in years] == [(2569, "lead"), (2570, None)]
    auth.login("district", DEMO_PASSWORD)
    again = db.session.scalar(select(Sage).where(Sage.person_id == person.id, Sage.fiscal_year == 2570))
    assert "เคยเป็นวิทยากรหลัก" in client.get(f"/sages/{again.id}").text
    assert centre.name in client.get(f"/training-days/{day.id}/sign-in").text
