"""Which village-years a written row touches: a table's row → references resolved in SQL at commit.

A reference is a tuple: ("pair", village_id, fiscal_year), ("household", id), ("followup", id),
("day", training day id), ("village", id: every year it has), ("tambon", subdistrict code, year or
None: every year), ("village_tambon", village id: its tambon, every year), ("group", id),
("team", support team id), ("year", fiscal year: it and the later years reading its rules), ("sage", id:
its village-year), ("rules", a year or an id: what every page reads changed, no count does).

Tables not listed change no facts (a new model's table is ignored until listed here). A row
is read as a mapping of column names (an ORM object's attributes, its old values, a bulk
statement's parameters or the rows it matched).
"""
from collections.abc import Callable, Iterable

Ref = tuple
KEY = "village_facts_refs"  # Session.info: references gathered since the transaction began


def _group(r) -> list[Ref]:
    refs = [("village", r.get("village_id"))]
    return refs + [("village_tambon", r.get("village_id"))] if r.get("tambon_wide") else refs


def _team(r) -> list[Ref]:
    return [("tambon", r.get("area_code"), r.get("fiscal_year"))] if r.get("level") == "tambon" else []


TABLES: dict[str, Callable[[dict], list[Ref]]] = {
    "households": lambda r: [("pair", r.get("village_id"), r.get("fiscal_year"))],
    "sages": lambda r: [("pair", r.get("village_id"), r.get("fiscal_year"))],
    "training_days": lambda r: [("pair", r.get("village_id"), r.get("fiscal_year"))],
    "village_step_marks": lambda r: [("pair", r.get("village_id"), r.get("fiscal_year"))],
    "target_villages": lambda r: [("pair", r.get("village_id"), r.get("fiscal_year"))],
    "attendance": lambda r: [("household", r.get("household_id")), ("day", r.get("day_id"))],
    "followups": lambda r: [("household", r.get("household_id"))],
    "followup_team_members": lambda r: [("followup", r.get("followup_id"))],
    "community_funds": lambda r: [("household", r.get("household_id")), ("group", r.get("group_id"))],
    "knowledge_records": lambda r: [("village", r.get("village_id"))],
    "learning_centres": lambda r: [("village", r.get("village_id"))],
    "occupational_groups": _group,
    "group_members": lambda r: [("household", r.get("household_id")), ("group", r.get("group_id"))],
    "group_status_changes": lambda r: [("group", r.get("group_id"))],
    "otop_products": lambda r: [("group", r.get("group_id"))],
    "support_teams": _team,
    "support_team_members": lambda r: [("team", r.get("team_id"))],
    "programme_rules": lambda r: [("year", r.get("fiscal_year")), ("rules", r.get("fiscal_year"))],
    # Shown on the village page, counted by no fact: they bump the page's data versions only.
    "sage_answers": lambda r: [("sage", r.get("sage_id"))],
    "sage_criteria": lambda r: [("rules", r.get("fiscal_year"))],
    "occupations": lambda r: [("rules", r.get("id"))],  # a sage's occupation is named on the page
    "villages": lambda r: [("village", r.get("id")), ("village_tambon", r.get("id"))],
}


def refs_of(table: str, rows: Iterable[dict]) -> set[Ref]:
    """References of rows of `table` (those naming nothing, e.g. a group member without a household, dropped)."""
    found = TABLES.get(table)
    if found is None:
        return set()
    return {ref for row in rows for ref in found(row)
            if ref[1] is not None and (ref[0] != "pair" or ref[2] is not None)}


def touch(session, refs: Iterable[Ref]) -> None:
    """Note references for the commit to recompute (also for writes the hooks cannot see)."""
    session.info.setdefault(KEY, set()).update(refs)


def touch_connection(connection, refs: Iterable[Ref]) -> None:
    """The same for a write made on the session's connection directly (e.g. `targets.ensure_target`)."""
    connection.info.setdefault(KEY, set()).update(refs)


def connection_refs(session) -> set:
    """References noted on the connections this session's transaction holds (none opened for it)."""
    transaction = session.get_transaction()
    held = getattr(transaction, "_connections", {}) if transaction is not None else {}
    refs = set()
    for connection, *_ in list(held.values()):
        refs |= connection.info.pop(KEY, set())
    return refs
