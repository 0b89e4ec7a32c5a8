"""Catalogue test data, made through the services so every record is one a user could have made."""

from __future__ import annotations

from datetime import date

import factory

from gongkai.catalogue import services
from gongkai.catalogue.models import Category, Publication
from tests.factories import AgencyFactory

# The sample number printed in GB 11643-1999: checksum-valid, nobody's.
ID_NUMBER = "11010519491231002X"


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("agency", "code")

    agency = factory.SubFactory(AgencyFactory)
    code = factory.Sequence(lambda n: f"T{n:03d}")
    name = factory.Sequence(lambda n: f"测试分类{n}")


def category(agency, code: str = "13") -> Category:
    """One of the agency's seeded national categories (13 工作动态 by default)."""
    services.set_up_catalogue(agency, actor=None)
    return Category.objects.get(agency=agency, code=code)


def draft(
    agency, *, actor=None, title="关于开展安全生产月活动的通知", body="各科室：请做好应急管理工作。", **more
):
    more.setdefault("written_on", date(2024, 6, 3))
    return services.create_draft(
        agency,
        category=more.pop("category", None) or category(agency),
        title=title,
        body=body,
        actor=actor,
        **more,
    )


def published(agency, *, actor=None, published_on=date(2024, 6, 5), **more) -> Publication:
    """A draft taken through review and approval."""
    publication = draft(agency, actor=actor, **more)
    version = publication.versions.get()
    services.submit_for_review(version, actor=actor)
    for finding in version.findings.all():
        services.keep_finding(finding, reason="测试", actor=actor)
    services.clear_review(version, actor=actor)
    return services.approve_and_publish(version, published_on=published_on, actor=actor)


def imported(agency, count: int = 3, *, title="工作动态第{n}期：应急演练", published_on=date(2023, 5, 10)):
    cat = category(agency)
    items = [
        services.PublishedItem(
            category=cat, title=title.format(n=n), published_on=published_on, body=f"第{n}期正文。"
        )
        for n in range(1, count + 1)
    ]
    return services.publish_in_bulk(agency, items=items, source="test", actor=None)
