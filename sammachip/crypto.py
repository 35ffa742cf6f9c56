"""Personal numbers sealed at rest: national IDs and phones, also as typed into an unfinished
interview's draft, and the two-factor login secrets (README: Security and privacy).

A value is encrypted with AES-GCM (the `cryptography` package) under the current data key,
its table and field bound in as associated data, so a ciphertext copied into another row's
other column does not open. Beside it a row keeps a keyed hash (HMAC-SHA256) for equality
lookups (uniqueness, the duplicate-ID check, person lookup, search by whole phone number)
and, for an ID, its last four digits (masking). The row's `key_id` names the key of both.

Keys come from DATA_KEYS ("keyid:base64key,...", 32-byte keys, the first one current),
never from SECRET_KEY. Each key gives two keys by HKDF: one to encrypt, one to hash.
Development and tests use a fixed, public key and say so loudly; production refuses to
start without DATA_KEYS (config.py). `flask --app app rotate-keys` moves rows to the
current key (domain/keys.py).
"""
import base64
import binascii
import hashlib
import hmac
import logging
import os
import re
import sys
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app

DEV_KEYS = "dev:" + base64.b64encode(b"sammachip-development-only-key!!").decode()  # public: never for real data
NONCE_BYTES = 12
KEY_ID = re.compile(r"^[A-Za-z0-9_-]{1,16}$")
EXTENSION = "sammachip_keys"
SECRET = "secret"  # a field kind sealed with no keyed hash beside it (sealed_columns)
log = logging.getLogger("sammachip.crypto")
DEV_WARNING = ("\n" + "!" * 72 + "\nDATA_KEYS is not set: national IDs and phones are encrypted with the PUBLIC "
               "development key.\nNever use this database for real people (README: Security and privacy).\n"
               + "!" * 72 + "\n")


class DataKeyError(ValueError):
    """DATA_KEYS cannot be read."""


def _derive(master: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"sammachip " + purpose).derive(master)


@dataclass(frozen=True)
class DataKey:
    key_id: str
    sealing: AESGCM
    hashing: bytes


class Keyring:
    """The configured data keys; the first is current (new and rotated rows use it)."""

    def __init__(self, spec: str):
        self.keys: dict[str, DataKey] = {}
        for part in (p.strip() for p in spec.split(",") if p.strip()):
            key_id, _, encoded = part.partition(":")
            if not KEY_ID.match(key_id) or key_id in self.keys:
                raise DataKeyError(f"DATA_KEYS: key id {key_id!r} is not 1-16 letters, digits, - or _, or repeats")
            try:
                master = base64.b64decode(encoded.strip() + "=" * (-len(encoded.strip()) % 4), altchars=b"-_",
                                          validate=False)
            except (binascii.Error, ValueError) as error:
                raise DataKeyError(f"DATA_KEYS: key {key_id!r} is not base64") from error
            if len(master) != 32:
                raise DataKeyError(f"DATA_KEYS: key {key_id!r} must be 32 bytes (it is {len(master)})")
            self.keys[key_id] = DataKey(key_id, AESGCM(_derive(master, b"encrypt")), _derive(master, b"hash"))
        if not self.keys:
            raise DataKeyError("DATA_KEYS holds no key")
        self.current_id = next(iter(self.keys))

    def seal(self, value: str, where: str, key_id: str | None = None) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self.keys[key_id or self.current_id].sealing.encrypt(nonce, value.encode(), where.encode())

    def open(self, blob: bytes, where: str, key_id: str) -> str:
        key = self.keys.get(key_id)
        if key is None:
            raise DataKeyError(f"no data key {key_id!r} in DATA_KEYS: add it back, or rows cannot be read")
        blob = bytes(blob)
        return key.sealing.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], where.encode()).decode()

    def digest(self, kind: str, value: str, key_id: str | None = None) -> bytes:
        """The keyed hash of a normalised value; `kind` ("national_id", "phone") keeps kinds apart."""
        key = self.keys[key_id or self.current_id].hashing
        return hmac.new(key, kind.encode() + b"\0" + value.encode(), hashlib.sha256).digest()

    def digests(self, kind: str, value: str) -> list[bytes]:
        """The value's hash under every key: a lookup finds rows not yet rotated too."""
        return [self.digest(kind, value, key_id) for key_id in self.keys]


def keyring_from(spec: str) -> Keyring:
    if not spec:
        # On stderr itself as well as the log: `flask db upgrade` (alembic.ini) silences earlier loggers.
        sys.stderr.write(DEV_WARNING)
        log.warning(DEV_WARNING)
        spec = DEV_KEYS
    return Keyring(spec)


def init_keys(app) -> None:
    app.extensions[EXTENSION] = keyring_from(app.config.get("DATA_KEYS", ""))


def keyring() -> Keyring:
    return current_app.extensions[EXTENSION]


def sealed_columns(ring: Keyring, where: str, field: str, kind: str, value: str | None,
                   key_id: str | None = None) -> dict:
    """The stored columns of one field holding `value` (None or "" clears them all). A "secret"
    (a draft's typed ID and phone, a TOTP secret) is only sealed: nothing beside it finds it."""
    columns = {f"{field}_enc": None}
    if kind != SECRET:
        columns[f"{field}_hash"] = None
    if kind == "national_id":
        columns[f"{field}_last4"] = None
    if value:
        columns[f"{field}_enc"] = ring.seal(value, where, key_id)
        if kind != SECRET:
            columns[f"{field}_hash"] = ring.digest(kind, value, key_id)
        if kind == "national_id":
            columns[f"{field}_last4"] = value[-4:]
    return columns
