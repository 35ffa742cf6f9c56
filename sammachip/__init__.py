"""Sammachip: the สัมมาชีพชุมชน programme on an officer's phone."""
from functools import wraps
from pathlib import Path

from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface
from flask_login import current_user

from .config import engine_options, load_config
from .extensions import babel, cache, compress, csrf, db, htmx, login_manager, migrate, static_digest
from .static_files import HASHED, precompressed

ROOT = Path(__file__).resolve().parent.parent
ONE_YEAR = 365 * 24 * 3600


def create_app(config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.update(load_config(app.instance_path))
    # Less whitespace in every page sent over a weak mobile signal.
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    if config:
        app.config.update(config)
    app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", engine_options(app.config["SQLALCHEMY_DATABASE_URI"]))
    # Whatever the options, an error's text (logged, or in a traceback) never carries a row's values.
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {**app.config["SQLALCHEMY_ENGINE_OPTIONS"], "hide_parameters": True}
    register_extensions(app)
    register_hardening(app)
    register_blueprints(app)
    register_static(app)
    register_template_helpers(app)
    register_errorhandlers(app)
    register_security_headers(app)
    register_commands(app)
    return app


def register_extensions(app: Flask) -> None:
    from .crypto import init_keys
    from .domain.facts_hooks import keep_facts
    from .domain.persons import keep_persons
    from .domain.search import keep_search_names
    from .domain.targets import keep_targets
    from .i18n import select_locale
    from .sqlite_setup import configure_sqlite

    init_keys(app)
    keep_targets()
    keep_persons()
    keep_facts()
    keep_search_names()
    db.init_app(app)
    with app.app_context():
        # (A test of a locked database shortens the wait; nothing else should.)
        configure_sqlite(db.engine, app.config.get("SQLITE_BUSY_TIMEOUT_MS", 10_000))
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    htmx.init_app(app)
    compress.init_app(app)
    cache.init_app(app)
    static_digest.init_app(app)  # templates' static_url_for() reads static/cache_manifest.json
    babel.init_app(app, locale_selector=select_locale,
                   default_translation_directories=str(ROOT / "translations"))
    # `current_user` as a lazy proxy in templates: Flask-Login's own context
    # processor loads the user for every template, error pages included.
    login_manager.init_app(app, add_context_processor=False)
    app.jinja_env.globals["current_user"] = current_user
    from .auth.session import configure_login

    configure_login(login_manager)


# Scripts only from our own files: no inline script or handler anywhere (issue "Trust", item 6).
CSP = {
    "default-src": "'self'", "script-src": "'self'", "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:", "connect-src": "'self'", "worker-src": "'self'", "manifest-src": "'self'",
    "object-src": "'none'", "base-uri": "'none'", "form-action": "'self'", "frame-ancestors": "'none'",
}


def register_security_headers(app: Flask) -> None:
    """CSP, no framing, no sniffing; HTTPS, HSTS and Secure cookies in production only."""
    from flask_talisman import Talisman

    production = app.config["PRODUCTION"]
    # One Talisman per app: it keeps its settings on itself, not on the app.
    talisman = Talisman(
        app, content_security_policy=CSP, frame_options="DENY", referrer_policy="same-origin",
        force_https=production, strict_transport_security=production,
        session_cookie_secure=production, session_cookie_http_only=True)
    # Our own styles, scripts, icons and manifest are not documents: a policy, framing and permissions
    # headers guard nothing on them and cost ~0.4 KB each of a phone's first load (issue 17). They keep
    # nosniff; the service worker keeps the policy (it applies to the worker).
    app.view_functions["static"] = precompressed(app.view_functions["static"])
    for endpoint in ("static", "offline.manifest"):
        app.view_functions[endpoint] = talisman(content_security_policy=None, frame_options=None,
                                                permissions_policy=None)(same_view(app.view_functions[endpoint]))


def same_view(view):
    """A plain function calling `view` (a bound method, such as Flask's static view, takes no attributes),
    keeping what is set on it (the declared permissions)."""
    @wraps(view)
    def same(*args, **kwargs):
        return view(*args, **kwargs)

    return same


def register_hardening(app: Flask) -> None:
    from .auditing import init_audit
    from .hardening import init_hardening

    init_hardening(app)
    init_audit(app)


def register_blueprints(app: Flask) -> None:
    from .assignments.views import bp as assignments_bp
    from .audit.views import bp as audit_bp
    from .auth.views import bp as auth_bp
    from .centres.views import bp as centres_bp
    from .exports.views import bp as exports_bp
    from .followups.batch import bp as followups_bp  # the followups blueprint, with its queue route
    from .funds.views import bp as funds_bp
    from .groups.products import bp as groups_bp  # the groups blueprint (views.py), with its product routes
    from .households.batch import bp as interview_bp  # the interview blueprint, with its queue route
    from .households.views import bp as households_bp
    from .knowledge.views import bp as knowledge_bp
    from .main.views import bp as main_bp
    from .offline.views import bp as offline_bp
    from .photos.views import bp as photos_bp
    from .privacy.views import bp as privacy_bp
    from .progress.views import bp as progress_bp
    from .sages.views import bp as sages_bp
    from .search.views import bp as search_bp
    from .settings.views import bp as settings_bp
    from .teams.views import bp as teams_bp
    from .training.batch import bp as training_bp  # the training blueprint, with its queue route
    from .users.views import bp as users_bp
    from .villages.views import bp as villages_bp

    for bp in (auth_bp, main_bp, villages_bp, users_bp, sages_bp, households_bp, interview_bp, training_bp,
               followups_bp, progress_bp, exports_bp, settings_bp, knowledge_bp, teams_bp, funds_bp, centres_bp,
               groups_bp, audit_bp, offline_bp,
               assignments_bp, privacy_bp, photos_bp,
               search_bp):
        app.register_blueprint(bp)


STATELESS = ("static", "offline.worker", "offline.manifest", "offline.page")  # the same for every user


class PagesOnlySession(SecureCookieSessionInterface):
    """Static files never save the session: no Set-Cookie, no `Vary: Cookie`
    (Flask-Login's after-request hook looks into the session on every response)."""

    def save_session(self, app, session, response):
        if request.endpoint not in STATELESS:
            super().save_session(app, session, response)


def register_static(app: Flask) -> None:
    app.session_interface = PagesOnlySession()

    @app.after_request
    def cache_hashed_static(response):
        # A hashed name never changes content: a phone keeps it for a year and
        # never asks again. Plain names (no manifest yet) are still revalidated.
        if request.endpoint == "static" and HASHED.search((request.view_args or {}).get("filename", "")):
            response.cache_control.no_cache = None
            response.cache_control.public = True
            response.cache_control.max_age = ONE_YEAR
            response.cache_control.immutable = True
        if request.endpoint == "static":
            response.headers.pop("Content-Disposition", None)  # shown inline anyway: 60 bytes a file
        return response


def register_template_helpers(app: Flask) -> None:
    from .templating import init_template_helpers
    from .years import init_years

    init_template_helpers(app)
    init_years(app)


def register_errorhandlers(app: Flask) -> None:
    from .errors import init_error_pages

    init_error_pages(app)


def register_commands(app: Flask) -> None:
    from .cli import init_commands

    init_commands(app)
