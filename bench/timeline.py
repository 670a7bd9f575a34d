"""Timeline partial benchmark: server time and SQL queries of the htmx list fragment.

    DATABASE_URL=sqlite:///bench/results/timeline-100000.sqlite3 \
        .venv/bin/python bench/timeline.py 100000 [--repeat 40]

Generates N approved events (once; re-used while the count matches) with realistic actors and
places into the database DATABASE_URL names, then requests the fragment the way htmx does
(HX-Request header) at page 1 and deep (a cursor 500 pages in), unfiltered, filtered, and
searching for a rare word and for one no event has.
Never point it at a database you care about: it deletes and recreates the timeline's rows.
"""

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
os.environ.setdefault("DEBUG", "false")
# The test client speaks plain HTTP; production's redirect to HTTPS is not what is measured.
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
if "DATABASE_URL" not in os.environ:
    sys.exit("Set DATABASE_URL, e.g. sqlite:///bench/results/timeline.sqlite3")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, models, transaction  # noqa: E402
from django.db.models import Value  # noqa: E402
from django.db.models.functions import Concat  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from timeline.forms import encode_cursor  # noqa: E402
from timeline.models import Actor, Event, Participation, Place, Tag  # noqa: E402
from timeline.views import PAGE_SIZE  # noqa: E402

STATES = [
    ("Germany", "Deutschland", "DE"), ("France", "Frankreich", "FR"), ("Russia", "Russland", "RU"),
    ("Ukraine", "Ukraine", "UA"), ("United States", "Vereinigte Staaten", "US"),
    ("United Kingdom", "Vereinigtes Königreich", "GB"), ("Poland", "Polen", "PL"),
    ("Italy", "Italien", "IT"), ("China", "China", "CN"), ("Turkey", "Türkei", "TR"),
    ("Belarus", "Belarus", "BY"), ("Spain", "Spanien", "ES"), ("Sweden", "Schweden", "SE"),
    ("Finland", "Finnland", "FI"), ("Netherlands", "Niederlande", "NL"), ("Japan", "Japan", "JP"),
]  # fmt: skip
ORGANIZATIONS = [
    ("NATO", "NATO"), ("European Union", "Europäische Union"),
    ("United Nations", "Vereinte Nationen"),
    ("OSCE", "OSZE"), ("G7", "G7"), ("G20", "G20"), ("Council of Europe", "Europarat"),
]  # fmt: skip
BODIES = [
    ("NATO-Russia Council", "Nato-Russland-Rat"), ("UN Security Council", "UN-Sicherheitsrat"),
    ("EU Foreign Affairs Council", "Rat für Auswärtige Angelegenheiten"),
    ("Normandy Format", "Normandie-Format"),
]  # fmt: skip
PEOPLE = [
    "Olaf Scholz", "Emmanuel Macron", "Vladimir Putin", "Volodymyr Zelensky", "Joe Biden",
    "Boris Johnson", "Annalena Baerbock", "Sergei Lavrov", "Antony Blinken", "Jens Stoltenberg",
    "Josep Borrell", "Ursula von der Leyen", "Andrzej Duda", "Mario Draghi", "Xi Jinping",
    "Recep Tayyip Erdoğan", "Christine Lambrecht", "Dmytro Kuleba", "Liz Truss", "Wendy Sherman",
]  # fmt: skip
PLACES = [
    ("Brussels", "Brüssel", "BE"), ("Berlin", "Berlin", "DE"), ("Paris", "Paris", "FR"),
    ("Moscow", "Moskau", "RU"), ("Kyiv", "Kiew", "UA"), ("Washington", "Washington", "US"),
    ("London", "London", "GB"), ("Warsaw", "Warschau", "PL"), ("Geneva", "Genf", "CH"),
    ("Vienna", "Wien", "AT"), ("Brest", "Brest", "FR"), ("Munich", "München", "DE"),
    ("Rome", "Rom", "IT"), ("Madrid", "Madrid", "ES"), ("Minsk", "Minsk", "BY"),
    ("Ankara", "Ankara", "TR"), ("Istanbul", "Istanbul", "TR"), ("New York", "New York", "US"),
    ("Beijing", "Peking", "CN"), ("Helsinki", "Helsinki", "FI"), ("Stockholm", "Stockholm", "SE"),
    ("The Hague", "Den Haag", "NL"), ("Tokyo", "Tokio", "JP"), ("Vilnius", "Vilnius", "LT"),
    ("Riga", "Riga", "LV"), ("Tallinn", "Tallinn", "EE"), ("Strasbourg", "Straßburg", "FR"),
    ("Luxembourg", "Luxemburg", "LU"), ("Bucharest", "Bukarest", "RO"), ("Prague", "Prag", "CZ"),
]  # fmt: skip
TAGS = ["Ukraine crisis", "Arms control", "Energy", "Sanctions", "Migration", "Climate",
        "Trade", "Security", "Human rights", "Nuclear"]  # fmt: skip
