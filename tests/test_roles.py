"""Editors and Analysts exist after `migrate`; TIMELINE_PUBLIC decides who sees the timeline."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from timeline.models import Event
from timeline.roles import ANALYSTS, EDITORS, ensure_roles

from .factories import make_event

pytestmark = pytest.mark.django_db


def codenames(group_name):
    group = Group.objects.get(name=group_name)
    return set(group.permissions.values_list("codename", flat=True))


def test_migrate_creates_both_groups_with_their_permissions():
    # The test database was made by `migrate`; nothing here called ensure_roles().
    editors, analysts = codenames(EDITORS), codenames(ANALYSTS)
    assert {"change_event", "add_article", "change_place", "change_actor", "add_feed"} <= editors
    assert {"view_event", "view_historicalevent", "view_merge"} <= editors
    assert "view_event" in analysts
    assert not {name for name in analysts if not name.startswith("view_")}


def test_roles_are_idempotent_and_repair_permissions():
    Group.objects.get(name=EDITORS).permissions.clear()
    call_command("migrate", verbosity=0)  # post_migrate runs again
    ensure_roles()
    assert "change_event" in codenames(EDITORS)
    assert Group.objects.filter(name__in=[EDITORS, ANALYSTS]).count() == 2


def test_editors_may_review_and_curate_analysts_may_only_read(editor, analyst):
    assert editor.has_perms(["timeline.change_event", "timeline.change_place",
                             "timeline.add_article", "timeline.view_historicalevent"])  # fmt: skip
    assert not analyst.has_perm("timeline.change_event")
    assert not analyst.has_perm("timeline.add_article")
    assert analyst.has_perm("timeline.view_event")
    assert editor.is_staff and not analyst.is_staff


@pytest.fixture
def approved_event(db):
    return make_event("NATO-Russia Council meets", curation_status=Event.Curation.APPROVED)


@pytest.mark.parametrize("persona", ["anonymous", "analyst", "editor"])
@pytest.mark.parametrize("public", [True, False])
def test_timeline_public_setting(
    client, settings, approved_event, editor, analyst, persona, public
):
    settings.TIMELINE_PUBLIC = public
    if persona != "anonymous":
        client.force_login(editor if persona == "editor" else analyst)
    for path in ["/", f"/events/{approved_event.pk}/"]:
        response = client.get(path)
        if public or persona != "anonymous":
            assert response.status_code == 200
            assert "NATO-Russia Council meets" in response.text
        else:
            assert response.status_code == 302
            assert response["Location"] == f"/admin/login/?next={path}"
