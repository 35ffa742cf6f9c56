"""`flask --app app apply-retention`: the PDPA retention rules, run from cron (e.g. nightly).

Interview drafts untouched for RETENTION_DRAFT_DAYS are deleted (a visit's draft answers
are dropped, the visit stays due); households of fiscal years closed more than
RETENTION_YEARS years ago have their personal data erased as on a withdrawal, without
leaving (their year's figures stay). Running it twice changes nothing the second time.
Each run that changes something writes one audit row of counts."""
from .auditing import paused, write
from .clock import utcnow
from .domain.clock import today
from .domain.privacy import anonymise_closed_years, last_year_to_anonymise, stale_drafts
from .extensions import db


def apply_retention(draft_days: int, years: int, dry_run: bool) -> list[str]:
    """What was (or, dry, would be) done, one line each."""
    with paused(db.session):
        drafts = stale_drafts(db.session, utcnow(), draft_days, dry_run)
        closed = anonymise_closed_years(db.session, today(), years, dry_run)
        changed = any(drafts.values()) or closed["households"]
        if not dry_run and changed:
            write("retention", detail={"drafts": drafts, "anonymised": closed, "draft_days": draft_days,
                                       "years": years})
        db.session.rollback() if dry_run else db.session.commit()
    verb = "would be" if dry_run else "were"
    return [f"Interview drafts untouched for {draft_days} days: {drafts['interview_drafts']} {verb} deleted.",
            f"Visit drafts untouched for {draft_days} days: {drafts['visit_drafts']} {verb} cleared (visits stay due).",
            f"Households of fiscal years up to {last_year_to_anonymise(today(), years)} (closed over {years} "
            f"years ago): {closed['households']} {verb} anonymised."]
