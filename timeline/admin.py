from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import DatabaseError, transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import ingest, review, tasks
from .extraction.reading import MAX_BYTES, decode
from .extraction.types import ExtractionError
from .imports import EventImportMixin
from .middleware import is_storage_failure
from .models import (
    Actor,
    ActorAlias,
    Article,
    Citation,
    CurationError,
    Event,
    Feed,
    Ingestion,
    Participation,
    Place,
    PlaceAlias,
    Series,
    Tag,
)


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "name_de", "kind", "country", "role"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "name_de", "aliases__name", "role"]
    autocomplete_fields = ["parent", "seat"]
    inlines = [ActorAliasInline]


@admin.register(ActorAlias)
class ActorAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "actor", "language"]
    list_filter = ["language", "actor__kind"]
    search_fields = ["name", "actor__name"]
    autocomplete_fields = ["actor"]


class PlaceAliasInline(admin.TabularInline):
    model = PlaceAlias
    extra = 1


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "name_de", "kind", "country", "population", "latitude", "longitude"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "name_de", "aliases__name"]
    autocomplete_fields = ["within"]
    inlines = [PlaceAliasInline]
    show_full_result_count = False


@admin.register(PlaceAlias)
class PlaceAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "place", "language"]
    list_filter = ["language", "place__kind"]
    search_fields = ["name", "place__name"]
    autocomplete_fields = ["place"]
    show_full_result_count = False


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["__str__", "url", "active", "last_fetched_at", "last_error"]
    list_filter = ["active"]
    search_fields = ["url", "title"]
    readonly_fields = ["last_fetched_at", "last_error"]
    actions = ["fetch_now"]

    @admin.action(description=_("Fetch now"), permissions=["change"])
    def fetch_now(self, request, queryset):
        ingestions = [
            tasks.enqueue_feed(feed, created_by=request.user) for feed in queryset.order_by("pk")
        ]
        messages.success(
            request,
            format_html(
                _('Fetching {} feed(s) in the background: <a href="{}">see the progress</a>.'),
                len(ingestions),
                _ingestions_url(ingestions),
            ),
        )


class CitationInline(admin.StackedInline):
    model = Citation
    extra = 0
    autocomplete_fields = ["article"]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


STORAGE_FULL_MESSAGE = _(
    "The server's disk is full or read-only: nothing was ingested and nothing was saved. "
    "Please tell an administrator, then try again."
)


