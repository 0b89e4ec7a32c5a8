"""Sitemap of the public catalogue: every published entry, each agency's catalogue and guide."""

from __future__ import annotations

from datetime import date

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from gongkai.agencies.models import Agency
from gongkai.catalogue.models import Publication, PublicationStatus


class PublicationSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10000

    def items(self) -> QuerySet[Publication]:
        return (
            Publication.objects.filter(status=PublicationStatus.PUBLISHED)
            .select_related("agency")
            .only("pk", "published_on", "agency__slug")
            .order_by("pk")
        )

    def location(self, item: Publication) -> str:
        return reverse("catalogue:detail", kwargs={"slug": item.agency.slug, "pk": item.pk})

    def lastmod(self, item: Publication) -> date | None:
        return item.published_on


class AgencyPagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> list[tuple[str, str]]:
        pages = []
        for slug in Agency.objects.order_by("slug").values_list("slug", flat=True):
            pages += [("catalogue:agency", slug), ("catalogue:guide", slug)]
        return pages

    def location(self, item: tuple[str, str]) -> str:
        return reverse(item[0], kwargs={"slug": item[1]})


SITEMAPS = {"publications": PublicationSitemap, "agencies": AgencyPagesSitemap}
