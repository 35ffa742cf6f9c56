"""Content-Security-Policy without inline script; HTTPS and HSTS in production only."""
from sammachip import CSP, create_app

POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
          "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; "
          "form-action 'self'; frame-ancestors 'none'")


def test_every_page_carries_the_policy_and_no_inline_script(client, officer, village):
    for url in ["/login", f"/villages/{village.id}", "/no-such-page"]:
        response = client.get(url)
        assert response.headers["Content-Security-Policy"] == POLICY
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "Strict-Transport-Security" not in response.headers  # not in development
        html = response.text
        assert "onclick=" not in html and "<script>" not in html and "hx-on" not in html


def test_production_sends_to_https_with_hsts(app):
    production = create_app({**app.config, "PRODUCTION": True})
    client = production.test_client()
    assert client.get("/healthz").status_code in (301, 302)
    secure = client.get("/healthz", base_url="https://localhost")
    assert "max-age=" in secure.headers["Strict-Transport-Security"]
    assert production.config["SESSION_COOKIE_SECURE"] is True
    assert set(CSP) >= {"script-src", "frame-ancestors"}


def test_own_assets_carry_nosniff_but_no_document_headers(client):
    """Styles, scripts, icon and manifest are not documents: no policy, no framing headers (0.4 KB each on
    a phone's first load); the service worker keeps its policy, which applies to it."""
    import re

    page = client.get("/login")
    for url in [*re.findall(r'(?:href|src)="(/static/[^"]+)"', page.text), "/manifest.webmanifest"]:
        asset = client.get(url)
        assert asset.status_code == 200 and asset.headers["X-Content-Type-Options"] == "nosniff"
        assert not {"Content-Security-Policy", "X-Frame-Options", "Content-Disposition"} & set(asset.headers.keys())
    assert client.get("/sw.js").headers["Content-Security-Policy"] == POLICY
