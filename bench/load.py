"""Load benchmark: gunicorn with the production settings, hammered by a small threaded client.

    .venv/bin/python bench/load.py [--events 100000] [--duration 60] [--concurrency 1,8,32]

Prepares an SQLite database with N approved events (bench/timeline.py's generator; re-used
while the count matches), runs collectstatic (whitenoise's compressed manifest storage), starts
gunicorn on 127.0.0.1 with DEBUG off, then, per endpoint and concurrency level, keeps that many
keep-alive connections busy for --duration seconds and reports requests per second, latency
percentiles and errors (any status but 200, or a failed connection). Figures go to stdout as a
Markdown table and to bench/results/load-<N>.json. Needs nothing beyond the project's own
dependencies (gunicorn is one of them).
"""

import argparse
import http.client
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable

ENDPOINTS = {
    "timeline page": ("/", {}),
    "htmx fragment": ("/?order=newest", {"HX-Request": "true"}),
    "API /api/events": ("/api/events?limit=30", {}),
}


def production_env(database_url, port):
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "load-bench-only-not-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        # Plain HTTP on 127.0.0.1: no TLS to redirect to.
        "SECURE_SSL_REDIRECT": "false",
        "LOG_FORMAT": "text",
        "BENCH_PORT": str(port),
    }


def prepare(events, database_url, env):
    """N events in the database (generated once), migrations applied, static files collected."""
    path = Path(database_url.removeprefix("sqlite:///"))
    template = RESULTS / f"timeline-{events}.sqlite3"
    if not path.exists() and template.exists():
        # bench/timeline.py's database of the same size: the same generator, already filled.
        shutil.copyfile(template, path)
    generator = ROOT / "bench" / "timeline.py"
    script = f"""
import importlib.util
spec = importlib.util.spec_from_file_location("bench_timeline", {str(generator)!r})
bench = importlib.util.module_from_spec(spec); spec.loader.exec_module(bench)
from django.core.management import call_command
from timeline.models import Event
call_command("migrate", verbosity=0)
if Event.objects.approved().count() != {events}:
    print("generating {events:,} events", flush=True)
    bench.generate({events})
print("events:", Event.objects.approved().count())
"""
    subprocess.run([PYTHON, "-c", script], env=env, cwd=ROOT, check=True)
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True
    )


def start_gunicorn(env, port, workers, threads):
    command = [
        str(Path(PYTHON).parent / "gunicorn"),
        "timeline.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--worker-class=gthread",
        "--keep-alive=30",
        "--access-logfile=-" if os.environ.get("ACCESS_LOG") else "--log-level=warning",
    ]
    server = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("gunicorn did not come up")


def hammer(port, path, headers, concurrency, duration):
    """`concurrency` threads, each one keep-alive connection, requesting until time is up."""
    latencies, errors, lock = [], [], threading.Lock()
    stop_at = time.monotonic() + duration

    def client():
        mine, failed = [], []
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        while time.monotonic() < stop_at:
            began = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                body = response.read()
                if response.status != 200 or not body:
                    failed.append(f"HTTP {response.status}")
            except (OSError, http.client.HTTPException) as error:
                failed.append(repr(error))
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
                continue
            mine.append(time.perf_counter() - began)
        connection.close()
        with lock:
            latencies.extend(mine)
            errors.extend(failed)

    began = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    cuts = statistics.quantiles(latencies, n=100, method="inclusive") if latencies else [0] * 99
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "error_samples": sorted(set(errors))[:5],
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(cuts[49] * 1000, 1),
        "p95_ms": round(cuts[94] * 1000, 1),
        "p99_ms": round(cuts[98] * 1000, 1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--concurrency", default="1,8,32")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--database", help="DATABASE_URL (default: bench/results/load-N.sqlite3)")
    args = parser.parse_args()

    RESULTS.mkdir(parents=True, exist_ok=True)
    database_url = args.database or f"sqlite:///{RESULTS / f'load-{args.events}.sqlite3'}"
    env = production_env(database_url, args.port)
    prepare(args.events, database_url, env)
    levels = [int(level) for level in args.concurrency.split(",")]

    server = start_gunicorn(env, args.port, args.workers, args.threads)
    results = []
    try:
        for name, (path, headers) in ENDPOINTS.items():
            hammer(args.port, path, headers, 2, 3)  # warm every worker's connection and caches
            for level in levels:
                figures = hammer(args.port, path, headers, level, args.duration)
                results.append({"endpoint": name, "path": path, "concurrency": level, **figures})
                print(json.dumps(results[-1]), flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=300)

    print()
    print("| endpoint | concurrency | requests/s | p50 | p95 | p99 | errors |")
    print("|---|---|---|---|---|---|---|")
    for row in results:
        print(
            f"| {row['endpoint']} | {row['concurrency']} | {row['rps']:,} | {row['p50_ms']} ms "
            f"| {row['p95_ms']} ms | {row['p99_ms']} ms | {row['errors']} |"
        )
    report = {
        "events": args.events,
        "database": database_url.split("://")[0],
        "duration_s": args.duration,
        "gunicorn": {"workers": args.workers, "threads": args.threads, "class": "gthread"},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "results": results,
    }
    out = RESULTS / f"load-{args.events}.json"
    out.write_text(json.dumps(report, indent=2))
    print(f"\nwritten to {out.relative_to(ROOT)}")
    if any(row["errors"] for row in results):
        sys.exit("errors during the run")


if __name__ == "__main__":
    main()
