"""Keep `village_year_facts` with every write: the session notes the village-years each flushed
row or bulk statement touches (facts_keys.TABLES), and recounts them just before it commits,
in the same transaction. Writes made on a bare connection note theirs with `facts_keys.touch`.
"""
from weakref import WeakKeyDictionary

from sqlalchemy import event, inspect, select, tuple_, union_all
from sqlalchemy.orm import Session

from ..models import (
    DataVersion,
    FollowUp,
    Household,
    OccupationalGroup,
    ProgrammeRules,
    Sage,
    SupportTeam,
    TrainingDay,
    Village,
)
from .data_versions import bump
from .facts import FACTS, known_pairs, recompute
from .facts_keys import KEY, TABLES, connection_refs, refs_of, touch


def _loaded_row(state) -> dict:
    """The object's column values as loaded (nothing is read from the database here)."""
    return {attr.columns[0].name: state.dict[attr.key] for attr in state.mapper.column_attrs
            if attr.key in state.dict and attr.columns}


def _object_refs(obj) -> set:
    """A new or changed object: its values as loaded, and its row as committed (read at commit)."""
    state = inspect(obj)
    table = state.mapper.local_table.name
    if table not in TABLES:
        return set()
    refs = refs_of(table, [_loaded_row(state)])
    if state.key is not None:
        refs.add(("row", table, state.key[1]))
    return refs


def _before_flush(session: Session, _context, _instances) -> None:
    """Changed and deleted rows as they are before this flush (their old village-years)."""
    keys: dict[str, list] = {}
    for obj in [*session.dirty, *session.deleted]:
        state = inspect(obj)
        if state.key is not None and state.mapper.local_table.name in TABLES:
            keys.setdefault(state.mapper.local_table.name, []).append(state.key[1])
    with session.no_autoflush:
        for table, found in keys.items():
            touch(session, refs_of(table, _rows(session, table, found)))


def _after_flush(session: Session, _context) -> None:
    touch(session, {ref for obj in [*session.new, *session.dirty] for ref in _object_refs(obj)})


