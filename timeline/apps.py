from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = _("Diplomatic timeline")
    default_auto_field = "django.db.models.BigAutoField"
