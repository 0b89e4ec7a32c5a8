"""The Atom feeds and the sitemap list published entries only."""

from xml.etree import ElementTree

import pytest
from django.urls import reverse

from tests.catalogue import factories

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_the_atom_feed_has_published_entries_only(client, agency, other_agency):
    shown = factories.published(agency, title="关于开展安全生产月活动的通知")
    factories.draft(agency, title="草稿不进订阅")
    factories.published(other_agency, title="另一机关的通知")
    response = client.get(reverse("catalogue:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert set(titles) == {"关于开展安全生产月活动的通知", "另一机关的通知"}
    assert all(entry.find(f"{ATOM}link") is not None for entry in feed.iter(f"{ATOM}entry"))
    mine = ElementTree.fromstring(client.get(reverse("catalogue:agency_feed", args=[agency.slug])).content)
    assert [e.findtext(f"{ATOM}title") for e in mine.iter(f"{ATOM}entry")] == ["关于开展安全生产月活动的通知"]
    assert mine.findtext(f"{ATOM}title") == f"{agency.name}主动公开目录"
    link = next(mine.iter(f"{ATOM}entry")).find(f"{ATOM}link").get("href")
    assert link.endswith(reverse("catalogue:detail", args=[agency.slug, shown.pk]))


def test_the_sitemap_lists_entries_catalogues_and_guides(client, agency):
    shown = factories.published(agency)
    hidden = factories.draft(agency)
    response = client.get(reverse("catalogue:sitemap"))
    assert response.status_code == 200
    sections = [loc.text for loc in ElementTree.fromstring(response.content).iter(f"{SITEMAP}loc")]
    assert len(sections) == 2
    locations = []
    for section in sections:
        page = client.get(section.removeprefix("http://testserver"))
        locations += [loc.text for loc in ElementTree.fromstring(page.content).iter(f"{SITEMAP}loc")]
    assert any(loc.endswith(reverse("catalogue:detail", args=[agency.slug, shown.pk])) for loc in locations)
    assert not any(loc.endswith(f"/{hidden.pk}/") for loc in locations)
    assert any(loc.endswith(reverse("catalogue:guide", args=[agency.slug])) for loc in locations)


def test_an_unknown_agency_feed_is_404(client, db):
    assert client.get(reverse("catalogue:agency_feed", args=["no-such"])).status_code == 404
