"""Every page, at 320 and 360 px, on the demo data: every tap target is big enough and nothing scrolls sideways.

A link, button, input, select or summary is at least 44 × 44 px (a checkbox or radio
counts its whole label row); a link inside a sentence needs 24 × 24 (WCAG 2.5.8).
Hidden and screen-reader-only elements are skipped. A GET route that answers HTML
is either opened here or excluded below with the reason.
"""
from sqlalchemy import func, select

from sammachip.demo import seed_demo
from sammachip.domain import permissions
from sammachip.domain.clock import today
from sammachip.extensions import db
from sammachip.models import (
    CommunityFund,
    FollowUp,
    Household,
    HouseholdDraft,
    KnowledgeRecord,
    LearningCentre,
    Occupation,
    OccupationalGroup,
    OtopProduct,
    Sage,
    SageCertificate,
    SageCriterion,
    SupportTeamMember,
    TrainingDay,
    User,
    Village,
)
from sammachip.models.base import utcnow

from .browser import log_in
from .routes import url_of

NOT_PAGES = {  # GET routes that answer no page a phone shows
    "static": "files", "main.healthz": "JSON for the monitor", "auth.csrf_token": "JSON for app.js",
    "exports.download": "a CSV or XLSX file", "main.home": "a redirect to the user's first screen",
    "villages.district_options": "<option> fragment inside the village form (measured there)",
    "villages.subdistrict_options": "<option> fragment inside the village form (measured there)",
    "auth.set_language": "a redirect back",
    "offline.worker": "the service worker's script", "offline.manifest": "the web app manifest (JSON)",
    "offline.pages": "JSON for static/offline.js",
    "photos.image": "a JPEG (its thumbnail link is measured on the pages)", "photos.thumb": "a JPEG thumbnail",
}
# Pages that look different with URL parameters or to another role (the week plan's filters).
EXTRA = {"officer": ["/visits?officer=mine", "/search?q=สม"], "district": ["/visits", "/visits?officer=none"]}
ROLE_ORDER = ("officer", "district", "province", "admin")  # the demo users; the first who may read opens it
MEASURE = """() => {
  const small = [];
  const runningText = el => el.tagName === 'A' && getComputedStyle(el).display === 'inline' &&
      [...el.parentElement.childNodes].some(n => n !== el && n.nodeType === 3 && n.textContent.trim());
  for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
    let box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.type === 'checkbox' || el.type === 'radio') {
      const row = el.closest('label') || (el.id && document.querySelector(`label[for="${el.id}"]`));
      if (row) box = row.getBoundingClientRect();
    }
    const need = runningText(el) ? 24 : 44;
    if (box.width < need - 0.5 || box.height < need - 0.5) {
      const name = (el.innerText || el.value || el.name || el.type || '').trim().slice(0, 30);
      small.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  const width = document.documentElement.scrollWidth;
  return (width > innerWidth ? [`page ${width} px wide`] : []).concat(small);
}"""


def demo_args() -> dict:
    """URL arguments pointing at the demo's busiest village and its records."""
    village_id = db.session.scalar(select(Household.village_id).group_by(Household.village_id)
                                   .order_by(func.count().desc()).limit(1))
    household = db.session.scalar(select(Household).where(Household.village_id == village_id,
                                                          Household.status == "registered").limit(1))
    sage = db.session.scalar(select(Sage).where(Sage.village_id == village_id, Sage.role == "lead")
                             .order_by(Sage.fiscal_year.desc()).limit(1))
    officer = db.session.scalar(select(User).where(User.username == "officer"))
    village = db.session.get(Village, village_id)
    certificate = SageCertificate(sage_id=sage.id, issued_on=today())
    draft = HouseholdDraft(token="00000000-0000-4000-8000-000000000001", village_id=village_id,
                           officer_id=officer.id, fiscal_year=sage.fiscal_year, consent_at=utcnow())
    db.session.add_all([certificate, draft])
    db.session.commit()
    near = select(Village.id).where(Village.district_code == village.district_code)  # the officer's district
    first = lambda model, *where: db.session.scalar(select(model.id).where(*where).order_by(model.id).limit(1))  # noqa: E731
    return {"village_id": village_id, "household_id": household.id, "sage_id": sage.id,
            "day_id": first(TrainingDay, TrainingDay.village_id == village_id), "day_no": 1,
            "followup_id": first(FollowUp, FollowUp.visit_date.is_(None)),
            "certificate_id": certificate.id, "user_id": officer.id, "token": draft.token,
            "criterion_id": first(SageCriterion), "occupation_id": first(Occupation),
            "record_id": first(KnowledgeRecord), "step": 1, "district_code": village.district_code,
            "province_code": village.province_code, "kind": "households", "fmt": "csv", "code": "en",
            "area_code": village.subdistrict_code,
            "member_id": first(SupportTeamMember, SupportTeamMember.team.has(level="tambon")),
            "fund_id": first(CommunityFund, CommunityFund.village_id == village_id),
            "centre_id": first(LearningCentre, LearningCentre.village_id.in_(near)),
            "group_id": first(OccupationalGroup, OccupationalGroup.village_id.in_(near)),
            "product_id": first(OtopProduct, OtopProduct.group_id.in_(
                select(OccupationalGroup.id).where(OccupationalGroup.village_id.in_(near))))}


def pages(app, args) -> dict[str, list[str]]:
    """Demo user → the URLs of the pages they open (one page per GET route)."""
    by_user: dict = {}
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in NOT_PAGES:
            continue
        needs = app.view_functions[rule.endpoint].permissions
        user = next(role for role in ROLE_ORDER if role in permissions.TABLE[needs["read"]]) if needs else None
        by_user.setdefault(user, []).append(url_of(rule, args))
    for user, urls in EXTRA.items():
        by_user[user] += urls
    return by_user


def test_every_page_has_big_tap_targets_and_no_sideways_scroll(app, chromium, live_server):
    seed_demo(db.session)
    by_user = pages(app, demo_args())
    problems = []
    for user, urls in by_user.items():
        context = chromium.new_context(viewport={"width": 320, "height": 640}, base_url=live_server.url,
                                       locale="th-TH")
        page = context.new_page()
        if user:  # None: a page for anyone (the login)
            log_in(page, user, "sammachip-demo")
        for url in urls:
            for width in (320, 360):
                page.set_viewport_size({"width": width, "height": 640})
                response = page.goto(url)
                assert response.status == 200, f"{url} as {user}: {response.status}"
                problems += [f"{url} @{width} ({user}): {p}" for p in page.evaluate(MEASURE)]
        context.close()
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
