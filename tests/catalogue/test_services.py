"""The catalogue's writes: each a transaction that changes state and leaves its audit row."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from gongkai.audit.models import AuditEvent
from gongkai.catalogue import search, services
from gongkai.catalogue.models import (
    Category,
    ChannelRelease,
    FindingStatus,
    Publication,
    PublicationStatus,
)
from gongkai.domain.errors import InvalidInput, TransitionNotAllowed
from gongkai.domain.publication_rules import DocumentType, ReleaseChannel, Validity
from tests.catalogue import factories, files

pytestmark = pytest.mark.django_db


def events(publication):
    return list(
        AuditEvent.objects.filter(subject_type="catalogue.publication", subject_id=str(publication.pk))
        .order_by("id")
        .values_list("event", flat=True)
    )


def test_setting_up_a_catalogue_seeds_the_national_categories_once(agency):
    services.set_up_catalogue(agency, actor=None)
    services.set_up_catalogue(agency, actor=None)
    codes = set(Category.objects.filter(agency=agency).values_list("code", flat=True))
    assert {"01", "02", "0202", "13", "99"} <= codes
    assert AuditEvent.objects.filter(event="catalogue.set_up", agency=agency).count() == 1


def test_a_draft_is_created_with_its_first_version_and_an_audit_row(agency, clerk):
    publication = factories.draft(agency, actor=clerk, doc_number="安监发〔2024〕3号")
    version = publication.versions.get()
    assert publication.status == PublicationStatus.DRAFT and publication.index_number == ""
    assert (version.number, version.state, version.formed_on) == (1, "draft", date(2024, 6, 3))
    assert version.body_html == "<p>各科室：请做好应急管理工作。</p>"
    event = AuditEvent.objects.get(event="publication.drafted")
    assert event.actor == clerk and event.after["doc_number"] == "安监发〔2024〕3号"


def test_html_is_sanitised(agency):
    publication = factories.draft(
        agency,
        body='<p onclick="x()">正文<script>alert(1)</script><a href="javascript:y()">链接</a></p>',
        body_format="html",
    )
    html = publication.versions.get().body_html
    assert "script" not in html and "onclick" not in html and "javascript" not in html
    assert "正文" in html and "链接" in html


def test_submitting_scans_for_personal_data_and_a_hit_blocks_review_until_masked(agency, clerk, reviewer):
    body = f"获奖人名单：\n张三，身份证{factories.ID_NUMBER}，单位安监局。"
    publication = factories.draft(agency, actor=clerk, body=body)
    version = publication.versions.get()
    (finding,) = services.submit_for_review(version, actor=clerk)
    assert (finding.kind, finding.where, finding.preview) == (
        "id_card",
        "正文 第2行第7列",
        "1101**********002X",
    )
    assert factories.ID_NUMBER not in str(AuditEvent.objects.get(event="publication.submitted").after)
    with pytest.raises(TransitionNotAllowed) as blocked:
        services.clear_review(version, actor=reviewer)
    assert blocked.value.code == "privacy_open" and "正文 第2行第7列" in blocked.value.message
    services.mask_finding(finding, actor=reviewer)
    version.refresh_from_db()
    assert factories.ID_NUMBER not in version.body_text and factories.ID_NUMBER not in version.body_html
    assert "1101**********002X" in version.body_text
    services.clear_review(version, actor=reviewer)
    version.refresh_from_db()
    assert version.state == "approval"
    assert events(publication) == [
        "publication.drafted",
        "publication.submitted",
        "publication.privacy_masked",
        "publication.review_cleared",
    ]


def test_keeping_a_number_needs_a_reason_and_stays_kept_in_a_correction(agency, clerk, reviewer, leader):
    publication = factories.draft(agency, actor=clerk, body="值班电话 13912345678")
    version = publication.versions.get()
    (finding,) = services.submit_for_review(version, actor=clerk)
    with pytest.raises(InvalidInput):
        services.keep_finding(finding, reason="  ", actor=reviewer)
    services.keep_finding(finding, reason="公开的值班电话", actor=reviewer)
    services.clear_review(version, actor=reviewer)
    publication = services.approve_and_publish(version, published_on=date(2024, 6, 5), actor=leader)
    correction = services.start_correction(
        publication, reason="补充内容", formed_on=date(2024, 6, 6), actor=clerk
    )
    (again,) = services.submit_for_review(correction, actor=clerk)
    assert again.status == FindingStatus.KEPT and again.reason == "公开的值班电话"


def test_approval_publishes_numbers_indexes_and_records_channels(agency, clerk, reviewer, leader):
    agency.code = "ANJ"
    agency.save()
    publication = factories.draft(agency, actor=clerk)
    version = publication.versions.get()
    services.submit_for_review(version, actor=clerk)
    with pytest.raises(TransitionNotAllowed):
        services.approve_and_publish(version, actor=leader)  # still under 保密审查
    services.clear_review(version, actor=reviewer)
    channels = [ReleaseChannel.WEBSITE, ReleaseChannel.WECHAT]
    publication = services.approve_and_publish(
        version, published_on=date(2024, 6, 5), channels=channels, actor=leader
    )
    assert publication.status == "published" and publication.index_number == "ANJ-13-2024-0001"
    assert set(ChannelRelease.objects.filter(publication=publication).values_list("channel", flat=True)) == {
        "website",
        "wechat",
    }
    assert search.matching_publication_ids("应急") == [publication.pk]
    event = AuditEvent.objects.get(event="publication.published")
    assert event.actor == leader and event.after["late"] is False and event.after["due_on"] == "2024-07-02"


def test_index_numbers_count_up_per_series_and_skip_imported_ones(agency):
    agency.code = "ANJ"
    agency.save()
    cat = factories.category(agency)
    services.publish_in_bulk(
        agency,
        items=[
            services.PublishedItem(
                category=cat, title="旧目录", published_on=date(2024, 1, 5), index_number="ANJ-13-2024-0002"
            )
        ],
        source="test",
        actor=None,
    )
    first = factories.published(agency, published_on=date(2024, 6, 5))
    second = factories.published(agency, title="第二条", published_on=date(2024, 6, 6))
    assert (first.index_number, second.index_number) == ("ANJ-13-2024-0001", "ANJ-13-2024-0003")
    other_year = factories.published(
        agency, title="次年", written_on=date(2025, 1, 2), published_on=date(2025, 1, 3)
    )
    assert other_year.index_number == "ANJ-13-2025-0001"


def test_a_draft_can_change_until_it_is_submitted(agency, clerk):
    publication = factories.draft(agency, actor=clerk)
    version = publication.versions.get()
    services.update_draft(version, title="新标题", body="新正文", written_on=date(2024, 6, 4), actor=clerk)
    version.refresh_from_db()
    assert (version.title, version.formed_on) == ("新标题", date(2024, 6, 4))
    services.submit_for_review(version, actor=clerk)
    with pytest.raises(TransitionNotAllowed):
        services.update_draft(version, title="再改", body="", written_on=date(2024, 6, 4), actor=clerk)
    assert "publication.draft_changed" in events(publication)


def test_a_correction_is_a_new_version_and_never_edits_the_published_one(agency, clerk, reviewer, leader):
    publication = factories.published(agency, body="举办培训三场。")
    first = publication.current
    correction = services.start_correction(
        publication, reason="场次有误", formed_on=date(2024, 6, 10), actor=clerk
    )
    with pytest.raises(TransitionNotAllowed):
        services.start_correction(publication, reason="再次", formed_on=date(2024, 6, 10), actor=clerk)
    services.update_draft(
        correction,
        title=correction.title,
        body="举办培训四场。",
        written_on=correction.written_on,
        formed_on=date(2024, 6, 10),
        actor=clerk,
    )
    assert search.matching_publication_ids("三场") == [publication.pk]  # the public still sees version 1
    services.submit_for_review(correction, actor=clerk)
    services.clear_review(correction, actor=reviewer)
    publication = services.approve_and_publish(correction, published_on=date(2024, 6, 12), actor=leader)
    first.refresh_from_db()
    assert (first.state, first.body_text) == ("superseded", "举办培训三场。")
    assert publication.current == correction and publication.published_on == date(2024, 6, 5)
    assert search.matching_publication_ids("三场") == [] and search.matching_publication_ids("四场") == [
        publication.pk
    ]
    assert events(publication)[-1] == "publication.corrected"


def test_withdrawal_adds_a_version_and_takes_the_entry_out_of_search(agency, leader):
    publication = factories.published(agency)
    services.withdraw_publication(publication, reason="信息有误", actor=leader)
    publication.refresh_from_db()
    assert publication.status == "withdrawn"
    assert list(publication.versions.values_list("number", "kind", "state")) == [
        (1, "original", "superseded"),
        (2, "withdrawal", "withdrawn"),
    ]
    assert search.matching_publication_ids("应急") == []
    assert events(publication)[-1] == "publication.withdrawn"
    with pytest.raises(TransitionNotAllowed):
        services.withdraw_publication(publication, reason="again", actor=leader)


def test_a_normative_document_is_repealed_by_a_linked_one(agency, clerk):
    normative = factories.category(agency, "0202")
    old = factories.published(
        agency, title="旧办法", category=normative, doc_type=DocumentType.NORMATIVE, validity=Validity.VALID
    )
    new = factories.published(
        agency, title="新办法", category=normative, doc_type=DocumentType.NORMATIVE, validity=Validity.VALID
    )
    services.change_validity(
        old, validity=Validity.REPEALED, changed_on=date(2024, 7, 1), repealed_by=new, actor=clerk
    )
    old.refresh_from_db()
    assert (old.validity, old.repealed_by, old.invalid_on) == ("repealed", new, date(2024, 7, 1))
    assert search.matching_publication_ids("办法", filters=search.Filters(validity="repealed")) == [old.pk]
    event = AuditEvent.objects.get(event="publication.validity_changed")
    assert event.before["validity"] == "valid" and event.after["repealed_by"] == new.pk
    with pytest.raises(InvalidInput):
        services.change_validity(
            factories.published(agency, title="动态"),
            validity=Validity.EXPIRED,
            changed_on=date(2024, 7, 1),
            actor=clerk,
        )


def test_a_docx_attachment_is_scanned_with_its_line(agency, clerk, reviewer):
    publication = factories.draft(agency, actor=clerk)
    version = publication.versions.get()
    data = files.docx("名单如下：", f"李四 {factories.ID_NUMBER}")
    attachment = services.add_attachment(version, name="名单.docx", data=data, actor=clerk)
    assert attachment.kind == "docx" and factories.ID_NUMBER in attachment.text
    (finding,) = services.submit_for_review(version, actor=clerk)
    assert finding.where == "附件 名单.docx 第2行第4列"
    with pytest.raises(InvalidInput) as refused:
        services.mask_finding(finding, actor=reviewer)
    assert refused.value.code == "cannot_mask"


def test_xlsx_and_pdf_attachments_say_the_cell_and_the_page(agency, clerk):
    publication = factories.draft(agency, actor=clerk)
    version = publication.versions.get()
    sheet = files.xlsx([["姓名", "电话"], ["王五", "13912345678"]])
    services.add_attachment(version, name="表.xlsx", data=sheet, actor=clerk)
    services.add_attachment(version, name="公告.pdf", data=files.pdf("Card 6222021234567890128"), actor=clerk)
    where = sorted(f.where for f in services.submit_for_review(version, actor=clerk))
    assert where == ["附件 公告.pdf 第1页 第1行第6列", "附件 表.xlsx 工作表“Sheet1” B2 第1行第1列"]


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("run.exe", b"MZ\x90\x00", "attachment_type"),
        ("fake.pdf", files.PNG, "attachment_content"),
        ("fake.docx", b"PK\x03\x04not really a zip", "attachment_content"),
        ("sheet.docx", files.xlsx([["a"]]), "attachment_content"),
        ("empty.png", b"", "attachment_empty"),
    ],
    ids=["exe", "png-as-pdf", "not-a-zip", "xlsx-as-docx", "empty"],  # stable across xdist workers
)
def test_an_attachment_is_checked_by_type_and_content(agency, name, data, code):
    version = factories.draft(agency).versions.get()
    with pytest.raises(InvalidInput) as refused:
        services.add_attachment(version, name=name, data=data, actor=None)
    assert refused.value.code == code


def test_an_attachment_over_the_size_limit_is_refused(agency, settings):
    settings.GONGKAI_MAX_UPLOAD_BYTES = 10
    version = factories.draft(agency).versions.get()
    with pytest.raises(InvalidInput) as refused:
        services.add_attachment(version, name="a.png", data=files.PNG, actor=None)
    assert refused.value.code == "attachment_size"


def test_bulk_publishing_is_one_audited_call_and_everything_is_searchable(agency):
    made = factories.imported(agency, count=5)
    assert Publication.objects.filter(status="published").count() == 5
    assert all(p.index_number for p in Publication.objects.all())
    event = AuditEvent.objects.get(event="catalogue.bulk_published")
    assert event.after["count"] == 5 and event.after["indexed"] == 5
    assert sorted(search.matching_publication_ids("演练")) == sorted(p.pk for p in made)


def test_a_category_code_is_unique_within_the_agency(agency):
    services.add_category(agency, name="安全知识及培训", code="16", actor=None)
    with pytest.raises(ValidationError):
        services.add_category(agency, name="别的", code="16", actor=None)


def test_settings_refuse_a_bad_index_pattern(agency):
    with pytest.raises(InvalidInput):
        services.update_catalogue_settings(agency, index_pattern="{year}-{serial}", actor=None)
    pattern = "{agency}/{year}-{serial:5}"
    changed = services.update_catalogue_settings(agency, index_pattern=pattern, fees="免费", actor=None)
    assert changed.index_pattern == "{agency}/{year}-{serial:5}"
    assert AuditEvent.objects.get(event="catalogue.settings_changed").after["fees"] == "免费"
