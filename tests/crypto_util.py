"""Data keys for tests of sealing and rotation (sammachip/crypto.py)."""
import base64
from contextlib import contextmanager

from flask import current_app

from sammachip.crypto import EXTENSION, Keyring


def key_spec(key_id: str, fill: int) -> str:
    return f"{key_id}:{base64.b64encode(bytes([fill]) * 32).decode()}"


DATA_KEYS = key_spec("k1", 1)


@contextmanager
def data_keys(spec: str):
    """The running app's keyring replaced for the block (as a restart with new DATA_KEYS would)."""
    keys = current_app.extensions
    before = keys[EXTENSION]
    keys[EXTENSION] = Keyring(spec)
    try:
        yield keys[EXTENSION]
    finally:
        keys[EXTENSION] = before
