"""What a new password must be: long enough (PASSWORD_MIN_LENGTH), and not one of the
30,000 most common passwords (the list zxcvbn ships, from real leaks), nor the username."""
from zxcvbn.matching import RANKED_DICTIONARIES

MIN_LENGTH = 10
COMMON = RANKED_DICTIONARIES["passwords"]  # lower-cased password -> rank


def problem(password: str, username: str = "", min_length: int = MIN_LENGTH) -> str | None:
    """None when acceptable, else one of: short, common, username."""
    if len(password) < min_length:
        return "short"
    lowered = password.lower()
    if lowered in COMMON or lowered.rstrip("0123456789!") in COMMON:
        return "common"
    if username and username.lower() in lowered:
        return "username"
    return None