VERBS = {
    "meeting": "meet in", "phone_call": "hold a phone call ahead of talks in", "visit": "visit",
    "summit": "attend summit in", "session": "convene in", "negotiation": "negotiate in",
    "agreement": "sign agreement in", "sanction": "announce sanctions from",
    "statement": "issue statement in",
}  # fmt: skip
FIRST, LAST = datetime.date(1998, 1, 1), datetime.date(2025, 12, 31)
# A word ten events contain (see plant_rare_word) and one that none does, nor any name.
RARE_WORD, ABSENT_WORD = "Liechtenstein", "Ouagadougou"
RARE_EVENTS = 10
SCENARIOS = ["unfiltered", "two filters + search", "rare word", "no match"]
PLAIN_STATIC = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


def gazetteer():
    actors = [Actor(name=n, name_de=d, kind="state", country=c) for n, d, c in STATES]
    actors += [Actor(name=n, name_de=d, kind="organization") for n, d in ORGANIZATIONS]
    actors += [Actor(name=n, name_de=d, kind="body") for n, d in BODIES]
    actors += [Actor(name=n, kind="person") for n in PEOPLE]
    actors = Actor.objects.bulk_create(actors)
    places = Place.objects.bulk_create([Place(name=n, name_de=d, country=c) for n, d, c in PLACES])
    tags = Tag.objects.bulk_create([Tag(name=n, slug=n.lower().replace(" ", "-")) for n in TAGS])
    return actors, places, tags


