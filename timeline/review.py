"""The editors' review queue: suggestions with their evidence, and the actions taken on them.

The actions themselves are Event methods (approve, reject, merge_into, split); these views only
translate HTTP into them. EventAdmin.get_urls mounts them under /admin/timeline/event/review/.
Each action answers htmx with the card in its new state and a plain POST with a redirect back
to the queue, so the queue works with and without JavaScript.
"""

import datetime
import difflib
from dataclasses import dataclass, field
from functools import wraps

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from .extraction.dedup import KnownEvent
from .extraction.events import same_event
from .ingest import local_zone
from .models import (
    Article,
    Citation,
    Conflict,
    CurationError,
    Event,
    EventType,
    Feed,
    Participation,
)

# The analysts' timeline escapes and marks evidence the same way: one helper for both.
from .templatetags.timeline import highlight_evidence

TEMPLATE = "admin/timeline/event/review.html"
PAGE_SIZE = 20
# Candidates for "the same event" are looked for this far around a suggestion's dates.
WINDOW = datetime.timedelta(days=7)
SIMILAR_ENOUGH = 0.55
MAX_CANDIDATES = 5


def editor_required(view):
    """Inside admin_view (staff login): reviewing needs the right to change events."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm("timeline.change_event"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


class QueueForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=Event.Curation.choices,
        required=False,
    )
    order = forms.ChoiceField(
        label=gettext_lazy("Order"),
        choices=[
            ("newest", gettext_lazy("newest first")),
            ("confidence", gettext_lazy("highest confidence first")),
        ],
        required=False,
    )
    article = forms.ModelChoiceField(
        label=gettext_lazy("Article"), queryset=Article.objects.all(), required=False
    )
    feed = forms.ModelChoiceField(
        label=gettext_lazy("Feed"), queryset=Feed.objects.all(), required=False
    )
    type = forms.ChoiceField(
        label=gettext_lazy("Type"),
        choices=[("", gettext_lazy("any type")), *EventType.choices],
        required=False,
    )
    date_from = forms.DateField(
        label=gettext_lazy("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    confidence = forms.IntegerField(
        label=gettext_lazy("Confidence at least (%)"),
        min_value=0,
        max_value=100,
        required=False,
        widget=forms.NumberInput(attrs={"step": 5, "size": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The most recent articles to choose from; any other one still filters by its id.
        recent = Article.objects.order_by("-ingested_at", "-pk").only("pk", "title")[:100]
        self.fields["article"].widget.choices = [
            ("", _("any article")),
            *((article.pk, str(article)[:90]) for article in recent),
        ]
        self.fields["feed"].empty_label = _("any feed")

    def filter(self, events):
        data = self.cleaned_data
        events = events.filter(curation_status=data["status"] or Event.Curation.SUGGESTED)
        if data["article"]:
            events = events.filter(
                Exists(Citation.objects.filter(event=OuterRef("pk"), article=data["article"]))
            )
        if data["feed"]:
            events = events.filter(
                Exists(Citation.objects.filter(event=OuterRef("pk"), article__feed=data["feed"]))
            )
        if data["type"]:
            events = events.filter(type=data["type"])
        events = events.between(data["date_from"], data["date_to"])
        if data["confidence"] is not None:
            events = events.filter(confidence__gte=data["confidence"] / 100)
        if data["order"] == "confidence":
            return events.order_by("-confidence", "-created_at", "-pk")
        return events.order_by("-created_at", "-pk")


class ActionForm(forms.Form):
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    reason = forms.CharField(max_length=2000, required=False)
    target = forms.IntegerField(required=False, widget=forms.HiddenInput)
    target_version = forms.IntegerField(required=False, widget=forms.HiddenInput)


@dataclass
class Resolution:
    """How a citation's date was resolved: "am Montag" → 2022-01-10, anchored on …"""

    text: str
    value: str
    rule: str
    anchor: str


@dataclass
class Source:
    citation: Citation
    sentences: list
    resolution: Resolution | None


@dataclass
class Candidate:
    event: Event
    identity: bool
    score: float
    reasons: list


