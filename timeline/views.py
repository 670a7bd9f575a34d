import datetime
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.db.models import Prefetch
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from . import exports
from .forms import TimelineForm, encode_cursor
from .models import Citation, Event, Participation, TimelineVersion
from .templatetags.timeline import density_strip, group_by_day

PAGE_SIZE = 30


def timeline_access(view):
    """Analysts' pages are public unless TIMELINE_PUBLIC is off; then they need a login."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.TIMELINE_PUBLIC and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        response = view(request, *args, **kwargs)
        patch_vary_headers(response, ["HX-Request", "HX-Target"])
        return response

    return wrapper


def timeline_events(form):
    """The approved events a valid timeline form selects: the page, the exports and the API."""
    return form.filter(Event.objects.approved())


def for_display(events):
    """With place, participants (in the order they were added, as the exports list them) and
    tags. As plain lists (`participation_list`, `tag_list`): a page of 30 events otherwise
    builds 60 related managers and querysets to read them."""
    return events.select_related("place").prefetch_related(
        Prefetch(
            "participations",
            Participation.objects.select_related("actor").order_by("pk"),
            to_attr="participation_list",
        ),
        Prefetch("tags", to_attr="tag_list"),
    )


@require_GET
@timeline_access
def timeline(request):
    """The approved events, filtered; htmx asks for the results (filters) or the next page."""
    template_name = "timeline/timeline.html"
    partial = None
    if request.htmx and not request.htmx.history_restore_request:
        partial = "results" if request.htmx.target == "results" else "event-list"
        template_name += f"#{partial}"
    form = TimelineForm(request.GET)
    if not form.is_valid():
        return render(request, template_name, {"form": form}, status=400)

    events = timeline_events(form)
    page = list(
        for_display(form.page(events).in_timeline_order(form.newest_first))[: PAGE_SIZE + 1]
    )
    more = len(page) > PAGE_SIZE
    page = page[:PAGE_SIZE]
    cursor = form.cleaned_data["cursor"]
    context = {
        "form": form,
        "days": group_by_day(page, after=cursor[0] if cursor else None),
        "next_cursor": encode_cursor(page[-1]) if more else None,
    }
    if partial != "event-list":
        context |= summaries(form, events) | {"swap_oob": partial == "results"}
    return render(request, template_name, context)


SUMMARIES_TIMEOUT = 24 * 60 * 60


def summaries(form, events):
    """The total, the density strip and the facet counts of the filtered timeline.

    At a million events they take seconds, so they are computed once per filter set and
    language and cached under the timeline's version, which every change analysts could see
    renews (TimelineVersion): a cached count is never stale, only unused.
    """
    version = TimelineVersion.current()
    key = f"timeline-summaries:{version}:{get_language()}:{form.filters_key()}"
    found = cache.get(key)
    if found is None:
        # One pass over the events gives their number, their span and the density strip.
        per_day = events.counts_per_day()
        found = {
            "total": sum(per_day.values()),
            "density": density_strip(per_day, *date_range(form, per_day)),
            "facets": form.facets(Event.objects.approved()),
        }
        cache.set(key, found, SUMMARIES_TIMEOUT)
    return found


def date_range(form, per_day):
    """The period the density strip covers: the chosen range, else the events' own span."""
    first = form.cleaned_data["from"] or min(per_day, default=None)
    last = form.cleaned_data["to"] or max(per_day, default=None)
    if first is None or last is None:
        return None, None
    return first, max(first, min(last, first + datetime.timedelta(days=365 * 200)))


@require_GET
@timeline_access
def export(request, format):
    """The timeline's events in `format` (see exports.py): all of them, in the page's order.

    The same query parameters as the timeline; `cursor` and `jump`, which only say where a page
    of the list starts, are ignored.
    """
    form = TimelineForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(
            form.errors.as_text(), content_type="text/plain; charset=utf-8"
        )
    events = timeline_events(form).in_timeline_order(form.newest_first)
    return exports.FORMATS[format](request, events)


@require_GET
@timeline_access
def event_detail(request, pk):
    """An event's permalink; htmx loads the same page's detail partial into the list item."""
    event = get_object_or_404(
        for_display(Event.objects.approved())
        .select_related("series")
        .prefetch_related(
            Prefetch(
                "citations",
                Citation.objects.select_related("article").order_by("article__published_at"),
            )
        ),
        pk=pk,
    )
    related = Event.objects.approved().related_to(event).select_related("place")
    template_name = "timeline/event.html"
    heading_level = 2
    if request.htmx and not request.htmx.history_restore_request:
        # Inside the list the detail sits under the event's own <h4>.
        template_name += "#event-detail"
        heading_level = 5
    context = {
        "event": event,
        "related": list(related.in_timeline_order(newest_first=False)[:10]),
        "heading_level": heading_level,
    }
    return render(request, template_name, context)
