"""Two worker processes share one PostgreSQL queue: every article is ingested exactly once.

django-tasks-db claims tasks with SELECT … FOR UPDATE SKIP LOCKED; this checks it end to end.
"""

import os
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from timeline import ingest, tasks
from timeline.models import Article, Citation, Event, Ingestion

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 200

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SKIP LOCKED needs PostgreSQL"
)


def generated_article(number):
    day = date(2022, 1, 1) + timedelta(days=number)
    return (
        f"Nato-Russland-Rat, Meldung {number} Stand: {day:%d.%m.%Y} 10:00 Uhr\n\n"
        f"Der Nato-Russland-Rat tagt heute in Brüssel. Es ist die Sitzung Nummer {number}.\n"
    )


def database_url():
    settings = connection.settings_dict
    user = settings["USER"] or "postgres"
    host = settings["HOST"] or "127.0.0.1"
    return f"postgres://{user}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


def test_two_workers_drain_the_queue_each_article_once(transactional_db, gazetteer):
    items = [
        {"kind": "text", "name": f"article {n}", "text": generated_article(n)}
        for n in range(ARTICLES)
    ]
    ingestion = tasks.enqueue(ingest.create_ingestion(Ingestion.Kind.TEXT, items, source="bulk"))
    env = {**os.environ, "DATABASE_URL": database_url()}
    command = [sys.executable, str(ROOT / "manage.py"), "db_worker", "--batch", "--no-reload"]
    command += ["--no-startup-delay", "--interval", "0", "--queue-name", "*", "-v0"]
    workers = [
        subprocess.Popen([*command, "--worker-id", name], env=env, cwd=ROOT)
        for name in ("worker-a", "worker-b")
    ]
    assert [worker.wait(timeout=60) for worker in workers] == [0, 0]

    results = list(DBTaskResult.objects.all())
    assert len(results) == ARTICLES
    assert {result.status for result in results} == {"SUCCESSFUL"}
    assert all(len(result.worker_ids) == 1 for result in results)
    per_worker = Counter(result.worker_ids[0] for result in results)
    assert set(per_worker) == {"worker-a", "worker-b"}, per_worker

    ingestion.refresh_from_db()
    assert (ingestion.status, ingestion.done, ingestion.total) == ("done", ARTICLES, ARTICLES)
    assert ingestion.articles_new == ARTICLES and ingestion.articles.count() == ARTICLES
    assert Article.objects.count() == ARTICLES
    assert Event.objects.count() == Citation.objects.count() == ARTICLES
    assert set(Event.objects.values_list("corroboration", flat=True)) == {1}