class IngestForm(forms.Form):
    text = forms.CharField(
        label=_("Pasted article"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 90}),
        help_text=_("Plain text as published, e.g. a title line with “Stand: 12.01.2022 03:55”."),
    )
    files = MultipleFileField(
        label=_("Files"), required=False, help_text=_("Text or HTML files; several at once.")
    )
    urls = forms.CharField(
        label=_("URLs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 90}),
        help_text=_("Pages or RSS/Atom feeds, one per line."),
    )
    published = forms.DateTimeField(
        label=_("Publication time"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Overrides what the articles say; needed when they say nothing."),
    )
    timezone = forms.CharField(label=_("Time zone"), initial="Europe/Berlin", max_length=64)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("detect")), ("de", _("German")), ("en", _("English"))],
    )

    def clean_text(self):
        text = self.cleaned_data["text"]
        if text and not text.strip():
            raise ValidationError(_("The pasted text is empty."))
        if text:
            try:
                decode(text.encode())
            except ExtractionError as error:
                raise ValidationError(str(error)) from None
        return text.strip() and text

    def clean_urls(self):
        urls = [line.strip() for line in self.cleaned_data["urls"].splitlines() if line.strip()]
        validate = URLValidator(schemes=["http", "https"])
        bad = []
        for url in urls:
            try:
                validate(url)
            except ValidationError:
                bad.append(url)
        if bad:
            raise ValidationError(_("Not an http(s) URL: %(urls)s") % {"urls": ", ".join(bad)})
        return urls

    def clean_timezone(self):
        name = self.cleaned_data["timezone"].strip()
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValidationError(_("Unknown time zone: %(name)s") % {"name": name}) from None
        return name

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("text") or cleaned.get("files") or cleaned.get("urls")):
            if not self.errors:
                raise ValidationError(
                    _("Nothing to ingest: paste an article, choose files or give URLs.")
                )
            return cleaned
        if cleaned.get("published") and cleaned.get("timezone"):
            naive = cleaned["published"].replace(tzinfo=None)
            cleaned["published"] = naive.replace(tzinfo=ZoneInfo(cleaned["timezone"]))
        self.file_items, self.file_errors = [], []
        for upload in cleaned.get("files") or []:
            try:
                if upload.size > MAX_BYTES:
                    raise ExtractionError(
                        f"the file is too large ({upload.size:,} bytes; at most {MAX_BYTES:,})"
                    )
                text = decode(upload.read())
            except ExtractionError as error:
                self.file_errors.append((upload.name, str(error)))
                continue
            self.file_items.append({"kind": "file", "name": upload.name, "text": text})
        return cleaned

    def create_ingestions(self, user):
        data = self.cleaned_data
        options = {
            "published": data.get("published"),
            "tz": data["timezone"],
            "lang": data.get("language") or "",
            "created_by": user,
        }
        requests = []
        if data.get("text"):
            items = [{"kind": "text", "name": "pasted text", "text": data["text"]}]
            requests.append((Ingestion.Kind.TEXT, items, data["text"].strip().split("\n")[0]))
        if self.file_items:
            names = ", ".join(item["name"] for item in self.file_items)
            requests.append((Ingestion.Kind.FILE, self.file_items, names))
        if data.get("urls"):
            items = [{"kind": "url", "url": url} for url in data["urls"]]
            requests.append((Ingestion.Kind.URL, items, " ".join(data["urls"])))
        return [
            ingest.create_ingestion(kind, items, source=source, **options)
            for kind, items, source in requests
        ]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outlet", "language", "published_at", "ingested_at"]
    list_filter = ["language", "outlet", "feed"]
    search_fields = ["title", "text", "url", "author"]
    date_hierarchy = "published_at"
    readonly_fields = ["content_hash", "ingested_at"]
    actions = ["suggest_again"]

    def get_urls(self):
        ingest_url = path(
            "ingest/",
            self.admin_site.admin_view(self.ingest_view),
            name="timeline_article_ingest",
        )
        return [ingest_url, *super().get_urls()]

    def ingest_view(self, request):
        """Paste, upload or link articles; each kind of input becomes one queued Ingestion."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = IngestForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            for name, error in form.file_errors:
                messages.error(request, f"{name}: {error}")
            try:
                # All of the request's ingestions and tasks, or none (e.g. on a full disk).
                with transaction.atomic():
                    ingestions = [
                        tasks.enqueue(ingestion)
                        for ingestion in form.create_ingestions(request.user)
                    ]
            except (OSError, DatabaseError) as error:
                if not is_storage_failure(error):
                    raise
                form.add_error(None, STORAGE_FULL_MESSAGE)
                return self._ingest_page(request, form, status=507)
            if ingestions:
                messages.success(
                    request,
                    _("Queued %(count)d ingestion(s); the worker ingests them in the background.")
                    % {"count": len(ingestions)},
                )
                return HttpResponseRedirect(_ingestions_url(ingestions))
            form.add_error("files", _("None of the files could be read (see the messages)."))
        return self._ingest_page(request, form)

    def _ingest_page(self, request, form, status=200):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Ingest articles"),
            "form": form,
        }
        return TemplateResponse(
            request, "admin/timeline/article/ingest.html", context, status=status
        )

    @admin.action(description=_("Suggest events again (after gazetteer changes)"))
    def suggest_again(self, request, queryset):
        for article in queryset:
            tasks.reingest_article.enqueue(article.pk)
        messages.success(request, _("Queued %(count)d article(s).") % {"count": queryset.count()})


def _ingestions_url(ingestions):
    if len(ingestions) == 1:
        return reverse("admin:timeline_ingestion_change", args=[ingestions[0].pk])
    ids = ",".join(str(ingestion.pk) for ingestion in ingestions)
    return reverse("admin:timeline_ingestion_changelist") + f"?id__in={ids}"


@admin.register(Ingestion)
class IngestionAdmin(admin.ModelAdmin):
    """Read-only: ingestions are made on the "Ingest articles" page and by feeds."""

    list_display = [
        "__str__",
        "status",
        "progress",
        "articles_new",
        "articles_known",
        "failures",
        "suggestions",
        "corroborations",
        "created_by",
        "created_at",
    ]
    list_filter = ["status", "kind"]
    search_fields = ["source"]
    fields = [
        "kind",
        "source",
        "feed",
        "published",
        "timezone",
        "language",
        "created_by",
        "created_at",
        "started_at",
    ]
    change_form_template = "admin/timeline/ingestion/change_form.html"

    @admin.display(description=_("progress"))
    def progress(self, ingestion):
        return f"{ingestion.done}/{ingestion.total}"

    # Whoever may add articles may follow their ingestion.
    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("timeline.add_article") or super().has_view_permission(
            request, obj
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        ingestion = self.get_object(request, object_id)
        if ingestion is None or not self.has_view_permission(request, ingestion):
            return super().change_view(request, object_id, form_url, extra_context)
        extra = {
            **(extra_context or {}),
            "ingestion": ingestion,
            "articles": ingestion.articles.order_by("pk")[:200],
            "suggested_events": Event.objects.filter(citations__article__ingestions=ingestion)
            .distinct()
            .select_related("place")
            .order_by("start", "pk")[:200],
        }
        if request.htmx:
            return TemplateResponse(request, f"{self.change_form_template}#status", extra)
        return super().change_view(request, object_id, form_url, extra)


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 1
    autocomplete_fields = ["actor"]


class EventAdminForm(forms.ModelForm):
    """The change form carries the version it showed: a save over someone else's is refused."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # From the database: the history's revert form shows an old instance.
            current = Event.objects.filter(pk=self.instance.pk).values_list("version", flat=True)
            self.fields["seen_version"].initial = current.first()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            seen = cleaned.get("seen_version")
            current = Event.objects.filter(pk=self.instance.pk).values_list("version", flat=True)
            if seen is None or seen != current.first():
                raise ValidationError(
                    _(
                        "Someone else changed this event while you were editing it. Your "
                        "changes were not saved: reload the page to see theirs, then edit again."
                    ),
                    code="conflict",
                )
        return cleaned