@dataclass
class Card:
    event: Event
    sources: list = field(default_factory=list)
    candidates: list = field(default_factory=list)
    message: str = ""
    level: str = ""

    @property
    def percent(self):
        return f"{round(self.event.confidence * 100)}%"


def date_resolution(citation):
    resolved = citation.date_resolution if isinstance(citation.date_resolution, dict) else {}
    if not resolved.get("value"):
        return None
    article = citation.article
    zone = local_zone(article.timezone)
    try:
        anchor = datetime.datetime.fromisoformat(resolved["anchor"])
    except (KeyError, TypeError, ValueError):
        anchor = article.published_at
    value = str(resolved["value"]).replace("/", " – ")
    return Resolution(
        text=str(resolved.get("text") or ""),
        value=value,
        rule=str(resolved.get("rule") or ""),
        anchor=f"{anchor.astimezone(zone):%d.%m.%Y %H:%M} {zone.key}",
    )


def for_review(events):
    return events.select_related("place", "merged_into").prefetch_related(
        Prefetch("participations", Participation.objects.select_related("actor").order_by("pk")),
        "tags",
        Prefetch(
            "citations",
            Citation.objects.select_related("article").order_by("article__published_at", "pk"),
        ),
    )


def _known(event):
    return KnownEvent(
        key=event.pk,
        type=event.type,
        start=event.start,
        end=event.end,
        precision=event.precision,
        place=str(event.place_id) if event.place_id else None,
        actors=frozenset(str(p.actor_id) for p in event.participations.all()),
        curation=event.curation_status,
    )


def _actor_names(event):
    return sorted(p.actor.name.casefold() for p in event.participations.all())


def _compare(event, other):
    """A candidate when the identity rule holds or titles and actors are alike enough."""
    identity = same_event(_known(event).as_candidate(), _known(other).as_candidate())
    title = difflib.SequenceMatcher(None, event.title.casefold(), other.title.casefold()).ratio()
    actors = difflib.SequenceMatcher(None, _actor_names(event), _actor_names(other)).ratio()
    same_place = event.place_id is not None and event.place_id == other.place_id
    score = 0.55 * title + 0.35 * actors + 0.1 * same_place
    if not identity and score < SIMILAR_ENOUGH:
        return None
    shared = {p.actor_id for p in event.participations.all()} & {
        p.actor_id for p in other.participations.all()
    }
    reasons = []
    if identity:
        reasons.append(_("same event by the identity rule"))
    if same_place:
        reasons.append(_("same place"))
    if shared:
        reasons.append(_("%(count)d shared actor(s)") % {"count": len(shared)})
    reasons.append(_("title %(percent)d%% alike") % {"percent": round(title * 100)})
    return Candidate(other, identity, score, reasons)


def likely_duplicates(events):
    """{event pk: candidates}: open events that may be the same, approved ones first, then
    those the identity rule matches, then by similarity. One query for the whole page."""
    pending = [e for e in events if e.curation_status in Event.MERGEABLE]
    if not pending:
        return {}
    first = min(e.start for e in pending) - WINDOW
    last = max(e.last_day for e in pending) + WINDOW
    pool = list(
        for_review(Event.objects.filter(curation_status__in=Event.MERGEABLE))
        .between(first, last)
        .order_by("-start", "-pk")[:1000]
    )
    found = {}
    for event in pending:
        nearby = [
            other
            for other in pool
            if other.pk != event.pk
            and other.start <= event.last_day + WINDOW
            and event.start <= other.last_day + WINDOW
        ]
        candidates = [c for other in nearby if (c := _compare(event, other))]
        candidates.sort(
            key=lambda c: (
                c.event.curation_status != Event.Curation.APPROVED,
                not c.identity,
                -c.score,
                c.event.pk,
            )
        )
        found[event.pk] = candidates[:MAX_CANDIDATES]
    return found


def cards_for(events):
    candidates = likely_duplicates(events)
    return [
        Card(
            event=event,
            sources=[
                Source(
                    citation,
                    highlight_evidence(citation.article.text, citation.evidence),
                    date_resolution(citation),
                )
                for citation in event.citations.all()
            ],
            candidates=candidates.get(event.pk, []),
        )
        for event in events
    ]


def queue_url():
    return reverse("admin:timeline_event_review")


