"""The analysts' timeline query, validated: every parameter in the URL goes through here."""

import base64
import binascii
import datetime
import hashlib
import json
from dataclasses import dataclass

from babel import Locale
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Value, When
from django.utils.functional import cached_property
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _

from .models import Actor, Event, EventType, Place, Tag, search_matches

MAX_ID = 2**63 - 1


def encode_cursor(event):
    """An opaque position in the timeline: the last event's start date and id."""
    raw = f"{event.start.isoformat()}|{event.pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(value):
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode("ascii")
        start, pk = raw.split("|")
        start, pk = datetime.date.fromisoformat(start), int(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise ValidationError(_("This is not a valid position in the timeline.")) from None
    if pk < 1 or pk > MAX_ID:
        raise ValidationError(_("This is not a valid position in the timeline."))
    return start, pk


class CursorField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(required=False, max_length=64, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return decode_cursor(value) if value else None


class IdsField(forms.ModelMultipleChoiceField):
    """Rows chosen by id; an id no database column can hold is invalid, not a crash."""

    def _check_values(self, value):
        for pk in value:
            try:
                valid = 1 <= int(str(pk)) <= MAX_ID
            except ValueError:
                valid = True  # the parent says why
            if not valid:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class CountryField(forms.MultipleChoiceField):
    """ISO 3166 alpha-2 codes; whether any event is in that country is for the query to say."""

    def to_python(self, value):
        return [code.upper() for code in super().to_python(value)]

    def valid_value(self, value):
        return len(value) == 2 and value.isascii() and value.isalpha()


class TimelineForm(forms.Form):
    """Filters of the timeline; `filter()` turns them into EventQuerySet calls."""

    ORDER_CHOICES = [("newest", _("Newest first")), ("oldest", _("Oldest first"))]

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    actor = IdsField(label=_("Actors"), queryset=Actor.objects.all(), required=False)
    place = IdsField(label=_("Places"), queryset=Place.objects.all(), required=False)
    country = CountryField(label=_("Countries"), required=False)
    type = forms.MultipleChoiceField(label=_("Types"), choices=EventType.choices, required=False)
    tag = forms.ModelMultipleChoiceField(
        label=_("Tags"), queryset=Tag.objects.all(), to_field_name="slug", required=False
    )
    status = forms.MultipleChoiceField(
        label=_("Status"), choices=Event.Occurrence.choices, required=False
    )
    date_from = forms.DateField(label=_("From"), required=False)
    date_to = forms.DateField(label=_("To"), required=False)
    order = forms.ChoiceField(label=_("Order"), choices=ORDER_CHOICES, required=False)
    jump = forms.DateField(label=_("Jump to date"), required=False)
    cursor = CursorField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The query string says "from" and "to", which Python cannot name as attributes.
        self.fields["from"] = self.fields.pop("date_from")
        self.fields["to"] = self.fields.pop("date_to")

    def clean(self):
        data = super().clean()
        first, last = data.get("from"), data.get("to")
        if first and last and first > last:
            self.add_error("to", _("The end of the range is before its start."))
        return data

    @property
    def newest_first(self):
        return self.cleaned_data.get("order") != "oldest"

    def filters_key(self):
        """The chosen filters, normalized: equal for any two URLs that select the same events
        (whatever their order of parameters, position or sort order)."""
        data = self.cleaned_data
        chosen = [
            sorted(actor.pk for actor in data["actor"]),
            sorted(place.pk for place in data["place"]),
            sorted(set(data["country"])),
            sorted(set(data["type"])),
            sorted(tag.slug for tag in data["tag"]),
            sorted(set(data["status"])),
            data["from"] and data["from"].isoformat(),
            data["to"] and data["to"].isoformat(),
            " ".join(data["q"].split()),
        ]
        return hashlib.sha256(json.dumps(chosen).encode()).hexdigest()

    def filter(self, events, skip=None):
        """The events the filters select; `skip` leaves one facet out (to count its options)."""
        data = self.cleaned_data
        if data["actor"] and skip != "actor":
            events = events.involving_any(data["actor"])
        if data["place"] and skip != "place":
            events = events.at_any(data["place"])
        if data["country"] and skip != "country":
            events = events.in_countries(data["country"])
        if data["type"] and skip != "type":
            events = events.of_types(data["type"])
        if data["tag"] and skip != "tag":
            events = events.tagged_any(data["tag"])
        if data["status"] and skip != "status":
            events = events.with_occurrence(data["status"])
        if data["from"] or data["to"]:
            events = events.between(data["from"], data["to"])
        if data["q"]:
            events = events.search(data["q"], matches=self.search_matches)
        return events

    @cached_property
    def search_matches(self):
        """What the search names: looked up once for the list and every facet."""
        return search_matches(self.cleaned_data["q"])

    def page(self, events):
        """Where this page starts: after the cursor, or at the date jumped to."""
        if data := self.cleaned_data.get("cursor"):
            return events.past(*data, newest_first=self.newest_first)
        if jump := self.cleaned_data.get("jump"):
            return events.past(jump, newest_first=self.newest_first)
        return events

    def facets(self, events):
        """Each filter's options with how many events they would match: one query per facet."""
        labels = {
            "country": country_names(),
            "type": dict(EventType.choices),
            "status": dict(Event.Occurrence.choices),
        }
        facets = []
        for name, field, label_field, limit in FACETS:
            chosen = {}
            for value in self.cleaned_data[name]:
                if isinstance(value, Tag):
                    chosen[value.slug] = value.name
                elif isinstance(value, Actor | Place):
                    chosen[value.pk] = value.name
                else:
                    chosen[value] = labels[name].get(value, value)
            rows = self._counts(self.filter(events, skip=name), field, label_field, chosen)
            options = [
                FacetOption(
                    value=str(row[0]),
                    label=row[1] if label_field else labels[name].get(row[0], row[0]),
                    count=row[-1],
                    checked=row[0] in chosen,
                )
                for row in (rows[:limit] if limit else rows)
            ]
            # A chosen option that matches nothing (or fell off the list) must stay visible.
            shown = {option.value for option in options}
            options[:0] = [
                FacetOption(str(value), label, 0, True)
                for value, label in chosen.items()
                if str(value) not in shown
            ]
            facets.append(Facet(name, self.fields[name].label, options))
        return facets

    @staticmethod
    def _counts(events, field, label_field, chosen):
        fields = [field, label_field] if label_field else [field]
        chosen_first = Case(When(**{f"{field}__in": list(chosen)}, then=Value(0)), default=Value(1))
        return (
            events.order_by()
            .filter(**{f"{field}__isnull": False})
            .values_list(*fields)
            .annotate(count=models.Count("pk"))
            .order_by(chosen_first, "-count", *fields)
        )


# Facet name, field counted, field shown (else a fixed label), how many options at most.
FACETS = [
    ("actor", "participants", "participants__name", 12),
    ("place", "place", "place__name", 12),
    ("country", "place__country", None, 12),
    ("type", "type", None, None),
    ("tag", "tags__slug", "tags__name", 12),
    ("status", "occurrence_status", None, None),
]


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    checked: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list

    @property
    def chosen(self):
        return sum(option.checked for option in self.options)


def country_names():
    try:
        return Locale.parse(to_locale(get_language() or "en")).territories
    except (ValueError, LookupError):
        return Locale("en").territories
