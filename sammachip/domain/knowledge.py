"""Knowledge records (ถอดองค์ความรู้): what makes one complete, and Thai search.

Thai is written without spaces between words, so a word is found by a
substring match: the record's text and the query are both normalised the
same way (NFC, lower case, no whitespace, no zero-width characters) and
compared with LIKE. Full-text search splits on spaces and would miss a word
inside a Thai sentence.
"""
import re
import unicodedata

# The five parts; ส่วนขยาย counts as filled when its method list is.
PARTS = ("intro", "method", "summary", "key_points", "core")
SEARCHED = ("title", "owner_name", "position", "office", "solves", "occupation_label",
            "intro", "method", "cautions", "techniques", "summary", "key_points", "core")
INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
NUMBERED = re.compile(r"^\s*(?:[-•*]|[0-9๐-๙]+\s*[.)])\s*")


def normalise(text: str) -> str:
    """The form both the stored search text and the query take."""
    return INVISIBLE.sub("", unicodedata.normalize("NFC", text or "")).lower()


def search_text(record) -> str:
    return normalise("".join(str(getattr(record, name) or "") for name in SEARCHED))


def missing_parts(values: dict) -> list[str]:
    """Codes of the parts still empty (whitespace is empty)."""
    return [part for part in PARTS if not (values.get(part) or "").strip()]


def items(text: str) -> list[str]:
    """A numbered list typed one item a line: its items, without the numbers people type."""
    return [NUMBERED.sub("", line).strip() for line in (text or "").splitlines() if NUMBERED.sub("", line).strip()]


def state(record) -> str:
    """draft: never saved whole; editing: saved, with a draft of changes; complete: saved with all five parts."""
    if record.completed_at is None:
        return "draft"
    return "editing" if record.data else "complete"
