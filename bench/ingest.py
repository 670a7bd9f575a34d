"""Ingestion end to end into the database: articles per second, inline and through the worker.

    .venv/bin/python bench/ingest.py [--articles 400] [--database sqlite|postgres]

Builds a fresh database (a temporary SQLite file, or the PostgreSQL database `bench_ingest` at
127.0.0.1:5432, dropped and created again), loads the real seeds (gazetteer and curated events),
then ingests the development set's articles (tests/devset, with their gold publication times;
copies get a numbered suffix so that each is a new article) twice:

- inline, in this process with a warm gazetteer: the engine alone, then `ingest_document`
  with the engine's answers replayed (the database side alone);
- worker: queued as tasks and drained by `manage.py db_worker --batch` in a subprocess, whose
  peak memory is read with resource.getrusage(RUSAGE_CHILDREN).
"""

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "devset"
POSTGRES_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
POSTGRES_BENCH = "postgres://postgres@127.0.0.1:5432/bench_ingest"


def articles(count):
    """(text, published) pairs: the devset cycled, or generated articles when it is missing."""
    base = []
    gold = DEVSET / "gold.json"
    if gold.is_file():
        for record in json.loads(gold.read_text()):
            base.append(((DEVSET / record["file"]).read_text(), record["published"]))
    if not base:
        base = [
            (
                f"Meldung Stand: 12.01.2022 10:00 Uhr\n\nDer Nato-Russland-Rat tagt heute in "
                f"Brüssel. Außenministerin Baerbock reist am Montag nach Moskau ({n}).\n",
                None,
            )
            for n in range(50)
        ]
    return [
        (text + f"\n\n(Bench-Kopie {n // len(base)})\n", published)
        for n, (text, published) in ((n, base[n % len(base)]) for n in range(count))
    ]


def fresh_database(kind):
    if kind == "postgres":
        import psycopg

        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
            admin.execute("DROP DATABASE IF EXISTS bench_ingest")
            admin.execute("CREATE DATABASE bench_ingest")
        return POSTGRES_BENCH
    return f"sqlite:///{tempfile.mkdtemp(prefix='bench-ingest-')}/bench.sqlite3"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    options = parser.parse_args()

    os.environ["DATABASE_URL"] = fresh_database(options.database)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from timeline import ingest, tasks
    from timeline.extraction.reading import read_document
    from timeline.extraction.types import ExtractionError
    from timeline.gazetteer import load_gazetteer
    from timeline.models import Article, Citation, Event, Ingestion

    call_command("migrate", verbosity=0)
    call_command("load_seeds", verbosity=0)
    started = time.perf_counter()
    load_gazetteer()
    gazetteer_seconds = time.perf_counter() - started

    half = options.articles // 2
    batch = articles(options.articles)
    inline, queued = batch[:half], batch[half:]

    documents = [
        (read_document(text), datetime.fromisoformat(published) if published else None)
        for text, published in inline
    ]
    # First the engine alone, then the storing alone (the engine's answers replayed), so that
    # the figures say which side costs what; the worker below measures both together.
    from timeline.extraction.pipeline import suggest

    gazetteer = load_gazetteer()
    suggested = {}
    started = time.perf_counter()
    for document, published in documents:
        with contextlib.suppress(ExtractionError):
            suggested[document.body] = suggest(document, gazetteer, published=published)
    engine_seconds = time.perf_counter() - started
    failed = len(documents) - len(suggested)
    replay = ingest._suggest
    ingest._suggest = lambda document, published, lang, fresh=False: suggested[document.body]
    started = time.perf_counter()
    for document, published in documents:
        if document.body in suggested:
            ingest.ingest_document(document, published=published)
    inline_seconds = time.perf_counter() - started
    ingest._suggest = replay

    # The worker gets one request per publication time, as an editor would send them.
    by_time = {}
    for text, published in queued:
        by_time.setdefault(published, []).append({"kind": "text", "name": "bench", "text": text})
    for published, items in by_time.items():
        tasks.enqueue(
            ingest.create_ingestion(
                Ingestion.Kind.TEXT,
                items,
                source="bench",
                published=datetime.fromisoformat(published) if published else None,
            )
        )
    command = [sys.executable, str(ROOT / "manage.py"), "db_worker", "--batch", "--no-reload"]
    command += ["--no-startup-delay", "--interval", "0", "--queue-name", "*", "-v0"]
    started = time.perf_counter()
    subprocess.run(command, env=os.environ, cwd=ROOT, check=True)
    worker_seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    done = Ingestion.objects.filter(status__in=["done", "failed"]).count()
    report = {
        "database": options.database,
        "articles": options.articles,
        "stored": Article.objects.count(),
        "events": Event.objects.count(),
        "citations": Citation.objects.count(),
        "gazetteer_build_s": round(gazetteer_seconds, 2),
        "engine_only_articles_per_s": round(len(documents) / engine_seconds, 1),
        "storing_only_articles_per_s": round(len(suggested) / inline_seconds, 1),
        "inline_failed": failed,
        "worker_articles_per_s_incl_startup": round(len(queued) / worker_seconds, 1),
        "worker_seconds": round(worker_seconds, 2),
        "worker_peak_rss_mib": round(peak_mib, 1),
        "ingestions_finished": f"{done}/{len(by_time)}",
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
