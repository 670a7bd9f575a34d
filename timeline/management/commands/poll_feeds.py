import contextlib

from django.core.management.base import BaseCommand, CommandError

from timeline import ingest, tasks
from timeline.management.commands.ingest import summary
from timeline.models import Feed, Ingestion


class Command(BaseCommand):
    help = "Fetch every active feed once and ingest its new entries (inline unless --enqueue)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="leave the fetching to the task worker"
        )

    def handle(self, *args, enqueue, **options):
        errors = []
        feeds = Feed.objects.filter(active=True).order_by("pk")
        for feed in feeds:
            if enqueue:
                tasks.enqueue_feed(feed)
                continue
            ingestion = ingest.create_ingestion(
                Ingestion.Kind.FEED,
                [{"kind": "feed", "url": feed.url}],
                source=feed.url,
                feed=feed,
            )
            # A crash is recorded on the ingestion and reported with the other failures.
            with contextlib.suppress(ingest.ItemCrashed):
                ingest.process_item(ingestion.pk, 0)
            ingestion.refresh_from_db()
            self.stdout.write(f"{feed}: {summary(ingestion)}")
            errors += ingestion.error.splitlines()
        if enqueue:
            self.stdout.write(f"Queued {feeds.count()} feed(s) for the task worker.")
        if errors:
            raise CommandError("\n".join(errors))
