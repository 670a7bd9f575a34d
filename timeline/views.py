from django.shortcuts import render
from django.views.decorators.http import require_GET

from .models import Event


@require_GET
def timeline(request):
    events = (
        Event.objects.approved()
        .select_related("place")
        .prefetch_related("participants")
        .order_by("-start", "-id")[:50]
    )
    return render(request, "timeline/timeline.html", {"events": events})
