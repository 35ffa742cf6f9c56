"""Which language a request is shown in: Thai unless the user chose English."""
from flask import current_app, request

LANG_COOKIE = "lang"


def select_locale() -> str:
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in current_app.config["LANGUAGES"]:
        return chosen
    return current_app.config["BABEL_DEFAULT_LOCALE"]
