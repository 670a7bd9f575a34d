"""The timeline in a real browser: Debian's Chromium driven by Playwright against live_server."""

import datetime
import os
import re
from pathlib import Path

import pytest

from timeline.models import Actor, Event

from .factories import cite, make_actor, make_article, make_event, make_place, make_tag

# Playwright's sync API runs an event loop in this thread; the ORM calls here are still sync.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "test-output"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def open_page(browser, live_server):
    """Opens pages that fail the test on any console error or uncaught exception."""
    contexts, errors = [], []

    def open_page(path="/", viewport=DESKTOP, **options):
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(live_server.url + path)
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert errors == []


@pytest.fixture
def timeline_data(transactional_db):
    """45 approved events over two months (so the list scrolls), one with a source."""
    nato, russia = make_actor("NATO"), make_actor("Russia", Actor.Kind.STATE, name_de="Russland")
    eu = make_actor("European Union", name_de="Europäische Union")
    brussels, brest = make_place("Brussels", "BE", name_de="Brüssel"), make_place("Brest", "FR")
    tag = make_tag("Ukraine crisis")
    for i in range(42):
        day = datetime.date(2021, 11, 1) + datetime.timedelta(days=i)
        make_event(f"Routine consultation {i:02}", day, place=brest, actors=[eu])
    council = make_event("NATO-Russia Council meets again", datetime.date(2022, 1, 12),
                         type="session", place=brussels, actors=[nato, russia], tags=[tag],
                         corroboration=2, summary="The first session since 2019.")  # fmt: skip
    make_event("EU defence ministers meet in Brest", datetime.date(2022, 1, 12),
               end=datetime.date(2022, 1, 13), place=brest, actors=[eu], tags=[tag])  # fmt: skip
    make_event("Normandy format summit", datetime.date(2022, 2, 1), type="summit",
               precision="month", occurrence_status=Event.Occurrence.POSTPONED)  # fmt: skip
    article = make_article(
        "Nato-Russland-Rat tagt wieder\n\nHeute Vormittag kommt in Brüssel der "
        "Nato-Russland-Rat zusammen. Danach treffen sich die EU-Verteidigungsminister in Brest.",
        url="https://www.tagesschau.de/ausland/nato-russland-101.html",
    )
    cite(council, article, ("date", "Heute Vormittag"), ("place", "Brüssel"),
         ("actor", "Nato-Russland-Rat zusammen"), ("trigger", "kommt"))  # fmt: skip
    return {"council": council}


def events(page):
    return page.locator("#event-list li.event")


def test_a_filter_updates_the_list_and_the_url_in_place_and_back_restores(open_page, timeline_data):
    page = open_page("/")
    expect(events(page)).to_have_count(30)
    page.evaluate("window.notReloaded = true")
    page.locator("#facet-type label", has_text="council or ministerial session").click()
    page.wait_for_url(re.compile(r"\?type=session$"))
    expect(events(page)).to_have_count(1)
    expect(page.locator("#result-count")).to_have_text(re.compile(r"^\s*1 event\s*$"))
    assert page.evaluate("window.notReloaded") is True  # swapped, not navigated
    expect(page.locator("#type-session")).to_be_checked()
    page.screenshot(path=OUTPUT / "timeline-filtered-desktop.png", caret="initial")

    page.go_back()
    page.wait_for_url(re.compile(r"/$"))
    expect(events(page)).to_have_count(30)
    expect(page.locator("#type-session")).not_to_be_checked()
    page.go_forward()
    expect(events(page)).to_have_count(1)


def test_typing_a_search_filters_and_the_url_reproduces_the_view(open_page, timeline_data):
    page = open_page("/")
    page.get_by_label("Search").fill("council")
    page.wait_for_url(re.compile(r"\?q=council$"))
    expect(events(page)).to_have_count(1)
    expect(page.get_by_label("Search")).to_be_focused()  # focus survives the swap
    again = open_page("/?q=council")
    expect(events(again)).to_have_count(1)
    expect(again.locator("#event-list")).to_contain_text("NATO-Russia Council meets again")


