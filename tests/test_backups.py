"""A backup restores exactly: `make backup` (dumpdata) → `make restore` (restore_backup:
flush, loaddata) gives back the same events, citations, history, users, everything, row for
row — also when the ids of the Editors and Analysts groups are not the ones migrate makes."""

import datetime
import hashlib
import re
import shlex
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.test import Client

from timeline import ingest
from timeline.models import Article, Citation, Event, Ingestion

from .factories import (
    cite,
    make_article,
    make_council,
    make_event,
)

ROOT = Path(__file__).resolve().parent.parent
# Not backed up: sessions are disposable; the timeline's cache version is renewed by a restore.
REBUILT = {"sessions.session", "timeline.timelineversion"}


def dumpdata_args():
    """The arguments `make backup` uses, so that this test checks what the Makefile runs."""
    makefile = (ROOT / "Makefile").read_text()
    return shlex.split(re.search(r"^DUMPDATA_ARGS := (.*)$", makefile, re.M).group(1))


# Rows of rebuilt models get new ids: compare references to them by natural key.
NATURAL_KEYS = {
    "contenttypes.contenttype": ["app_label", "model"],
    "auth.permission": ["codename", "content_type__app_label", "content_type__model"],
}


def lookups(fields):
    columns = []
    for field in fields:
        target = field.related_model._meta.label_lower if field.is_relation else None
        if target in NATURAL_KEYS:
            columns += [f"{field.name}__{key}" for key in NATURAL_KEYS[target]]
        else:
            columns.append(field.attname)
    return columns


def digest(rows):
    return len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()


def snapshot():
    """{model: (row count, digest of every row's every column)} for every backed-up model."""
    tables = {}
    for model in apps.get_models():
        if model._meta.label_lower in REBUILT or not model._meta.managed:
            continue
        columns = lookups(model._meta.concrete_fields)
        tables[model._meta.label_lower] = digest(
            list(model._base_manager.order_by("pk").values_list(*columns))
        )
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            # A link table's own ids are not data: a link is its pair of references.
            references = [f for f in through._meta.fields if f.is_relation]
            rows = sorted(through.objects.values_list(*lookups(references)))
            tables[through._meta.label_lower] = digest(rows)
    return tables


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def newsroom(transactional_db, editor, analyst):
    """A timeline with a history: curated events, an ingested article, reviews, an editor."""
    # Groups made again, as an administrator might: their ids are no longer 1 and 2.
    for group in Group.objects.order_by("-pk"):
        group.delete()
        Group.objects.create(name=group.name).permissions.set(
            Permission.objects.filter(group=None)[:3]
        )
    editor.groups.set(Group.objects.filter(name="Editors"))
    council, nato, russia, brussels = make_council(
        curation_status=Event.Curation.SUGGESTED,
        summary="Die erste Sitzung seit 2019 — „heute Vormittag“ in Brüssel.",
    )
    rejected = make_event("Speculation", datetime.date(2022, 1, 13), curation_status="suggested")
    duplicate = make_event("Council session", datetime.date(2022, 1, 12), place=brussels,
                           actors=[nato, russia], curation_status="suggested")  # fmt: skip
    article = make_article("Der Nato-Russland-Rat tagt heute Vormittag in Brüssel.")
    cite(council, article, ("place", "Brüssel"), ("date", "heute Vormittag"))
    council.approve(by=editor, reason="checked against the source")
    rejected.reject(by=editor, reason="commentary, not an event")
    duplicate.merge_into(council, by=editor)
    ingest.create_ingestion(Ingestion.Kind.TEXT, [{"kind": "text", "name": "a", "text": "x"}])
    User.objects.create_superuser("root-test", password="root-pass")
    return council


def test_a_bad_backup_file_changes_nothing(newsroom, tmp_path):
    before = snapshot()
    broken = tmp_path / "broken.xml"
    broken.write_text('<?xml version="1.0"?><django-objects version="1.0"><object')
    with pytest.raises(Exception, match="(?i)xml|syntax|parse|installing|token"):
        call_command("restore_backup", str(broken), verbosity=0)
    assert snapshot() == before


def test_a_restored_backup_holds_exactly_what_was_backed_up(newsroom, tmp_path):
    before = snapshot()
    assert before["timeline.event"][0] == 3
    assert before["timeline.historicalevent"][0] >= 6  # created, approved, rejected, merged …
    assert before["timeline.citation"][0] >= 1 and before["auth.user"][0] == 3

    backup = tmp_path / "timeline.xml.gz"
    call_command("dumpdata", *dumpdata_args(), output=str(backup), verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    assert Event.objects.count() == Citation.objects.count() == User.objects.count() == 0
    assert Event.history.count() == 0

    call_command("restore_backup", str(backup), verbosity=0)
    assert snapshot() == before

    # What it all means survives too: the timeline shows the event, the editor can log in.
    assert Client().get("/").content.count(b"NATO-Russia Council meets again") >= 1
    assert Client().login(username="editor-test", password="editor-pass")
    council = Event.objects.get(pk=newsroom.pk)
    assert council.curation_status == Event.Curation.APPROVED
    reasons = council.history.values_list("history_change_reason", flat=True)
    assert "approved: checked against the source" in reasons
    assert Article.objects.get().text.startswith("Der Nato-Russland-Rat")


def test_the_snapshot_notices_a_changed_row(newsroom):
    """The comparison above can fail: one changed character changes the digest."""
    before = snapshot()
    Event.objects.filter(pk=newsroom.pk).update(title="NATO-Russia Council meets agaim")
    after = snapshot()
    assert after["timeline.event"][0] == before["timeline.event"][0]
    assert after["timeline.event"][1] != before["timeline.event"][1]
