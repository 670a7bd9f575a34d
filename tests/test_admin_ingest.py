"""The editors' ingestion screens: paste, upload, URLs, feeds, and the progress of each request."""

import re
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from timeline.models import Article, Event, Feed, Ingestion

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_d27454c361ced20d.txt"
SITE = Path(__file__).resolve().parent / "fixtures" / "site"
INGEST = reverse("admin:timeline_article_ingest")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("gazetteer")]


def post(client, **data):
    data = {"timezone": "Europe/Berlin", "text": "", "urls": "", **data}
    return client.post(INGEST, data)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def status_page(client, ingestion, **headers):
    url = reverse("admin:timeline_ingestion_change", args=[ingestion.pk])
    return client.get(url, headers=headers)


def test_the_article_list_links_to_the_ingest_page(editor_client):
    response = editor_client.get(reverse("admin:timeline_article_changelist"))
    assert f'href="{INGEST}"' in response.text and "Ingest articles" in response.text


def test_the_ingest_page_offers_paste_upload_and_urls(editor_client):
    response = editor_client.get(INGEST)
    assert response.status_code == 200
    for name in ("text", "files", "urls", "published", "timezone", "language"):
        assert f'name="{name}"' in response.text
    assert 'enctype="multipart/form-data"' in response.text
    assert re.search(r'<input[^>]+name="files"[^>]+multiple', response.text)


def test_analysts_and_visitors_cannot_ingest(analyst_client, client):
    for who in (analyst_client, client):
        assert who.get(INGEST).status_code == 302
        assert who.post(INGEST, {"text": "x"}).status_code == 302
    assert not Ingestion.objects.exists()


def test_pasted_text_is_queued_and_the_worker_makes_suggestions(
    editor_client, editor, run_worker, real_engine, transactional_db
):
    response = post(editor_client, text=SEED.read_text())
    ingestion = Ingestion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:timeline_ingestion_change", args=[ingestion.pk])
    assert ingestion.kind == "text" and ingestion.created_by == editor
    assert ingestion.status == "queued"
    queued = status_page(editor_client, ingestion)
    assert 'hx-trigger="every 1s"' in queued.text and "Queued" in queued.text

    run_worker()

    page = status_page(editor_client, ingestion)
    assert "Done" in page.text and "1 new, 0 already known, 0 failed" in page.text
    assert 'hx-trigger="every 1s"' not in page.text
    events = Event.objects.filter(citations__article__ingestions=ingestion)
    assert events.exists()
    for event in events:
        assert reverse("admin:timeline_event_change", args=[event.pk]) in page.text


def test_the_status_updates_in_place_with_htmx(editor_client):
    ingestion = Ingestion.objects.create(kind="url", source="x", total=4, done=1, status="running")
    fragment = status_page(editor_client, ingestion, HX_Request="true")
    assert fragment.text.lstrip().startswith('<div id="ingestion-status"')
    assert "<html" not in fragment.text
    assert 'hx-get="' in fragment.text and 'hx-swap="outerHTML"' in fragment.text
    assert 'value="1" max="4"' in fragment.text


def test_the_status_page_obeys_the_content_security_policy(editor_client):
    ingestion = Ingestion.objects.create(kind="url", source="x", total=1)
    response = status_page(editor_client, ingestion)
    assert "script-src 'self'" in response["Content-Security-Policy"]
    scripts = re.findall(r"<script\b[^>]*>", response.text)
    assert scripts and all("src=" in tag for tag in scripts)
    assert "htmx" in response.text and "<style" not in response.text
    assert not re.search(r"\sstyle=", response.text)


def test_several_files_at_once_and_bad_ones_are_reported(editor_client):
    files = [
        SimpleUploadedFile("seed.txt", SEED.read_bytes(), "text/plain"),
        SimpleUploadedFile("page.html", (SITE / "geneva-talks.html").read_bytes(), "text/html"),
        SimpleUploadedFile("photo.txt", b"\x89PNG\x00\x00\x00binary", "text/plain"),
        SimpleUploadedFile("blank.txt", b"  \n", "text/plain"),
        SimpleUploadedFile("huge.txt", b"a" * 3_000_000, "text/plain"),
    ]
    response = post(editor_client, files=files)
    assert response.status_code == 302
    ingestion = Ingestion.objects.get()
    assert [item["name"] for item in ingestion.items] == ["seed.txt", "page.html"]
    notes = messages_of(response)
    assert "photo.txt: the file is binary, not text" in notes
    assert "blank.txt: the article is empty" in notes
    assert any(note.startswith("huge.txt: the file is too large") for note in notes)


