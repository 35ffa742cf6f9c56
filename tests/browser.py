"""Playwright driving Debian's Chromium against the app served from a thread."""
import os
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from .factories import PASSWORD

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).parent / "screenshots"
PHONE = {"width": 360, "height": 800}
SIZES = ({"width": 320, "height": 720}, PHONE)  # the narrowest phone we support, and a common one
# Flags that keep Chromium from dialling out on a closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def require_chromium():
    if os.path.exists(CHROMIUM):
        return
    message = "Chromium is missing: sudo apt-get install -y chromium fonts-thai-tlwg"
    if os.environ.get("CI"):
        pytest.fail(message + " (browser tests never skip under CI)")
    pytest.skip(message)


class LiveServer:
    def __init__(self, app):
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()


def fits(page, width: int) -> bool:
    """Nothing wider than the screen: no sideways scrolling."""
    return page.evaluate("document.documentElement.scrollWidth") <= width


def phone_page(chromium, base_url: str, size: dict = PHONE):
    """A page in a fresh browser context of a phone's size, in Thai (close it with page.context.close())."""
    page = chromium.new_context(viewport=size, base_url=base_url, locale="th-TH").new_page()
    page.set_default_timeout(10_000)
    return page


def shot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def log_in(page, username: str, password: str = PASSWORD):
    page.goto("/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)


WIDTHS = (360, 320)


def look(page, url: str | None, name: str) -> None:
    """Screenshots of the page (`url`, else as it stands) at each width, none wider than the screen."""
    if url:
        page.goto(url)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        page.wait_for_timeout(150)  # let the resized page paint before the full-page shot
        shot(page, f"{name}-{width}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, width)
