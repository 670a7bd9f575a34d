"""Script payloads in articles, titles, names and the search box stay inert text, in a real
browser, on every page that shows them: the timeline, its htmx detail with evidence
highlighting, the event page, the admin (changelists, change pages, history, review queue),
the exports and the feed.

The browser runs with the Content Security Policy bypassed: the policy would block injected
inline scripts anyway, and this test is about the escaping underneath it. Any dialog, any
`window.__pwned`, or any element carrying an injected event handler fails it.
"""

import datetime
import os
from urllib.parse import quote

import pytest
from django.contrib.auth.models import User

from timeline.models import Event

from .factories import cite, make_actor, make_article, make_event, make_place, make_tag

# Playwright's sync API runs an event loop in this thread; the ORM calls here are still sync.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

playwright_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser


SCRIPT = "<script>window.__pwned='script'</script>"
IMAGE = "<img src=x onerror=\"window.__pwned='img';alert('img')\">"
SVG = "<svg onload=alert('svg')>"
BREAKOUT = "\"'></textarea></title><script>alert('breakout')</script>"
ATTRIBUTE = "\" autofocus onfocus=\"alert('attr')"
PAYLOADS = [SCRIPT, IMAGE, SVG, BREAKOUT, ATTRIBUTE]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def poisoned(transactional_db):
    """Every text an article or an editor can bring in, carrying a payload."""
    actor = make_actor(f"NATO {SVG}", name_de=f"Nato {IMAGE}")
    place = make_place(f"Brussels {SCRIPT}", "BE", name_de=f"Brüssel {BREAKOUT}")
    tag = make_tag(f"crisis {IMAGE}")
    event = make_event(
        f"Council meets {SCRIPT}{IMAGE}",
        datetime.date(2022, 1, 12),
        place=place,
        actors=[actor],
        tags=[tag],
        summary=f"Summary {BREAKOUT} {SVG}",
    )
    suggested = make_event(
        f"Suggested {IMAGE}",
        datetime.date(2022, 1, 13),
        place=place,
        actors=[actor],
        curation_status=Event.Curation.SUGGESTED,
    )
    text = (
        f"Der Rat {SCRIPT} tagt heute in Brüssel {IMAGE}. "
        f"Die Minister {SVG} treffen sich {BREAKOUT} am Montag {ATTRIBUTE}."
    )
    article = make_article(
        text,
        title=f"Title {SCRIPT}",
        outlet=f"Outlet {IMAGE}",
        url="javascript:alert('url')",
    )
    # Evidence over a payload, and a span that cuts a tag in two.
    cite(event, article, ("place", "Brüssel"), ("trigger", SCRIPT), ("date", "img src"))
    cite(suggested, article, ("actor", "Minister"), ("trigger", SVG))
    User.objects.create_superuser("root-xss", password="root-pass")
    return {"event": event, "suggested": suggested, "article": article, "actor": actor}


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []

    def dismiss(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.base = live_server.url
    yield page
    context.close()


def visit(page, path):
    response = page.goto(page.base + path)
    assert response.status == 200, path
    page.wait_for_load_state("networkidle")
    assert_inert(page, path)
    return page


def assert_inert(page, where):
    # Focus and load handlers get their chance before we look.
    page.keyboard.press("Tab")
    page.wait_for_timeout(50)
    assert page.dialogs == [], where
    assert page.evaluate("window.__pwned") is None, where
    injected = page.evaluate(
        "document.querySelectorAll('[onerror], [onload], [onfocus], img[src=\"x\"]').length"
    )
    assert injected == 0, where


def log_in(page):
    page.goto(page.base + "/admin/login/")
    page.fill("#id_username", "root-xss")
    page.fill("#id_password", "root-pass")
    page.click("input[type=submit]")
    page.wait_for_url(page.base + "/admin/")


def test_payloads_stay_text_on_the_analysts_pages(page, poisoned):
    event = poisoned["event"]
    visit(page, "/")
    assert f"Council meets {SCRIPT}{IMAGE}" in page.inner_text("main")

    # The htmx detail, with the article's sentences and the evidence marked in them.
    page.click(f"#event-{event.pk} a.expand, a.expand[href='/events/{event.pk}/']")
    page.wait_for_selector(f"#event-{event.pk}-detail mark")
    assert_inert(page, "expanded detail")
    detail = page.inner_text(f"#event-{event.pk}-detail")
    assert SCRIPT in detail and "tagt heute in Brüssel" in detail

    visit(page, f"/events/{event.pk}/")
    text = page.inner_text("main")
    assert f"Summary {BREAKOUT} {SVG}" in text and f"NATO {SVG}" in text
    marks = page.eval_on_selector_all("mark", "marks => marks.map(m => m.textContent)")
    assert SCRIPT in marks and "img src" in marks
    # A javascript: URL of an article is not turned into a link.
    assert page.eval_on_selector_all("a[href^='javascript']", "links => links.length") == 0


def test_search_input_stays_text(page, poisoned):
    for payload in PAYLOADS:
        visit(page, "/?q=" + quote(payload))
        assert page.input_value("input[name=q]") == payload
    # Typed into the search box, filtered through htmx.
    visit(page, "/")
    page.fill("input[name=q]", IMAGE + SCRIPT)
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state("networkidle")
    assert_inert(page, "htmx search")


ADMIN_PAGES = [
    "/admin/timeline/event/",
    "/admin/timeline/event/?q=" + quote(SCRIPT),
    "/admin/timeline/event/{event}/change/",
    "/admin/timeline/event/{event}/history/",
    "/admin/timeline/event/review/",
    "/admin/timeline/actor/",
    "/admin/timeline/actor/{actor}/change/",
    "/admin/timeline/place/",
    "/admin/timeline/tag/",
    "/admin/timeline/article/",
    "/admin/timeline/article/{article}/change/",
    "/admin/timeline/citation/",
]


def test_payloads_stay_text_in_the_admin(page, poisoned):
    log_in(page)
    ids = {name: poisoned[name].pk for name in ("event", "actor", "article")}
    for path in ADMIN_PAGES:
        visit(page, path.format(**ids))
    # The review queue shows the suggestion's evidence, highlighted.
    visit(page, "/admin/timeline/event/review/")
    assert f"Suggested {IMAGE}" in page.inner_text("#content")
    assert SVG in page.eval_on_selector_all("mark", "marks => marks.map(m => m.textContent)")


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/export.json", "application/json"),
        ("/export.timelinejs.json", "application/json"),
        ("/export.csv", "text/csv"),
        ("/export.ics", "text/calendar"),
        ("/feed.atom", "application/atom+xml"),
        ("/api/events", "application/json"),
    ],
)
def test_exports_and_feeds_are_never_html(page, poisoned, path, content_type):
    """A browser opening them shows data, never a page that could run the payloads."""
    response = page.request.get(page.base + path)
    assert response.status == 200
    assert response.headers["content-type"].startswith(content_type)
    assert response.headers["x-content-type-options"] == "nosniff"
    if path.endswith(".json") or path.startswith("/api"):
        visit(page, path)  # rendered by the browser as plain text
    if path == "/feed.atom":
        # Feed readers render the description as HTML: it must hold the payload escaped.
        body = response.text()
        assert "&lt;script&gt;" in body or "&amp;lt;script&amp;gt;" in body
        assert "<script>" not in body
