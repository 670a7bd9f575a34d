"""The editors' review queue in the admin: who may do what, and what each action does."""

import datetime
import threading
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.contrib.messages import get_messages
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from timeline import ingest
from timeline.extraction.reading import read_document
from timeline.models import Citation, Conflict, CurationError, Event, Merge, Participation

from .factories import cite, make_actor, make_article, make_event, make_place, make_tag

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_d27454c361ced20d.txt"
TEXT = (
    "Nato-Russland-Rat tagt wieder Stand: 12.01.2022 03:55 Uhr\n\n"
    "Heute Vormittag kommt in Brüssel der Nato-Russland-Rat zusammen. "
    "Danach treffen sich die EU-Verteidigungsminister in Brest."
)
OTHER_TEXT = (
    "Russland und Nato reden wieder\n\n"
    "In Brüssel tagt am Mittwoch erstmals seit 2019 wieder der Nato-Russland-Rat."
)
QUEUE = "/admin/timeline/event/review/"


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("root-test", password="x")


@pytest.fixture
def data(db):
    """An approved event, a suggestion that reports it (from another article) and one more."""
    nato, russia = make_actor("NATO"), make_actor("Russia", "state")
    council = make_actor("NATO-Russia Council", "body")
    eu = make_actor("European Union")
    brussels, brest = make_place("Brussels", "BE"), make_place("Brest", "FR")
    tag = make_tag("Ukraine crisis")
    article = make_article(TEXT)
    other = make_article(OTHER_TEXT, title="Russland und Nato reden wieder")
    approved = make_event(
        "NATO-Russia Council meets in Brussels",
        type="session",
        place=brussels,
        actors=[nato, russia],
        tags=[tag],
        corroboration=1,
    )
    cite(approved, other, ("place", "Brüssel"), ("trigger", "tagt"), ("date", "am Mittwoch"))
    suggestion = make_event(
        "NATO-Russia Council session in Brussels",
        type="session",
        place=brussels,
        actors=[council, nato, russia],
        curation_status=Event.Curation.SUGGESTED,
        confidence=0.81,
        corroboration=1,
    )
    citation = cite(
        suggestion,
        article,
        ("date", "Heute Vormittag"),
        ("place", "Brüssel"),
        ("actor", "Nato-Russland-Rat"),
        ("trigger", "kommt"),
    )
    citation.date_resolution = {
        "text": "Heute Vormittag",
        "rule": "today+part of day",
        "anchor": "2022-01-12T03:55:00+01:00",
        "value": "2022-01-12",
        "precision": "day",
    }
    citation.save()
    brest_event = make_event(
        "EU defence ministers meet in Brest",
        type="meeting",
        place=brest,
        actors=[eu],
        end=datetime.date(2022, 1, 13),
        curation_status=Event.Curation.SUGGESTED,
        confidence=0.99,
        corroboration=1,
    )
    cite(brest_event, article, ("place", "Brest"), ("trigger", "treffen"))
    return {
        "approved": approved,
        "suggestion": suggestion,
        "brest": brest_event,
        "article": article,
        "other": other,
        "tag": tag,
        "council": council,
    }


def action_url(event, action):
    return reverse("admin:timeline_event_review_action", args=[event.pk, action])


def post_action(client, event, action, htmx=False, **fields):
    fields.setdefault("version", Event.objects.get(pk=event.pk).version)
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(action_url(event, action), {"next": QUEUE, **fields}, headers=headers)


def status_of(event):
    return Event.objects.get(pk=event.pk).curation_status


def last_history(event):
    return Event.history.filter(id=event.pk).order_by("-history_id").first()


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# Who may do what.

PERSONAS = ["anonymous", "analyst", "staff without permissions", "editor", "superuser"]
ALLOWED = {"editor", "superuser"}


@pytest.fixture
def persona_client(client, request):
    """A client logged in as `persona` (parametrized indirectly)."""
    persona = request.param
    if persona == "analyst":
        client.force_login(request.getfixturevalue("analyst"))
    elif persona == "editor":
        client.force_login(request.getfixturevalue("editor"))
    elif persona == "superuser":
        client.force_login(request.getfixturevalue("superuser"))
    elif persona == "staff without permissions":
        staff = User.objects.create_user("staff-test", password="x", is_staff=True)
        staff.user_permissions.add(Permission.objects.get(codename="view_event"))
        client.force_login(staff)
    client.persona = persona
    return client


