"""Faults: a worker killed mid-article, the database away for a moment, a full or read-only disk.

The worker tests run real `db_worker` processes against a database file (SQLite) or the test
database (PostgreSQL) and kill them with SIGKILL at a chosen point of the ingestion.
"""

import errno
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from timeline import ingest, tasks
from timeline.management.commands.reclaim_tasks import reclaim
from timeline.models import Article, Ingestion

from .factories import make_event

ROOT = Path(__file__).resolve().parent.parent
HOST = socket.gethostname()
ARTICLE = (
    "Nato-Russland-Rat tagt wieder Stand: 12.01.2022 03:55 Uhr\n\n"
    "Der Nato-Russland-Rat kommt heute Vormittag im Brüsseler Hauptquartier zusammen.\n"
)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Users are made per test: the production hasher's 1,000,000 rounds would dominate."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# A db_worker that stops dead at one point of the ingestion and waits there to be killed.
PAUSING_WORKER = """
import os, sys, time, django
django.setup()
from timeline import ingest
point, marker = sys.argv[1], sys.argv[2]
def pause(*args, **kwargs):
    open(marker, "w").close()
    time.sleep(600)
setattr(ingest, point, pause)
from django.core.management import call_command
call_command("db_worker", "--queue-name", "*", "--interval", "0", "--no-startup-delay",
             "--no-reload", "--worker-id", f"{os.uname().nodename}:{os.getpid()}", "-v0")
"""

SEED = """
import django
django.setup()
from timeline import ingest, tasks
from timeline.models import Actor, ActorAlias, Place, PlaceAlias, Ingestion
council = Actor.objects.create(name="NATO-Russia Council", kind="body")
ActorAlias.objects.create(actor=council, name="Nato-Russland-Rat")
brussels = Place.objects.create(name="Brussels", country="BE", latitude=50.85, longitude=4.35)
PlaceAlias.objects.create(place=brussels, name="Brüsseler")
items = [{"kind": "text", "name": "council article", "text": %r}]
tasks.enqueue(ingest.create_ingestion(Ingestion.Kind.TEXT, items, source="council article"))
"""


@pytest.fixture
def worker_database(transactional_db, tmp_path):
    """A DATABASE_URL that worker processes share with this test."""
    if connection.vendor == "postgresql":
        settings = connection.settings_dict
        url = f"postgres://{settings['USER'] or 'postgres'}@{settings['HOST'] or '127.0.0.1'}"
        url += f":{settings['PORT'] or 5432}/{settings['NAME']}"
    else:
        url = f"sqlite:///{tmp_path / 'faults.sqlite3'}"
        run(url, ["manage.py", "migrate", "-v0"])
    return url


def run(database_url, args, **options):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "timeline.settings",
    }
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=ROOT, check=True, timeout=120, **options
    )


def query(database_url, code):
    """Read the shared database from a fresh process (SQLite's file is not this test's DB)."""
    script = f"import django, json\ndjango.setup()\n{code}"
    out = run(database_url, ["-c", script], capture_output=True, text=True).stdout
    return eval(out)  # noqa: S307 - our own repr() of plain values


STATE = """
from django_tasks_db.models import DBTaskResult
from timeline.models import Article, Event, Ingestion
ingestion = Ingestion.objects.get()
task = DBTaskResult.objects.get()
print(repr({
    "articles": Article.objects.count(),
    "events": Event.objects.count(),
    "task": task.status,
    "workers": len(task.worker_ids),
    "ingestion": (ingestion.status, ingestion.done, ingestion.articles_new + ingestion.articles_known),
}))
"""


@pytest.mark.parametrize(
    "point",
    ["_store_suggestions", "record"],
    ids=["inside-the-article-transaction", "after-the-article-is-committed"],
)
def test_a_worker_killed_mid_article_is_retried_and_the_article_ingested_once(
    worker_database, tmp_path, point
):
    run(worker_database, ["-c", SEED % ARTICLE])
    marker = tmp_path / "paused"
    env = {
        **os.environ,
        "DATABASE_URL": worker_database,
        "DJANGO_SETTINGS_MODULE": "timeline.settings",
    }
    worker = subprocess.Popen(
        [sys.executable, "-c", PAUSING_WORKER, point, str(marker)], env=env, cwd=ROOT
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert worker.poll() is None, "the worker exited before reaching the pause"
            assert time.monotonic() < deadline, "the worker never reached the pause"
            time.sleep(0.05)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)

    stranded = query(worker_database, STATE)
    assert stranded["task"] == "RUNNING"  # django-tasks-db alone would leave it so for ever
    assert stranded["articles"] == (1 if point == "record" else 0)

    reclaimed = run(
        worker_database, ["manage.py", "reclaim_tasks"], capture_output=True, text=True
    ).stdout
    assert "requeued 1 task(s)" in reclaimed
    run(worker_database, ["manage.py", "db_worker", "--batch", "--no-reload",
                          "--no-startup-delay", "--interval", "0", "-v0"])  # fmt: skip

    final = query(worker_database, STATE)
    assert final == {
        "articles": 1,
        "events": 1,
        "task": "SUCCESSFUL",
        "workers": 2,
        "ingestion": ("done", 1, 1),
    }


# reclaim_tasks on its own: which RUNNING tasks it takes back.


def dead_pid():
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


