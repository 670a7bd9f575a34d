import datetime

import pytest
from django.db import IntegrityError, transaction

from timeline.models import (
    Actor,
    ActorAlias,
    Article,
    Citation,
    Event,
    Participation,
    Place,
    PlaceAlias,
)

pytestmark = pytest.mark.django_db


def make_article(text="Die Minister treffen sich heute.", **fields):
    fields.setdefault("published_at", datetime.datetime(2022, 1, 12, 2, 55, tzinfo=datetime.UTC))
    fields.setdefault("language", "de")
    return Article.objects.create(text=text, **fields)


def make_event(title="NATO-Russia Council", start=datetime.date(2022, 1, 12), **fields):
    fields.setdefault("type", "session")
    return Event.objects.create(title=title, start=start, **fields)


def test_an_event_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(start=datetime.date(2022, 1, 13), end=datetime.date(2022, 1, 12))


def test_a_multi_day_event_keeps_its_end():
    event = make_event(end=datetime.date(2022, 1, 13))
    assert Event.objects.get(pk=event.pk).last_day == datetime.date(2022, 1, 13)


def test_confidence_must_be_a_probability():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(confidence=1.5)


def test_the_same_text_is_never_ingested_twice():
    make_article("Stoltenberg trifft Lawrow.")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article("  Stoltenberg trifft Lawrow.\n")


def test_urls_are_unique_when_present_and_optional_otherwise():
    make_article("one", url="https://example.org/a")
    make_article("two", url="")
    make_article("three")
    assert Article.objects.filter(url__isnull=True).count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article("four", url="https://example.org/a")


def test_an_article_needs_text():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article("")


def test_an_actor_has_no_duplicate_alias():
    nato = Actor.objects.create(name="NATO", kind="organization")
    ActorAlias.objects.create(actor=nato, name="Nato")
    with pytest.raises(IntegrityError), transaction.atomic():
        ActorAlias.objects.create(actor=nato, name="NATO")


def test_a_place_has_no_duplicate_alias():
    brussels = Place.objects.create(name="Brussels", country="BE")
    PlaceAlias.objects.create(place=brussels, name="Brüssel")
    with pytest.raises(IntegrityError), transaction.atomic():
        PlaceAlias.objects.create(place=brussels, name="brüssel")


def test_two_places_may_share_an_alias():
    brest_fr = Place.objects.create(name="Brest", country="FR")
    brest_by = Place.objects.create(name="Brest", country="BY")
    PlaceAlias.objects.create(place=brest_fr, name="Brest")
    PlaceAlias.objects.create(place=brest_by, name="Brest")
    assert PlaceAlias.objects.filter(normalized="brest").count() == 2


def test_an_actor_takes_part_in_an_event_once():
    event = make_event()
    nato = Actor.objects.create(name="NATO", kind="organization")
    Participation.objects.create(event=event, actor=nato)
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(event=event, actor=nato, role="host")


def test_an_article_is_cited_once_per_event():
    event, article = make_event(), make_article()
    Citation.objects.create(event=event, article=article)
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.create(event=event, article=article)


class TestEventQuerySet:
    def test_approved_and_suggested_separate_curation_states(self):
        approved = make_event("approved", curation_status="approved")
        suggested = make_event("suggested")
        make_event("rejected", curation_status="rejected")
        assert list(Event.objects.approved()) == [approved]
        assert list(Event.objects.suggested()) == [suggested]

    def test_between_finds_events_whose_interval_overlaps(self):
        brest = make_event("Brest", datetime.date(2022, 1, 12), end=datetime.date(2022, 1, 13))
        geneva = make_event("Geneva", datetime.date(2022, 1, 10))
        munich = make_event("Munich", datetime.date(2022, 2, 18), end=datetime.date(2022, 2, 20))
        week = Event.objects.between(datetime.date(2022, 1, 13), datetime.date(2022, 1, 16))
        assert list(week) == [brest]
        since = Event.objects.between(datetime.date(2022, 1, 11), None)
        assert set(since) == {brest, munich}
        until = Event.objects.between(None, datetime.date(2022, 1, 11))
        assert list(until) == [geneva]

    def test_involving_and_at_follow_participants_and_places(self):
        brussels = Place.objects.create(name="Brussels", country="BE")
        hq = Place.objects.create(
            name="NATO headquarters", country="BE", kind="venue", within=brussels
        )
        nato = Actor.objects.create(name="NATO", kind="organization")
        russia = Actor.objects.create(name="Russia", kind="state")
        council = make_event(place=hq)
        council.participations.create(actor=nato)
        council.participations.create(actor=russia)
        elsewhere = make_event("elsewhere")
        elsewhere.participations.create(actor=nato)
        assert list(Event.objects.involving(russia)) == [council]
        assert set(Event.objects.involving(nato)) == {council, elsewhere}
        assert list(Event.objects.at(brussels)) == [council]
        assert list(Event.objects.in_country("be")) == [council]
        chained = Event.objects.involving(nato).at(brussels)
        assert list(chained) == [council]


