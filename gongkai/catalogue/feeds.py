"""Atom feeds of newly published entries: across agencies and per agency."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from gongkai.agencies.models import Agency
from gongkai.catalogue.models import Publication
from gongkai.catalogue.queries import published_publications

FEED_SIZE = 50


class LatestPublications(Feed):
    feed_type = Atom1Feed
    title = "主动公开目录：最新信息"
    subtitle = "各机关最新主动公开的政府信息"

    def link(self) -> str:
        return reverse("catalogue:index")

    def items(self) -> list[Publication]:
        return list(published_publications()[:FEED_SIZE])

    def item_title(self, item: Publication) -> str:
        return item.current.title if item.current else str(item)

    def item_description(self, item: Publication) -> str:
        text = item.current.body_text if item.current else ""
        return text[:300]

    def item_link(self, item: Publication) -> str:
        return reverse("catalogue:detail", kwargs={"slug": item.agency.slug, "pk": item.pk})

    def item_pubdate(self, item: Publication) -> datetime | None:
        if item.published_on is None:
            return None
        return timezone.make_aware(datetime.combine(item.published_on, time(0)))

    def item_author_name(self, item: Publication) -> str:
        return item.agency.name

    def item_categories(self, item: Publication) -> list[str]:
        return [item.category.name]


class AgencyPublications(LatestPublications):
    def get_object(self, request: HttpRequest, slug: str) -> Agency:
        return get_object_or_404(Agency, slug=slug)

    def title(self, obj: Agency) -> str:  # type: ignore[override]
        return f"{obj.name}主动公开目录"

    def subtitle(self, obj: Agency) -> str:  # type: ignore[override]
        return f"{obj.name}最新主动公开的政府信息"

    def link(self, obj: Agency) -> str:  # type: ignore[override]
        return reverse("catalogue:agency", kwargs={"slug": obj.slug})

    def items(self, obj: Agency) -> list[Publication]:  # type: ignore[override]
        return list(published_publications(agency=obj)[:FEED_SIZE])
