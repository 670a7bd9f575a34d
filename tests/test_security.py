"""Production hardening: the deploy check, security headers, CSRF on every write, the admin
login limiter and whitenoise's far-future caching of compressed static files."""

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from .factories import make_event
from .test_permissions import ROWS, Row

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x7!k2-production-like-secret-for-the-deploy-check-only-9f3a0c1e5b7d",
    "ALLOWED_HOSTS": "timeline.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Users are made per test: the production hasher's 1,000,000 rounds would dominate."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def run_django(code_or_args, env):
    """A fresh process with exactly these environment variables on top of a clean base."""
    base = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO")}
    for name in ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SECURE_SSL_REDIRECT"):
        base.pop(name, None)
    args = code_or_args if isinstance(code_or_args, list) else ["-c", code_or_args]
    return subprocess.run(
        [sys.executable, *args],
        env={**base, "DJANGO_SETTINGS_MODULE": "timeline.settings", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deploy_check_finds_nothing_with_production_settings():
    result = run_django(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_deploy_check_fails_without_the_https_settings():
    """The check above can fail: turning the secure defaults off makes it complain."""
    env = {**PRODUCTION, "SECURE_SSL_REDIRECT": "false", "SECURE_HSTS_SECONDS": "0"}
    result = run_django(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout  # HSTS
    assert "security.W008" in result.stderr + result.stdout  # SSL redirect


SETTINGS_DUMP = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({name: getattr(s, name) for name in [
    "DEBUG", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD"]}))
"""


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (PRODUCTION, [False, True, True, True, 31_536_000, True, True]),
        ({"DEBUG": "true"}, [True, False, False, False, 0, False, False]),
        # A local gunicorn on plain HTTP (the load bench) keeps everything else secure.
        ({**PRODUCTION, "SECURE_SSL_REDIRECT": "false"}, [False, False, True, True, 31_536_000, True, True]),
        ({**PRODUCTION, "SECURE_HSTS_SECONDS": "3600", "SECURE_HSTS_PRELOAD": "no"},
         [False, True, True, True, 3600, True, False]),
    ],
    ids=["production", "development", "plain-http", "short-hsts"],
)  # fmt: skip
def test_https_settings_are_secure_by_default_in_production_and_overridable(env, expected):
    result = run_django(SETTINGS_DUMP, env)
    assert result.returncode == 0, result.stderr
    assert list(json.loads(result.stdout).values()) == expected


@pytest.mark.parametrize("env", [{**PRODUCTION, "SECURE_HSTS_SECONDS": "a year"}])
def test_a_bad_value_fails_loudly(env):
    result = run_django(SETTINGS_DUMP, env)
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS must be an integer" in result.stderr


# The headers, on every kind of response.

HEADER_PAGES = [
    ("timeline page", "/", {}),
    ("htmx fragment", "/?order=oldest", {"HX-Request": "true"}),
    ("htmx results", "/?q=NATO", {"HX-Request": "true", "HX-Target": "results"}),
    ("event page", "/events/{event}/", {}),
    ("admin login", "/admin/login/", {}),
    ("API", "/api/events", {}),
    ("health", "/healthz", {}),
]


@pytest.mark.parametrize(
    ("name", "path", "headers"), HEADER_PAGES, ids=[p[0] for p in HEADER_PAGES]
)
def test_security_headers_on_every_kind_of_response(client, db, settings, name, path, headers):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    event = make_event("NATO-Russia Council meets again")
    response = client.get(path.format(event=event.pk), headers=headers, secure=True)
    assert response.status_code == 200

    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    # The nonce appears when the page uses it (its own <script> tags), never 'unsafe-inline'.
    assert re.fullmatch(r"'self'( 'nonce-[\w+/=-]+')?", directives["script-src"])
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_plain_http_is_redirected_to_https_except_the_health_check(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/?q=NATO")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/?q=NATO"
    assert client.get("/healthz").status_code == 200


def test_cookies_are_secure_and_http_only_in_production(client, editor, settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    response = client.post(
        reverse("admin:login"), {"username": "editor-test", "password": "editor-pass"}, secure=True
    )
    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"]
    assert response.cookies[settings.CSRF_COOKIE_NAME]["secure"]


# CSRF: every POST the project accepts is refused without the token, htmx's included.

POST_ROWS = [
    *(row for row in ROWS if row.method == "POST" and row.expected[2] != 405),
    Row("admin/login/", "/admin/login/", (), "POST", {"username": "editor-test", "password": "x"}),
]


@pytest.fixture
def csrf_client(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    return client


@pytest.mark.parametrize("row", POST_ROWS, ids=[row.id for row in POST_ROWS])
@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
def test_every_post_needs_the_csrf_token(csrf_client, row, htmx):
    from timeline.models import Event

    suggested = make_event("Suggested talks", curation_status=Event.Curation.SUGGESTED)
    world = {"suggested": suggested.pk, "event": suggested.pk}
    data = {key.format(**world): value.format(**world) for key, value in row.data.items()}
    headers = {"HX-Request": "true"} if htmx else {}
    response = csrf_client.post(row.path.format(**world), data, headers=headers)
    assert response.status_code == 403
    assert b"CSRF" in response.content
    suggested.refresh_from_db()
    assert suggested.curation_status == Event.Curation.SUGGESTED


def test_htmx_posts_with_the_token_from_the_body_hx_headers_are_accepted(csrf_client):
    """base.html puts the token into hx-headers on <body>; htmx sends it as X-CSRFToken."""
    from timeline.models import Event

    suggested = make_event("Suggested talks", curation_status=Event.Curation.SUGGESTED)
    page = csrf_client.get(reverse("admin:timeline_event_review"))
    token = page.cookies["csrftoken"].value
    response = csrf_client.post(
        reverse("admin:timeline_event_review_action", args=[suggested.pk, "approve"]),
        {"version": suggested.version},
        headers={"HX-Request": "true", "X-CSRFToken": token},
    )
    assert response.status_code == 200
    suggested.refresh_from_db()
    assert suggested.curation_status == Event.Curation.APPROVED


def test_the_timeline_page_carries_the_csrf_token_for_htmx(client, db):
    response = client.get("/")
    assert re.search(r'<body hx-headers=\'\{"X-CSRFToken": "[\w-]{32,}"\}\'', response.text)


# The admin login limiter.


def log_in(client, username="editor-test", password="wrong", address="203.0.113.7"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def test_failed_logins_are_limited_per_username_and_address(client, editor, settings):
    settings.LOGIN_ATTEMPTS_LIMIT = 3
    for _ in range(3):
        assert log_in(client).status_code == 200  # the form again, with its error
    blocked = log_in(client, password="editor-pass")
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) == settings.LOGIN_ATTEMPTS_WINDOW
    assert "Too many failed logins" in blocked.text
    assert "_auth_user_id" not in client.session
    # Someone else, from elsewhere, is not locked out by it.
    assert log_in(Client(), password="editor-pass", address="198.51.100.2").status_code == 302


def test_the_username_is_compared_case_insensitively(client, editor, settings):
    settings.LOGIN_ATTEMPTS_LIMIT = 2
    log_in(client, "editor-test")
    log_in(client, "Editor-Test ")
    assert log_in(client, "EDITOR-TEST").status_code == 429


def test_guessing_many_usernames_from_one_address_is_limited_too(client, db, settings):
    settings.LOGIN_ATTEMPTS_LIMIT = 2
    statuses = [log_in(client, f"user{n}").status_code for n in range(9)]
    assert statuses == [200] * 8 + [429]


def test_a_successful_login_clears_the_count(client, editor, settings):
    settings.LOGIN_ATTEMPTS_LIMIT = 3
    log_in(client)
    log_in(client)
    assert log_in(client, password="editor-pass").status_code == 302
    client.logout()
    log_in(client)
    log_in(client)
    assert log_in(client, password="editor-pass").status_code == 302


def test_the_limit_ends_with_its_window(client, editor, settings):
    settings.LOGIN_ATTEMPTS_LIMIT = 1
    settings.LOGIN_ATTEMPTS_WINDOW = 1
    log_in(client)
    assert log_in(client, password="editor-pass").status_code == 429
    time.sleep(1.1)
    assert log_in(client, password="editor-pass").status_code == 302


# Static files: compressed, hashed names cached for ten years.


def test_whitenoise_serves_hashed_static_files_compressed_with_far_future_caching(
    settings, tmp_path
):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed = manifest["timeline/timeline.css"]
    assert hashed != "timeline/timeline.css"

    client = Client()  # a new handler: whitenoise indexes STATIC_ROOT when it starts
    response = client.get(f"/static/{hashed}", headers={"Accept-Encoding": "gzip, br"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response["Content-Encoding"] in ("gzip", "br")
    assert "Accept-Encoding" in response["Vary"]
    plain = client.get(f"/static/{hashed}")
    assert "Content-Encoding" not in plain
    assert int(plain["Content-Length"]) > int(response["Content-Length"])
    # The unhashed name may change under the same URL: cached briefly only.
    assert "immutable" not in client.get("/static/timeline/timeline.css")["Cache-Control"]
