"""Personas every view is checked against: an editor, an analyst and an anonymous visitor."""

import http.server
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache

from timeline.roles import ensure_roles


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor-test", password="editor-pass", is_staff=True)
    editors, _analysts = ensure_roles()
    user.groups.add(editors)
    return user


@pytest.fixture
def analyst(db):
    user = User.objects.create_user("analyst-test", password="analyst-pass")
    group, _ = Group.objects.get_or_create(name="Analysts")
    user.groups.add(group)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


# Ingestion: a small gazetteer, a real HTTP server on 127.0.0.1 and the task worker in-process.

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _empty_cache():
    """No test sees another's cached counts (or login attempts): each starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fresh_gazetteer(settings):
    """Each test has its own gazetteer: ingestion must not reuse the previous test's."""
    settings.INGEST_GAZETTEER_MAX_AGE = 0


@pytest.fixture
def gazetteer(db):
    """Actors and places of the Ukraine-crisis diplomacy of January 2022, with aliases."""
    from timeline.models import Actor, ActorAlias, Place, PlaceAlias

    def actor(name, kind, *aliases, **fields):
        made = Actor.objects.create(name=name, kind=kind, **fields)
        for alias in aliases:
            ActorAlias.objects.create(actor=made, name=alias)
        return made

    def place(name, country, *aliases, **fields):
        made = Place.objects.create(name=name, country=country, **fields)
        for alias in aliases:
            PlaceAlias.objects.create(place=made, name=alias)
        return made

    return SimpleNamespace(
        nato=actor("NATO", "organization", "Nato", "Nordatlantikpakt"),
        russia=actor("Russia", "state", "Russland", "Moskau", "russische", country="RU"),
        council=actor("NATO-Russia Council", "body", "Nato-Russland-Rat", "Nato-Russland-Rats"),
        eu=actor("European Union", "organization", "EU", "Europäische Union", "Europäischen Union"),
        stoltenberg=actor("Jens Stoltenberg", "person", "Stoltenberg", country="NO"),
        usa=actor("United States", "state", "USA", "US", country="US"),
        brussels=place("Brussels", "BE", "Brüssel", "Brüsseler", latitude=50.85, longitude=4.35),
        geneva=place("Geneva", "CH", "Genf", latitude=46.2, longitude=6.14),
        brest=place("Brest", "FR", "Brest", region="BRE", population=140_000),
    )


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves tests/fixtures/site; {base} in feeds becomes the server's address."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(FIXTURES / "site"), **kwargs)

    def do_GET(self):  # noqa: N802 - the http.server API
        if self.path.startswith("/redirect/"):
            hops = int(self.path.rsplit("/", 1)[1])
            target = "/nato-council.html" if hops <= 1 else f"/redirect/{hops - 1}"
            self.send_response(302)
            self.send_header("Location", target)
            self.end_headers()
            return
        if self.path == "/image.png":
            return self._send(b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        if self.path == "/huge.html":
            return self._send(b"<html><body>" + b"x" * 3_000_000 + b"</body></html>", "text/html")
        if self.path.endswith(".xml"):
            file = FIXTURES / "site" / self.path.lstrip("/")
            if file.is_file():
                body = file.read_text().replace("{base}", self.server.base_url).encode()
                return self._send(body, "application/xml; charset=utf-8")
        return super().do_GET()

    def _send(self, body, content_type):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site(settings):
    """A real HTTP server on 127.0.0.1 serving HTML pages and feeds; fetching it is allowed."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _SiteHandler)
    server.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.FETCH_TIMEOUT = 5
    yield server.base_url
    server.shutdown()
    server.server_close()


@pytest.fixture
def run_worker():
    """Drain the task queue with django-tasks-db's own worker loop, in this process."""
    from django_tasks_db.management.commands.db_worker import Worker

    def run():
        Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        ).run()

    return run


@pytest.fixture
def real_engine():
    """Skips while the suggestion engine cannot be imported (e.g. mid-refactoring)."""
    return pytest.importorskip("timeline.extraction.pipeline")


def pytest_collection_modifyitems(items):
    """pytest-django sets up the test database only for tests that declare they use it;
    a test that only reads the seed gazetteer does so through this session fixture."""
    for item in items:
        if "seed_gazetteer" in getattr(item, "fixturenames", ()) and not item.get_closest_marker(
            "django_db"
        ):
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def seed_gazetteer(django_db_setup, django_db_blocker):
    """The extraction gazetteer of everything in seeds/, loaded once and rolled back."""
    import io

    from django.core.management import call_command
    from django.db import transaction

    from timeline.gazetteer import build_gazetteer

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_seeds", stdout=io.StringIO())
        gazetteer = build_gazetteer()
        transaction.set_rollback(True)
    return gazetteer


# A real browser: Debian's Chromium driven by Playwright (never `playwright install`).

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