def _bulk(state):
    """A bulk INSERT / UPDATE / DELETE through the session: the rows it writes or matches."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    if name not in TABLES:
        return None
    session = state.session
    if state.is_insert:
        params = state.parameters
        rows = params if isinstance(params, list) else [params] if params else [state.statement.compile().params]
        touch(session, refs_of(name, rows))
        return None
    table = FACTS.metadata.tables[name]  # the plain table: an ORM statement's would select objects
    query = select(table)
    if state.statement.whereclause is not None:
        query = query.where(state.statement.whereclause)
    before = [dict(r) for r in session.execute(query, state.parameters or {}).mappings()]
    touch(session, refs_of(name, before))
    if state.is_update and before:
        result = state.invoke_statement()
        pk = list(table.primary_key.columns)
        touch(session, refs_of(name, _rows(session, name, [tuple(r[c.name] for c in pk) for r in before])))
        return result
    return None


def _before_commit(session: Session) -> None:
    session.flush()
    refs = session.info.pop(KEY, set()) | connection_refs(session)
    if refs and _kept(session):
        pairs, villages = resolve(session, refs)
        recompute(session, pairs)
        bump(session, villages | {v for v, _ in pairs}, rules=any(ref[0] == "rules" for ref in refs))


_KEEPS: WeakKeyDictionary = WeakKeyDictionary()  # engine → it has the tables (asked until it has)


def forget_tables() -> None:
    """After a migration (migrations/env.py): the tables are asked for again."""
    _KEEPS.clear()


def _kept(session: Session) -> bool:
    """The database has the facts and versions tables (one at an older revision, e.g. in a migration's
    test, has none to keep): asked once per engine."""
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    if not _KEEPS.get(engine):
        _KEEPS[engine] = inspect(session.connection()).has_table(DataVersion.__tablename__)
    return _KEEPS[engine]


def _transaction_end(session: Session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(KEY, None)  # rolled back (or committed): nothing left to count


def keep_facts() -> None:
    """Every session keeps the facts (called once, by the app factory)."""
    for name, fn in (("before_flush", _before_flush), ("after_flush", _after_flush), ("do_orm_execute", _bulk),
                     ("before_commit", _before_commit), ("after_transaction_end", _transaction_end)):
        if not event.contains(Session, name, fn):
            event.listen(Session, name, fn)


def _rows(session, table_name: str, keys) -> list[dict]:
    table = FACTS.metadata.tables[table_name]
    pk = list(table.primary_key.columns)
    keys = [k if isinstance(k, tuple) else (k,) for k in keys]
    where = pk[0].in_([k[0] for k in keys]) if len(pk) == 1 else tuple_(*pk).in_(keys)
    return [dict(r) for r in session.execute(select(table).where(where)).mappings()]


def resolve(session: Session, refs: set) -> tuple[set[tuple[int, int]], set[int]]:
    """References → (village id, fiscal year) pairs to recount, and the villages named (some perhaps
    without a kept year), a few queries whatever their number."""
    kinds: dict[str, set] = {}
    for ref in refs:
        kinds.setdefault(ref[0], set()).add(ref[1:] if len(ref) > 2 else ref[1])
    more = set()
    rows_by_table: dict[str, list] = {}
    for table, key in kinds.pop("row", set()):
        rows_by_table.setdefault(table, []).append(key)
    for table, keys in rows_by_table.items():
        more |= refs_of(table, _rows(session, table, keys))
    for ref in more:
        kinds.setdefault(ref[0], set()).add(ref[1:] if len(ref) > 2 else ref[1])
    pairs = set(kinds.get("pair", set()))
    lookups = [select(model.village_id, model.fiscal_year).where(model.id.in_(kinds[kind]))
               for kind, model in (("household", Household), ("day", TrainingDay), ("sage", Sage)) if kinds.get(kind)]
    if kinds.get("followup"):
        lookups.append(select(Household.village_id, Household.fiscal_year)
                       .join(FollowUp, FollowUp.household_id == Household.id)
                       .where(FollowUp.id.in_(kinds["followup"])))
    if lookups:  # one statement for them all
        pairs |= {tuple(r) for r in session.execute(lookups[0] if len(lookups) == 1 else union_all(*lookups))}
    villages, tambons = set(kinds.get("village", set())), set(kinds.get("tambon", set()))
    if kinds.get("group"):
        for vid, wide in session.execute(select(OccupationalGroup.village_id, OccupationalGroup.tambon_wide)
                                         .where(OccupationalGroup.id.in_(kinds["group"]))):
            villages.add(vid)
            if wide:
                kinds.setdefault("village_tambon", set()).add(vid)
    if kinds.get("team"):
        tambons |= {(code, fy) for level, code, fy in session.execute(
            select(SupportTeam.level, SupportTeam.area_code, SupportTeam.fiscal_year)
            .where(SupportTeam.id.in_(kinds["team"]))) if level == "tambon"}
    if kinds.get("village_tambon"):
        tambons |= {(code, None) for code in session.scalars(
            select(Village.subdistrict_code).where(Village.id.in_(kinds["village_tambon"])))}
    if tambons:
        codes = {code for code, _ in tambons}
        for vid, code in session.execute(select(Village.id, Village.subdistrict_code)
                                         .where(Village.subdistrict_code.in_(codes))):
            for fy in {fy for c, fy in tambons if c == code}:
                if fy is None:
                    villages.add(vid)
                else:
                    pairs.add((vid, fy))
    if villages:
        pairs |= set(known_pairs(session, villages))
    for fy in kinds.get("year", set()):
        last = session.scalar(select(ProgrammeRules.fiscal_year).where(ProgrammeRules.fiscal_year > fy)
                              .order_by(ProgrammeRules.fiscal_year).limit(1))
        pairs |= set(known_pairs(session, None, (fy, (last - 1) if last else 10_000)))
    return pairs, villages
