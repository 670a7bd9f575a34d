"""Fetch pages and feeds over HTTP: bounded in time and size, and never into private networks.

Every host, including each redirect target, is resolved and refused when any of its addresses
is private, loopback, link-local or otherwise not public, unless settings.FETCH_ALLOWED_HOSTS
names it (tests allow 127.0.0.1). Errors are `FetchError` with a one-line message for editors.
"""

import calendar
import ipaddress
import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import feedparser
from django.conf import settings

USER_AGENT = "diplomatic-timeline/0.1 (news ingestion; +https://github.com/)"
MAX_REDIRECTS = 5
HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain"}
FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)
# Feed entries whose content is shorter than this are teasers: the linked page has the article.
FULL_TEXT_CHARS = 600


class FetchError(Exception):
    """A page or feed that cannot be fetched; the message is one line meant for the user."""


@dataclass(frozen=True)
class Fetched:
    url: str
    content_type: str
    body: bytes
    charset: str | None = None

    @property
    def is_feed(self):
        if self.content_type in FEED_TYPES:
            return True
        head = self.body[:500].lstrip().lower()
        return self.content_type in TEXT_TYPES | {""} and head.startswith((b"<?xml", b"<rss"))

    def text(self):
        """The body as str when its charset is known, else the bytes for the reader to check."""
        charset = self.charset
        found = _META_CHARSET.search(self.body[:4096])
        if charset is None and self.content_type in HTML_TYPES and found:
            charset = found.group(1).decode("ascii")
        if charset is None:
            return self.body
        try:
            return self.body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            raise FetchError(f"{self.url}: the page is not valid {charset} text") from None


@dataclass(frozen=True)
class FeedEntry:
    link: str | None
    title: str | None
    published: datetime | None
    content: str
    full_text: bool


def check_host(host):
    """Refuse hosts that resolve to non-public addresses (SSRF), unless explicitly allowed."""
    if not host:
        raise FetchError("the URL has no host")
    if host.lower() in {name.lower() for name in settings.FETCH_ALLOWED_HOSTS}:
        return
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"could not resolve the host {host}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if getattr(address, "ipv4_mapped", None):
            address = address.ipv4_mapped
        if not address.is_global or address.is_multicast:
            raise FetchError(f"refused to fetch from {host}: it is a private or local address")


def check_url(url):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {url!r}")
    check_host(parts.hostname)


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_url(urljoin(req.full_url, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_CheckedRedirects)


def fetch(url, *, accept=HTML_TYPES | TEXT_TYPES | FEED_TYPES):
    url = url.strip()
    check_url(url)
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(sorted(accept)) + ", */*;q=0.1"}
    )
    limit = settings.FETCH_MAX_BYTES
    try:
        with _opener.open(request, timeout=settings.FETCH_TIMEOUT) as response:
            content_type = response.headers.get_content_type()
            if content_type not in accept and response.headers.get("Content-Type"):
                raise FetchError(f"{url}: unsupported content type {content_type}")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise FetchError(f"{url}: the page is too large ({int(length):,} bytes)")
            body = response.read(limit + 1)
            if len(body) > limit:
                raise FetchError(f"{url}: the page is too large (more than {limit:,} bytes)")
            return Fetched(
                url=response.geturl(),
                content_type=content_type,
                body=body,
                charset=response.headers.get_content_charset(),
            )
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:
            raise FetchError(f"{url}: too many redirects (at most {MAX_REDIRECTS})") from None
        raise FetchError(f"{url}: the server answered HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, FetchError):
            raise error.reason from None
        raise FetchError(f"could not reach {url}: {_reason(error.reason)}") from None
    except TimeoutError:
        raise FetchError(f"{url}: no answer within {settings.FETCH_TIMEOUT:g} seconds") from None
    except (OSError, ValueError) as error:
        raise FetchError(f"could not fetch {url}: {_reason(error)}") from None


def _reason(reason):
    if isinstance(reason, socket.timeout | TimeoutError):
        return f"no answer within {settings.FETCH_TIMEOUT:g} seconds"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    return str(getattr(reason, "strerror", None) or reason)


def parse_feed(data, source="the feed"):
    """The entries of an RSS or Atom document; FetchError when it is not one."""
    parsed = feedparser.parse(data)
    if not parsed.version:
        raise FetchError(f"{source} is not an RSS or Atom feed")
    return [_entry(entry) for entry in parsed.entries]


def _entry(entry):
    content = ""
    if entry.get("content"):
        content = max((part.get("value", "") for part in entry.content), key=len)
    summary = entry.get("summary", "")
    full_text = len(_strip_tags(content)) >= FULL_TEXT_CHARS
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return FeedEntry(
        link=entry.get("link") or None,
        title=entry.get("title") or None,
        published=datetime.fromtimestamp(calendar.timegm(stamp), UTC) if stamp else None,
        content=content if full_text else (content or summary),
        full_text=full_text,
    )


def _strip_tags(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def fetch_feed(url):
    fetched = fetch(url)
    if not fetched.is_feed:
        raise FetchError(f"{url} is not an RSS or Atom feed (it is {fetched.content_type})")
    return parse_feed(fetched.body, url)
