"""Table 二's documents and the pre-2019 table's publication lines come from the catalogue."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from gongkai.catalogue.models import Category
from gongkai.catalogue.services import PublishedItem, change_validity, publish_in_bulk, set_up_catalogue
from gongkai.domain.publication_rules import DocumentType, ReleaseChannel, Validity
from gongkai.reports import services
from gongkai.reports.queries import compile_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(agency, clerk):
    set_up_catalogue(agency, actor=clerk)
    category = Category.objects.filter(agency=agency).first()

    def item(title, published_on, *, written_on=None, doc_type=DocumentType.OTHER, channels=None):
        validity = Validity.VALID if doc_type is not DocumentType.OTHER else None
        extra = {"channels": channels} if channels is not None else {}
        return PublishedItem(
            category=category,
            title=title,
            published_on=published_on,
            written_on=written_on,
            doc_type=doc_type,
            validity=validity,
            **extra,
        )

    items = [
        item("规章一", date(2022, 5, 1), written_on=date(2022, 4, 20), doc_type=DocumentType.REGULATION),
        item("规章二", date(2024, 3, 1), written_on=date(2024, 2, 20), doc_type=DocumentType.REGULATION),
        item(
            "规范性文件一", date(2023, 1, 5), written_on=date(2022, 12, 30), doc_type=DocumentType.NORMATIVE
        ),
        item("规范性文件二", date(2024, 1, 10), written_on=date(2024, 1, 2), doc_type=DocumentType.NORMATIVE),
        item(
            "规范性文件三", date(2025, 1, 6), written_on=date(2024, 12, 31), doc_type=DocumentType.NORMATIVE
        ),
        item(
            "工作动态",
            date(2024, 6, 1),
            channels=(
                (ReleaseChannel.WEBSITE, None),
                (ReleaseChannel.WECHAT, None),
                (ReleaseChannel.WEIBO, None),
            ),
        ),
        item("通知", date(2024, 7, 1)),
    ]
    made = {p.current.title: p for p in publish_in_bulk(agency, items=items, source="测试", actor=clerk)}
    change_validity(made["规章一"], validity=Validity.REPEALED, changed_on=date(2024, 3, 1), actor=clerk)
    change_validity(
        made["规范性文件一"], validity=Validity.EXPIRED, changed_on=date(2023, 12, 31), actor=clerk
    )
    return made


def test_table_two_counts_documents_issued_repealed_and_in_force(agency, catalogue):
    proactive = compile_report(agency, 2024, template="2021").tables.proactive
    assert proactive["regulations"] == {"issued": 1, "repealed": 1, "in_force": 1}
    # issued on its 成文日期: 规范性文件三 was written on 31 December 2024 though published in 2025
    assert proactive["normative_documents"] == {"issued": 2, "repealed": 0, "in_force": 2}
    previous = compile_report(agency, 2023, template="2021").tables.proactive
    assert previous["normative_documents"] == {"issued": 0, "repealed": 1, "in_force": 0}


def test_the_2019_format_counts_made_published_and_total(agency, catalogue):
    proactive = compile_report(agency, 2024, template="2019").tables.proactive
    assert proactive["regulations"] == {"made": 1, "published": 1, "total_public": 2}


def test_the_pre2019_lines_count_publications_and_releases_by_channel(agency, catalogue):
    extra = compile_report(agency, 2024, template="pre2019-table").tables.extra
    value = {row: cells["value"] for row, cells in extra.items()}
    assert value["proactive.total"] == 4  # published in 2024, whatever the kind
    assert value["proactive.normative_documents"] == 1 and value["proactive.normative_documents_issued"] == 2
    assert (value["proactive.website"], value["proactive.weibo"], value["proactive.gazette"]) == (4, 1, 0)


def test_a_year_the_catalogue_does_not_cover_is_not_stated_as_zero(agency, catalogue, clerk):
    tables = compile_report(agency, 2021, template="2021").tables
    assert "regulations" not in tables.proactive and "normative_documents" not in tables.proactive
    assert "proactive.total" not in compile_report(agency, 2021, template="pre2019-table").tables.extra
    services.save_manual_entry(
        agency, 2021, key="proactive.regulations.in_force", value=Decimal(7), actor=clerk
    )
    assert compile_report(agency, 2021, template="2021").tables.proactive["regulations"] == {"in_force": 7}


def test_a_hand_entered_figure_replaces_the_catalogue_s_count(agency, catalogue, clerk):
    services.save_manual_entry(
        agency, 2024, key="extra.proactive.total.value", value=Decimal(300), actor=clerk
    )
    extra = compile_report(agency, 2024, template="pre2019-table").tables.extra
    assert extra["proactive.total"] == {"value": 300} and extra["proactive.website"] == {"value": 4}