def expect_denied(response, persona):
    if persona in ("anonymous", "analyst"):
        # Not staff: the admin sends them to its login page.
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_only_editors_see_the_queue(persona_client, data):
    response = persona_client.get(QUEUE)
    if persona_client.persona in ALLOWED:
        assert response.status_code == 200
        assert "NATO-Russia Council session in Brussels" in response.text
    else:
        expect_denied(response, persona_client.persona)


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
@pytest.mark.parametrize(
    ("action", "fields", "expected"),
    [
        ("approve", {}, Event.Curation.APPROVED),
        ("reject", {"reason": "vague"}, Event.Curation.REJECTED),
        ("merge", {"target": "approved"}, Event.Curation.MERGED),
    ],
)
def test_only_editors_act_on_suggestions(persona_client, data, action, fields, expected):
    if fields.get("target"):
        fields = {"target": data["approved"].pk}
    response = post_action(persona_client, data["suggestion"], action, **fields)
    if persona_client.persona in ALLOWED:
        assert response.status_code == 302
        assert response["Location"] == QUEUE
        assert status_of(data["suggestion"]) == expected
    else:
        expect_denied(response, persona_client.persona)
        assert status_of(data["suggestion"]) == Event.Curation.SUGGESTED


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_only_editors_split(persona_client, data, editor):
    data["suggestion"].merge_into(data["approved"], by=editor)
    response = post_action(persona_client, data["suggestion"], "split")
    if persona_client.persona in ALLOWED:
        assert response.status_code == 302
        assert status_of(data["suggestion"]) == Event.Curation.SUGGESTED
    else:
        expect_denied(response, persona_client.persona)
        assert status_of(data["suggestion"]) == Event.Curation.MERGED


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_only_editors_act_in_bulk(persona_client, data):
    selection = {"selected": [data["suggestion"].pk, data["brest"].pk], "bulk": "approve"}
    response = persona_client.post(reverse("admin:timeline_event_review_bulk"), selection)
    approved = Event.objects.filter(curation_status=Event.Curation.APPROVED).count()
    if persona_client.persona in ALLOWED:
        assert response.status_code == 302
        assert approved == 3
    else:
        expect_denied(response, persona_client.persona)
        assert approved == 1


def test_the_queue_refuses_get_for_actions_and_unknown_actions(editor_client, data):
    assert editor_client.get(action_url(data["suggestion"], "approve")).status_code == 405
    assert post_action(editor_client, data["suggestion"], "delete").status_code == 403


def test_the_queue_is_linked_from_the_admin_index_and_the_changelist(editor_client, data):
    assert QUEUE in editor_client.get(reverse("admin:index")).text
    assert QUEUE in editor_client.get(reverse("admin:timeline_event_changelist")).text


# What a card shows.


def test_a_card_shows_the_suggestion_its_evidence_and_how_its_date_was_resolved(
    editor_client, data
):
    page = editor_client.get(QUEUE).text
    card = page[page.index(f'id="review-{data["suggestion"].pk}"') :]
    card = card[: card.index("</article>")]
    assert "NATO-Russia Council session in Brussels" in card
    assert "council or ministerial session" in card
    assert "12 January 2022" in card and "precision: day" in card
    assert "Brussels, BE" in card
    assert "NATO-Russia Council, NATO, Russia" in card
    assert "81% confidence" in card
    assert '<mark class="evidence evidence-date" title="date">Heute Vormittag</mark>' in card
    assert '<mark class="evidence evidence-place" title="place">Brüssel</mark>' in card
    assert '<mark class="evidence evidence-actor" title="actor">Nato-Russland-Rat</mark>' in card
    assert '<mark class="evidence evidence-trigger" title="event">kommt</mark>' in card
    assert '<q lang="de">Heute Vormittag</q>' in card
    assert "<strong>2022-01-12</strong>" in card and "today+part of day" in card
    assert "anchored on 12.01.2022 03:55 Europe/Berlin" in card


