"""An Atom feed of a timeline view: its most recently approved or updated events."""

from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join

from . import exports
from .forms import TimelineForm
from .models import EventType
from .templatetags.timeline import draw_date, web_url
from .views import timeline_events


class TimelineFeed(Feed):
    """The same query parameters as the timeline. A feed is a window on recent changes, so it
    holds the newest LIMIT changes (the subtitle says so); the exports hold every event."""

    feed_type = Atom1Feed
    LIMIT = 100
    title = "Diplomatic timeline"
    subtitle = f"The {LIMIT} most recently approved or updated events of this view."

    def __call__(self, request, *args, **kwargs):
        if not settings.TIMELINE_PUBLIC and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        form = TimelineForm(request.GET)
        if not form.is_valid():
            return HttpResponseBadRequest(
                form.errors.as_text(), content_type="text/plain; charset=utf-8"
            )
        return super().__call__(request, *args, form=form, **kwargs)

    def get_object(self, request, form):
        return SimpleNamespace(request=request, form=form)

    def link(self, view):
        query = view.request.GET.copy()
        for key in ("cursor", "jump"):
            query.pop(key, None)
        return reverse("timeline") + (f"?{query.urlencode()}" if query else "")

    def feed_url(self, view):
        return view.request.get_full_path()

    def items(self, view):
        events = timeline_events(view.form).order_by("-updated_at", "-id")
        return exports.for_export(events)[: self.LIMIT]

    def item_title(self, event):
        return event.title

    def item_link(self, event):
        return reverse("event", args=[event.pk])

    def item_description(self, event):
        """HTML for feed readers, so every text from the database is escaped."""
        sources = format_html_join(
            "",
            "<li>{}</li>",
            (
                (
                    format_html('<a href="{}">{}</a>', web_url(c.article.url), c.article.outlet)
                    if web_url(c.article.url)
                    else c.article.outlet,
                )
                for c in event.citations.all()
            ),
        )
        return format_html(
            "<p>{}{}</p><p>{}</p>{}",
            draw_date(event),
            f" · {exports.place_label(event.place)}" if event.place else "",
            event.summary,
            format_html("<ul>{}</ul>", sources) if sources else "",
        )

    def item_pubdate(self, event):
        return event.created_at

    def item_updateddate(self, event):
        return event.updated_at

    def item_categories(self, event):
        return [str(EventType(event.type).label), *(tag.name for tag in event.tags.all())]
