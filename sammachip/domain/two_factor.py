"""Two-factor login: a TOTP code from an authenticator app (pyotp), or a one-time
recovery code. Required for the roles that may reveal full national IDs when the
setting REQUIRE_TOTP is on (production's default); any user may turn it on."""
import hashlib
import secrets
from datetime import datetime

import pyotp

REQUIRED_FOR = frozenset({"admin", "district"})
ISSUER = "Sammachip"
RECOVERY_CODES = 10
STEP_SECONDS = 30


def required(role: str, require_totp: bool) -> bool:
    return require_totp and role in REQUIRED_FOR


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, username: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=ISSUER)


def code_step(secret: str, code: str, now: datetime, last_step: int | None) -> int | None:
    """The time step a code belongs to (this one, or one either side for a slow clock),
    or None when wrong or already used (a code works once)."""
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    step = int(now.timestamp()) // STEP_SECONDS
    for candidate in (step, step - 1, step + 1):
        if (last_step is None or candidate > last_step) and secrets.compare_digest(
                totp.at(candidate * STEP_SECONDS), code):
            return candidate
    return None


def new_recovery_codes() -> list[str]:
    """Ten codes like 7KQ4-M2XD-9PLA: shown once, kept only as hashes."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return ["-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))
            for _ in range(RECOVERY_CODES)]


def recovery_hash(code: str) -> str:
    """Random codes of 60 bits need no slow hash: sha256 of the normalised code."""
    return hashlib.sha256("".join(ch for ch in code.upper() if ch.isalnum()).encode()).hexdigest()
