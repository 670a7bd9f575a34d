"""Put tasks of dead workers back in the queue.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again: a
worker killed with SIGKILL (or a host that died) leaves its task RUNNING for ever. This
command requeues such tasks:

- a worker id of the form HOST:PID (as `make serve` starts them) on this host whose process
  no longer exists: requeued at once;
- any other RUNNING task started more than --stale-after seconds ago (other hosts, other id
  forms): requeued, as its worker is presumed gone.

Running a task twice is safe here: ingestion is idempotent (an article's text is stored once,
by its content hash, in one transaction with its suggestions). Run it before starting workers
and, with several hosts, now and then (e.g. from cron).
"""

import os
import re
import socket
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

LOCAL_WORKER = re.compile(r"^(?P<host>[^:]+):(?P<pid>\d+)$")


def process_exists(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A killed child its parent has not reaped yet is a zombie: dead all the same.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def worker_is_gone(worker_id, started_at, stale_before, host):
    if (match := LOCAL_WORKER.match(worker_id or "")) and match["host"] == host:
        return not process_exists(int(match["pid"]))
    return started_at is None or started_at < stale_before


def reclaim(stale_after=timedelta(hours=1), dry_run=False):
    """Requeue RUNNING tasks whose worker is gone; returns their ids."""
    host = socket.gethostname()
    stale_before = timezone.now() - stale_after
    reclaimed = []
    for task in DBTaskResult.objects.running().only("id", "worker_ids", "started_at"):
        last_worker = task.worker_ids[-1] if task.worker_ids else ""
        if not worker_is_gone(last_worker, task.started_at, stale_before, host):
            continue
        if not dry_run:
            # Conditional: a task that finished meanwhile is left alone.
            updated = DBTaskResult.objects.filter(
                pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at
            ).update(status=TaskResultStatus.READY)
            if not updated:
                continue
        reclaimed.append(task.pk)
    return reclaimed


class Command(BaseCommand):
    help = "Requeue RUNNING tasks whose worker died (SIGKILL, lost host)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale-after",
            type=float,
            default=3600,
            help="Seconds after which a RUNNING task of another host counts as abandoned "
            "(default: %(default)s). Keep it above the longest task.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only list them.")

    def handle(self, *, stale_after, dry_run, verbosity, **options):
        if stale_after < 0:
            raise CommandError("--stale-after must not be negative")
        ids = reclaim(timedelta(seconds=stale_after), dry_run=dry_run)
        verb = "would requeue" if dry_run else "requeued"
        if verbosity:
            self.stdout.write(f"{verb} {len(ids)} task(s) of dead workers")
            for task_id in ids:
                self.stdout.write(f"  {task_id}")
