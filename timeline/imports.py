"""Importing events from a CSV in the export format (timeline/exports.py), through the admin.

The editor uploads a file, sees a preview (each row parsed, matched to an existing event, with
what would change and what is wrong) and confirms. A row matches the event of its `id` when one
exists, else the event with the same title and start. Importing an export of the same events
changes nothing.

Columns read: id, title, start, type (required), and when present: summary, end, precision,
approximate, time, part_of_day, occurrence_status, place + country, participants, hosts, tags,
series. A column left out leaves that field of a matched event as it is. The other export
columns (latitude, longitude, confidence, corroboration, sources, url, updated_at) are derived
or name articles whose text a CSV does not carry, so they are not imported. New events are
suggestions: they wait for review like any other.
"""

import copy
import csv
import io
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.loader import select_template
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .exports import LIST_SEPARATOR, csv_text
from .models import Actor, Event, Participation, Place, Series, Tag

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
SIGNING_SALT = "timeline.imports"
PREVIEW_ROWS = 500
MODEL_FIELDS = [
    "title",
    "summary",
    "type",
    "start",
    "end",
    "precision",
    "approximate",
    "time",
    "part_of_day",
    "occurrence_status",
]
TEXT_COLUMNS = {"title", "summary", "place", "participants", "hosts", "tags", "series"}
REQUIRED_COLUMNS = {"title", "start", "type"}


class EventRowForm(forms.ModelForm):
    """One row's own fields, validated as the admin validates them (constraints included)."""

    class Meta:
        model = Event
        fields = MODEL_FIELDS


@dataclass
class RowPlan:
    line: int
    title: str
    event: Event | None = None
    values: dict = field(default_factory=dict)
    place: Place | None = None
    participants: dict | None = None  # actor → role, when the row has that column
    tags: list | None = None
    series: str | None = None
    changes: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def action(self):
        if self.errors:
            return "error"
        if self.event is None:
            return "create"
        return "update" if self.changes else "unchanged"


class Gazetteer:
    """Name lookups for a whole file, each name asked once."""

    def __init__(self):
        self.actors, self.places = {}, {}

    def actor(self, name):
        if name not in self.actors:
            self.actors[name] = list(Actor.objects.filter(name=name)[:2])
        return self.actors[name]

    def places_named(self, name, country):
        key = (name, country.upper())
        if key not in self.places:
            self.places[key] = list(Place.objects.filter(name=name, country=key[1]))
        return self.places[key]


def read_rows(text):
    """(header, rows) of a CSV text, or raise ValueError with what is wrong with the file."""
    reader = csv.DictReader(io.StringIO(text))
    header = set(reader.fieldnames or [])
    if missing := REQUIRED_COLUMNS - header:
        raise ValueError(
            _("The file has no column %(columns)s.") % {"columns": ", ".join(sorted(missing))}
        )
    try:
        rows = list(reader)
    except csv.Error as error:
        raise ValueError(str(error)) from None
    return header, rows


def split_list(value):
    return [item.strip() for item in value.split(LIST_SEPARATOR.strip()) if item.strip()]


def plan_import(text):
    """What importing `text` would do, row by row; touches nothing."""
    header, rows = read_rows(text)
    gazetteer = Gazetteer()
    ids = {int(row["id"]) for row in rows if (row.get("id") or "").strip().isdigit()}
    by_id = Event.objects.in_bulk(ids) if ids else {}
    return [plan_row(line, header, row, by_id, gazetteer) for line, row in enumerate(rows, 2)]


def plan_row(line, header, row, by_id, gazetteer):
    row = {
        key: csv_text(value or "") if key in TEXT_COLUMNS else (value or "").strip()
        for key, value in row.items()
        if key is not None
    }
    plan = RowPlan(line=line, title=row.get("title", ""))
    plan.event = match_event(row, by_id, plan)
    data = {name: row[name] for name in MODEL_FIELDS if name in header}
    instance = plan.event or Event()
    # Validating writes the values into the instance: a copy keeps the event to compare with.
    form = EventRowForm(data={**initial_data(instance), **data}, instance=copy.copy(instance))
    if not form.is_valid():
        for name, errors in form.errors.items():
            label = name if name != "__all__" else _("row")
            plan.errors += [f"{label}: {error}" for error in errors]
        return plan
    plan.values = {name: form.cleaned_data[name] for name in data}
    plan.changes = [
        name for name in plan.values if getattr(plan.event, name, None) != plan.values[name]
    ]
    if "place" in header:
        resolve_place(row, plan, gazetteer)
    if "participants" in header:
        resolve_participants(row, plan, gazetteer)
    if "tags" in header:
        plan.tags = split_list(row.get("tags", ""))
        if plan.event is None or set(plan.tags) != {t.name for t in plan.event.tags.all()}:
            plan.changes.append("tags")
    if "series" in header:
        plan.series = row.get("series", "").strip()
        current = plan.event.series.name if plan.event and plan.event.series else ""
        if plan.event is None or plan.series != current:
            plan.changes.append("series")
    if plan.event is None:
        plan.changes = []
    return plan


def initial_data(event):
    """A matched event's present values, so that a column left out changes nothing."""
    data = {}
    for name in MODEL_FIELDS:
        value = getattr(event, name)
        data[name] = "" if value is None else value
    if not event.pk:
        data["title"] = ""
    return data


def match_event(row, by_id, plan):
    if (pk := row.get("id", "")).isdigit() and int(pk) in by_id:
        return by_id[int(pk)]
    title, start = row.get("title", "").strip(), row.get("start", "")
    if not title or not start:
        return None
    try:
        matches = list(Event.objects.filter(title=title, start=start).order_by("pk")[:2])
    except ValidationError:  # an unreadable date: the row's form reports it
        return None
    if len(matches) > 1:
        plan.errors.append(_("Several events have this title and start; give the id."))
    return matches[0] if len(matches) == 1 else None


