"""SQLite gets a full-text index of each event's title and summary (FTS5, trigram tokenizer).

The search matches title and summary with LIKE '%text%'; on its own that scans every event, which
at a million events takes seconds when few or none match. A trigram index finds every row that
contains a given string of three or more characters (case-folded), so it lists the candidates
that the LIKE then checks (EventQuerySet.search): it narrows where to look, never what matches.

It is an external-content table (it stores only the index; the text stays in timeline_event),
kept up to date by triggers. Rebuilding timeline_event (what Django's SQLite schema editor does
for most changes to the Event model) drops the triggers with the old table: a migration that
does so must call create_triggers() again. tests/test_view_timeline.py checks that edits reach
the index. PostgreSQL has its own index (0006): nothing to do there.
"""

from django.db import migrations

TABLE = "timeline_event_fts"

TRIGGERS = {
    "timeline_event_fts_insert": f"""
        AFTER INSERT ON timeline_event BEGIN
            INSERT INTO {TABLE}(rowid, title, summary) VALUES (new.id, new.title, new.summary);
        END""",
    "timeline_event_fts_delete": f"""
        AFTER DELETE ON timeline_event BEGIN
            INSERT INTO {TABLE}({TABLE}, rowid, title, summary)
            VALUES ('delete', old.id, old.title, old.summary);
        END""",
    "timeline_event_fts_update": f"""
        AFTER UPDATE OF title, summary ON timeline_event BEGIN
            INSERT INTO {TABLE}({TABLE}, rowid, title, summary)
            VALUES ('delete', old.id, old.title, old.summary);
            INSERT INTO {TABLE}(rowid, title, summary) VALUES (new.id, new.title, new.summary);
        END""",
}


def create_triggers(schema_editor):
    for name, body in TRIGGERS.items():
        schema_editor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def add_search_index(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5(title, summary, "
        "content='timeline_event', content_rowid='id', tokenize='trigram')"
    )
    # Indexes the events already there (about 30 s for a million).
    schema_editor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")
    create_triggers(schema_editor)


def remove_search_index(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name in TRIGGERS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0006_event_search_document"),
    ]

    operations = [
        migrations.RunPython(add_search_index, remove_search_index, elidable=False),
    ]
