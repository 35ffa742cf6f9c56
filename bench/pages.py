"""The measured pages. Add a screen here when it lands; bench/run.py measures
every entry on every data set ("sqlite", "pg", "pg-large")."""
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from stdnum.th import pin

# Budgets (issues 8 and 17): printed as PASS / OVER by `make bench`, never asserted.
# Bytes are as sent by gunicorn to `Accept-Encoding: br, gzip`, headers included; KB = 1024 bytes.
FIRST_LOAD_KB = 35       # every page, empty cache: HTML + every asset
REPEAT_KB = 8            # officer pages, warm cache: HTML + whatever is not cacheable
DASHBOARD_HTML_KB = 30   # dashboards' HTML alone
FRAGMENT_KB = 4          # an htmx partial
SQL_PER_REQUEST = 10     # statements, whatever the number of villages (round trips printed beside)
FLOOR_RATIO = 0.8        # village page throughput / the app's floor (bench/floor_app.py), zero errors


@dataclass(frozen=True)
class Page:
    name: str
    # Formatted with the seed's Plan ({village_id}, {household_id}, {day_id}, {district_code},
    # {province_code}, ...) and whatever `before` returns.
    path: str
    user: str | None = None  # "officer", "district" or "province" (bench/seed.py Plan.users); None: anonymous
    method: str = "GET"
    fragment: bool = False   # an htmx partial: sent with HX-Request, weighed alone
    form: dict | None = None  # body of a POST, values formatted like `path`; the CSRF header is added
    status: int = 200
    officer: bool = False    # an officer's field page: REPEAT_KB applies
    dashboard: bool = False  # DASHBOARD_HTML_KB applies
    p95_ms: float | None = None   # latency budget ...
    p95_on: tuple[str, ...] = ()  # ... on these data sets
    # Untimed and uncounted, around each request: `before(client, token, plan, i)`
    # returns more names for `path` and `form`; `after(client, token, names)` tidies up.
    before: Callable | None = None
    after: Callable | None = None


def new_draft(client, token: str, plan, i: int) -> dict:
    """Consent to a fresh interview, as the officer's first tap does: each measured
    step-2 save is then the first save of its own draft."""
    # `token` as the consent form's hidden field sends it (one interview per double tap).
    r = client.post(f"/villages/{plan.village_id}/households/new", data={"consent": "yes", "token": str(uuid.uuid4())},
                    headers={"X-CSRFToken": token})
    if r.status_code != 303:
        raise RuntimeError(f"consent answered HTTP {r.status_code}")
    return {"draft": r.headers["Location"].rstrip("/").split("/")[-2], "national_id": fresh_national_id()}


def discard_draft(client, token: str, names: dict) -> None:
    # Otherwise every run adds ~200 drafts to the village page's "my drafts" list
    # (and the 20,000-village database is kept between runs).
    client.post(f"/interviews/{names['draft']}/discard", headers={"X-CSRFToken": token})


def fresh_national_id() -> str:
    """Valid (mod-11) and never seeded: seeded IDs start with 1 (bench/seed.py national_id)."""
    body = f"3{random.randrange(10 ** 11):011d}"
    return body + pin.calc_check_digit(body)


def alternate(client, token: str, plan, i: int) -> dict:
    # Absent, present, absent...: each tap changes the row. The household came all
    # five days, so it stays trained and its follow-ups are not rescheduled.
    return {"present": i % 2}


def forget_bodies(client, token: str, plan, i: int) -> dict:
    """A page as its first view after a write makes it: no kept body (in process only; over HTTP
    its bytes are the kept page's)."""
    app = getattr(client, "application", None)
    if app is not None:
        from sammachip.extensions import cache

        with app.app_context():
            cache.clear()
    return {}


HEAD_OF_HOUSEHOLD = {"go": "next", "head_name": "สมหมาย วัดผล", "national_id": "{national_id}",
                     "phone": "081 234 5678", "house_no": "99/1", "members": "4"}

PAGES = [
    Page("login", "/login"),
    Page("officer home (visits due)", "/visits", user="officer", officer=True),
    Page("village page", "/villages/{village_id}", user="officer", officer=True, p95_ms=30, p95_on=("sqlite",)),
    Page("village page, body made anew", "/villages/{village_id}", user="officer", before=forget_bodies),
    Page("household page", "/households/{household_id}", user="officer", officer=True),
    Page("intake step 2 (page)", "/interviews/{draft}/2", user="officer", officer=True,
         before=new_draft, after=discard_draft),
    Page("intake step 2→3", "/interviews/{draft}/2", user="officer", method="POST", fragment=True,
         form=HEAD_OF_HOUSEHOLD, before=new_draft, after=discard_draft),
    Page("attendance toggle", "/training-days/{day_id}/attendance/{household_id}", user="officer",
         method="POST", fragment=True, form={"present": "{present}"}, before=alternate),
    Page("process page", "/villages/{village_id}/process", user="officer"),
    Page("district dashboard", "/districts/{district_code}", user="district", dashboard=True,
         p95_ms=30, p95_on=("sqlite", "pg")),
    Page("district dashboard, body made anew", "/districts/{district_code}", user="district", before=forget_bodies),
    Page("dashboard filter", "/districts/{district_code}?subdistrict={subdistrict_code}", user="district",
         fragment=True),
    Page("province roll-up", "/provinces/{province_code}", user="province", dashboard=True,
         p95_ms=100, p95_on=("pg-large",)),
]
