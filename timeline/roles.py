"""The two groups of people who use the product, and what each may do."""

from django.contrib.auth.models import Group, Permission

EDITORS = "Editors"
ANALYSTS = "Analysts"

# Editors curate everything of the timeline app; analysts read it.
EDITOR_MODELS = [
    "event",
    "participation",
    "citation",
    "article",
    "feed",
    "actor",
    "actoralias",
    "place",
    "placealias",
    "series",
    "tag",
    "historicalevent",
]


def ensure_roles():
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    analysts, _ = Group.objects.get_or_create(name=ANALYSTS)
    timeline_permissions = Permission.objects.filter(
        content_type__app_label="timeline", content_type__model__in=EDITOR_MODELS
    )
    editors.permissions.set(timeline_permissions)
    analysts.permissions.set(timeline_permissions.filter(codename__startswith="view_"))
    return editors, analysts
