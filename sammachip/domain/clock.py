"""Today as the officers live it: Thailand's date, not the server's UTC date."""
from datetime import date

from ..clock import utcnow
from .fiscal import fiscal_year
from .programme import rules_for
from .thai_dates import BANGKOK


def today() -> date:
    return utcnow().astimezone(BANGKOK).date()


def current_fiscal_year() -> int:
    return fiscal_year(today())


def figures_day(fiscal_year: int) -> date:
    """The day a year's figures are taken at: today while it runs, else its cut-off (`Rules.cutoff_on`)."""
    return rules_for(fiscal_year).cutoff_on(today())
