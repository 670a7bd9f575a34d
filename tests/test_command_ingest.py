"""`manage.py ingest` and `poll_feeds`: files, folders, URLs and feeds, inline or queued."""

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from timeline.models import Article, Citation, Event, Feed, Ingestion

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d27454c361ced20d.txt"
SITE = Path(__file__).resolve().parent / "fixtures" / "site"

pytestmark = pytest.mark.usefixtures("real_engine")


def ingest(*args):
    out = io.StringIO()
    call_command("ingest", *map(str, args), stdout=out)
    return out.getvalue()


def failing_ingest(*args):
    out = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("ingest", *map(str, args), stdout=out)
    return out.getvalue(), str(raised.value)


def test_the_seed_article_twice_is_new_then_already_known(gazetteer):
    first = ingest("--sync", SEED)
    assert first.startswith("1 article new, 0 already known, 0 failed; ")
    made = Event.objects.count()
    assert made >= 1 and f"{made} suggestion" in first

    second = ingest("--sync", SEED)
    assert second.strip() == (
        "0 articles new, 1 already known, 0 failed; 0 suggestions made, 0 events corroborated"
    )
    assert Article.objects.count() == 1 and Event.objects.count() == made


def test_a_folder_is_read_recursively(gazetteer, tmp_path):
    shutil.copy(SEED, tmp_path / "seed.txt")
    (tmp_path / "pages").mkdir()
    shutil.copy(SITE / "brest-ministers.html", tmp_path / "pages" / "brest.HTML")
    shutil.copy(SITE / "geneva-talks.html", tmp_path / "pages" / "geneva.htm")
    (tmp_path / "pages" / "logo.png").write_bytes(b"\x89PNG\r\n" + bytes(100))
    output = ingest("--sync", tmp_path)
    assert output.startswith("3 articles new, 0 already known, 0 failed")
    titles = set(Article.objects.values_list("title", flat=True))
    assert "USA und Russland verhandeln in Genf" in titles
    assert "EU-Verteidigungsminister beraten in Brest" in titles


def test_a_feed_file_brings_its_entries(gazetteer, tmp_path):
    feed = (SITE / "atom.xml").read_text().replace("{base}", "https://news.example")
    (tmp_path / "feed.xml").write_text(feed)
    # The teaser's page is not reachable from here; the full-text entry is ingested anyway.
    output, errors = failing_ingest("--sync", tmp_path / "feed.xml")
    assert output.startswith("1 article new, 0 already known, 1 failed")
    assert "https://news.example/nato-council.html:" in errors
    assert Article.objects.get().title == "EU-Verteidigungsminister beraten in Brest"


def test_it_gives_a_publication_time_to_articles_without_one(gazetteer, tmp_path):
    article = tmp_path / "undated.txt"
    article.write_text("Nato und Russland\n\nDer Nato-Russland-Rat tagt heute in Brüssel.\n")
    output, errors = failing_ingest("--sync", article)
    assert "no publication time found" in errors and "--published" in errors

    ingest("--sync", article, "--published", "2022-01-12T10:00", "--tz", "Europe/Berlin")
    stored = Article.objects.get()
    assert stored.published_at.isoformat() == "2022-01-12T09:00:00+00:00"
    assert stored.timezone == "Europe/Berlin"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.txt", b"\x00\x01\x02binary\x00", "the file is binary, not text"),
        ("empty.txt", b"   \n", "the article is empty"),
        ("latin1.txt", "Gespräche in Brüssel".encode("latin-1"), "not UTF-8"),
        ("huge.txt", b"Nato " * 500_000, "too large"),
        ("menu.html", (SITE / "empty.html").read_bytes(), "no readable article text"),
        ("broken.xml", b"<html><body>not a feed</body></html>", "not an RSS or Atom feed"),
    ],
)
def test_bad_files_fail_with_a_message_and_the_others_are_ingested(
    gazetteer, tmp_path, name, content, message
):
    (tmp_path / name).write_bytes(content)
    shutil.copy(SEED, tmp_path / "seed.txt")
    output, errors = failing_ingest("--sync", tmp_path)
    assert "1 article new" in output and ", 1 failed;" in output
    assert errors.count("\n") == 0 and errors.startswith(str(tmp_path / name))
    assert message in errors
    assert Article.objects.count() == 1


