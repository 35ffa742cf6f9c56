"""Pages weighed as a phone receives them: over HTTP from gunicorn, asking for
`Accept-Encoding: br, gzip`, counting the status line, headers and body as they
come off the socket (the body still compressed).

- first visit: an empty cache, so the HTML and every asset it names;
- repeat visit: a warm cache, so the HTML (pages are `no-store`) plus what the
  cache may not reuse as is: an asset without a fresh `max-age` is asked again
  (a conditional request when it has a validator: a 304 costs its headers);
- by a link: the page asked as a tapped link asks for it (htmx, boosted), whose
  answer leaves out what the first load's document keeps (base.html).
"""
import gzip
import http.client
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urljoin, urlsplit

from .measure import ACCEPT, login, names_for, send
from .pages import Page
from .seed import Plan


class Sent:
    def __init__(self, response: http.client.HTTPResponse, body: bytes):
        self.status_code, self.headers, self.body = response.status, response.msg, body
        head = f"HTTP/1.1 {response.status} {response.reason}\r\n" + "".join(
            f"{k}: {v}\r\n" for k, v in response.getheaders()) + "\r\n"
        self.wire = len(head.encode("latin-1")) + len(body)

    def get_data(self, as_text: bool = False):
        coding = self.headers.get("Content-Encoding", "")
        data = self.body
        if coding == "gzip":
            data = gzip.decompress(data)
        elif coding == "br":
            import brotli  # comes with Flask-Compress

            data = brotli.decompress(data)
        return data.decode() if as_text else data


class HttpClient:
    """Just enough of Flask's test client (open/get/post, no redirects followed)
    for bench/pages.py's hooks, over real HTTP, keeping cookies like a browser."""

    def __init__(self, base: str):
        self.base, self.cookies = base, {}

    def open(self, path: str, method: str = "GET", headers: dict | None = None, data: dict | None = None) -> Sent:
        parts = urlsplit(self.base)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        headers = {**ACCEPT, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            sent = Sent(response, response.read())
        finally:
            conn.close()
        for header in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return sent

    def get(self, path: str, **kwargs) -> Sent:
        return self.open(path, "GET", **kwargs)

    def post(self, path: str, **kwargs) -> Sent:
        return self.open(path, "POST", **kwargs)


class Assets(HTMLParser):
    """What a browser fetches with the page: scripts, stylesheets, icons, manifest."""

    FETCHED = {"stylesheet", "icon", "manifest", "preload", "modulepreload"}

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and self.FETCHED & set((a.get("rel") or "").split()) and a.get("href"):
            self.urls.append(a["href"])


def cache_control(headers) -> dict:
    out = {}
    for part in (headers.get("Cache-Control") or "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            out[name.lower()] = value
    return out


def fresh(headers) -> bool:
    """May a browser reuse this response without asking the server again?"""
    cc = cache_control(headers)
    return "no-store" not in cc and "no-cache" not in cc and cc.get("max-age", "0").isdigit() \
        and int(cc.get("max-age", "0")) > 0


def revisit(client: HttpClient, url: str, first: Sent) -> int:
    """Bytes a warm cache costs for one asset on the next page."""
    if fresh(first.headers):
        return 0
    ask = {}
    if "no-store" not in cache_control(first.headers):
        if first.headers.get("ETag"):
            ask["If-None-Match"] = first.headers["ETag"]
        if first.headers.get("Last-Modified"):
            ask["If-Modified-Since"] = first.headers["Last-Modified"]
    return client.get(url, headers=ask).wire


def weigh_page(client: HttpClient, token: str, page: Page, plan: Plan) -> dict:
    for i in range(2):  # the second, warm answer is the one weighed
        names = names_for(client, token, page, plan, i)
        r = send(client, token, page, names)
        # Most pages are reached by a tapped link: htmx asks for it boosted and swaps its body's content.
        linked = client.get(page.path.format(**names), headers={"HX-Request": "true", "HX-Boosted": "true"}) \
            if page.method == "GET" and not page.fragment else None
        if page.after:
            page.after(client, token, names)
    if r.status_code != page.status:
        return {"error": f"HTTP {r.status_code} over HTTP"}
    out = {"html_sent": r.wire, "encoding": r.headers.get("Content-Encoding", "identity")}
    if page.fragment:
        return out
    parser = Assets()
    parser.feed(r.get_data(as_text=True))
    path = page.path.format(**names)
    assets = {}
    for url in dict.fromkeys(urljoin(path, u) for u in parser.urls):
        first = client.get(url)
        assets[url] = {"first": first.wire, "repeat": revisit(client, url, first),
                       "cache_control": first.headers.get("Cache-Control"),
                       "encoding": first.headers.get("Content-Encoding", "identity"),
                       "vary": first.headers.get("Vary")}
    if linked is not None and linked.status_code != page.status:
        return {"error": f"HTTP {linked.status_code} by a link"}
    return {**out, "assets": assets, "by_link": linked.wire if linked else r.wire,
            "first_visit": r.wire + sum(a["first"] for a in assets.values()),
            "repeat_visit": r.wire + sum(a["repeat"] for a in assets.values())}


def weigh(base: str, pages: list[Page], plan: Plan) -> dict[str, dict]:
    """Every page's weight as sent by the server at `base`, by page name."""
    clients, out = {}, {}
    for page in pages:
        try:
            if page.user not in clients:
                client = HttpClient(base)
                clients[page.user] = client, login(client, plan, page.user)
            out[page.name] = weigh_page(*clients[page.user], page, plan)
        except Exception as e:  # one broken page must not hide the others' figures
            out[page.name] = {"error": f"{type(e).__name__}: {e}"}
    return out
