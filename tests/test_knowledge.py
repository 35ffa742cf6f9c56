"""Knowledge records (ถอดองค์ความรู้): the wizard with a draft per part, the village step, print and export."""
from datetime import date

from sqlalchemy import select

from sammachip.domain.clock import current_fiscal_year, today
from sammachip.domain.progress import facts_of_village, steps_of
from sammachip.extensions import db
from sammachip.models import KnowledgeRecord, Village, VillageStepMark

from .factories import make_sage, make_user, make_village
from .knowledge_util import PARTS, write_record

TOKEN = "0f8fad5b-d9cb-469f-a165-70867728950e"


def step_of(village, fy=None, on=None):
    facts = facts_of_village(db.session, village.id, fy or current_fiscal_year(), on or today())
    return next(s for s in steps_of(facts) if s.code == "knowledge")


def test_written_step_by_step_with_a_draft_per_part_and_complete_only_when_saved(client, officer, village):
    sage = make_sage(village, "นายมี ปุ๋ยดี", role="lead")
    start = client.post(f"/villages/{village.id}/knowledge", data={"submit_token": TOKEN})
    assert start.status_code == 303 and start.headers["Location"].endswith("/1")
    assert client.post(f"/villages/{village.id}/knowledge", data={"submit_token": TOKEN}).status_code == 303
    record = db.session.scalar(select(KnowledgeRecord))  # the double tap found the first draft
    assert db.session.query(KnowledgeRecord).count() == 1 and record.data["recorded_on"] == "24/11/2569"
    owner = {"title": "การทำปุ๋ยหมักใช้เอง", "owner_kind": "sage", "sage_id": str(sage.id), "position": "ปราชญ์ชุมชน",
             "solves": "ต้นทุนปุ๋ยเคมี", "occupation": "1", "recorded_on": "20/11/2569", "go": "next"}
    assert client.post(f"/knowledge/{record.id}/1", data={**owner, "version": record.version}).status_code == 303
    client.post(f"/knowledge/{record.id}/2", data={"intro": "ส่วนนำ ยังเขียนไม่จบ", "go": "back",
                                                    "version": record.version})
    db.session.refresh(record)
    assert record.data["intro"] == "ส่วนนำ ยังเขียนไม่จบ" and record.intro == "" and record.completed_at is None
    assert not step_of(village).done  # a draft does not count
    assert "ยังเขียนไม่จบ" in client.get(f"/knowledge/{record.id}/2").text  # the draft comes back
    empty = client.post(f"/knowledge/{record.id}/3", data={"method": " ", "go": "next", "version": record.version})
    assert empty.status_code == 200 and "กรุณากรอกกระบวนการ" in empty.text
    write_record(client, record, PARTS)
    db.session.refresh(record)
    assert record.completed_at is not None and record.data == {} and record.owner_name == "นายมี ปุ๋ยดี"
    assert record.recorded_on == date(2026, 11, 20) and "ปุ๋ยหมัก" in record.search_text
    assert step_of(village).done and not step_of(village).legacy
    page = client.get(f"/knowledge/{record.id}").text
    assert "บันทึกครบ 5 ส่วน" in page and "ผสมมูลวัว" in page


def test_the_step_needs_the_lead_sage_and_a_date_by_the_cut_off(client, officer, village, clock):
    lead = make_sage(village, "หัวหน้า", role="lead")
    helper = make_sage(village, "ผู้ช่วย", phone="+66812345679", role="assistant")
    record = KnowledgeRecord(village_id=village.id, sage_id=helper.id, title="x", recorded_on=date(2026, 11, 1),
                             completed_at=clock.set(date(2026, 11, 1)), **PARTS)
    db.session.add(record)
    db.session.commit()
    clock.set(date(2026, 11, 24))
    assert not step_of(village).done  # an assistant's record is not the lead's
    record.sage_id = lead.id
    db.session.commit()
    assert step_of(village).done  # false -> true with the lead's complete record
    assert not step_of(village, 2570, date(2026, 10, 31)).done  # dated after that day's cut-off
    record.completed_at = None
    db.session.commit()
    assert not step_of(village).done  # incomplete


