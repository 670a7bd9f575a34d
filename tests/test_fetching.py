"""Fetching pages and feeds over HTTP from a real server on 127.0.0.1 (timeline/fetching.py)."""

import pytest

from timeline import fetching
from timeline.fetching import FetchError


def test_it_fetches_an_html_page(site):
    fetched = fetching.fetch(f"{site}/nato-council.html")
    assert fetched.content_type == "text/html"
    assert b"NATO-Russia Council met in Brussels" in fetched.body


def test_it_follows_up_to_five_redirects(site):
    assert fetching.fetch(f"{site}/redirect/5").url == f"{site}/nato-council.html"
    with pytest.raises(FetchError, match="too many redirects"):
        fetching.fetch(f"{site}/redirect/6")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost/",
        "http://10.0.0.8/",
        "http://192.168.1.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://0.0.0.0/",
    ],
)
def test_private_loopback_and_link_local_addresses_are_refused(url, settings):
    settings.FETCH_ALLOWED_HOSTS = []
    with pytest.raises(FetchError, match="private or local address"):
        fetching.fetch(url)


def test_a_redirect_into_the_private_network_is_refused(site, settings, monkeypatch):
    # The first hop is allowed by name; the redirect target resolves to loopback and is not.
    settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    real_check = fetching.check_url
    checked = []

    def check(url):
        checked.append(url)
        if len(checked) > 1:
            settings.FETCH_ALLOWED_HOSTS = []
        real_check(url)

    monkeypatch.setattr(fetching, "check_url", check)
    with pytest.raises(FetchError, match="private or local address"):
        fetching.fetch(f"{site}/redirect/2")
    assert checked[1] == f"{site}/redirect/1"


def test_other_schemes_are_refused():
    with pytest.raises(FetchError, match="only http and https"):
        fetching.fetch("file:///etc/passwd")


def test_an_unreachable_host_says_so(settings):
    settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    with pytest.raises(FetchError, match="could not reach .*connection refused"):
        fetching.fetch("http://127.0.0.1:9/")


def test_a_missing_page_says_which_status(site):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetching.fetch(f"{site}/gone.html")


def test_other_content_types_are_refused(site):
    with pytest.raises(FetchError, match="unsupported content type image/png"):
        fetching.fetch(f"{site}/image.png")


def test_pages_over_the_size_limit_are_refused(site, settings):
    settings.FETCH_MAX_BYTES = 1_000_000
    with pytest.raises(FetchError, match="too large"):
        fetching.fetch(f"{site}/huge.html")


def test_it_sends_its_user_agent(site, monkeypatch):
    seen = []
    original = fetching._opener.open

    def spy(request, *args, **kwargs):
        seen.append(request.get_header("User-agent"))
        return original(request, *args, **kwargs)

    monkeypatch.setattr(fetching._opener, "open", spy)
    fetching.fetch(f"{site}/nato-council.html")
    assert seen == [fetching.USER_AGENT]


def test_an_atom_feed_gives_entries_with_full_text_or_a_link(site):
    teaser, full = fetching.fetch_feed(f"{site}/atom.xml")
    assert teaser.link == f"{site}/nato-council.html" and not teaser.full_text
    assert teaser.published.isoformat() == "2022-01-12T08:30:00+00:00"
    assert full.full_text and "Verteidigungsminister der Europäischen Union" in full.content
    assert full.title == "EU-Verteidigungsminister beraten in Brest"


def test_an_rss_feed_gives_its_items(site):
    entries = fetching.fetch_feed(f"{site}/rss.xml")
    assert [e.link for e in entries] == [f"{site}/geneva-talks.html", f"{site}/gone.html"]
    assert entries[0].published.isoformat() == "2022-01-10T17:45:00+00:00"


def test_an_html_page_is_not_a_feed(site):
    with pytest.raises(FetchError, match="not an RSS or Atom feed"):
        fetching.fetch_feed(f"{site}/nato-council.html")
