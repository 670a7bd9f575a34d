"""Pipeline speed: articles per second per core over the development set, beside search_dates.

    .venv/bin/python bench/extraction.py [--repeat 20] [--folder tests/devset] [--profile]

Needs a database with the gazetteer loaded (`make setup`); the gazetteer is built once, before
timing, so the timed part touches no database. Runs on one core (a single process) and counts
its CPU time, so the figures are per core. `--profile` adds where the CPU time of the 4 KB run
goes, stage by stage.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", default=str(ROOT / "tests" / "devset"))
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--skip-search-dates", action="store_true")
    parser.add_argument("--profile", action="store_true", help="CPU time per stage, 4 KB run")
    options = parser.parse_args()

    import django

    django.setup()
    from timeline.extraction.pipeline import suggest
    from timeline.extraction.reading import read_document
    from timeline.gazetteer import load_gazetteer

    folder = Path(options.folder)
    records = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    articles = [
        ((folder / r["file"]).read_bytes(), datetime.fromisoformat(r["published"]), r["lang"])
        for r in records
    ]
    started = time.perf_counter()
    gazetteer = load_gazetteer()
    print(f"gazetteer: {len(gazetteer):,} aliases built in {time.perf_counter() - started:.2f} s")
    total_bytes = sum(len(data) for data, _published, _lang in articles)

    def run_pipeline():
        for data, published, lang in articles:
            suggest(read_document(data), gazetteer, published=published, lang=lang)

    pipeline_runs = _timed(run_pipeline, options.repeat)
    _report("pipeline (read + suggest)", pipeline_runs, len(articles), total_bytes)

    # The target is stated for 4 KB articles: join same-language articles to about that size.
    joined = _four_kilobyte_articles(articles)
    joined_bytes = sum(len(data) for data, _published, _lang in joined)

    def run_joined():
        for data, published, lang in joined:
            suggest(read_document(data), gazetteer, published=published, lang=lang)

    _report(
        "pipeline on 4 KB articles", _timed(run_joined, options.repeat), len(joined), joined_bytes
    )
    if options.profile:
        _profile(joined, gazetteer, options.repeat)

    if not options.skip_search_dates:
        from dateparser.search import search_dates

        def run_search_dates():
            for data, published, lang in articles:
                search_dates(
                    data.decode(),
                    languages=[lang],
                    settings={"RELATIVE_BASE": published.replace(tzinfo=None)},
                )

        search_runs = _timed(run_search_dates, max(1, options.repeat // 10))
        _report("dateparser.search.search_dates", search_runs, len(articles), total_bytes)
        ratio = statistics.median(search_runs) / statistics.median(pipeline_runs)
        print(f"search_dates alone is {ratio:.1f}x slower than the whole pipeline")
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )


def _four_kilobyte_articles(articles):
    joined, pending = [], {}
    for data, published, lang in articles:
        text, first = pending.get(lang, (b"", published))
        text = text + b"\n\n" + data if text else data
        if len(text) >= 4096:
            joined.append((text, first, lang))
            pending.pop(lang, None)
        else:
            pending[lang] = (text, first)
    return joined


def _timed(function, repeat):
    function()  # warm up: imports, regex caches
    runs = []
    for _ in range(repeat):
        # CPU time of this process: "per core", and steady while other work shares the machine.
        started = time.process_time()
        function()
        runs.append(time.process_time() - started)
    return runs


def _profile(articles, gazetteer, repeat):
    """CPU time of each stage: the functions `suggest` calls, wrapped in a timer."""
    from timeline.extraction import date_resolvers, events, pipeline
    from timeline.extraction.mentions import Gazetteer
    from timeline.extraction.reading import read_document

    # (owner, function, label); a label that starts with spaces is part of the stage above.
    stages = [
        (pipeline, "tag_dates", "temporal tagging"),
        (date_resolvers, "clause_tense", "  of which tense"),
        (pipeline, "story_dates", "story dates"),
        (Gazetteer, "find", "mentions"),
        (pipeline, "resolve_places", "place resolution"),
        (pipeline, "find_triggers", "triggers"),
        (pipeline, "_passages", "sentences and passages"),
        (pipeline, "assemble", "event assembly"),
        (events, "clause_tense", "  of which tense"),
    ]
    spent = [0.0] * len(stages)
    reading = 0.0

    def timer(index, function):
        def timed(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[index] += time.process_time() - started

        return timed

    originals = [getattr(owner, name) for owner, name, _ in stages]
    for index, ((owner, name, _), function) in enumerate(zip(stages, originals, strict=True)):
        setattr(owner, name, timer(index, function))
    started = time.process_time()
    try:
        for _ in range(repeat):
            for data, published, lang in articles:
                before = time.process_time()
                document = read_document(data)
                reading += time.process_time() - before
                pipeline.suggest(document, gazetteer, published=published, lang=lang)
    finally:
        for (owner, name, _), function in zip(stages, originals, strict=True):
            setattr(owner, name, function)
    total = time.process_time() - started
    labels = [label for _, _, label in stages]
    inner = sum(t for label, t in zip(labels, spent, strict=True) if not label.startswith(" "))
    rows = [
        ("reading", reading),
        *zip(labels, spent, strict=True),
        ("rest", total - reading - inner),
    ]
    print(
        f"CPU time per stage, 4 KB run ({total / repeat * 1000:.1f} ms per run of {len(articles)}):"
    )
    for label, seconds in rows:
        print(f"  {label:<24} {seconds / repeat * 1000:6.1f} ms {seconds / total:6.1%}")


def _report(label, runs, count, total_bytes):
    median = statistics.median(runs)
    per_second = count / median
    per_4kb = per_second * (total_bytes / count) / 4096
    print(
        f"{label}: median {median * 1000:.1f} ms for {count} articles "
        f"({total_bytes / count / 1024:.1f} KB average) = {per_second:.0f} articles/s, "
        f"{per_4kb:.0f} articles of 4 KB/s"
    )


if __name__ == "__main__":
    main()
