"""Loading sages within the user's area."""
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..access import in_area_or_404
from ..domain.clock import today
from ..domain.reference import criteria_for
from ..domain.team import criteria_result, team_status
from ..extensions import db
from ..models import Sage, SageCertificate, SageRoleChange, Village


def sage_or_404(sage_id: int) -> Sage:
    return in_area_or_404(Sage, sage_id)


def candidates(village_id: int, fiscal_year: int) -> list[Sage]:
    return list(db.session.scalars(
        select(Sage).where(Sage.village_id == village_id, Sage.fiscal_year == fiscal_year)
        .order_by(Sage.role.is_(None), Sage.role.desc(), Sage.name)))


def team_section(village: Village, fiscal_year: int) -> dict:
    """What the village page's team section shows."""
    sages = candidates(village.id, fiscal_year)
    criteria = criteria_for(db.session, fiscal_year)
    team = [s for s in sages if s.role]
    return {
        "team": team,
        "status": team_status(team, fiscal_year),
        "results": {s.id: criteria_result(s, criteria) for s in sages},
        "candidate_count": len(sages) - len(team),
    }


def history(sage_id: int) -> tuple[list[SageRoleChange], list[SageCertificate]]:
    changes = db.session.scalars(select(SageRoleChange).where(SageRoleChange.sage_id == sage_id)
                                 .order_by(SageRoleChange.changed_at.desc())).all()
    certificates = db.session.scalars(select(SageCertificate).where(SageCertificate.sage_id == sage_id)
                                      .order_by(SageCertificate.issued_on.desc())).all()
    return list(changes), list(certificates)


def certificate_of_today(sage: Sage, user_id: int) -> SageCertificate:
    """One certificate per sage per day: a double tap finds the one just issued."""
    issued_on = today()
    found = select(SageCertificate).where(SageCertificate.sage_id == sage.id, SageCertificate.issued_on == issued_on)
    certificate = db.session.scalar(found)
    if certificate is None:
        certificate = SageCertificate(sage_id=sage.id, issued_on=issued_on, issued_by_id=user_id)
        db.session.add(certificate)
        try:
            db.session.commit()
        except IntegrityError:  # the other tap won the race
            db.session.rollback()
            certificate = db.session.scalar(found)
    return certificate