@pytest.fixture
def running_task(db):
    def make(worker_id, started_minutes_ago=1):
        result = tasks.reingest_article.enqueue(1)
        task = DBTaskResult.objects.get(pk=result.id)
        task.claim(worker_id)
        DBTaskResult.objects.filter(pk=task.pk).update(
            started_at=timezone.now() - timedelta(minutes=started_minutes_ago)
        )
        return task.pk

    return make


def test_reclaim_requeues_tasks_of_dead_local_workers_only(running_task):
    dead = running_task(f"{HOST}:{dead_pid()}")
    alive = running_task(f"{HOST}:{os.getpid()}")
    elsewhere = running_task("other-host:4242")
    abandoned = running_task("other-host:4243", started_minutes_ago=120)
    unnamed = running_task("a1b2c3", started_minutes_ago=120)
    finished = running_task(f"{HOST}:{dead_pid()}")
    DBTaskResult.objects.get(pk=finished).set_successful(None)

    assert sorted(reclaim(stale_after=timedelta(hours=1))) == sorted([dead, abandoned, unnamed])
    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert statuses == {
        dead: "READY",
        alive: "RUNNING",
        elsewhere: "RUNNING",
        abandoned: "READY",
        unnamed: "READY",
        finished: "SUCCESSFUL",
    }


def test_reclaim_dry_run_changes_nothing(running_task, capsys):
    task = running_task(f"{HOST}:{dead_pid()}")
    call_command("reclaim_tasks", "--dry-run")
    assert "would requeue 1 task(s)" in capsys.readouterr().out
    assert DBTaskResult.objects.get(pk=task).status == "RUNNING"


# The database away for a moment: 503 with Retry-After, then back by itself.


def database_down(execute, sql, params, many, context):
    raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.parametrize(
    "path", ["/", "/?q=NATO", "/events/{event}/", "/api/events", "/feed.atom", "/admin/"]
)
def test_requests_get_a_503_while_the_database_is_away_and_recover(editor_client, path):
    event = make_event("NATO-Russia Council meets again")
    path = path.format(event=event.pk)
    with connection.execute_wrapper(database_down):
        response = editor_client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "cannot reach its database" in response.text
    assert editor_client.get(path).status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a real connection to terminate")
def test_a_terminated_database_connection_gives_one_503_then_reconnects(transactional_db, client):
    import psycopg

    make_event("NATO-Russia Council meets again")
    assert client.get("/").status_code == 200
    settings = connection.settings_dict
    pid = connection.connection.info.backend_pid
    with psycopg.connect(
        host=settings["HOST"] or "127.0.0.1", user=settings["USER"], dbname=settings["NAME"],
        autocommit=True,
    ) as admin:  # fmt: skip
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    response = client.get("/")
    assert response.status_code in (200, 503)  # a health check may already have reconnected
    assert client.get("/").status_code == 200
    assert connection.connection.info.backend_pid != pid


# A full or read-only disk: a clear message, nothing half-written.


def full_disk_file(*args, **kwargs):
    """A temporary file that opens but cannot be written to, as on a full disk."""
    spooled = tempfile.NamedTemporaryFile(*args, **kwargs)  # noqa: SIM115 - closed by Django

    def write(data):
        raise OSError(errno.ENOSPC, "No space left on device")

    spooled.write = write
    return spooled


def test_an_upload_on_a_full_disk_gets_a_clear_507(editor_client, settings, monkeypatch):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # spool every upload to a temporary file
    monkeypatch.setattr("django.core.files.temp.NamedTemporaryFile", full_disk_file)
    upload = SimpleUploadedFile("article.txt", ARTICLE.encode())
    response = editor_client.post(
        reverse("admin:timeline_article_ingest"), {"files": upload, "timezone": "Europe/Berlin"}
    )
    assert response.status_code == 507
    assert "disk is full or read-only" in response.text
    assert not Ingestion.objects.exists() and not DBTaskResult.objects.exists()


def disk_full_on_second_ingestion():
    inserts = []

    def wrapper(execute, sql, params, many, context):
        if sql.startswith('INSERT INTO "timeline_ingestion"'):
            inserts.append(sql)
            if len(inserts) == 2:
                raise OperationalError("database or disk is full")
        return execute(sql, params, many, context)

    return wrapper


def test_a_full_database_disk_on_ingest_saves_nothing_and_says_so(editor_client):
    data = {
        "text": ARTICLE,
        "urls": "https://example.org/article",
        "timezone": "Europe/Berlin",
    }
    with connection.execute_wrapper(disk_full_on_second_ingestion()):
        response = editor_client.post(reverse("admin:timeline_article_ingest"), data)
    assert response.status_code == 507
    assert "nothing was ingested and nothing was saved" in response.text
    assert 'name="text"' in response.text  # the form again, with what was typed
    assert not Ingestion.objects.exists() and not DBTaskResult.objects.exists()
    assert not Article.objects.exists()


def test_a_read_only_database_elsewhere_gets_the_507_page(editor_client, monkeypatch):
    def read_only(*args, **kwargs):
        raise OperationalError("attempt to write a readonly database")

    event = make_event("Talks", curation_status="suggested")
    monkeypatch.setattr(ingest.Event, "approve", read_only)
    response = editor_client.post(
        reverse("admin:timeline_event_review_action", args=[event.pk, "approve"]),
        {"version": event.version},
    )
    assert response.status_code == 507
    assert "disk is full or read-only" in response.text
