"""The facts table against a recount from the records (domain/facts.py)."""
from sqlalchemy import inspect, select

from sammachip.domain.facts import FACTS, computed_rows, known_pairs
from sammachip.extensions import db


def facts_mismatches() -> list[str]:
    """Every village-year whose kept facts differ from a recount now (missing rows included)."""
    session = db.session
    if not inspect(session.connection()).has_table(FACTS.name):
        return []
    stored = {(r["village_id"], r["fiscal_year"]): {k: v for k, v in r.items()
                                                    if k not in ("village_id", "fiscal_year")}
              for r in session.execute(select(FACTS)).mappings()}
    computed = computed_rows(session, known_pairs(session))
    wrong = []
    for pair in sorted(set(stored) | set(computed)):
        have, want = stored.get(pair), computed.get(pair)
        if have != want:
            diff = {k: (have or {}).get(k, "—") for k in (want or have) if (have or {}).get(k) != (want or {}).get(k)}
            wrong.append(f"{pair}: kept {diff}, recounted {({k: (want or {}).get(k) for k in diff})}")
    session.rollback()
    return wrong
