"""The measured pages. Add a screen here when it lands; bench/run.py measures
every entry on every data set ("sqlite", "pg", "pg-large")."""
import random
import uuid
from dataclasses import dataclass
from typing import Callable

from stdnum.th import pin

# Budgets (issue 8): printed as met/missed, never asserted.
FIRST_LOAD_KB = 35     # HTML + scripts + stylesheets, gzip
FRAGMENT_KB = 4        # an htmx partial, gzip
SQL_PER_REQUEST = 10   # whatever the number of villages
THROUGHPUT_RATIO = 0.5  # village page / bare baseline, with zero errors


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


HEAD_OF_HOUSEHOLD = {"go": "next", "head_name": "สมหมาย วัดผล", "national_id": "{national_id}",
                     "phone": "081 234 5678", "house_no": "99/1", "members": "4"}

PAGES = [
    Page("login", "/login"),
    Page("officer home (visits due)", "/visits", user="officer"),
    Page("village page", "/villages/{village_id}", user="officer", p95_ms=30, p95_on=("sqlite",)),
    Page("household page", "/households/{household_id}", user="officer"),
    Page("intake step 2→3", "/interviews/{draft}/2", user="officer", method="POST", fragment=True,
         form=HEAD_OF_HOUSEHOLD, before=new_draft, after=discard_draft),
    Page("attendance toggle", "/training-days/{day_id}/attendance/{household_id}", user="officer",
         method="POST", fragment=True, form={"present": "{present}"}, before=alternate),
    Page("process page", "/villages/{village_id}/process", user="officer"),
    Page("district dashboard", "/districts/{district_code}", user="district", p95_ms=50, p95_on=("sqlite", "pg")),
    Page("dashboard filter", "/districts/{district_code}?subdistrict={subdistrict_code}", user="district",
         fragment=True),
    Page("province roll-up", "/provinces/{province_code}", user="province", p95_ms=300, p95_on=("pg-large",)),
]
