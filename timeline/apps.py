from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_roles(sender, using="default", **kwargs):
    """After `migrate` the Editors and Analysts groups exist with their permissions."""
    from .roles import ensure_roles

    ensure_roles(using=using)


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = _("Diplomatic timeline")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connected for this app only: auth's own handler has made its permissions by then.
        post_migrate.connect(create_roles, sender=self, dispatch_uid="timeline_create_roles")