@admin.register(Event)
class EventAdmin(EventImportMixin, SimpleHistoryAdmin):
    form = EventAdminForm
    change_form_template = "admin/timeline/event/change_form.html"
    change_list_template = "admin/timeline/event/change_list.html"
    list_display = [
        "title",
        "type",
        "start",
        "end",
        "precision",
        "place",
        "occurrence_status",
        "curation_status",
        "confidence",
    ]
    list_filter = ["curation_status", "type", "occurrence_status", "precision", "tags"]
    search_fields = ["title", "summary", "place__name", "participants__name"]
    date_hierarchy = "start"
    autocomplete_fields = ["place", "series", "tags", "merged_into"]
    readonly_fields = ["created_at", "updated_at", "version", "corroboration"]
    inlines = [ParticipationInline, CitationInline]
    list_select_related = ["place"]
    actions = ["approve_selected", "reject_selected", "split_selected"]

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("review/", view(review.queue), name="timeline_event_review"),
            path("review/bulk/", view(review.bulk), name="timeline_event_review_bulk"),
            path(
                "<int:pk>/review/<slug:action>/",
                view(review.act),
                name="timeline_event_review_action",
            ),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        if change:
            # The form checked the version; claiming it here closes the race after that check.
            seen = form.cleaned_data.get("seen_version")
            obj._claim(seen, list(Event.Curation), _("saved"))
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        event = form.instance
        if "_saveandapprove" in request.POST and event.curation_status in Event.APPROVABLE:
            event.approve(by=request.user, reason="edited in the admin")

    def response_change(self, request, obj):
        if "_saveandapprove" in request.POST:
            messages.success(request, _("Saved and approved “%(title)s”.") % {"title": obj.title})
            return HttpResponseRedirect(review.back_to(request))
        return super().response_change(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except CurationError as error:
            # Raised inside the admin's transaction, which is rolled back: nothing was saved.
            messages.warning(request, str(error))
            return HttpResponseRedirect(request.get_full_path())

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        try:
            with transaction.atomic():
                return super().history_form_view(request, object_id, version_id, extra_context)
        except CurationError as error:
            messages.warning(request, str(error))
            return HttpResponseRedirect(request.get_full_path())

    @admin.action(description=_("Approve selected events"), permissions=["change"])
    def approve_selected(self, request, queryset):
        try:
            count = queryset.approve(by=request.user)
        except CurationError as error:
            self.message_user(request, str(error), messages.WARNING)
            return
        self.message_user(request, _("Approved %(count)d event(s).") % {"count": count})

    @admin.action(description=_("Reject selected events (with a reason)"), permissions=["change"])
    def reject_selected(self, request, queryset):
        """Asks for the reason on an intermediate page, like the delete confirmation."""
        reason = request.POST.get("reason", "").strip()
        if request.POST.get("confirm") and reason:
            try:
                count = queryset.reject(by=request.user, reason=reason)
            except CurationError as error:
                self.message_user(request, str(error), messages.WARNING)
                return None
            self.message_user(request, _("Rejected %(count)d event(s).") % {"count": count})
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Reject events"),
            "events": queryset.order_by("start", "pk"),
            "missing_reason": bool(request.POST.get("confirm")),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/timeline/event/reject_selected.html", context)

    @admin.action(description=_("Split selected merged events off again"), permissions=["change"])
    def split_selected(self, request, queryset):
        count = 0
        try:
            with transaction.atomic():
                for event in queryset.filter(curation_status=Event.Curation.MERGED).order_by("-pk"):
                    event.split(by=request.user)
                    count += 1
        except CurationError as error:
            self.message_user(request, str(error), messages.WARNING)
            return
        self.message_user(request, _("Split off %(count)d event(s).") % {"count": count})


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ["event", "actor", "role"]
    list_filter = ["role"]
    search_fields = ["event__title", "actor__name"]
    autocomplete_fields = ["event", "actor"]


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["event", "article", "created_at"]
    search_fields = ["event__title", "article__title"]
    autocomplete_fields = ["event", "article"]
    list_select_related = ["event", "article"]
