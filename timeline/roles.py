"""The two groups of people who use the product, and what each may do.

Editors review suggestions, edit events and the gazetteer, and ingest articles (all in the
admin). Analysts read the timeline: they get view permissions only and no admin access, which
needs `is_staff`; when TIMELINE_PUBLIC is off, their login is what lets them in.
"""

from django.contrib.auth.models import Group, Permission

EDITORS = "Editors"
ANALYSTS = "Analysts"

# Editors curate everything of the timeline app; analysts read it.
EDITOR_MODELS = [
    "event",
    "participation",
    "citation",
    "merge",
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


def ensure_roles(using="default"):
    editors, _ = Group.objects.using(using).get_or_create(name=EDITORS)
    analysts, _ = Group.objects.using(using).get_or_create(name=ANALYSTS)
    timeline_permissions = Permission.objects.using(using).filter(
        content_type__app_label="timeline", content_type__model__in=EDITOR_MODELS
    )
    editors.permissions.set(timeline_permissions)
    analysts.permissions.set(timeline_permissions.filter(codename__startswith="view_"))
    return editors, analysts