def test_the_anchor_is_shown_in_the_article_time_zone(editor_client, data):
    citation = data["suggestion"].citations.get()
    citation.date_resolution = {"text": "am Montag", "rule": "weekday+past tense",
                                "value": "2022-01-10"}  # fmt: skip
    citation.save()
    data["article"].timezone = "America/New_York"
    data["article"].save()
    page = editor_client.get(QUEUE).text
    assert "anchored on 11.01.2022 21:55 America/New_York" in page  # 03:55 in Berlin
    assert "<strong>2022-01-10</strong>" in page


def test_candidates_are_the_same_event_by_identity_approved_first(editor_client, data):
    look_alike = make_event(
        "NATO-Russia Council session in Brussels (draft)",
        type="session",
        place=data["approved"].place,
        curation_status=Event.Curation.SUGGESTED,
    )
    elsewhere = make_event("Talks in Geneva", start=datetime.date(2022, 1, 10),
                           place=make_place("Geneva", "CH"))  # fmt: skip
    page = editor_client.get(QUEUE + "?type=session&order=confidence").text
    card = page[page.index(f'id="review-{data["suggestion"].pk}"') :]
    card = card[: card.index("</article>")]
    candidates = card[card.index("May be the same as") :]
    first, second = data["approved"].title, look_alike.title
    assert first in candidates and second in candidates
    assert candidates.index(first) < candidates.index(second)  # approved first
    assert "same event by the identity rule" in candidates and "same place" in candidates
    assert "2 shared actor(s)" in candidates
    assert elsewhere.title not in candidates
    assert f'name="target" value="{data["approved"].pk}"' in candidates


def test_evidence_from_the_article_text_is_escaped(editor_client, data):
    hostile = make_article(
        'Böse <script>alert("x")</script> Nachricht\n\nHeute <img src=x onerror=alert(1)> '
        "trifft sich die Nato in <b>Brüssel</b>.",
        title="<script>alert('title')</script>",
    )
    event = make_event("Hostile <b>title</b>", curation_status=Event.Curation.SUGGESTED)
    cite(event, hostile, ("trigger", "trifft"), ("place", "<b>Brüssel</b>"))
    page = editor_client.get(QUEUE).text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert (
        '<mark class="evidence evidence-place" title="place">&lt;b&gt;Brüssel&lt;/b&gt;</mark>'
        in page
    )
    assert "Hostile &lt;b&gt;title&lt;/b&gt;" in page


def test_the_queue_filters_and_orders(editor_client, data):
    def titles(query=""):
        page = editor_client.get(QUEUE + query)
        assert page.status_code == 200
        return [card.event.title for card in page.context["cards"]]

    suggestion, brest = data["suggestion"].title, data["brest"].title
    assert titles() == [brest, suggestion]  # newest first
    assert titles("?order=confidence") == [brest, suggestion]
    Event.objects.filter(pk=data["brest"].pk).update(confidence=0.5)
    assert titles("?order=confidence") == [suggestion, brest]
    assert titles("?confidence=60") == [suggestion]
    assert titles("?type=meeting") == [brest]
    assert titles(f"?article={data['article'].pk}") == [brest, suggestion]
    assert titles(f"?article={data['other'].pk}") == []
    assert titles("?date_from=2022-01-13&date_to=2022-01-20") == [brest]
    assert titles("?status=approved") == [data["approved"].title]
    assert editor_client.get(QUEUE + "?confidence=150").status_code == 400


def test_the_queue_filters_by_feed(editor_client, data):
    from timeline.models import Feed

    feed = Feed.objects.create(url="https://example.org/feed.xml", title="Example")
    data["other"].feed = feed
    data["other"].save()
    page = editor_client.get(QUEUE + f"?status=approved&feed={feed.pk}")
    assert [card.event.title for card in page.context["cards"]] == [data["approved"].title]