def test_only_bad_files_are_a_form_error(editor_client):
    response = post(editor_client, files=[SimpleUploadedFile("a.bin", b"\x00\x01", "text/plain")])
    assert response.status_code == 200
    assert "None of the files could be read" in response.text
    assert "a.bin: the file is binary, not text" in messages_of(response)
    assert not Ingestion.objects.exists()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "Nothing to ingest: paste an article, choose files or give URLs."),
        ({"text": "   \n  "}, "The pasted text is empty."),
        ({"urls": "https://example.org/a\nnot a url"}, "Not an http(s) URL: not a url"),
        ({"urls": "ftp://example.org/a"}, "Not an http(s) URL: ftp://example.org/a"),
        ({"text": "x", "timezone": "Mars/Olympus"}, "Unknown time zone: Mars/Olympus"),
    ],
)
def test_bad_input_is_a_form_error(editor_client, data, error):
    response = post(editor_client, **data)
    assert response.status_code == 200
    assert error in response.text
    assert not Ingestion.objects.exists()


def test_the_publication_time_override_is_kept_with_its_zone(editor_client):
    post(editor_client, text="Ein Artikel.", published="2022-01-12T10:00", timezone="Europe/London")
    ingestion = Ingestion.objects.get()
    assert ingestion.published.isoformat() == "2022-01-12T10:00:00+00:00"
    assert ingestion.timezone == "Europe/London"


def test_urls_are_fetched_by_the_worker_and_failures_shown(
    editor_client, site, run_worker, real_engine, transactional_db
):
    urls = "\n".join(
        [f"{site}/nato-council.html", f"{site}/empty.html", "http://127.0.0.1:9/unreachable"]
    )
    post(editor_client, urls=urls)
    ingestion = Ingestion.objects.get()
    run_worker()

    ingestion.refresh_from_db()
    assert (ingestion.articles_new, ingestion.failures, ingestion.status) == (1, 2, "failed")
    page = status_page(editor_client, ingestion).text
    assert f"{site}/empty.html: the page has no readable article text" in page
    assert "could not reach http://127.0.0.1:9/unreachable: connection refused" in page
    assert Article.objects.get().url == f"{site}/nato-council.html"


def test_private_addresses_are_refused(editor_client, run_worker, settings, transactional_db):
    settings.FETCH_ALLOWED_HOSTS = []
    post(editor_client, urls="http://169.254.169.254/latest/meta-data/")
    run_worker()
    page = status_page(editor_client, Ingestion.objects.get()).text
    assert "refused to fetch from 169.254.169.254: it is a private or local address" in page


def test_fetch_now_ingests_a_feed_in_the_background(
    editor_client, site, run_worker, real_engine, transactional_db
):
    feed = Feed.objects.create(url=f"{site}/atom.xml")
    not_a_feed = Feed.objects.create(url=f"{site}/nato-council.html")
    changelist = reverse("admin:timeline_feed_changelist")
    response = editor_client.post(
        changelist, {"action": "fetch_now", "_selected_action": [feed.pk, not_a_feed.pk]}
    )
    assert response.status_code == 302
    assert any("Fetching 2 feed(s)" in note for note in messages_of(response))
    run_worker()

    good, bad = Ingestion.objects.get(feed=feed), Ingestion.objects.get(feed=not_a_feed)
    assert (good.status, good.articles_new, good.kind) == ("done", 2, "feed")
    assert bad.status == "failed" and "is not an RSS or Atom feed" in bad.error
    assert Article.objects.filter(feed=feed).count() == 2
    listing = editor_client.get(changelist).text
    assert "is not an RSS or Atom feed (it is text/html)" in listing


def test_the_ingestion_list_shows_status_and_progress(editor_client):
    Ingestion.objects.create(kind="file", source="a.txt, b.txt", total=2, done=1, status="running")
    response = editor_client.get(reverse("admin:timeline_ingestion_changelist"))
    assert response.status_code == 200
    assert "a.txt, b.txt" in response.text and "1/2" in response.text
    assert "Running" in response.text or "running" in response.text
