"""Each participation carries its event's start and curation status, indexed by actor.

An actor filter made the timeline scan events in order and test each for the actor: with two
filters and a search (0.5 % of a million events) about 5,300 events per page. With the event's
start and status beside the actor, participation_timeline_idx (actor, event curation status,
event start, event) lists one actor's approved events in timeline order, and the page reads
only those (EventQuerySet.involving_any).

The copies are kept by the database, not by Model.save(): events change through update()
(review actions), participations arrive through bulk_create (ingestion, merges, seeds) and
loaddata (backups), none of which calls save(). On PostgreSQL a BEFORE trigger fills a
participation's copies as it is written; SQLite's triggers cannot change the row being written,
so an AFTER trigger updates it. Either way a change of an event's start or status is copied to
its participations in the same statement.

Rebuilding timeline_event or timeline_participation on SQLite (what Django's schema editor does
for most changes to those models) drops their triggers with the old table: a migration that
does so must call create_triggers() again, as for 0007's. tests/test_models.py checks that the
copies follow every kind of write.
"""

from django.db import migrations, models

COPY_TO_PARTICIPATIONS = """
    UPDATE timeline_participation
    SET event_start = timeline_event.start, event_curation_status = timeline_event.curation_status
    FROM timeline_event WHERE timeline_event.id = timeline_participation.event_id
"""

# A participation written before its event (loaddata defers foreign keys) is left as it is,
# and gets the copies when the event is written.
SQLITE_TRIGGERS = {
    "timeline_participation_event_copy_insert": """
        AFTER INSERT ON timeline_participation BEGIN
            UPDATE timeline_participation
            SET event_start = timeline_event.start,
                event_curation_status = timeline_event.curation_status
            FROM timeline_event
            WHERE timeline_participation.id = new.id AND timeline_event.id = new.event_id;
        END""",
    # Every ORM save of a participation writes event_id (with whatever copies it holds).
    "timeline_participation_event_copy_update": """
        AFTER UPDATE OF event_id ON timeline_participation BEGIN
            UPDATE timeline_participation
            SET event_start = timeline_event.start,
                event_curation_status = timeline_event.curation_status
            FROM timeline_event
            WHERE timeline_participation.id = new.id AND timeline_event.id = new.event_id;
        END""",
    "timeline_event_participations_copy_insert": """
        AFTER INSERT ON timeline_event BEGIN
            UPDATE timeline_participation
            SET event_start = new.start, event_curation_status = new.curation_status
            WHERE event_id = new.id;
        END""",
    "timeline_event_participations_copy_update": """
        AFTER UPDATE OF start, curation_status ON timeline_event
        WHEN old.start IS NOT new.start OR old.curation_status IS NOT new.curation_status
        BEGIN
            UPDATE timeline_participation
            SET event_start = new.start, event_curation_status = new.curation_status
            WHERE event_id = new.id;
        END""",
}

POSTGRESQL_FUNCTIONS = {
    "timeline_participation_event_copy": """
        DECLARE
            event record;
        BEGIN
            SELECT start, curation_status INTO event FROM timeline_event WHERE id = NEW.event_id;
            IF FOUND THEN
                NEW.event_start := event.start;
                NEW.event_curation_status := event.curation_status;
            END IF;
            RETURN NEW;
        END""",
    "timeline_event_participations_copy": """
        BEGIN
            UPDATE timeline_participation
            SET event_start = NEW.start, event_curation_status = NEW.curation_status
            WHERE event_id = NEW.id;
            RETURN NULL;
        END""",
}

# Name: (table, when, condition, function).
POSTGRESQL_TRIGGERS = {
    "timeline_participation_event_copy": (
        "timeline_participation",
        "BEFORE INSERT OR UPDATE OF event_id",
        "",
        "timeline_participation_event_copy",
    ),
    "timeline_event_participations_copy_insert": (
        "timeline_event",
        "AFTER INSERT",
        "",
        "timeline_event_participations_copy",
    ),
    "timeline_event_participations_copy_update": (
        "timeline_event",
        "AFTER UPDATE OF start, curation_status",
        "WHEN (OLD.start IS DISTINCT FROM NEW.start "
        "OR OLD.curation_status IS DISTINCT FROM NEW.curation_status)",
        "timeline_event_participations_copy",
    ),
}


def create_triggers(schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name, body in SQLITE_TRIGGERS.items():
            schema_editor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
    elif vendor == "postgresql":
        for name, body in POSTGRESQL_FUNCTIONS.items():
            schema_editor.execute(
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql "
                f"AS $$ {body} $$"
            )
        for name, (table, when, condition, function) in POSTGRESQL_TRIGGERS.items():
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            schema_editor.execute(
                f"CREATE TRIGGER {name} {when} ON {table} FOR EACH ROW {condition} "
                f"EXECUTE FUNCTION {function}()"
            )


def copy_event_columns(apps, schema_editor):
    schema_editor.execute(COPY_TO_PARTICIPATIONS)
    create_triggers(schema_editor)


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif vendor == "postgresql":
        for name, (table, *_) in POSTGRESQL_TRIGGERS.items():
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        for name in POSTGRESQL_FUNCTIONS:
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0007_event_search_index_sqlite"),
    ]

    operations = [
        migrations.AddField(
            model_name="participation",
            name="event_start",
            field=models.DateField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="participation",
            name="event_curation_status",
            field=models.CharField(default="", editable=False, max_length=10),
        ),
        migrations.RunPython(copy_event_columns, drop_triggers, elidable=False),
        migrations.AddIndex(
            model_name="participation",
            index=models.Index(
                fields=["actor", "event_curation_status", "event_start", "event"],
                name="participation_timeline_idx",
            ),
        ),
    ]
