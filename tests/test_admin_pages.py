import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse

pytestmark = pytest.mark.django_db

REGISTERED = [model for model in admin.site._registry if model._meta.app_label == "timeline"]


@pytest.fixture
def superuser_client(client):
    client.force_login(User.objects.create_superuser("root-test", password="x"))
    return client


def test_every_timeline_model_is_in_the_admin():
    names = {model._meta.model_name for model in REGISTERED}
    assert {"event", "article", "actor", "place", "citation", "feed", "series", "tag"} <= names


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.model_name)
@pytest.mark.parametrize("page", ["changelist", "add"])
def test_each_admin_page_renders(superuser_client, model, page, rf):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}")
    response = superuser_client.get(url)
    request = rf.get(url)
    request.user = response.wsgi_request.user
    if page == "add" and not admin.site._registry[model].has_add_permission(request):
        # Records the system makes itself (ingestions) are not added by hand.
        assert response.status_code == 403
        return
    assert response.status_code == 200
    assert model._meta.verbose_name.lower() in response.text.lower()


def test_analysts_cannot_open_the_admin(analyst_client):
    response = analyst_client.get(reverse("admin:timeline_event_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
