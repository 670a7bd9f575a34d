"""Arguments shared by the commands that read an article: publication time, zone, language."""

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.management.base import CommandError


def add_article_arguments(parser):
    parser.add_argument(
        "--published", help="publication time, e.g. 2022-01-12T03:55 (overrides the article)"
    )
    parser.add_argument("--tz", default="Europe/Berlin", help="time zone of --published")
    parser.add_argument("--lang", choices=["de", "en"], help="language (detected when omitted)")
    parser.add_argument("--format", choices=["json", "text"], default="json")


def zone_from(name):
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise CommandError(f"unknown time zone: {name}") from None


def published_from(value, tz_name):
    """The aware publication datetime, or None when not given; a bad value is a CommandError."""
    zone = zone_from(tz_name)
    if value is None:
        return None
    try:
        published = datetime.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(
            f"--published must be an ISO date and time such as 2022-01-12T03:55, got {value!r}"
        ) from None
    return published if published.tzinfo else published.replace(tzinfo=zone)