def test_the_queue_costs_the_same_queries_for_one_card_or_many(
    editor_client, data, django_assert_max_num_queries
):
    editor_client.get(QUEUE)  # sessions, permissions
    with django_assert_max_num_queries(16) as few:
        editor_client.get(QUEUE)
    for i in range(15):
        event = make_event(f"More {i}", curation_status=Event.Curation.SUGGESTED,
                           actors=[data["council"]])  # fmt: skip
        cite(event, data["article"], ("trigger", "treffen"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        editor_client.get(QUEUE)


# Actions: what each does to the database and to the history.


def test_approve_publishes_the_event_and_records_who_and_why(editor_client, editor, data):
    response = post_action(editor_client, data["suggestion"], "approve", reason="checked")
    assert status_of(data["suggestion"]) == Event.Curation.APPROVED
    assert "Approved “NATO-Russia Council session in Brussels”." in messages_of(response)
    record = last_history(data["suggestion"])
    assert (record.history_user, record.history_change_reason) == (editor, "approved: checked")
    assert record.curation_status == Event.Curation.APPROVED
    assert Event.objects.get(pk=data["suggestion"].pk).version == data["suggestion"].version + 1
    assert data["suggestion"].title in editor_client.get("/").text  # on the analysts' timeline


def test_an_htmx_action_answers_with_the_card_in_its_new_state(editor_client, data):
    response = post_action(editor_client, data["suggestion"], "approve", htmx=True)
    assert response.status_code == 200
    assert response.text.lstrip().startswith(f'<article id="review-{data["suggestion"].pk}"')
    assert "<html" not in response.text
    assert 'data-status="approved"' in response.text
    assert "Approved “NATO-Russia Council session in Brussels”." in response.text


def test_reject_needs_a_reason(editor_client, data):
    response = post_action(editor_client, data["suggestion"], "reject", htmx=True, reason=" ")
    assert response.status_code == 400
    assert "Say why the event is rejected." in response.text
    assert status_of(data["suggestion"]) == Event.Curation.SUGGESTED


def test_reject_keeps_the_event_and_its_reason_hidden_from_analysts(
    editor_client, editor, analyst, data
):
    analyst_client = Client()
    analyst_client.force_login(analyst)
    post_action(editor_client, data["suggestion"], "reject", reason="duplicate of the session")
    rejected = Event.objects.get(pk=data["suggestion"].pk)
    assert rejected.curation_status == Event.Curation.REJECTED
    assert rejected.rejection_reason == "duplicate of the session"
    assert rejected.citations.count() == 1  # kept: re-ingesting must recognise it
    record = last_history(rejected)
    assert record.history_user == editor
    assert record.history_change_reason == "rejected: duplicate of the session"
    assert rejected.title not in analyst_client.get("/").text
    assert analyst_client.get(f"/events/{rejected.pk}/").status_code == 404


def test_rejected_suggestions_are_not_suggested_again_on_reingest(gazetteer, real_engine, editor):
    article = ingest.ingest_document(read_document(SEED.read_bytes()), source=SEED.name).article
    suggestions = list(Event.objects.suggested())
    assert suggestions
    for event in suggestions:
        event.reject(by=editor, reason="testing re-ingestion")
    ingest.reingest(article)
    ingest.reingest(article)
    assert not Event.objects.suggested().exists()
    assert set(Event.objects.values_list("pk", "curation_status")) == {
        (event.pk, Event.Curation.REJECTED) for event in suggestions
    }


def test_merged_suggestions_are_not_suggested_again_on_reingest(gazetteer, real_engine, editor):
    article = ingest.ingest_document(read_document(SEED.read_bytes()), source=SEED.name).article
    kept, *others = Event.objects.suggested().order_by("pk")
    kept.approve(by=editor)
    kept.refresh_from_db()
    for event in others:
        event.merge_into(kept, by=editor)
        kept.refresh_from_db()
    before = sorted(Event.objects.values_list("pk", "curation_status", "merged_into"))
    ingest.reingest(article)
    assert sorted(Event.objects.values_list("pk", "curation_status", "merged_into")) == before


def test_merge_gives_the_target_the_union_and_more_corroboration(editor_client, editor, data):
    suggestion, target = data["suggestion"], data["approved"]
    post_action(editor_client, suggestion, "merge", target=target.pk, reason="same session")
    suggestion.refresh_from_db()
    target.refresh_from_db()
    assert suggestion.curation_status == Event.Curation.MERGED
    assert suggestion.merged_into == target
    assert set(target.citations.values_list("article__title", flat=True)) == {
        data["article"].title,
        data["other"].title,
    }
    assert set(target.participants.values_list("name", flat=True)) == {
        "NATO",
        "Russia",
        "NATO-Russia Council",
    }
    assert list(target.tags.all()) == [data["tag"]]
    assert target.corroboration == 2
    assert last_history(suggestion).history_change_reason == (
        f"merged into #{target.pk} NATO-Russia Council meets in Brussels: same session"
    )
    assert last_history(target).history_change_reason.startswith(f"#{suggestion.pk} ")
    assert last_history(target).history_user == editor
    queue = editor_client.get(QUEUE).context["cards"]
    assert suggestion not in [card.event for card in queue]  # it left the queue


def snapshot():
    """Everything a merge touches, to compare before and after a split."""
    return {
        "citations": sorted(
            Citation.objects.values_list("pk", "event_id", "article_id", "evidence")
        ),
        "participations": sorted(Participation.objects.values_list("event_id", "actor_id", "role")),
        "tags": sorted(Event.tags.through.objects.values_list("event_id", "tag_id")),
        "events": sorted(
            Event.objects.values_list("pk", "curation_status", "merged_into", "corroboration")
        ),  # fmt: skip
    }


def test_merge_then_split_restores_everything_exactly(editor_client, editor, data):
    # The target also cites the suggestion's article already: its evidence grows, then shrinks.
    cite(data["approved"], data["article"], ("actor", "Nato-Russland-Rat"))
    data["suggestion"].tags.add(make_tag("NATO"))
    before = snapshot()
    post_action(editor_client, data["suggestion"], "merge", target=data["approved"].pk)
    assert snapshot() != before
    assert Citation.objects.get(event=data["approved"], article=data["article"]).evidence[1:]
    response = post_action(editor_client, data["suggestion"], "split", reason="not the same")
    assert response.status_code == 302
    assert snapshot() == before
    record = last_history(data["suggestion"])
    assert record.history_change_reason.startswith(f"split off #{data['approved'].pk}")
    assert record.history_change_reason.endswith(": not the same")
    merge = Merge.objects.get()
    assert (merge.merged_by, merge.split_by) == (editor, editor)


def test_split_keeps_what_another_merge_brought(editor, data):
    second = make_event(
        "Council meets",
        type="session",
        place=data["approved"].place,
        actors=[data["council"]],
        curation_status=Event.Curation.SUGGESTED,
    )
    data["suggestion"].merge_into(data["approved"], by=editor)
    data["approved"].refresh_from_db()
    second.merge_into(data["approved"], by=editor)
    data["suggestion"].refresh_from_db()
    data["suggestion"].split(by=editor)
    assert data["council"] in data["approved"].participants.all()
    second.refresh_from_db()
    second.split(by=editor)
    assert data["council"] not in data["approved"].participants.all()


def test_merge_refuses_itself_and_closed_targets(editor, data):
    with pytest.raises(CurationError):
        data["suggestion"].merge_into(data["suggestion"], by=editor)
    data["brest"].reject(by=editor, reason="vague")
    with pytest.raises(CurationError):
        data["suggestion"].merge_into(data["brest"], by=editor)
    with pytest.raises(CurationError):
        data["approved"].split(by=editor)
    assert status_of(data["suggestion"]) == Event.Curation.SUGGESTED


def test_bulk_approve_and_reject_from_the_queue(editor_client, editor, data):
    bulk = reverse("admin:timeline_event_review_bulk")
    pks = [data["suggestion"].pk, data["brest"].pk]
    response = editor_client.post(bulk, {"selected": pks, "bulk": "reject", "next": QUEUE})
    assert "Say why the event is rejected." in messages_of(response)
    assert Event.objects.suggested().count() == 2
    response = editor_client.post(bulk, {"selected": pks, "bulk": "reject", "reason": "noise"})
    assert response.status_code == 302
    assert set(Event.objects.filter(pk__in=pks).values_list("curation_status", flat=True)) == {
        Event.Curation.REJECTED
    }
    assert {last_history(Event(pk=pk)).history_change_reason for pk in pks} == {"rejected: noise"}
    editor_client.post(bulk, {"selected": pks, "bulk": "approve"})
    assert Event.objects.approved().count() == 3


def test_bulk_with_a_stale_version_changes_nothing(editor_client, editor, data):
    versions = {f"version-{e.pk}": e.version for e in (data["suggestion"], data["brest"])}
    data["brest"].approve(by=editor)
    response = editor_client.post(
        reverse("admin:timeline_event_review_bulk"),
        {"selected": [data["suggestion"].pk, data["brest"].pk], "bulk": "reject",
         "reason": "noise", **versions},
    )  # fmt: skip
    assert any("Nothing was changed" in m for m in messages_of(response))
    assert status_of(data["suggestion"]) == Event.Curation.SUGGESTED
    assert status_of(data["brest"]) == Event.Curation.APPROVED


def test_changelist_actions_approve_reject_with_a_reason_and_split(superuser, client, data):
    client.force_login(superuser)
    changelist = reverse("admin:timeline_event_changelist")
    selected = [data["suggestion"].pk, data["brest"].pk]
    client.post(changelist, {"action": "approve_selected", "_selected_action": selected})
    assert Event.objects.approved().count() == 3
    assert last_history(data["brest"]).history_user == superuser

    asked = client.post(changelist, {"action": "reject_selected", "_selected_action": selected})
    assert asked.status_code == 200 and 'name="reason"' in asked.text
    assert Event.objects.approved().count() == 3
    client.post(changelist, {"action": "reject_selected", "_selected_action": selected,
                             "confirm": "yes", "reason": "wrong article"})  # fmt: skip
    assert set(
        Event.objects.filter(pk__in=selected).values_list("rejection_reason", flat=True)
    ) == {"wrong article"}

    data["brest"].refresh_from_db()
    data["brest"].approve(by=superuser)
    data["brest"].refresh_from_db()
    data["brest"].merge_into(data["approved"], by=superuser)
    client.post(changelist, {"action": "split_selected", "_selected_action": [data["brest"].pk]})
    assert status_of(data["brest"]) == Event.Curation.APPROVED


# No lost updates.


def test_a_stale_action_gets_a_conflict_and_the_fresh_card(editor_client, editor, data):
    seen = data["suggestion"].version
    data["suggestion"].reject(by=editor, reason="first editor")
    response = post_action(editor_client, data["suggestion"], "approve", htmx=True, version=seen)
    assert response.status_code == 409
    assert "was changed by someone else in the meantime" in response.text
    assert 'data-status="rejected"' in response.text and "first editor" in response.text
    assert status_of(data["suggestion"]) == Event.Curation.REJECTED

    response = post_action(editor_client, data["suggestion"], "merge", version=seen,
                           target=data["approved"].pk)  # fmt: skip
    assert response.status_code == 302 and response["Location"] == QUEUE
    assert any("changed by someone else" in m for m in messages_of(response))
    assert status_of(data["suggestion"]) == Event.Curation.REJECTED


def test_the_model_methods_refuse_a_stale_version(editor, data):
    seen = data["suggestion"].version
    data["suggestion"].approve(by=editor)
    stale = Event.objects.get(pk=data["suggestion"].pk)
    with pytest.raises(Conflict):
        stale.reject(by=editor, reason="late", version=seen)
    with pytest.raises(Conflict):
        Event.objects.get(pk=data["brest"].pk).merge_into(
            data["approved"], by=editor, target_version=data["approved"].version - 1
        )
    assert status_of(data["brest"]) == Event.Curation.SUGGESTED


def change_form_data(event, **changes):
    fields = {
        "title": event.title, "summary": event.summary, "type": event.type,
        "start": event.start.isoformat(), "precision": event.precision,
        "occurrence_status": event.occurrence_status, "curation_status": event.curation_status,
        "confidence": event.confidence, "seen_version": event.version,
        "place": event.place_id or "", "participations-TOTAL_FORMS": 0,
        "participations-INITIAL_FORMS": 0, "citations-TOTAL_FORMS": 0,
        "citations-INITIAL_FORMS": 0,
    }  # fmt: skip
    return {**fields, **changes}


def test_the_change_form_refuses_a_stale_save(editor_client, editor, data):
    event = data["brest"]
    url = reverse("admin:timeline_event_change", args=[event.pk])
    assert f'name="seen_version" value="{event.version}"' in editor_client.get(url).text
    event.approve(by=editor)  # another editor, meanwhile
    response = editor_client.post(url, change_form_data(event, title="Overwritten", seen_version=1))
    assert response.status_code == 200
    assert "Someone else changed this event while you were editing it" in response.text
    assert Event.objects.get(pk=event.pk).title == "EU defence ministers meet in Brest"
    fresh = Event.objects.get(pk=event.pk)
    response = editor_client.post(url, change_form_data(fresh, title="EU ministers in Brest"))
    assert response.status_code == 302
    saved = Event.objects.get(pk=event.pk)
    assert (saved.title, saved.version) == ("EU ministers in Brest", fresh.version + 1)
    assert last_history(saved).history_user == editor


def test_save_and_approve_from_the_change_form_returns_to_the_queue(editor_client, editor, data):
    event = data["brest"]
    url = (
        reverse("admin:timeline_event_change", args=[event.pk]) + f"?next={QUEUE}%3Ftype%3Dmeeting"
    )
    assert "Save and approve" in editor_client.get(url).text
    response = editor_client.post(
        url, change_form_data(event, title="EU defence ministers meet", _saveandapprove="1")
    )
    assert response.status_code == 302 and response["Location"] == QUEUE + "?type=meeting"
    saved = Event.objects.get(pk=event.pk)
    assert (saved.title, saved.curation_status) == ("EU defence ministers meet", "approved")
    reasons = list(Event.history.filter(id=event.pk).order_by("-history_id")
                   .values_list("history_change_reason", "history_user"))[:2]  # fmt: skip
    assert reasons == [("approved: edited in the admin", editor.pk), (None, editor.pk)]


def test_next_never_leaves_the_queue(editor_client, data):
    response = post_action(editor_client, data["suggestion"], "approve",
                           next="https://evil.example/admin/timeline/event/review/")  # fmt: skip
    assert response["Location"] == QUEUE


# History: every action shows up, with who and why, and can be reverted.


def test_the_history_page_lists_actions_with_user_and_reason(editor_client, editor, data):
    data["suggestion"].reject(by=editor, reason="too vague")
    data["suggestion"].refresh_from_db()
    data["suggestion"].approve(by=editor, reason="second look")
    page = editor_client.get(
        reverse("admin:timeline_event_history", args=[data["suggestion"].pk])
    ).text
    assert "rejected: too vague" in page and "approved: second look" in page
    assert "editor-test" in page


def test_a_history_revert_restores_the_earlier_state(editor_client, editor, data):
    event = data["suggestion"]
    event.reject(by=editor, reason="too vague")
    suggested = Event.history.filter(id=event.pk, curation_status="suggested").earliest(
        "history_date"
    )
    url = reverse("admin:timeline_event_simple_history", args=[event.pk, suggested.history_id])
    page = editor_client.get(url)
    assert page.status_code == 200
    current = Event.objects.get(pk=event.pk)
    response = editor_client.post(
        url, change_form_data(current, curation_status="suggested", rejection_reason="")
    )
    assert response.status_code == 302
    reverted = Event.objects.get(pk=event.pk)
    assert reverted.curation_status == Event.Curation.SUGGESTED
    assert reverted.version == current.version + 1
    assert last_history(reverted).history_user == editor


# Two editors at the same moment (PostgreSQL: real row locks and concurrent connections).


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_approve_and_merge_one_wins(data, editor):
    suggestion, target = data["suggestion"], data["approved"]
    start = threading.Barrier(2)
    outcomes = {}

    def run(name, action):
        try:
            event = Event.objects.get(pk=suggestion.pk)
            start.wait()
            action(event)
            outcomes[name] = "won"
        except Conflict:
            outcomes[name] = "conflict"
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=("approve", lambda e: e.approve(by=editor))),
        threading.Thread(
            target=run,
            args=("merge", lambda e: e.merge_into(Event.objects.get(pk=target.pk), by=editor)),
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["conflict", "won"]
    final = Event.objects.get(pk=suggestion.pk)
    winner = next(name for name, outcome in outcomes.items() if outcome == "won")
    expected = {"approve": Event.Curation.APPROVED, "merge": Event.Curation.MERGED}[winner]
    assert final.curation_status == expected
    assert final.version == suggestion.version + 1
    assert Merge.objects.count() == (winner == "merge")
