"""The statements the knowledge pages need, each scoped to the user's area."""
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..domain.areas import village_filter
from ..domain.knowledge import normalise
from ..extensions import db
from ..models import KnowledgeRecord, Sage, Village

PAGE = 50


def sage_choices(village_id: int) -> list[tuple[str, str]]:
    """The village's sages of every year, newest year first, leads first."""
    sages = db.session.scalars(select(Sage).where(Sage.village_id == village_id)
                               .order_by(Sage.fiscal_year.desc(), Sage.role.desc().nulls_last(), Sage.name))
    roles = {"lead": _("วิทยากรหลัก"), "assistant": _("วิทยากรผู้ช่วย")}
    return [(str(s.id), _("%(name)s (ปี %(fy)s%(role)s)", name=s.name, fy=s.fiscal_year,
                          role=" · " + roles[s.role] if s.role else "")) for s in sages]


def village_records(village_id: int) -> list[KnowledgeRecord]:
    return list(db.session.scalars(select(KnowledgeRecord).where(KnowledgeRecord.village_id == village_id)
                                   .order_by(KnowledgeRecord.recorded_on.desc().nulls_first(), KnowledgeRecord.id)))


def search(words: str, occupation_id: int | None) -> list[tuple[KnowledgeRecord, Village]]:
    """Saved records in the user's area whose text holds `words` (a substring, spaces ignored)."""
    query = (select(KnowledgeRecord, Village).join(Village, Village.id == KnowledgeRecord.village_id)
             .where(village_filter(current_user), KnowledgeRecord.search_text != ""))
    needle = normalise(words)
    if needle:
        query = query.where(KnowledgeRecord.search_text.contains(needle, autoescape=True))
    if occupation_id:
        query = query.where(KnowledgeRecord.occupation_id == occupation_id)
    return list(db.session.execute(query.order_by(KnowledgeRecord.recorded_on.desc(), KnowledgeRecord.id.desc())
                                   .limit(PAGE)).tuples())
