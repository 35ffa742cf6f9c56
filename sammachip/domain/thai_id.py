"""Thai national ID (เลขประจำตัวประชาชน): 13 digits, mod-11 check digit (python-stdnum)."""
from stdnum import exceptions
from stdnum.th import pin


def normalize(raw: str) -> str:
    """Digits only: spaces and dashes as officers type them are dropped."""
    return pin.compact(raw or "")


def problem(raw: str) -> str | None:
    """None when valid, else one of: length, digits, check, first_digit."""
    number = normalize(raw)
    if not number.isdigit():
        return "digits"
    if len(number) != 13:
        return "length"
    try:
        pin.validate(number)
    except exceptions.InvalidChecksum:
        return "check"
    except exceptions.ValidationError:
        return "first_digit"
    return None


def is_valid(raw: str) -> bool:
    return problem(raw) is None


def formatted(number: str) -> str:
    return pin.format(number)


def masked(number: str) -> str:
    """Only the last four digits show: X-XXXX-XXXX5-67-8."""
    shown = "X" * 9 + number[-4:]
    return pin.format(shown) if len(number) == 13 else "X" * len(number)
