"""Finding a person: what a typed query means, and the stored form of a name.

A name is matched as a substring of its stored key: NFC, lower case, no spaces or
zero-width characters (as knowledge records are), a leading title (นาย, นางสาว, น.ส. ...)
left out, and ำ typed as ํ + า made one. "สมชาย ใจดี", "สมชาย  ใจดี", "สมชายใจดี" and
"นายสมชาย ใจดี" are one key. A phone is found only as a whole number, typed any way,
through its keyed hash; an ID by its last four digits (or all 13), never by decrypting.
"""
import re
from dataclasses import dataclass

from sqlalchemy import event

from ..models import Household, Sage, SupportTeamMember
from . import phone, thai_id
from .knowledge import normalise

# Longest first, so นางสาว is not read as นาง + สาว; compared once spaces are gone.
TITLES = ("เด็กหญิง", "เด็กชาย", "นางสาว", "น.ส.", "ด.ช.", "ด.ญ.", "นาง", "นาย", "น.ส", "ด.ช", "ด.ญ")
SARA_AM = ("\u0e4d\u0e32", "\u0e33")  # nikhahit + sara aa, as some keyboards type ำ
MIN_NAME = 2  # characters of a key before a name is looked for
NUMBER = re.compile(r"^\+?[\d\s\-.()]+$")
NAMED = ((Household, "head_name"), (Sage, "name"), (SupportTeamMember, "name"))


def name_key(name: str) -> str:
    """The stored and searched form of a person's name."""
    key = normalise(name).replace(*SARA_AM)
    for title in TITLES:
        if key.startswith(title):
            return key[len(title):]
    return key


@dataclass(frozen=True)
class Query:
    """kind: "name" (value: the key), "phone" (E.164), "last4", "national_id" (13 digits),
    "short" (too little typed yet), "number" (digits that are no whole phone, ID or last four)."""
    kind: str
    value: str = ""


def read(typed: str) -> Query:
    text = (typed or "").translate(thai_id.THAI_DIGITS).strip()
    if NUMBER.match(text):
        digits = re.sub(r"\D", "", text)
        if len(digits) == 4:
            return Query("last4", digits)
        if len(digits) == 13 and thai_id.is_valid(digits):
            return Query("national_id", digits)
        e164 = phone.normalize(text)
        return Query("phone", e164) if e164 else Query("number")
    key = name_key(text)
    return Query("name", key) if len(key) >= MIN_NAME else Query("short")


def _fill(target, value, _old, _initiator):
    target.search_name = name_key(value or "")


def keep_search_names() -> None:
    """Every name written through the ORM keeps its key beside it (called once, by the app factory)."""
    for model, attribute in NAMED:
        column = getattr(model, attribute)
        if not event.contains(column, "set", _fill):
            event.listen(column, "set", _fill)
