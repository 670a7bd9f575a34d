import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.extraction.pipeline import suggest, to_json
from timeline.extraction.reading import read_document
from timeline.extraction.types import ExtractionError
from timeline.gazetteer import GazetteerMissing, require_gazetteer
from timeline.management.arguments import add_article_arguments, published_from, zone_from


class Command(BaseCommand):
    help = "Print the events the engine suggests for one article, without writing anything."

    def add_arguments(self, parser):
        parser.add_argument("source", help="a file with the article, or - for standard input")
        add_article_arguments(parser)

    def handle(self, *args, source, published, tz, lang, format, **options):
        data = sys.stdin.buffer.read() if source == "-" else _read_file(source)
        published_at = published_from(published, tz)
        try:
            document = read_document(data, tz=zone_from(tz))
            result = suggest(document, require_gazetteer(), published=published_at, lang=lang)
        except (ExtractionError, GazetteerMissing) as error:
            raise CommandError(str(error)) from None
        if format == "json":
            self.stdout.write(json.dumps(to_json(result), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(as_text(to_json(result)))


def _read_file(source):
    path = Path(source)
    if not path.is_file():
        raise CommandError(f"no such file: {source}")
    return path.read_bytes()


def as_text(result):
    article = result["article"]
    lines = [
        f"{article['title'] or '(untitled)'} — published {article['published']} "
        f"[{article['language']}]",
        f"{len(result['events'])} suggested event(s)",
    ]
    for event in result["events"]:
        when = event["start"] + (f" – {event['end']}" if event["end"] else "")
        place = event["place"]["name"] if event["place"] else "no place"
        actors = ", ".join(actor["name"] for actor in event["actors"]) or "no actors"
        lines += [
            "",
            f"* {event['title']}",
            f"  {event['type']}, {event['status']}, {when} ({event['precision']}"
            f"{', approximate' if event['approximate'] else ''}), {place}",
            f"  actors: {actors}; confidence {event['confidence']:.2f}",
        ]
        lines += [
            f"    {e['role']:>7} {e['start']}-{e['end']}: {e['text']!r}" for e in event["evidence"]
        ]
    return "\n".join(lines)
