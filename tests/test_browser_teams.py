"""On a phone (360 and 320 px): support teams, a visit ticking the team members who came, the village's
team visits, and community fund records — one column, no sideways scroll."""
from datetime import timedelta

from sammachip.domain.clock import today

from .browser import log_in, look
from .factories import attend, make_followup, make_household, make_training, make_user, make_village
from .teams_util import make_team


def test_teams_visits_and_funds_on_a_phone(phone):
    make_user("officer", "officer", "6013")
    village = make_village("601303", 2, "แม่เล่ย์")
    team = make_team("601303", 2570, ["นางบุญเรือน ทองมา", "นายประยูร แสงจันทร์", "นางสาวรัตนา ใจงามยิ่งนักหนาสาหัส"])
    make_team("6013", 2570, ["นางวันเพ็ญ ศรีทอง"], organisation="kpsa")
    days = make_training(village, [today() - timedelta(days=20 - k) for k in range(5)])
    households = [make_household(village, f"นางครัวเรือน ที่{k}", n=k + 1) for k in range(3)]
    for h in households:
        attend(days, h, 5)
    followup = make_followup(households[0], None, status="due", due_date=today())
    log_in(phone, "officer")
    look(phone, "/districts/6013/teams", "teams-district")
    phone.goto("/teams/601303")
    phone.click("text=+ เพิ่มสมาชิก")
    phone.fill("#name", "นางสมพร ออมสิน")
    phone.fill("#phone", "0812345678")
    phone.click("text=กลุ่มออมทรัพย์เพื่อการผลิต")
    look(phone, None, "teams-add-member")
    phone.click("button:has-text('เพิ่มสมาชิก') >> nth=-1")
    phone.wait_for_selector("text=สมาชิก 4 คน")
    look(phone, "/teams/601303", "teams-tambon")
    look(phone, f"/team-members/{team.members[0].id}", "teams-member")
    look(phone, "/teams/601304?fy=2570", "teams-none-yet")
    phone.goto(f"/followups/{followup.id}/4")
    phone.click("text=นายประยูร แสงจันทร์")  # the name is the box's label: tapping it ticks the box
    assert phone.is_checked(f"input[name=members][value='{team.members[1].id}']")
    look(phone, None, "followup-team-members")
    look(phone, f"/villages/{village.id}/team", "teams-village")
    phone.goto(f"/households/{households[0].id}/funds/new")
    phone.click("text=กองทุนพัฒนาบทบาทสตรี")
    phone.fill("#amount", "8000")
    phone.fill("#purpose", "ซื้อวัตถุดิบทำขนม")
    look(phone, None, "funds-form")
    phone.click("button:has-text('บันทึก')")
    phone.wait_for_selector("text=ซื้อวัตถุดิบทำขนม")
    phone.goto(f"/households/{households[0].id}")
    phone.locator("#funds").scroll_into_view_if_needed()
    look(phone, None, "funds-household")
    look(phone, f"/villages/{village.id}/funds", "funds-village")
    look(phone, f"/villages/{village.id}/process", "process-steps")
