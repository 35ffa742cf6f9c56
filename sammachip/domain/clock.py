"""Today as the officers live it: Thailand's date, not the server's UTC date."""
from datetime import date

from ..clock import utcnow
from .fiscal import fiscal_year
from .thai_dates import BANGKOK


def today() -> date:
    return utcnow().astimezone(BANGKOK).date()


def current_fiscal_year() -> int:
    return fiscal_year(today())
