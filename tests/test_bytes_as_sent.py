"""Bytes as sent (issue 17): pages are compressed when the browser accepts it;
static files have content-hashed names, are cached for a year, and never touch
the session or the database."""
import gzip
import hashlib
import json
import re

import brotli
import pytest

from sammachip import HASHED, ROOT
from sammachip.extensions import db

from .dbutil import QueryCounter
from .factories import make_user

STATIC_URL = re.compile(r'(?:href|src)="(/static/[^"]+)"')


@pytest.mark.parametrize("accept, coding, decompress", [
    ("gzip, deflate, br, zstd", "br", brotli.decompress),  # a phone's Chrome
    ("gzip", "gzip", gzip.decompress),
])
def test_pages_are_compressed_when_asked(client, auth, village, accept, coding, decompress):
    make_user("officer", "officer", "6013", coordinated=("601303",))
    auth.login("officer")
    plain = client.get(f"/villages/{village.id}")
    sent = client.get(f"/villages/{village.id}", headers={"Accept-Encoding": accept})
    assert sent.status_code == 200 and sent.headers["Content-Encoding"] == coding
    assert "Accept-Encoding" in sent.headers["Vary"]  # a shared cache keeps one copy per encoding
    html = decompress(sent.data).decode()
    assert village.name in html and html.rstrip().endswith("</html>")
    assert len(sent.data) < len(plain.data) / 3
    assert "Content-Encoding" not in plain.headers  # nothing asked, nothing compressed


def test_hashed_static_files_are_immutable_without_session_or_database(client, auth):
    make_user("officer", "officer", "6013")
    auth.login("officer")  # the session cookie now goes with every request, as on a phone
    urls = STATIC_URL.findall(client.get("/visits").text)
    assert len(urls) >= 4 and all(HASHED.search(url) for url in urls), urls
    with QueryCounter(db.engine) as counter:
        responses = [client.get(url, headers={"Accept-Encoding": "br, gzip"}) for url in urls]
    assert counter.count == 0 and counter.checkouts == 0  # no user loaded, not even a connection
    for url, r in zip(urls, responses, strict=True):
        assert r.status_code == 200, url
        assert {d.strip() for d in r.headers["Cache-Control"].split(",")} == {
            "public", "max-age=31536000", "immutable"}, url
        assert "Set-Cookie" not in r.headers, url
        assert "cookie" not in r.headers.get("Vary", "").lower(), url
    assert responses[0].headers["Content-Encoding"] == "br"  # the stylesheet, compressed too


def test_plain_static_names_are_still_revalidated(client):
    # Only a hashed name promises unchanging content; an old link to app.css must see edits.
    assert "immutable" not in client.get("/static/app.css").headers["Cache-Control"]


def test_digest_manifest_matches_the_static_files():
    """`make install` rebuilds it; a stale one would serve an old copy under a new page."""
    manifest = ROOT / "static" / "cache_manifest.json"
    assert manifest.exists(), "static/cache_manifest.json is missing: run `make install`"
    for source, hashed in json.loads(manifest.read_text()).items():
        digest = hashlib.md5((ROOT / "static" / source).read_bytes()).hexdigest()
        assert hashed.endswith(f"-{digest}{(ROOT / 'static' / source).suffix}"), \
            f"{hashed} is stale: run `make install`"
        assert (ROOT / "static" / hashed).exists()


def test_no_login_cookie_rides_along_with_another_sites_requests(client, auth):
    """Compressed pages with secrets and echoed input are open to BREACH only when
    another site can make the browser send its login along."""
    make_user("officer", "officer", "6013")
    cookies = auth.login("officer").headers.getlist("Set-Cookie")
    logins = [c for c in cookies if c.startswith(("session=", "remember_token="))]
    assert len(logins) == 2 and all("SameSite=Lax" in c for c in logins), cookies


LATER = re.compile(r'data-(?:queue-)?script="(/static/[^"]+)"')  # loaded after the page is usable (app.js)


def wire(r) -> int:
    """Bytes as sent: the status line, headers and the (compressed) body."""
    head = f"HTTP/1.1 {r.status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in r.headers.items()) + "\r\n"
    return len(head.encode("latin-1")) + len(r.data)