def generate(n, batch=5000, seed=1):
    rng = random.Random(seed)
    # Emptied in SQL: deleting a million rows through the ORM would send a signal for each.
    call_command("flush", interactive=False, verbosity=0)
    actors, places, tags = gazetteer()
    weights = [6 if a.kind == "state" else 4 if a.kind == "organization" else 2 for a in actors]
    days = (LAST - FIRST).days
    precisions = ["day"] * 85 + ["week"] * 5 + ["month"] * 7 + ["quarter", "year", "season"]
    statuses = ["held"] * 80 + ["announced"] * 14 + ["postponed"] * 4 + ["cancelled"] * 2
    types = list(VERBS)
    made = 0
    while made < n:
        size = min(batch, n - made)
        rows = []
        for _ in range(size):
            start = FIRST + datetime.timedelta(days=rng.randrange(days))
            precision = rng.choice(precisions)
            if precision == "month":
                start = start.replace(day=1)
            elif precision == "week":
                start -= datetime.timedelta(days=start.weekday())
            elif precision in ("quarter", "year", "season"):
                start = start.replace(month=1, day=1)
            end = (
                start + datetime.timedelta(days=rng.choice([1, 2])) if rng.random() < 0.08 else None
            )
            members = rng.choices(actors, weights=weights, k=rng.randint(2, 4))
            place = rng.choice(places)
            kind = rng.choice(types)
            title = f"{members[0].name} and {members[1].name} {VERBS[kind]} {place.name}"
            rows.append(
                (
                    Event(
                        title=title[:300],
                        summary=f"{title}. Talks covered {rng.choice(TAGS).lower()} and the "
                        f"situation in {rng.choice(places).name}.",
                        type=kind, start=start, end=end if precision == "day" else None,
                        precision=precision, approximate=rng.random() < 0.03, place=place,
                        occurrence_status=rng.choice(statuses),
                        curation_status=Event.Curation.APPROVED,
                        corroboration=rng.randint(1, 6), confidence=0.9,
                    ),
                    {actor.pk: actor for actor in members},
                    rng.sample(tags, k=rng.choice([0, 1, 1, 2])),
                )
            )  # fmt: skip
        with transaction.atomic():
            events = Event.objects.bulk_create([row[0] for row in rows])
            Participation.objects.bulk_create(
                Participation(event=event, actor=actor, role="host" if i == 0 else "participant")
                for event, (_, members, _) in zip(events, rows, strict=True)
                for i, actor in enumerate(members.values())
            )
            Event.tags.through.objects.bulk_create(
                Event.tags.through(event=event, tag=tag)
                for event, (_, _, chosen) in zip(events, rows, strict=True)
                for tag in chosen
            )
        made += size
        print(f"  {made:>9,} events", end="\r", flush=True)
    print()
    with connection.cursor() as cursor:
        # VACUUM sets PostgreSQL's visibility map, which index-only scans need; autovacuum would
        # (after a bulk load) where it is on, and on this machine's server it is off.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def plant_rare_word():
    """Ten events spread over the timeline mention RARE_WORD (the generator never writes it).
    Done by an UPDATE, so that the search indexes follow it as they follow any edit."""
    first, last = Event.objects.aggregate(models.Min("pk"), models.Max("pk")).values()
    chosen = [first + i * (last - first) // RARE_EVENTS for i in range(RARE_EVENTS)]
    events = Event.objects.filter(pk__in=chosen)
    events.exclude(summary__contains=RARE_WORD).update(
        summary=Concat("summary", Value(f" Observers from {RARE_WORD} attended."))
    )


def deep_cursor(query, pages):
    """The cursor a client holds after scrolling `pages` pages (taken directly, not scrolled)."""
    from django.http import QueryDict

    from timeline.forms import TimelineForm

    form = TimelineForm(QueryDict(query))
    assert form.is_valid(), form.errors
    events = form.filter(Event.objects.approved()).in_timeline_order(form.newest_first)
    last = events[pages * PAGE_SIZE - 1 : pages * PAGE_SIZE].first()
    if last is None:  # fewer results than that: the deepest page that is still full
        pages = events.count() // PAGE_SIZE - 1
        if pages < 1:
            return None, 0  # no second page
        last = events[pages * PAGE_SIZE - 1 : pages * PAGE_SIZE].first()
    return encode_cursor(last), pages


def measure(client, url, repeat, htmx=True, cold=False):
    """Server time and queries of `url`: the htmx fragment, or the full page; `cold` empties
    the cache before each request (the first page after a change to the timeline)."""
    times, cpu_times, queries, sizes = [], [], [], []
    for _ in range(repeat + 3):
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            began, cpu_began = time.perf_counter(), time.thread_time()
            response = client.get(url, headers={"HX-Request": "true"} if htmx else {})
            elapsed, cpu = time.perf_counter() - began, time.thread_time() - cpu_began
        assert response.status_code == 200, (url, response.status_code)
        assert (b"<html" in response.content) != htmx
        times.append(elapsed * 1000)
        cpu_times.append(cpu * 1000)
        queries.append(len(captured))
        sizes.append(response.content.count(b'class="event '))
    times, cpu_times = times[3:], cpu_times[3:]  # the first requests compile templates
    return {
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(statistics.quantiles(times, n=20)[18], 2),
        # This process's CPU time: what the request costs when it has a core to itself
        # (with SQLite the query is in it, PostgreSQL's share is not).
        "cpu_median_ms": round(statistics.median(cpu_times), 2),
        "queries": max(queries),
        "events_in_fragment": sizes[-1],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of approved events")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--pages", type=int, default=500, help="depth of the deep cursor")
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument(
        "--scenario", action="append", choices=SCENARIOS, help="only these (default: all)"
    )
    parser.add_argument(
        "--full-page-repeat", type=int, default=5, help="cold full pages to time (0: none)"
    )
    parser.add_argument("--label", default="", help="added to the result file's name")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    if args.regenerate or Event.objects.approved().count() != args.n:
        print(f"generating {args.n:,} events into {connection.settings_dict['NAME']}")
        began = time.perf_counter()
        generate(args.n)
        print(f"  generated in {time.perf_counter() - began:.0f} s")
    plant_rare_word()

    busiest = Actor.objects.get(name="Germany")
    scenarios = {
        "unfiltered": "",
        "two filters + search": f"actor={busiest.pk}&status=held&q=Brussels",
        "rare word": f"q={RARE_WORD}",
        "no match": f"q={ABSENT_WORD}",
    }
    client = Client()
    results = {}
    for name in args.scenario or SCENARIOS:
        query = scenarios[name]
        cursor, pages = deep_cursor(query, args.pages)
        first = measure(client, f"/?{query}", args.repeat)
        results[name] = {"first": first}
        if cursor:
            deep = measure(client, f"/?{query}&cursor={cursor}", args.repeat)
            results[name] |= {
                "deep": deep,
                "deep_pages": pages,
                "deep_over_first": round(deep["median_ms"] / first["median_ms"], 2),
            }
        if args.full_page_repeat:
            # The full page links static files by their hashed names, which needs
            # collectstatic; here they are linked as they are.
            with override_settings(STORAGES=settings.STORAGES | {"staticfiles": PLAIN_STATIC}):
                results[name]["full page"] = {
                    "cold": measure(client, f"/?{query}", args.full_page_repeat, False, True),
                    "warm": measure(client, f"/?{query}", args.repeat, htmx=False),
                }
    report = {
        "n": args.n,
        "database": connection.vendor,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "python": platform.python_version(),
        "results": results,
    }
    print(json.dumps(report, indent=2))
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    name = f"timeline-{connection.vendor}-{args.n}{'-' + args.label if args.label else ''}.json"
    (out / name).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
