"""Personas every view is checked against: an editor, an analyst and an anonymous visitor."""

import pytest
from django.contrib.auth.models import Group, User


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor-test", password="editor-pass", is_staff=True)
    group, _ = Group.objects.get_or_create(name="Editors")
    user.groups.add(group)
    return user


@pytest.fixture
def analyst(db):
    user = User.objects.create_user("analyst-test", password="analyst-pass")
    group, _ = Group.objects.get_or_create(name="Analysts")
    user.groups.add(group)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client