def test_an_older_mark_counts_as_บันทึกเดิม_until_a_record_does_and_no_new_marks(client, officer, village, clock):
    lead = make_sage(village, "หัวหน้า", role="lead")
    db.session.add(VillageStepMark(village_id=village.id, fiscal_year=current_fiscal_year(), step="knowledge",
                                   done_on=date(2026, 11, 2), note="ถอดความรู้ในสมุด"))
    db.session.commit()
    step = step_of(village)
    assert step.done and step.legacy
    assert "บันทึกเดิม" in client.get(f"/villages/{village.id}/process").text
    assert client.post(f"/villages/{village.id}/process/knowledge",
                       data={"knowledge-done_on": "20/11/2569"}).status_code == 404
    assert client.post(f"/villages/{village.id}/process/knowledge/undo").status_code == 404
    db.session.add(KnowledgeRecord(village_id=village.id, sage_id=lead.id, title="x", recorded_on=today(),
                                   completed_at=clock.set(today()), **PARTS))
    db.session.commit()
    step = step_of(village)
    assert step.done and not step.legacy and step.mark is None


def test_print_page_is_the_note_layout_in_laksaman_and_area_is_404(client, auth, village):
    make_user("officer", "officer", "6013")
    make_user("lat", "officer", "6011")
    record = KnowledgeRecord(village_id=village.id, owner_kind="officer", owner_name="นางสาวพรรณิภา ไกรรักษ์",
                             title="เทคนิค", recorded_on=today(), completed_at=today(), **PARTS)
    db.session.add(record)
    db.session.commit()
    auth.login("officer")
    page = client.get(f"/knowledge/{record.id}/print").text
    assert "data-print" in page and "knowledge" in page and "<script>" not in page
    for heading in ("ชื่อความรู้", "เจ้าของความรู้", "ตำแหน่ง/สังกัด", "แก้ปัญหาเกี่ยวกับ", "๑. ส่วนนำ",
                    "๒. ส่วนขยาย", "๓. ส่วนสรุป", "๔. ขุมความรู้", "๕. แก่นความรู้"):
        assert heading in page
    assert page.count("<li>") >= 3  # typed numbers dropped, drawn as a numbered list
    auth.logout()
    auth.login("lat")
    for url in (f"/knowledge/{record.id}", f"/knowledge/{record.id}/print", f"/knowledge/{record.id}/1"):
        assert client.get(url).status_code == 404
    assert client.post(f"/villages/{village.id}/knowledge").status_code == 404


def test_export_lists_the_areas_records(client, auth, village):
    other = make_village("601101", 2, "ลาดยาว")
    make_user("district", "district", "6013")
    for place, title in ((village, "ในเขต"), (other, "นอกเขต")):
        db.session.add(KnowledgeRecord(village_id=place.id, title=title, owner_name="x", recorded_on=today(),
                                       completed_at=today(), **PARTS))
    db.session.commit()
    auth.login("district")
    body = client.get("/exports/knowledge.csv").text
    assert "ในเขต" in body and "นอกเขต" not in body and "ผสมมูลวัว" in body


def test_demo_holds_the_field_note_and_a_sages_compost_record(app, client, auth):
    from sammachip.demo import DEMO_PASSWORD, seed_demo

    seed_demo(db.session)
    seed_demo(db.session)
    records = db.session.scalars(select(KnowledgeRecord).order_by(KnowledgeRecord.id)).all()
    assert len(records) == 2 and all(r.completed_at for r in records)
    note = next(r for r in records if r.owner_kind == "officer")
    assert note.title == "เทคนิคในการขับเคลื่อนสัมมาชีพชุมชนให้ประสบผลสำเร็จ"
    assert note.recorded_on == date(2017, 5, 14) and "ถอดองค์ความรู้ปราชญ์สัมมาชีพชุมชน" in note.method
    assert any("ปุ๋ยหมัก" in r.intro + r.method for r in records if r.sage_id)
    auth.login("district", DEMO_PASSWORD)
    found = client.get("/knowledge?q=ปุ๋ยหมัก").text
    assert "การทำปุ๋ยหมักจากมูลวัว" in found and "พบ 1 รายการ" in found
    village = db.session.get(Village, next(r for r in records if r.sage_id).village_id)
    assert step_of(village).done  # the demo's lead sage has a complete record
