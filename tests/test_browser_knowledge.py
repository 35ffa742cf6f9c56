"""On a phone: write a knowledge record step by step, find it, print it on A4 (PDF in Laksaman)."""
from .browser import SCREENSHOTS, fits, log_in, shot
from .factories import make_sage, make_user, make_village
from .knowledge_util import PARTS


def test_write_find_and_print_a_knowledge_record_on_a_phone(phone, chromium, live_server):
    make_user("officer", "officer", "6013")
    village = make_village("601303", 2, "แม่เล่ย์")
    make_sage(village, "นายมี ปุ๋ยดี", role="lead")
    log_in(phone, "officer")
    phone.goto(f"/villages/{village.id}/knowledge")
    shot(phone, "knowledge-village-empty")
    phone.click("text=+ เริ่มบันทึกองค์ความรู้")
    phone.wait_for_selector("text=ขั้นที่ 1 จาก 7")
    phone.fill("#title", "การทำปุ๋ยหมักใช้เอง")
    phone.select_option("#sage_id", label="นายมี ปุ๋ยดี (ปี 2570 · วิทยากรหลัก)")
    phone.fill("#solves", "ต้นทุนปุ๋ยเคมี")
    phone.select_option("#occupation", "1")
    shot(phone, "knowledge-step-1")
    assert fits(phone, 360)
    phone.click("button[value=next]")
    for step, names in ((2, ["intro"]), (3, ["method", "cautions", "techniques"]), (4, ["summary"]),
                        (5, ["key_points"]), (6, ["core"])):
        phone.wait_for_selector(f"text=ขั้นที่ {step} จาก 7")
        for name in names:
            phone.fill(f"#{name}", PARTS[name])
        if step == 3:
            shot(phone, "knowledge-step-3")
            assert fits(phone, 360)
        phone.click("button[value=next]")
    phone.wait_for_selector("text=ขั้นที่ 7 จาก 7")
    shot(phone, "knowledge-review")
    assert fits(phone, 360)
    phone.click("text=บันทึกองค์ความรู้ >> nth=-1")
    phone.wait_for_selector("text=บันทึกครบ 5 ส่วน")
    shot(phone, "knowledge-record")
    assert fits(phone, 360)
    phone.goto("/knowledge?q=ปุ๋ยหมัก")
    phone.wait_for_selector("text=พบ 1 รายการ")
    shot(phone, "knowledge-search")
    phone.set_viewport_size({"width": 320, "height": 800})
    for url, name in ((f"/villages/{village.id}/knowledge", "village"), ("/knowledge?q=ปุ๋ยหมัก", "search")):
        phone.goto(url)
        shot(phone, f"knowledge-{name}-320")
        assert fits(phone, 320)
    phone.goto("/knowledge?q=ปุ๋ยหมัก")
    phone.click("text=การทำปุ๋ยหมักใช้เอง")
    phone.wait_for_selector("text=บันทึกครบ 5 ส่วน")
    shot(phone, "knowledge-record-320")
    assert fits(phone, 320)
    phone.click("text=พิมพ์ A4")
    phone.wait_for_selector("button[data-print]")
    shot(phone, "knowledge-print-screen-320")
    phone.emulate_media(media="print")
    pdf = SCREENSHOTS / "knowledge-record.pdf"
    phone.pdf(path=str(pdf), format="A4", print_background=True)
    assert pdf.stat().st_size > 10_000
    assert b"Laksaman" in pdf.read_bytes()  # the embedded font's name
    phone.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi, as printed
    shot(phone, "knowledge-print-a4")
