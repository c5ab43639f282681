"""The feed and 404 checks of scripts/validate-publishing (see there)."""

import http.server
import os
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

import feedparser


def check_feed(site):
    feed = feedparser.parse(os.path.join(site, "feed.xml"))
    assert not feed.bozo, f"feed.xml: {feed.bozo_exception!r}"
    assert feed.version == "atom10", f"feed.xml: read as {feed.version!r}, not Atom 1.0"
    assert feed.entries, "feed.xml: no entries"
    for entry in feed.entries:
        assert entry.get("title") and entry.get("link"), f"feed.xml: entry without title or link: {entry}"
        assert entry.get("updated_parsed") or entry.get("published_parsed"), f"feed.xml: no parsable date in {entry.get('title')}"
    return len(feed.entries)


class References(HTMLParser):
    """The base, robots and canonical of a page, and every URL it loads or links to."""

    def __init__(self):
        super().__init__()
        self.base, self.robots, self.canonical, self.urls = None, None, None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "base":
            self.base = attrs.get("href")
        elif tag == "meta" and attrs.get("name") == "robots":
            self.robots = attrs.get("content", "")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs.get("href")
        for name in ("href", "src"):
            value = attrs.get(name)
            if value and tag != "base" and not value.startswith(("#", "mailto:", "tel:", "data:")):
                self.urls.append(value)


class Server(http.server.SimpleHTTPRequestHandler):
    """Serves the site under the base URL's path; a missing file gets 404.html, status 404."""

    prefix = "/"

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        path = urllib.parse.unquote(urllib.parse.urlsplit(path).path)
        if not path.startswith(self.prefix):
            return "/nonexistent"
        return os.path.join(self.directory, path[len(self.prefix):])

    def send_head(self):
        local = self.translate_path(self.path)
        if os.path.isdir(local):
            local = os.path.join(local, "index.html")
        if not os.path.isfile(local):
            body = open(os.path.join(self.directory, "404.html"), "rb").read()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().send_head()


def check_404(site, base):
    """Fetches a missing URL three folders deep from a local server that answers as the
    host would, then every URL the 404 page refers to, resolved as a browser does."""
    prefix = urllib.parse.urlsplit(base).path or "/"
    handler = type("Handler", (Server,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: handler(*a, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    local = f"http://127.0.0.1:{server.server_port}"
    try:
        missing = local + prefix + "a/b/c/missing"
        try:
            urllib.request.urlopen(missing)
            raise AssertionError(f"{missing}: not a 404")
        except urllib.error.HTTPError as error:
            assert error.code == 404, f"{missing}: status {error.code}"
            page = error.read().decode("utf-8")
        refs = References()
        refs.feed(page)
        assert refs.robots and "noindex" in refs.robots, "404.html: no <meta name=robots content=noindex>"
        assert refs.canonical is None, f"404.html: a canonical URL ({refs.canonical})"
        # The browser's view: the page's URL is the missing one, or its <base> wins.
        document = base + "a/b/c/missing"
        against = urllib.parse.urljoin(document, refs.base) if refs.base else document
        broken = []
        for url in refs.urls:
            absolute = urllib.parse.urljoin(against, url)
            if not absolute.startswith(base):
                broken.append(f"{url} leaves the site ({absolute})")
                continue
            fetched = local + prefix + absolute[len(base):].split("#")[0]
            try:
                urllib.request.urlopen(fetched).read()
            except urllib.error.HTTPError as error:
                broken.append(f"{url} -> {absolute}: {error.code}")
        assert not broken, "404.html at /a/b/c/missing:\n  " + "\n  ".join(broken)
        return len(refs.urls)
    finally:
        server.shutdown()


def main():
    site, base = sys.argv[1], sys.argv[2]
    if not base.endswith("/"):
        base += "/"
    entries = check_feed(site)
    print(f"feed.xml: Atom 1.0, {entries} entries, no parser errors")
    count = check_404(site, base)
    print(f"404.html: served at a/b/c/missing, noindex, no canonical, {count} references resolve")


if __name__ == "__main__":
    main()
