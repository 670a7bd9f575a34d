"""`manage.py dates`: show how the temporal tagger finds and resolves the dates of a text."""

import json
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.management.base import BaseCommand, CommandError

from timeline.extraction.dates import tag_dates
from timeline.extraction.language import detect_language


class Command(BaseCommand):
    help = "Tag the dates of TEXT, a file, or standard input (-), resolved against --published."

    def add_arguments(self, parser):
        parser.add_argument(
            "source", help="the text itself, a path to a UTF-8 file, or - for stdin"
        )
        parser.add_argument(
            "--published", required=True, help="ISO date-time, e.g. 2022-01-12T03:55"
        )
        parser.add_argument(
            "--tz", default="Europe/Berlin", help="zone for --published without offset"
        )
        parser.add_argument("--lang", choices=["de", "en"], help="default: detected from the text")
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args, **options):
        published = parse_published(options["published"], options["tz"])
        text = read_source(options["source"])
        lang = options["lang"] or detect_language(text)
        expressions = tag_dates(text, published, lang)
        if options["format"] == "text":
            self.stdout.write(f"published {published.isoformat()}  lang {lang}")
            for expression in expressions:
                self.stdout.write(describe(expression))
        else:
            payload = {
                "published": published.isoformat(),
                "expressions": [as_json(expression) for expression in expressions],
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))


def parse_published(value, zone_name):
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise CommandError(f"--tz: unknown time zone {zone_name!r}") from None
    try:
        published = datetime.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(
            f"--published: {value!r} is not an ISO date-time such as 2022-01-12T03:55"
        ) from None
    return published if published.tzinfo else published.replace(tzinfo=zone)


def read_source(source):
    if source == "-":
        data = getattr(sys.stdin, "buffer", sys.stdin).read()
        where = "standard input"
    elif _is_file(source):
        data = Path(source).read_bytes()
        where = source
    else:
        data, where = source, "the text"
    if isinstance(data, bytes):
        if b"\x00" in data:
            raise CommandError(f"{where} is binary, not text")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CommandError(f"{where} is not UTF-8 text") from None
    if not data.strip():
        raise CommandError(f"{where} is empty: nothing to tag")
    return data


def _is_file(source):
    try:
        return Path(source).is_file()
    except (OSError, ValueError):  # a long text with newlines is no path
        return False


def as_json(expression):
    value = expression.value
    return {
        "text": expression.text,
        "start": expression.start,
        "end": expression.end,
        "kind": expression.kind,
        "value": {
            "start": value.start.isoformat() if value.start else None,
            "end": value.end.isoformat() if value.end else None,
            "precision": value.precision,
            "time": value.time,
            "part_of_day": value.part_of_day,
            "duration": value.duration,
        },
        "rule": expression.rule,
    }


def describe(expression):
    value = expression.value
    if value.start and value.end and value.end != value.start:
        resolved = f"{value.start.isoformat()}..{value.end.isoformat()}"
    elif value.start:
        resolved = value.start.isoformat()
    else:
        resolved = value.duration or value.time or value.part_of_day or "?"
    details = [value.precision, value.time if value.start else None, value.part_of_day]
    details += ["approximate" if value.approximate else None]
    details += ["background" if expression.background else None]
    shown = ", ".join(d for d in details if d)
    span = f"{expression.start}-{expression.end}"
    return (
        f"  {span}  {expression.kind}  {json.dumps(expression.text, ensure_ascii=False)} → "
        f"{resolved}{f' ({shown})' if shown else ''}  [{expression.rule}]"
    )