def test_every_change_of_an_event_is_kept_in_its_history():
    event = make_event()
    event.title = "NATO-Russia Council session"
    event.save()
    assert [h.title for h in event.history.order_by("history_id")] == [
        "NATO-Russia Council",
        "NATO-Russia Council session",
    ]


# Each participation carries a copy of its event's start and curation status, by which one
# actor's events are read in timeline order (migration 0008). Whatever writes the rows, the
# copies follow.


def copies(event):
    return set(
        Participation.objects.filter(event=event).values_list(
            "event_start", "event_curation_status"
        )
    )


def test_a_participation_copies_its_events_start_and_status_however_it_is_written():
    event = make_event(curation_status="approved")
    nato, russia, eu = (Actor.objects.create(name=n, kind="organization")
                        for n in ["NATO", "Russia", "EU"])  # fmt: skip
    Participation.objects.create(event=event, actor=nato)
    Participation.objects.bulk_create([Participation(event=event, actor=russia)])
    event.participations.create(actor=eu)
    assert copies(event) == {(datetime.date(2022, 1, 12), "approved")}


def test_a_participation_moved_to_another_event_copies_that_events():
    event, other = make_event(), make_event("other", datetime.date(2023, 5, 1))
    participation = event.participations.create(actor=Actor.objects.create(name="NATO"))
    participation.event = other
    participation.save()
    assert copies(other) == {(datetime.date(2023, 5, 1), "suggested")}


def test_a_stale_participation_saved_again_keeps_the_events_present_copy():
    event = make_event()
    participation = event.participations.create(actor=Actor.objects.create(name="NATO"))
    stale = Participation.objects.get(pk=participation.pk)
    Event.objects.filter(pk=event.pk).update(start=datetime.date(2022, 2, 1))
    stale.role = Participation.Role.HOST
    stale.save()
    assert copies(event) == {(datetime.date(2022, 2, 1), "suggested")}


@pytest.mark.parametrize("write", ["save", "update"])
def test_a_change_of_an_events_start_or_status_reaches_its_participations(write):
    event = make_event()
    for name in ["NATO", "Russia"]:
        event.participations.create(actor=Actor.objects.create(name=name, kind="state"))
    untouched = make_event("untouched")
    untouched.participations.create(actor=Actor.objects.get(name="NATO"))
    if write == "save":
        event.start, event.curation_status = datetime.date(2021, 3, 4), "approved"
        event.save()
    else:
        Event.objects.filter(pk=event.pk).update(
            start=datetime.date(2021, 3, 4), curation_status="approved"
        )
    assert copies(event) == {(datetime.date(2021, 3, 4), "approved")}
    assert copies(untouched) == {(datetime.date(2022, 1, 12), "suggested")}


def test_review_actions_reach_the_participations(django_user_model):
    editor = django_user_model.objects.create(username="editor")
    event = make_event()
    target = make_event("target", datetime.date(2022, 1, 20), curation_status="approved")
    event.participations.create(actor=Actor.objects.create(name="NATO"))
    event.approve(by=editor)
    assert copies(event) == {(datetime.date(2022, 1, 12), "approved")}
    event.reject(by=editor, reason="a rumour")
    assert copies(event) == {(datetime.date(2022, 1, 12), "rejected")}
    event.approve(by=editor)
    event.refresh_from_db()
    event.merge_into(target, by=editor)
    assert copies(event) == {(datetime.date(2022, 1, 12), "merged")}
    # The merge gave the target the event's actor (by bulk_create).
    assert copies(target) == {(datetime.date(2022, 1, 20), "approved")}


def test_a_participation_written_before_its_event_gets_the_copies_with_the_event():
    # loaddata may write them in this order: foreign keys are checked at the commit.
    with transaction.atomic():
        Participation.objects.create(event_id=999_999, actor=Actor.objects.create(name="NATO"))
        event = make_event(pk=999_999, curation_status="approved")
    assert copies(event) == {(datetime.date(2022, 1, 12), "approved")}