def test_scrolling_to_the_end_loads_the_next_page(open_page, timeline_data):
    page = open_page("/")
    expect(events(page)).to_have_count(30)
    page.locator("li.more").scroll_into_view_if_needed()
    expect(events(page)).to_have_count(45)
    expect(page.locator("li.end")).to_have_text("End of the timeline.")
    titles = events(page).locator("a.expand").all_inner_texts()
    assert len(set(titles)) == 45
    assert titles[-1] == "Routine consultation 00"


def test_an_event_expands_in_place_and_collapses_again(open_page, timeline_data):
    page = open_page("/")
    item = page.locator(f"#event-{timeline_data['council'].pk}")
    link = item.locator("a.expand")
    link.click()
    detail = item.locator(".event-detail")
    expect(detail).to_contain_text("The first session since 2019.")
    expect(detail.locator("blockquote mark.evidence-place")).to_have_text("Brüssel")
    expect(link).to_have_attribute("aria-expanded", "true")
    assert page.url == page.url.split("?")[0]  # still the timeline, no navigation
    item.screenshot(path=OUTPUT / "timeline-event-expanded.png", caret="initial")
    link.click()
    expect(detail).to_be_empty()
    expect(link).to_have_attribute("aria-expanded", "false")


def test_switching_to_german_keeps_the_view(open_page, timeline_data):
    page = open_page("/")
    page.locator("#facet-type label", has_text="summit or conference").click()
    page.wait_for_url(re.compile(r"\?type=summit$"))
    page.get_by_role("button", name="Deutsch").click()
    page.wait_for_url(re.compile(r"\?type=summit$"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("h1")).to_have_text("Zeitleiste")
    expect(events(page)).to_have_count(1)
    expect(events(page).first).to_contain_text("Februar 2022")
    expect(events(page).first).to_contain_text("verschoben")
    page.screenshot(path=OUTPUT / "timeline-german-desktop.png", caret="initial")


def test_it_works_without_javascript(open_page, timeline_data):
    page = open_page("/", java_script_enabled=False)
    page.locator("#facet-type label", has_text="meeting or talks").click()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"type=meeting"))
    expect(events(page)).to_have_count(30)
    page.get_by_role("link", name="Load more events").click()
    expect(events(page)).to_have_count(13)
    page.get_by_role("link", name=re.compile("Routine consultation 00")).click()
    expect(page.locator("h1")).to_have_text("Routine consultation 00")


def test_the_density_strip_narrows_the_range(open_page, timeline_data):
    page = open_page("/")
    page.locator(".density-strip a[aria-label^='12 January 2022']").click()
    page.wait_for_url(re.compile(r"from=2022-01-12&to=2022-01-12"))
    expect(events(page)).to_have_count(2)


@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_screenshots(open_page, timeline_data, name, viewport):
    page = open_page("/", viewport=viewport)
    expect(events(page)).to_have_count(30)
    page.screenshot(path=OUTPUT / f"timeline-{name}.png", caret="initial")
    page.screenshot(path=OUTPUT / f"timeline-{name}-full.png", full_page=True, caret="initial")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"]  # nothing overflows sideways
    detail = open_page(f"/events/{timeline_data['council'].pk}/", viewport=viewport)
    detail.screenshot(path=OUTPUT / f"event-{name}.png", full_page=True, caret="initial")


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `npm install`")
@pytest.mark.parametrize("path", ["/", "/?type=session&q=council", "/events/{council}/"])
def test_no_serious_accessibility_violations(open_page, timeline_data, path):
    # axe is injected as a script, which the page's CSP rightly refuses: bypass it for this run.
    page = open_page(path.format(council=timeline_data["council"].pk), bypass_csp=True)
    if path == "/":
        page.locator("a.expand").first.click()
        expect(page.locator(".event-detail").first).not_to_be_empty()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document)")
    serious = [
        (violation["id"], [node["target"] for node in violation["nodes"]])
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == []
