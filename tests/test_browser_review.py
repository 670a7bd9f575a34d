"""The review queue in a real browser: an editor reviews the seed article's suggestions by keyboard."""

import io
import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from timeline import ingest
from timeline.extraction.reading import read_document
from timeline.models import Event

# Playwright's sync API runs an event loop in this thread; the ORM calls here are still sync.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "test-output"
SEED = ROOT / "seeds" / "000_d27454c361ced20d.txt"
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def seed_article(transactional_db):
    """The seed article ingested against the real gazetteer from seeds/.

    The curated events are removed first: they already hold these three events, and the
    article would only corroborate them instead of making suggestions to review.
    """
    call_command("load_seeds", cities_min_population=100_000, stdout=io.StringIO())
    Event.objects.all().delete()
    result = ingest.ingest_document(read_document(SEED.read_bytes()), source=SEED.name)
    assert result.suggestions == 3
    return result.article


@pytest.fixture
def page(browser, live_server):
    """A page that fails the test on any console error or uncaught exception."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.base_url = live_server.url
    yield page
    context.close()
    assert page.errors == []


CONFLICT_STATUS = "the server responded with a status of 409 (Conflict)"


def log_in(page, user, password, next_path):
    page.goto(f"{page.base_url}/admin/login/?next={next_path}")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(re.escape(next_path.split("?")[0])))


def current_card(page):
    return page.locator(".review-card.is-current")


def go_to_card(page, card):
    """Press j (then k) until `card` is the current one: the keyboard is the only way."""
    target = card.get_attribute("id")
    for key in ["j"] * 6 + ["k"] * 6:
        if current_card(page).count() and current_card(page).get_attribute("id") == target:
            return
        page.keyboard.press(key)
    raise AssertionError(f"could not reach {target} with j/k")


def review_queue(article):
    return f"/admin/timeline/event/review/?article={article.pk}"


def open_review_queue(page, seed_article, editor):
    """The editor logged in on the seed article's review queue: its three cards."""
    editor.set_password("editor-pass")
    editor.save()
    log_in(page, editor, "editor-pass", review_queue(seed_article))
    cards = page.locator(".review-card")
    expect(cards).to_have_count(3)
    return cards


def test_an_editor_reviews_the_seed_article_by_keyboard(page, seed_article, editor):
    cards = open_review_queue(page, seed_article, editor)
    council = cards.filter(has_text="Brussels, BE")
    brest = cards.filter(has_text="Brest, FR")
    biden = cards.filter(has_text="Joe Biden")
    for card in (council, brest, biden):
        expect(card).to_have_count(1)
    # The evidence is highlighted and the relative date explained.
    expect(council.locator("mark.evidence-date").first).to_have_text(
        re.compile("heute", re.IGNORECASE)
    )
    expect(council.locator(".date-resolution")).to_contain_text(
        "anchored on 12.01.2022 03:55 Europe/Berlin"
    )
    expect(brest.locator("mark.evidence-place").first).to_have_text("Brest")
    page.screenshot(path=OUTPUT / "review-queue.png", full_page=True, caret="initial")
    council.screenshot(path=OUTPUT / "review-card.png", caret="initial")

    page.keyboard.press("j")
    go_to_card(page, council)
    page.keyboard.press("a")
    expect(council).to_have_attribute("data-status", "approved")
    expect(council.locator(".review-message")).to_contain_text("Approved")

    go_to_card(page, brest)
    page.keyboard.press("a")
    expect(brest).to_have_attribute("data-status", "approved")

    go_to_card(page, biden)
    page.keyboard.press("r")
    reason = biden.locator(".reject-reason")
    expect(reason).to_be_focused()
    page.keyboard.type("Too vague: no date or place of its own")
    page.keyboard.press("Enter")
    expect(biden).to_have_attribute("data-status", "rejected")
    expect(biden.locator(".rejection-reason")).to_have_text(
        "Too vague: no date or place of its own"
    )
    page.screenshot(path=OUTPUT / "review-queue-done.png", full_page=True, caret="initial")

    statuses = dict(Event.objects.values_list("title", "curation_status"))
    assert sorted(statuses.values()) == ["approved", "approved", "rejected"]
    biden_event = Event.objects.get(curation_status="rejected")
    assert biden_event.rejection_reason == "Too vague: no date or place of its own"
    assert biden_event.history.first().history_user == editor

    # A fresh queue has nothing left to review for this article.
    page.goto(page.base_url + review_queue(seed_article))
    expect(page.locator(".review-empty")).to_have_text("Nothing to review here.")

    page.goto(page.base_url + "/")
    timeline = page.locator("#event-list")
    for event in Event.objects.approved():
        expect(timeline).to_contain_text(event.title)
    expect(timeline).not_to_contain_text(biden_event.title)
    page.screenshot(path=OUTPUT / "review-timeline-after.png", caret="initial")


def test_merge_by_keyboard_and_stale_conflict(page, seed_article, editor, client):
    """m merges into the best candidate; a second editor's stale click gets a conflict."""
    editor.set_password("editor-pass")
    editor.save()
    council = Event.objects.get(place__name="Brussels")
    council.approve(by=editor)
    twin = Event.objects.create(
        title="NATO-Russia Council meets again",
        type="session",
        start=council.start,
        place=council.place,
        confidence=0.7,
    )
    twin.participations.create(actor=council.participations.first().actor)
    log_in(page, editor, "editor-pass", "/admin/timeline/event/review/?type=session")
    card = page.locator(f"#review-{twin.pk}")
    expect(card.locator(".candidate").first).to_contain_text(council.title)
    page.screenshot(path=OUTPUT / "review-candidates.png", full_page=True, caret="initial")
    page.keyboard.press("j")
    go_to_card(page, card)
    page.keyboard.press("m")
    expect(card).to_have_attribute("data-status", "merged")
    twin.refresh_from_db()
    assert twin.merged_into == council

    # Split it off again with the button; then act on a stale card.
    card.get_by_role("button", name="Split off again").click()
    expect(card).to_have_attribute("data-status", "suggested")
    Event.objects.get(pk=twin.pk).reject(by=editor, reason="meanwhile, another editor")
    card.locator(".action-approve").click()
    expect(card.locator(".review-message")).to_contain_text("changed by someone else")
    expect(card).to_have_attribute("data-status", "rejected")
    card.screenshot(path=OUTPUT / "review-conflict.png", caret="initial")
    assert Event.objects.get(pk=twin.pk).curation_status == "rejected"
    # Chromium logs every 4xx answer; the 409 is the conflict answered on purpose.
    assert [error for error in page.errors if CONFLICT_STATUS in error] != []
    page.errors = [error for error in page.errors if CONFLICT_STATUS not in error]


def test_the_queue_works_without_javascript(browser, live_server, seed_article, editor):
    editor.set_password("editor-pass")
    editor.save()
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.base_url = live_server.url
    log_in(page, editor, "editor-pass", "/admin/timeline/event/review/")
    card = page.locator(".review-card").filter(has_text="Brussels, BE")
    card.get_by_role("button", name=re.compile("^Approve")).click()
    expect(page.locator(".messagelist")).to_contain_text("Approved")
    expect(page.locator(".review-card")).to_have_count(2)
    card = page.locator(".review-card").filter(has_text="Joe Biden")
    card.get_by_label("Reason for rejecting").fill("vague")
    card.get_by_role("button", name=re.compile("^Reject")).click()
    expect(page.locator(".review-card")).to_have_count(1)
    assert Event.objects.get(curation_status="rejected").rejection_reason == "vague"
    context.close()


def test_a_late_answer_does_not_take_the_focus_from_the_reason_being_typed(
    page, seed_article, editor
):
    cards = open_review_queue(page, seed_article, editor)
    brest = cards.filter(has_text="Brest, FR")
    biden = cards.filter(has_text="Joe Biden")
    # Hold the answer to the approval until the editor has moved on and started a rejection.
    held = []
    page.route(
        re.compile(r".*/admin/timeline/event/.*"),
        lambda route: held.append(route) if route.request.method == "POST" else route.continue_(),
    )
    page.keyboard.press("j")
    go_to_card(page, brest)
    page.keyboard.press("a")
    page.wait_for_timeout(200)
    assert len(held) == 1
    go_to_card(page, biden)
    page.keyboard.press("r")
    reason = biden.locator(".reject-reason")
    expect(reason).to_be_focused()
    held[0].continue_()
    expect(brest).to_have_attribute("data-status", "approved")
    expect(reason).to_be_focused()
    page.keyboard.type("late")
    expect(reason).to_have_value("late")