def resolve_place(row, plan, gazetteer):
    name, country = row.get("place", "").strip(), row.get("country", "").strip()
    current = plan.event.place if plan.event else None
    if not name:
        place = None
    else:
        candidates = gazetteer.places_named(name, country)
        if current in candidates:
            place = current
        elif len(candidates) == 1:
            place = candidates[0]
        else:
            problem = _("no place") if not candidates else _("several places")
            plan.errors.append(
                _("There is %(problem)s named “%(name)s” in “%(country)s”.")
                % {"problem": problem, "name": name, "country": country}
            )
            return
    plan.place = place
    if plan.event is not None and place != current:
        plan.changes.append("place")


def resolve_participants(row, plan, gazetteer):
    hosts = set(split_list(row.get("hosts", "")))
    participants = {}
    for name in split_list(row.get("participants", "")):
        actors = gazetteer.actor(name)
        if len(actors) != 1:
            problem = _("No actor") if not actors else _("More than one actor")
            plan.errors.append(
                _("%(problem)s is named “%(name)s”.") % {"problem": problem, "name": name}
            )
            continue
        role = Participation.Role.HOST if name in hosts else Participation.Role.PARTICIPANT
        participants[actors[0]] = role
    plan.participants = participants
    if plan.event is not None:
        present = {p.actor: p.role for p in plan.event.participations.select_related("actor")}
        if present != participants:
            plan.changes.append("participants")


@transaction.atomic
def apply_import(plans):
    """Create and update what the plans say; rows with errors are left out. Returns counts."""
    counts = {"create": 0, "update": 0, "unchanged": 0, "error": 0}
    for plan in plans:
        counts[plan.action] += 1
        if plan.action in ("create", "update"):
            apply_row(plan)
    return counts


def apply_row(plan):
    event = plan.event or Event(curation_status=Event.Curation.SUGGESTED)
    for name, value in plan.values.items():
        setattr(event, name, value)
    if plan.event is None or "place" in plan.changes:
        event.place = plan.place
    if plan.series is not None:
        event.series = Series.objects.get_or_create(name=plan.series)[0] if plan.series else None
    if plan.event is not None:
        event.version += 1
    event._change_reason = "Imported from CSV"
    event.save()
    if plan.participants is not None:
        event.participations.exclude(actor__in=list(plan.participants)).delete()
        for actor, role in plan.participants.items():
            Participation.objects.update_or_create(
                event=event, actor=actor, defaults={"role": role}
            )
    if plan.tags is not None:
        event.tags.set([tag_named(name) for name in plan.tags])


def tag_named(name):
    tag = Tag.objects.filter(name=name).first()
    return (
        tag
        or Tag.objects.get_or_create(slug=slugify(name)[:100] or "tag", defaults={"name": name})[0]
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), required=False)
    data = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("data"):
            try:
                cleaned["text"] = signing.loads(cleaned["data"], salt=SIGNING_SALT)
            except signing.BadSignature:
                raise forms.ValidationError(
                    _("The preview has expired; upload the file again.")
                ) from None
        elif upload := cleaned.get("file"):
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(_("The file is larger than 20 MB; split it."))
            try:
                cleaned["text"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise forms.ValidationError(_("The file is not UTF-8 text.")) from None
        else:
            raise forms.ValidationError(_("Choose a CSV file."))
        return cleaned


class EventImportMixin:
    """Adds "Import events from CSV" to the Event admin (preview, then confirm)."""

    def get_urls(self):
        urls = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="timeline_event_import",
            )
        ]
        return urls + super().get_urls()

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def changelist_view(self, request, extra_context=None):
        """The changelist with an import link, around whichever changelist template is set."""
        response = super().changelist_view(request, extra_context)
        if isinstance(response, TemplateResponse) and not response.is_rendered:
            response.context_data |= {
                "import_base_template": select_template(
                    [names] if isinstance(names := response.template_name, str) else names
                ),
                "has_import_permission": self.has_import_permission(request),
            }
            response.template_name = "admin/timeline/event_import_changelist.html"
        return response

    def import_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import events from CSV"),
        }
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                plans = plan_import(form.cleaned_data["text"])
            except ValueError as error:
                form.add_error(None, str(error))
            else:
                if "confirm" in request.POST:
                    counts = apply_import(plans)
                    messages.success(request, import_message(counts))
                    return HttpResponseRedirect(reverse("admin:timeline_event_changelist"))
                return self.preview(request, context, form, plans)
        return TemplateResponse(
            request, "admin/timeline/event_import.html", {**context, "form": form}
        )

    def preview(self, request, context, form, plans):
        token = signing.dumps(form.cleaned_data["text"], salt=SIGNING_SALT, compress=True)
        too_big = len(token) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE - 10_000
        counts = {"create": 0, "update": 0, "unchanged": 0, "error": 0}
        for plan in plans:
            counts[plan.action] += 1
        # Rows with errors or changes first: the unchanged ones need no reading.
        shown = sorted(plans, key=lambda plan: (plan.action == "unchanged", plan.line))
        return TemplateResponse(
            request,
            "admin/timeline/event_import.html",
            {
                **context,
                "form": ImportForm(initial={"data": token}),
                "plans": shown[:PREVIEW_ROWS],
                "not_shown": max(0, len(plans) - PREVIEW_ROWS),
                "counts": counts,
                "too_big": too_big,
                "importable": not too_big and (counts["create"] or counts["update"]),
            },
        )


def import_message(counts):
    return (
        _(
            "Imported: %(create)d new (as suggestions), %(update)d updated, %(unchanged)d "
            "unchanged, %(error)d rows with errors left out."
        )
        % counts
    )
