"""In Chromium: the sign-in sheet and the village report print on A4 in Laksaman, reached by their links."""
from datetime import timedelta

from sammachip.domain.clock import today

from .browser import SCREENSHOTS, log_in, shot
from .factories import attend, make_followup, make_household, make_sage, make_training, make_user, make_village


def test_sign_in_sheet_and_village_report_print_on_a4(phone, chromium, live_server):
    make_user("officer", "officer", "6013", coordinated=("601303",))
    village = make_village("601303", 5, "เอกสาร")
    lead = make_sage(village, "นายครู หลัก", role="lead")
    days = make_training(village, [today() - timedelta(days=40 - k) for k in range(5)])
    for n in range(6):
        h = make_household(village, f"นายทดสอบ ครัวเรือน{n}", n=n + 1, trainer=lead, income=100_000)
        attend(days, h, 5)
        make_followup(h, today() - timedelta(days=1), income=3_000, days=365)
    log_in(phone, "officer")
    for start, link, name in ((f"/training-days/{days[0].id}", "ใบลงลายมือชื่อ (พิมพ์)", "sign-in-sheet"),
                              (f"/villages/{village.id}", "รายงานสารสนเทศระดับหมู่บ้าน (พิมพ์)", "village-report")):
        phone.goto(start)
        phone.click(f"text={link}")
        phone.wait_for_selector("button[data-print]")
        phone.wait_for_load_state("load")
        assert "Laksaman" in phone.evaluate("getComputedStyle(document.body).fontFamily")
        phone.emulate_media(media="print")
        pdf = SCREENSHOTS / f"{name}.pdf"
        phone.pdf(path=str(pdf), format="A4", print_background=True)
        assert b"Laksaman" in pdf.read_bytes()  # the embedded font's name
        phone.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi, as printed
        shot(phone, f"{name}-a4")
        phone.emulate_media(media="screen")
        phone.set_viewport_size({"width": 360, "height": 800})
