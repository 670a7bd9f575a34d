from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Actor,
    ActorAlias,
    Article,
    Citation,
    Event,
    Feed,
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
    autocomplete_fields = ["parent"]
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


class CitationInline(admin.StackedInline):
    model = Citation
    extra = 0
    autocomplete_fields = ["article"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outlet", "language", "published_at", "ingested_at"]
    list_filter = ["language", "outlet", "feed"]
    search_fields = ["title", "text", "url", "author"]
    date_hierarchy = "published_at"
    readonly_fields = ["content_hash", "ingested_at"]


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


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
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
