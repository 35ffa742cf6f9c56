"""The measured pages. Add a screen here when it lands; bench/run.py measures
every entry on every data set ("sqlite", "pg", "pg-large")."""
from dataclasses import dataclass

# Budgets (issue 8): printed as met/missed, never asserted.
FIRST_LOAD_KB = 35     # HTML + scripts + stylesheets, gzip
FRAGMENT_KB = 4        # an htmx partial, gzip
SQL_PER_REQUEST = 10   # whatever the number of villages
THROUGHPUT_RATIO = 0.5  # village page / bare baseline, with zero errors


@dataclass(frozen=True)
class Page:
    name: str
    # Formatted with the seed's Plan: {village_id}, {subdistrict_code}, {district_code}, {province_code}.
    path: str
    user: str | None = None  # "officer", "district" or "province" (bench/seed.py Plan.users); None: anonymous
    method: str = "GET"
    fragment: bool = False   # an htmx partial: sent with HX-Request, weighed alone
    form: dict | None = None  # body of a POST, values formatted like `path`; the CSRF header is added
    status: int = 200
    p95_ms: float | None = None   # latency budget ...
    p95_on: tuple[str, ...] = ()  # ... on these data sets


PAGES = [
    Page("login", "/login"),
    Page("officer home", "/villages/", user="officer"),
    Page("village page", "/villages/{village_id}", user="officer", p95_ms=30, p95_on=("sqlite",)),
    Page("village list filter", "/villages/?subdistrict={subdistrict_code}", user="officer", fragment=True),
    # Stand-ins until the dashboards exist: the district's village list as the
    # district user, and as the province user (who must pick the district).
    Page("district dashboard*", "/villages/", user="district", p95_ms=50, p95_on=("sqlite", "pg")),
    Page("province roll-up*", "/villages/?district={district_code}", user="province",
         p95_ms=300, p95_on=("pg-large",)),
    Page("province districts", "/villages/", user="province", p95_ms=300, p95_on=("pg-large",)),
]