def test_the_officers_first_screen_loads_within_the_budget_and_the_offline_code_later(client, auth, village):
    """Issue 16: the first load of the officer's first screen (bench/pages.py FIRST_LOAD_KB, as the
    bench weighs it: the page and every file it names) with the offline machinery's part of app.js;
    the queue, the download code and the service worker are fetched only later (app.js loads the
    queue after the page, only where a worker was installed by the download tap), printed beside."""
    from bench.pages import FIRST_LOAD_KB

    make_user("officer", "officer", "6013", coordinated=("601303",))
    auth.login("officer")
    br = {"Accept-Encoding": "br, gzip"}
    page = client.get("/visits", headers=br)
    html = brotli.decompress(page.data).decode()
    first = dict.fromkeys(STATIC_URL.findall(html) + ["/manifest.webmanifest"])
    later = dict.fromkeys(LATER.findall(html) + ["/sw.js"])
    assert len(later) == 3 and not set(later) & set(first), later
    sizes = {url: wire(client.get(url, headers=br)) for url in [*first, *later]}
    first_load = wire(page) + sum(sizes[u] for u in first)
    print(f"\nfirst load {first_load / 1024:.1f} KB (page {wire(page) / 1024:.1f} KB);",
          f"later {sum(sizes[u] for u in later) / 1024:.1f} KB:",
          {u.rsplit("/", 1)[-1]: round(n / 1024, 1) for u, n in sizes.items()})
    assert first_load <= FIRST_LOAD_KB * 1024


def test_hashed_static_files_go_out_compressed_once_at_quality_11(client):
    """`make install` writes a brotli copy of each hashed file (static_files.py): a browser that accepts br
    gets it as it is; one that does not gets gzip made by the app; the bytes are the file's either way."""
    hashed = json.loads((ROOT / "static" / "cache_manifest.json").read_text())["htmx-2.0.11.min.js"]
    original = (ROOT / "static" / hashed).read_bytes()
    br = client.get(f"/static/{hashed}", headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert br.headers["Content-Encoding"] == "br" and br.mimetype == "text/javascript"
    assert br.data == (ROOT / "static" / f"{hashed}.br").read_bytes()
    assert brotli.decompress(br.data) == original
    assert len(br.data) < len(brotli.compress(original, quality=5))  # smaller than a per-request level
    assert "Accept-Encoding" in br.headers["Vary"] and "immutable" in br.headers["Cache-Control"]
    gz = client.get(f"/static/{hashed}", headers={"Accept-Encoding": "gzip"})
    assert gz.headers["Content-Encoding"] == "gzip" and gzip.decompress(gz.data) == original
    assert client.get(f"/static/{hashed}", headers={"Accept-Encoding": "br;q=0, gzip"}).headers[
        "Content-Encoding"] == "gzip"
    assert client.get(f"/static/{hashed}.br").status_code == 200  # the copy itself is just a file


def test_a_boosted_link_gets_the_page_without_what_htmx_leaves_behind(client, auth, village):
    """htmx swaps a boosted answer's <body> content and reads its <title>; the first load's head
    and body attributes (messages, form token, queue script) stay. So that answer leaves them out."""
    make_user("officer", "officer", "6013", coordinated=("601303",))
    auth.login("officer")
    br = {"Accept-Encoding": "br, gzip"}
    whole = client.get(f"/villages/{village.id}", headers=br)
    boosted = client.get(f"/villages/{village.id}", headers={**br, "HX-Request": "true", "HX-Boosted": "true"})
    whole_html, boosted_html = (brotli.decompress(r.data).decode() for r in (whole, boosted))
    for html in (whole_html, boosted_html):
        assert f"<title>บ้าน{village.name} · Sammachip</title>" in html and 'id="main"' in html
    assert "data-msg-failed" in whole_html and "htmx-config" in whole_html and STATIC_URL.search(whole_html)
    assert "data-msg-" not in boosted_html.split("<header", 1)[0] and "htmx-config" not in boosted_html
    assert not STATIC_URL.search(boosted_html) and "<body>" in boosted_html
    print(f"\nvillage page as sent: whole {wire(whole)} B, boosted {wire(boosted)} B")
    assert wire(boosted) < wire(whole) - 600