def test_a_missing_path_is_an_error(gazetteer):
    output, errors = failing_ingest("--sync", "no/such/file.txt")
    assert errors == "no/such/file.txt: no such file or directory"


def test_pages_and_feeds_by_url(gazetteer, site):
    output, errors = failing_ingest("--sync", f"{site}/nato-council.html", f"{site}/rss.xml")
    # The page, the RSS item's page; the second RSS item links to a page that is gone.
    assert output.startswith("2 articles new, 0 already known, 1 failed")
    assert errors == f"{site}/gone.html: the server answered HTTP 404 File not found"
    page = Article.objects.get(url=f"{site}/nato-council.html")
    assert page.title.startswith("NATO-Russia Council meets in Brussels")
    assert Article.objects.filter(url=f"{site}/geneva-talks.html").exists()
    assert Citation.objects.filter(article=page).exists()


def test_an_unreachable_url_is_an_error(gazetteer, settings):
    settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    output, errors = failing_ingest("--sync", "http://127.0.0.1:9/article.html")
    assert "0 articles new, 0 already known, 1 failed" in output
    assert "could not reach http://127.0.0.1:9/article.html: connection refused" in errors


def test_private_addresses_are_refused(gazetteer, settings):
    settings.FETCH_ALLOWED_HOSTS = []
    output, errors = failing_ingest("--sync", "http://127.0.0.1:8000/admin/")
    assert "refused to fetch from 127.0.0.1: it is a private or local address" in errors


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_it_shows_a_progress_bar_on_a_terminal(gazetteer, tmp_path):
    shutil.copy(SEED, tmp_path / "a.txt")
    shutil.copy(SITE / "geneva-talks.html", tmp_path / "b.html")
    out = Terminal()
    call_command("ingest", "--sync", str(tmp_path), stdout=out)
    assert "] 1/2\r" in out.getvalue() and "] 2/2\r" in out.getvalue()
    assert "[" not in ingest("--sync", tmp_path)


def test_without_sync_it_queues_the_work_for_the_worker(
    gazetteer, site, run_worker, transactional_db
):
    output = ingest(SEED, f"{site}/brest-ministers.html")
    ingestion = Ingestion.objects.get()
    assert output.startswith(f"Queued 2 item(s) as ingestion #{ingestion.pk}")
    assert ingestion.status == Ingestion.Status.QUEUED and not Article.objects.exists()

    run_worker()

    ingestion.refresh_from_db()
    assert ingestion.status == Ingestion.Status.DONE
    assert (ingestion.done, ingestion.total, ingestion.articles_new) == (2, 2, 2)
    assert ingestion.articles.count() == 2 and ingestion.finished_at is not None


def test_poll_feeds_fetches_every_active_feed_once(gazetteer, site):
    atom = Feed.objects.create(url=f"{site}/atom.xml")
    html = Feed.objects.create(url=f"{site}/nato-council.html", title="Not a feed")
    Feed.objects.create(url=f"{site}/rss.xml", active=False)
    out = io.StringIO()
    with pytest.raises(CommandError, match="is not an RSS or Atom feed"):
        call_command("poll_feeds", stdout=out)

    assert f"{site}/atom.xml: 2 articles new" in out.getvalue()
    assert Article.objects.filter(feed=atom).count() == 2
    atom.refresh_from_db()
    html.refresh_from_db()
    assert atom.last_fetched_at and not atom.last_error
    assert html.last_fetched_at and "not an RSS or Atom feed" in html.last_error
    assert not Article.objects.filter(url__endswith="geneva-talks.html").exists()


def test_make_setup_can_ingest_the_seed_twice(tmp_path):
    """`make setup` runs `manage.py ingest --sync` on the seed: twice must succeed."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'setup.sqlite3'}"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    runs = [
        subprocess.run(
            [*manage, "ingest", "--sync", str(SEED)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    assert runs[0].stdout.startswith("1 article new")
    assert runs[1].stdout.startswith("0 articles new, 1 already known, 0 failed")


def test_a_failure_exits_non_zero_with_one_line_per_failure(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'fail.sqlite3'}"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    (tmp_path / "a.txt").write_bytes(b"\x00\x00")
    (tmp_path / "b.txt").write_text("")
    run = subprocess.run(
        [*manage, "ingest", "--sync", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        f"CommandError: {tmp_path / 'a.txt'}: the file is binary, not text",
        f"{tmp_path / 'b.txt'}: the article is empty",
    ]
