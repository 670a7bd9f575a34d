import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def create_editor():
    out = StringIO()
    call_command("create_editor", stdout=out)
    return re.search(r"username: (\S+)\s+password: (\S+)", out.getvalue()).groups()


def test_it_prints_a_working_login_for_an_editor():
    username, password = create_editor()
    user = authenticate(username=username, password=password)
    assert user is not None and user.is_staff
    assert user.groups.filter(name="Editors").exists()
    assert user.has_perm("timeline.change_event")
    assert not user.has_perm("auth.change_user")


def test_running_it_again_resets_the_password():
    username, first = create_editor()
    _, second = create_editor()
    assert first != second
    assert authenticate(username=username, password=first) is None
    assert authenticate(username=username, password=second) is not None
