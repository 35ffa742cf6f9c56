"""Thai national ID (เลขประจำตัวประชาชน): 13 digits, mod-11 check digit (python-stdnum)."""
from stdnum import exceptions
from stdnum.th import pin

# A Thai keyboard types ๐–๙; an ID card prints 0–9. Both are the same number.
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def normalize(raw: str) -> str:
    """Arabic digits only: spaces and dashes as officers type them are dropped,
    Thai digits become 0–9."""
    return pin.compact((raw or "").translate(THAI_DIGITS))


def problem(raw: str) -> str | None:
    """None when valid, else one of: length, digits, check, first_digit.

    An ID starting with 0 is issued to people without Thai registration status
    (common in border and forest districts): python-stdnum refuses it, the
    programme takes it when its check digit is right (see `notice`)."""
    number = normalize(raw)
    if not (number.isascii() and number.isdigit()):  # "²" or "٣" are digits to Python, not on an ID card
        return "digits"
    if len(number) != 13:
        return "length"
    if number[0] == "0":
        return None if number[-1] == pin.calc_check_digit(number) else "check"
    try:
        pin.validate(number)
    except exceptions.InvalidChecksum:
        return "check"
    except exceptions.ValidationError:
        return "first_digit"
    return None


def notice(raw: str) -> str | None:
    """What to tell about a valid ID: "no_thai_status" for one starting with 0, else None."""
    number = normalize(raw)
    return "no_thai_status" if problem(number) is None and number.startswith("0") else None


def is_valid(raw: str) -> bool:
    return problem(raw) is None


def formatted(number: str) -> str:
    return pin.format(number)


def masked(number: str) -> str:
    """Only the last four digits show: X-XXXX-XXXX5-67-8 (as typed, with dashes, too)."""
    number = normalize(number)
    shown = "X" * 9 + number[-4:]
    return pin.format(shown) if len(number) == 13 else "X" * len(number)


def masked_tail(last4: str) -> str:
    """The masked form from the last four digits alone (what is stored beside a sealed ID)."""
    return pin.format("X" * 9 + last4) if len(last4 or "") == 4 else "X" * 13
