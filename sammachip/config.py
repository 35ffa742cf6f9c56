"""Settings read from the environment, once, when the app is created."""
import os
from datetime import timedelta
from pathlib import Path

DEV_SECRET_KEY = "dev-only-not-secret"


class ConfigError(RuntimeError):
    """The app refuses to start with settings that would be unsafe."""


def is_production(env: dict) -> bool:
    return (
        env.get("FLASK_ENV", "").lower() == "production"
        or env.get("SAMMACHIP_ENV", "").lower() == "production"
    )


def default_database_url(instance_path: str) -> str:
    Path(instance_path).mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(instance_path) / 'sammachip.db'}"


def engine_options(database_url: str) -> dict:
    options = {"pool_pre_ping": True}
    if database_url.startswith("postgresql"):
        # PostgreSQL's JIT compiles the dashboards' many small subqueries for
        # longer than they take to run (340 of 440 ms measured): off for this app.
        options["connect_args"] = {"options": "-c jit=off"}
    return options


def photo_storage(env: dict) -> str:
    storage = env.get("PHOTO_STORAGE", "folder").strip().lower() or "folder"
    if storage not in ("folder", "database"):
        raise ConfigError(f"PHOTO_STORAGE must be 'folder' or 'database', not {storage!r}.")
    return storage


def load_config(instance_path: str, env: dict | None = None) -> dict:
    env = dict(os.environ if env is None else env)
    production = is_production(env)
    secret = env.get("SECRET_KEY")
    if not secret:
        if production:
            raise ConfigError(
                "SECRET_KEY is not set. In production the app will not start "
                "without it: set SECRET_KEY to a long random string "
                "(e.g. python -c 'import secrets; print(secrets.token_hex(32))')."
            )
        secret = DEV_SECRET_KEY
    if production and not env.get("DATA_KEYS"):
        raise ConfigError(
            "DATA_KEYS is not set. In production the app will not start without the key that "
            "encrypts national IDs and phones: set DATA_KEYS=keyid:base64key (32 random bytes, e.g. "
            "python -c 'import base64,os; print(\"k1:\" + base64.b64encode(os.urandom(32)).decode())'); "
            "README: Security and privacy.")
    database_url = env.get("DATABASE_URL") or default_database_url(instance_path)
    require_totp = env.get("REQUIRE_TOTP", "1" if production else "0").strip().lower() in ("1", "true", "yes", "on")
    return {
        "SECRET_KEY": secret,
        # Keys of national IDs and phones at rest (sammachip/crypto.py), never SECRET_KEY.
        "DATA_KEYS": env.get("DATA_KEYS", ""),
        "PRODUCTION": production,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_SECURE": production,
        # Pages are compressed (BREACH): another site's requests must not carry a
        # login, so it cannot watch sizes of pages that echo its input beside secrets.
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        # Officers stay logged in on their own phone for a month, not a year.
        "REMEMBER_COOKIE_DURATION": timedelta(days=30),
        "REMEMBER_COOKIE_HTTPONLY": True,
        # A signed-in device ends after this long without a request, and this long after it began.
        "SESSION_IDLE_HOURS": max(8, int(env.get("SESSION_IDLE_HOURS", 12))),  # never cut an interview short
        "SESSION_LIFETIME_DAYS": int(env.get("SESSION_LIFETIME_DAYS", 30)),
        # Two-factor login required for admin and district accounts: on in production, off in development.
        "REQUIRE_TOTP": require_totp,
        # A new password is at least this long (and not a common password: domain/passwords.py).
        "PASSWORD_MIN_LENGTH": max(8, int(env.get("PASSWORD_MIN_LENGTH") or 10)),
        # /healthz answers 503 when a SQLite file's disk has less than this left (a small
        # write may still fit in pages already allocated, a new household may not).
        "HEALTHZ_MIN_FREE_MB": int(env.get("HEALTHZ_MIN_FREE_MB") or 50),
        # PDPA retention (`flask apply-retention`): drafts untouched this many days are deleted; the personal
        # data of households of a fiscal year closed more than this many years ago is anonymised.
        "RETENTION_DRAFT_DAYS": max(1, int(env.get("RETENTION_DRAFT_DAYS") or 30)),
        "RETENTION_YEARS": max(1, int(env.get("RETENTION_YEARS") or 5)),
        # Personal data on a phone (README "Offline"): downloaded pages are removed this many days
        # after they were fetched (a warning the last 2 days first); an unsent record only warns.
        "OFFLINE_KEEP_DAYS": max(3, int(env.get("OFFLINE_KEEP_DAYS") or 14)),
        "MAX_CONTENT_LENGTH": 1024 * 1024,  # no form here needs more; a bigger body is refused
        # The photo routes alone (hardening.accepts_photo): an 8 MB photo and its form around it.
        "PHOTO_MAX_CONTENT_LENGTH": 8 * 1024 * 1024 + 64 * 1024,
        # Photos kept in a folder (instance/photos, copied by `flask backup`), or in the
        # database (table photo_blobs) when several app servers share it.
        "PHOTO_STORAGE": photo_storage(env),
        # A field interview can take an hour; a CSRF token that expires
        # mid-interview would throw the officer's typing away.
        "WTF_CSRF_TIME_LIMIT": None,
        # Pages and static files are compressed by the app itself (no proxy needed):
        # brotli for the browsers that accept it, else gzip; streamed files (static) too.
        "COMPRESS_ALGORITHM": ["br", "gzip"],
        "COMPRESS_ALGORITHM_STREAMING": ["br", "gzip"],
        # Pages at brotli 5: a 20 KB village page in 0.21 ms, 4.2 KB (level 4: 0.15 ms but 4.6 KB, on every
        # view). Static files are compressed once at quality 11 instead (below).
        "COMPRESS_BR_LEVEL": 5,
        # `make install` writes content-hashed copies of static/ (flask digest compile) and a brotli
        # copy of each at quality 11, which static_files.py sends to browsers that accept br.
        "FLASK_STATIC_DIGEST_COMPRESSION": ["brotli"],
        # The village page's body, cached by its data versions (villages/page_cache.py): in each worker's
        # memory by default (a worker makes its own copy once; the versions, read from the database,
        # keep every copy right); "FileSystemCache" with CACHE_DIR shares one between a machine's workers,
        # "RedisCache" with CACHE_REDIS_URL between machines, "NullCache" turns it off.
        "CACHE_TYPE": env.get("CACHE_TYPE", "SimpleCache"),
        "CACHE_DIR": env.get("CACHE_DIR", ""),
        "CACHE_REDIS_URL": env.get("CACHE_REDIS_URL", ""),
        "CACHE_THRESHOLD": int(env.get("CACHE_THRESHOLD") or 2000),  # bodies kept (~20 KB each)
        "CACHE_DEFAULT_TIMEOUT": 26 * 3600,  # the Bangkok date in the key moves on daily anyway
        "BABEL_DEFAULT_LOCALE": "th",
        "BABEL_DEFAULT_TIMEZONE": "Asia/Bangkok",
        "LANGUAGES": ["th", "en"],
        # Who signs the official prints (sign-in sheets, village reports): blank prints dotted lines.
        "SIGNER_NAME": env.get("SIGNER_NAME", ""),
        "SIGNER_POSITION": env.get("SIGNER_POSITION", ""),
        # Official prints (certificate, reports, sign-in sheets) in Thai numerals (๑๒๓) when "1".
        "THAI_NUMERALS": env.get("THAI_NUMERALS", "") == "1",
    }
