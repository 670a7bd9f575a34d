"""Production behaviour around the views: a 503 while the database is away, a clear 507 when
the disk is full or read-only, and a limit on failed admin logins."""

import errno
import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connections
from django.shortcuts import render
from django.urls import reverse

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
STORAGE_ERRNOS = {errno.ENOSPC, errno.EROFS, errno.EDQUOT}
# SQLite's "database or disk is full" / "attempt to write a readonly database", PostgreSQL's
# disk_full class (53100) and read-only transactions (25006).
STORAGE_SQLSTATES = {"53100", "25006"}
STORAGE_MESSAGES = ("disk is full", "readonly database", "read-only", "no space left")


def is_storage_failure(error):
    """Whether `error` says the disk is full or read-only (a file write or the database)."""
    if isinstance(error, OSError) and error.errno in STORAGE_ERRNOS:
        return True
    if isinstance(error, OperationalError | InterfaceError):
        cause = error.__cause__
        if getattr(cause, "sqlstate", None) in STORAGE_SQLSTATES:
            return True
        return any(text in str(error).lower() for text in STORAGE_MESSAGES)
    return False


def storage_failure_response(request):
    response = render(request, "507.html", status=507)
    response["Cache-Control"] = "no-store"
    return response


class UploadStorageMiddleware:
    """Uploads over FILE_UPLOAD_MAX_MEMORY_SIZE are spooled to a temporary file while the
    request is parsed, before any view runs (CSRF reads the form first). A full or read-only
    disk there is answered with a clear 507 instead of a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.content_type == "multipart/form-data":
            try:
                request.POST  # noqa: B018 - parse now, where the failure can be answered
            except OSError as error:
                if not is_storage_failure(error):
                    raise
                log_storage_failure(request, error)
                return storage_failure_response(request)
        return self.get_response(request)


def log_storage_failure(request, error):
    logger.error(
        "storage full or read-only",
        extra={"event": "storage_failure", "path": request.path, "error": str(error)},
    )


class DatabaseUnavailableMiddleware:
    """A database that does not answer is an outage, not a bug: 503 with Retry-After.

    Django closes a connection that had errors when the request finishes (request_finished →
    close_old_connections), and CONN_HEALTH_CHECKS tests a kept one before reuse, so the next
    request opens a fresh connection: the site recovers by itself when the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_storage_failure(exception):
            log_storage_failure(request, exception)
            return storage_failure_response(request)
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error(
            "database unavailable",
            extra={"event": "database_unavailable", "path": request.path, "error": str(exception)},
        )
        _close_broken_connections()
        response = render(request, "503.html", {"retry_after": RETRY_AFTER_SECONDS}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response


def _close_broken_connections():
    """Django does this when a request finishes; doing it here as well means the next request
    reconnects even where request_finished does not fire (e.g. the test client)."""
    for connection in connections.all(initialized_only=True):
        if connection.in_atomic_block or connection.connection is None:
            continue
        if not connection.is_usable():
            connection.close()


class LoginRateLimitMiddleware:
    """At most LOGIN_ATTEMPTS_LIMIT failed admin logins per username and client address within
    LOGIN_ATTEMPTS_WINDOW seconds (and four times that per address, whatever the username);
    then 429 until the window ends. A successful login clears the username's count.

    The counts live in the default cache: per process with LocMem, shared by every worker and
    host with Redis (CACHE_URL). The address is REMOTE_ADDR: behind a proxy, make the proxy
    set it (e.g. gunicorn --forwarded-allow-ips) rather than trusting X-Forwarded-For here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or request.path != reverse("admin:login"):
            return self.get_response(request)
        address = request.META.get("REMOTE_ADDR", "")
        keys = [
            _key("user", address, request.POST.get("username", "").strip().casefold()),
            _key("addr", address),
        ]
        limits = [settings.LOGIN_ATTEMPTS_LIMIT, settings.LOGIN_ATTEMPTS_LIMIT * 4]
        counts = cache.get_many(keys)
        if any(counts.get(key, 0) >= limit for key, limit in zip(keys, limits, strict=True)):
            logger.warning(
                "login rate limited",
                extra={"event": "login_rate_limited", "address": address},
            )
            return too_many_attempts(request)
        response = self.get_response(request)
        if request.user.is_authenticated and response.status_code in (301, 302, 303):
            cache.delete(keys[0])
        else:
            for key in keys:
                cache.add(key, 0, timeout=settings.LOGIN_ATTEMPTS_WINDOW)
                try:
                    cache.incr(key)
                except ValueError:  # expired between add and incr
                    cache.set(key, 1, timeout=settings.LOGIN_ATTEMPTS_WINDOW)
        return response


def _key(*parts):
    return "login-attempts:" + hashlib.sha256("\0".join(parts).encode()).hexdigest()


def too_many_attempts(request):
    minutes = max(1, settings.LOGIN_ATTEMPTS_WINDOW // 60)
    response = render(request, "429.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(settings.LOGIN_ATTEMPTS_WINDOW)
    return response