def back_to(request):
    """Where a plain POST returns: the queue view it came from (never another site)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith(queue_url()) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return queue_url()


def page_context(request, **context):
    return {
        **admin.site.each_context(request),
        "opts": Event._meta,
        "title": _("Review queue"),
        **context,
    }


@require_GET
@editor_required
def queue(request):
    form = QueueForm(request.GET)
    if not form.is_valid():
        context = page_context(request, form=form, cards=[], page=None)
        return TemplateResponse(request, TEMPLATE, context, status=400)
    events = form.filter(Event.objects.all())
    page = Paginator(for_review(events), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = page_context(
        request,
        form=form,
        page=page,
        cards=cards_for(list(page)),
        query=query.urlencode(),
        next=request.get_full_path(),
    )
    return TemplateResponse(request, TEMPLATE, context)


ACTIONS = {
    "approve": gettext_lazy("Approved “%(title)s”."),
    "reject": gettext_lazy("Rejected “%(title)s”."),
    "merge": gettext_lazy("Merged “%(title)s” into “%(target)s”."),
    "split": gettext_lazy("Split “%(title)s” off “%(target)s” again."),
}


def perform(action, event, data, user):
    """Run the model method for `action`; returns the success message."""
    options = {"by": user, "version": data["version"], "reason": data["reason"]}
    target = event.merged_into
    if action == "approve":
        event.approve(**options)
    elif action == "reject":
        event.reject(**options)
    elif action == "merge":
        target = Event.objects.filter(pk=data["target"]).first()
        if target is None:
            raise CurationError(_("Choose an existing event to merge into."))
        event.merge_into(target, target_version=data["target_version"], **options)
    else:
        event.split(**options)
    return ACTIONS[action] % {"title": event.title, "target": target.title if target else ""}


@require_POST
@editor_required
def act(request, pk, action):
    if action not in ACTIONS:
        raise PermissionDenied
    event = get_object_or_404(Event, pk=pk)
    form = ActionForm(request.POST)
    status, level = 200, messages.SUCCESS
    if not form.is_valid():
        status, level = 400, messages.ERROR
        message = _("The form was incomplete; please try again.")
    else:
        try:
            message = perform(action, event, form.cleaned_data, request.user)
        except Conflict as error:
            status, level, message = 409, messages.WARNING, str(error)
        except CurationError as error:
            status, level, message = 400, messages.ERROR, str(error)
    if not request.htmx:
        messages.add_message(request, level, message)
        return HttpResponseRedirect(back_to(request))
    # The card in its state as it is now, whatever happened.
    fresh = for_review(Event.objects.filter(pk=pk)).first()
    if fresh is None:
        return HttpResponseRedirect(back_to(request))
    card = cards_for([fresh])[0]
    card.message, card.level = message, messages.DEFAULT_TAGS[level]
    context = page_context(request, card=card, next=back_to(request))
    return TemplateResponse(request, f"{TEMPLATE}#card", context, status=status)


@require_POST
@editor_required
def bulk(request):
    """Approve or reject the checked cards in one transaction, at the versions shown."""
    selected = [int(pk) for pk in request.POST.getlist("selected") if pk.isdigit()]
    versions = {
        pk: int(version)
        for pk in selected
        if (version := request.POST.get(f"version-{pk}", "")).isdigit()
    }
    action = request.POST.get("bulk")
    reason = request.POST.get("reason", "")[:2000]
    events = Event.objects.filter(pk__in=selected)
    if not selected or action not in ("approve", "reject"):
        messages.warning(request, _("Select suggestions first, then approve or reject them."))
        return HttpResponseRedirect(back_to(request))
    try:
        if action == "approve":
            count = events.approve(by=request.user, versions=versions, reason=reason)
            messages.success(request, _("Approved %(count)d event(s).") % {"count": count})
        else:
            count = events.reject(by=request.user, versions=versions, reason=reason)
            messages.success(request, _("Rejected %(count)d event(s).") % {"count": count})
    except Conflict as error:
        messages.warning(request, _("Nothing was changed: %(error)s") % {"error": error})
    except CurationError as error:
        messages.error(request, str(error))
    return HttpResponseRedirect(back_to(request))
