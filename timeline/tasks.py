"""Background work: thin @task wrappers around ingest.py, ids in, nothing clever."""

from django.tasks import task

from . import ingest
from .models import Article, Ingestion


@task
def ingest_item(ingestion_id, index):
    try:
        outcomes = ingest.process_item(ingestion_id, index)
    except ingest.ItemCrashed:
        raise
    except Exception as error:
        ingest.mark_crashed(ingestion_id, error)
        raise
    return [outcome.error or outcome.result.message for outcome in outcomes]


@task
def reingest_article(article_id):
    return ingest.reingest(Article.objects.get(pk=article_id)).message


def enqueue(ingestion):
    """One task per item, so that several workers share a large request."""
    for index in range(len(ingestion.items)):
        ingest_item.enqueue(ingestion.pk, index)
    return ingestion


def enqueue_feed(feed, created_by=None):
    ingestion = ingest.create_ingestion(
        Ingestion.Kind.FEED,
        [{"kind": "feed", "url": feed.url}],
        source=feed.url,
        feed=feed,
        created_by=created_by,
    )
    return enqueue(ingestion)
