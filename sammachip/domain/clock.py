"""Today as the officers live it: Thailand's date, not the server's UTC date."""
from datetime import date, datetime
from .fiscal import fiscal_year
from .thai_dates import BANGKOK


def today() -> date:
    return datetime.now(BANGKOK).date()


def current_fiscal_year() -> int:
    return fiscal_year(today())
