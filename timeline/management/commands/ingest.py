import contextlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline import ingest, tasks
from timeline.extraction.reading import decode
from timeline.extraction.types import ExtractionError
from timeline.management.arguments import published_from, zone_from
from timeline.models import Ingestion

SUFFIXES = {".txt", ".html", ".htm", ".xml"}
KINDS = {"text": "file", "file": "file", "url": "url", "feed": "feed", "feedfile": "feed"}


class Command(BaseCommand):
    help = (
        "Ingest articles from files, folders (recursively: .txt, .html, .htm, .xml feeds), "
        "page URLs and feed URLs; queued for the task worker unless --sync."
    )

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+", metavar="PATH|URL")
        parser.add_argument("--sync", action="store_true", help="ingest now, without the worker")
        parser.add_argument(
            "--published", help="publication time for every article, e.g. 2022-01-12T03:55"
        )
        parser.add_argument("--tz", default="Europe/Berlin", help="time zone of the articles")
        parser.add_argument("--lang", choices=["de", "en"], help="language (detected if omitted)")

    def handle(self, *args, sources, sync, published, tz, lang, **options):
        zone_from(tz)
        published_at = published_from(published, tz)
        items, errors = [], []
        for source in sources:
            found, failed = collect(source)
            items += found
            errors += failed
        if items:
            ingestion = ingest.create_ingestion(
                KINDS[items[0]["kind"]],
                items,
                source=" ".join(sources),
                published=published_at,
                tz=tz,
                lang=lang or "",
            )
            if sync:
                self.run_inline(ingestion)
                ingestion.refresh_from_db()
                errors += ingestion.error.splitlines()
                self.stdout.write(summary(ingestion, len(errors) - ingestion.failures))
            else:
                tasks.enqueue(ingestion)
                self.stdout.write(
                    f"Queued {len(items)} item(s) as ingestion #{ingestion.pk}; "
                    "the task worker (manage.py db_worker) will ingest them."
                )
        if errors:
            raise CommandError("\n".join(errors))

    def run_inline(self, ingestion):
        show_progress = self.stdout.isatty()
        total = len(ingestion.items)
        for index in range(total):
            # A crash is recorded on the ingestion and reported with the other failures.
            with contextlib.suppress(ingest.ItemCrashed):
                ingest.process_item(ingestion.pk, index)
            if show_progress:
                self.stdout.write(progress_bar(index + 1, total), ending="\r")
        if show_progress:
            self.stdout.write("")


def collect(source):
    """The items to ingest from one argument, and one-line errors for what cannot be read."""
    if source.startswith(("http://", "https://")):
        return [{"kind": "url", "url": source}], []
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not files:
            return [], [f"{source}: no .txt, .html, .htm or .xml files in this folder"]
    elif path.is_file():
        files = [path]
    else:
        return [], [f"{source}: no such file or directory"]
    items, errors = [], []
    for file in files:
        try:
            text = decode(file.read_bytes())
        except (ExtractionError, OSError) as error:
            errors.append(f"{file}: {error}")
            continue
        kind = "feedfile" if file.suffix.lower() == ".xml" else "file"
        items.append({"kind": kind, "name": str(file), "text": text})
    return items, errors


def progress_bar(done, total, width=30):
    filled = width * done // max(total, 1)
    return f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"


def _plural(count, singular, plural):
    return f"{count} {singular if count == 1 else plural}"


def summary(ingestion: Ingestion, unread=0):
    return (
        f"{_plural(ingestion.articles_new, 'article', 'articles')} new, "
        f"{ingestion.articles_known} already known, {ingestion.failures + unread} failed; "
        f"{_plural(ingestion.suggestions, 'suggestion', 'suggestions')} made, "
        f"{_plural(ingestion.corroborations, 'event', 'events')} corroborated"
    )
