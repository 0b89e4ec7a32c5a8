"""Pages: what the public sees (published only), what staff do, and who gets a 404."""

from datetime import date

import pytest
from django.urls import reverse

from gongkai.catalogue import services
from gongkai.catalogue.models import Publication
from gongkai.domain.publication_rules import DocumentType, Validity
from tests import factories as base
from tests.catalogue import factories, files

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def test_the_public_catalogue_lists_published_entries_only(client, agency):
    shown = factories.published(agency, title="关于开展安全生产月活动的通知")
    factories.draft(agency, title="尚未发布的草稿")
    page = text(client.get(reverse("catalogue:agency", args=[agency.slug])))
    assert "主动公开目录" in page and "信息分类" in page
    assert "关于开展安全生产月活动的通知" in page and shown.index_number in page
    assert "尚未发布的草稿" not in page
    across = text(client.get(reverse("catalogue:index")))
    assert (
        "关于开展安全生产月活动的通知" in across and "尚未发布的草稿" not in across and agency.name in across
    )


def test_the_catalogue_filters_by_category_year_and_validity(client, agency):
    factories.published(agency, title="二〇二四年动态", published_on=date(2024, 6, 5))
    factories.imported(agency, count=1, title="二〇二三年动态{n}", published_on=date(2023, 5, 10))
    normative = factories.category(agency, "0202")
    factories.published(
        agency,
        title="规范性文件甲",
        category=normative,
        doc_type=DocumentType.NORMATIVE,
        validity=Validity.VALID,
    )
    url = reverse("catalogue:agency", args=[agency.slug])
    by_year = text(client.get(url, {"year": 2023}))
    assert "二〇二三年动态1" in by_year and "二〇二四年动态" not in by_year
    policy = factories.category(agency, "02")
    by_category = text(client.get(url, {"category": policy.pk}))  # a category includes its subtree
    assert "规范性文件甲" in by_category and "二〇二四年动态" not in by_category
    assert "规范性文件甲" in text(client.get(url, {"validity": "valid"}))
    assert "规范性文件甲" not in text(client.get(url, {"validity": "repealed"}))
    across = text(client.get(reverse("catalogue:index"), {"category": "0202"}))
    assert "规范性文件甲" in across and "二〇二四年动态" not in across


def test_an_entry_page_shows_its_metadata_in_chinese(client, agency):
    publication = factories.published(agency, doc_number="安监发〔2024〕3号", keywords="安全 培训")
    page = text(client.get(reverse("catalogue:detail", args=[agency.slug, publication.pk])))
    for label in (
        "索引号",
        "发布机构",
        "成文日期",
        "发布日期",
        "文号",
        "主题词",
        "安监发〔2024〕3号",
        "2024-06-03",
    ):
        assert label in page
    assert "政府网站" in page  # the channel it went out on


@pytest.mark.parametrize("state", ["draft", "withdrawn"])
def test_the_public_never_sees_a_draft_or_a_withdrawn_entry(client, agency, leader, state):
    publication = factories.draft(agency) if state == "draft" else factories.published(agency)
    if state == "withdrawn":
        services.withdraw_publication(publication, reason="撤回", actor=leader)
    assert client.get(reverse("catalogue:detail", args=[agency.slug, publication.pk])).status_code == 404


def test_a_public_attachment_comes_from_the_published_version_only(client, agency, clerk):
    publication = factories.draft(agency, actor=clerk)
    attachment = services.add_attachment(
        publication.versions.get(), name="附件.pdf", data=files.pdf("x"), actor=clerk
    )
    url = reverse("catalogue:attachment", args=[agency.slug, publication.pk, attachment.pk])
    assert client.get(url).status_code == 404
    version = publication.versions.get()
    services.submit_for_review(version, actor=clerk)
    services.clear_review(version, actor=clerk)
    services.approve_and_publish(version, published_on=date(2024, 6, 5), actor=clerk)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_guide_says_how_where_when_fees_and_remedies(client, agency):
    agency.address = "某市政务服务中心三楼"
    agency.save()
    services.set_up_catalogue(agency, actor=None)
    page = text(client.get(reverse("catalogue:guide", args=[agency.slug])))
    for heading in (
        "政府信息公开指南",
        "如何申请",
        "受理机构与地点",
        "受理时间",
        "收费",
        "救济途径",
        "某市政务服务中心三楼",
    ):
        assert heading in page
    assert "第五十一条" in page


def test_a_two_character_query_finds_and_highlights(client, agency):
    factories.published(agency, title="关于开展安全生产月活动的通知", body="请做好应急管理工作。")
    factories.draft(agency, title="草稿里的应急预案")
    page = text(client.get(reverse("catalogue:search"), {"q": "应急"}))
    assert "共找到 1 条结果" in page
    assert "<mark>应急</mark>" in page and "草稿里的应急预案" not in page
    nothing = text(client.get(reverse("catalogue:search"), {"q": "不存在的词"}))
    assert "没有找到与“不存在的词”相符的主动公开信息" in nothing


def test_the_back_office_lists_work_and_flags_late_items(clerk_client, agency, clerk):
    factories.draft(agency, actor=clerk, title="早已成文的草稿", written_on=date(2024, 1, 2))
    page = text(clerk_client.get(reverse("catalogue:manage", args=[agency.slug])))
    assert "主动公开管理" in page and "早已成文的草稿" in page and "逾期" in page
    assert "早已成文的草稿" in text(
        clerk_client.get(reverse("catalogue:manage", args=[agency.slug]), {"late": "1"})
    )


def test_a_reviewer_sees_a_planted_id_number_blocked_with_its_location(client, agency, clerk, reviewer):
    publication = factories.draft(agency, actor=clerk, body=f"名单：\n张三，身份证{factories.ID_NUMBER}")
    services.submit_for_review(publication.versions.get(), actor=clerk)
    client.force_login(reviewer)
    url = reverse("catalogue:work", args=[agency.slug, publication.pk])
    page = text(client.get(url))
    assert "居民身份证号码" in page and "正文 第2行第7列" in page and "阻止发布" in page
    response = client.post(reverse("catalogue:act", args=[agency.slug, publication.pk, "clear"]), follow=True)
    assert "尚有1处疑似个人信息未处理" in text(response)
    finding = publication.versions.get().findings.get()
    client.post(reverse("catalogue:finding", args=[agency.slug, publication.pk, finding.pk, "mask"]))
    response = client.post(reverse("catalogue:act", args=[agency.slug, publication.pk, "clear"]), follow=True)
    assert "保密审查通过，已送审批" in text(response)


def test_the_whole_workflow_through_the_pages(client, agency, clerk, reviewer, leader):
    category = factories.category(agency)
    client.force_login(clerk)
    response = client.post(
        reverse("catalogue:new", args=[agency.slug]),
        {
            "title": "关于防汛工作的通知",
            "body": "各单位做好防汛准备。",
            "body_format": "text",
            "written_on": "2024-06-03",
            "category": category.pk,
            "doc_type": "other",
            "validity": "",
        },
    )
    publication = Publication.objects.get()
    assert response.status_code == 302
    client.post(reverse("catalogue:act", args=[agency.slug, publication.pk, "submit"]))
    client.force_login(reviewer)
    client.post(reverse("catalogue:act", args=[agency.slug, publication.pk, "clear"]), {"note": "无涉密内容"})
    client.force_login(leader)
    approve = reverse("catalogue:act", args=[agency.slug, publication.pk, "approve"])
    response = client.post(
        approve, {"published_on": "2024-06-05", "channels": ["website", "weibo"]}, follow=True
    )
    assert "已发布，索引号" in text(response)
    publication.refresh_from_db()
    assert publication.status == "published"
    assert "关于防汛工作的通知" in text(client.get(reverse("catalogue:agency", args=[agency.slug])))


def test_a_form_error_is_shown_in_chinese(clerk_client, agency):
    services.set_up_catalogue(agency, actor=None)
    normative = factories.category(agency, "0202")
    response = clerk_client.post(
        reverse("catalogue:new", args=[agency.slug]),
        {
            "title": "办法",
            "body": "",
            "body_format": "text",
            "written_on": "2024-06-03",
            "category": normative.pk,
            "doc_type": "normative",
            "validity": "",
        },
    )
    assert response.status_code == 200 and "须注明有效性" in text(response)


def staff_urls(agency, publication, finding_id, attachment_id):
    slug, pk = agency.slug, publication.pk
    gets = [
        reverse("catalogue:manage", args=[slug]),
        reverse("catalogue:new", args=[slug]),
        reverse("catalogue:settings", args=[slug]),
        reverse("catalogue:work", args=[slug, pk]),
        reverse("catalogue:edit", args=[slug, pk]),
        reverse("catalogue:staff_attachment", args=[slug, pk, attachment_id]),
    ]
    posts = [
        reverse("catalogue:add_category", args=[slug]),
        reverse("catalogue:upload", args=[slug, pk]),
        reverse("catalogue:delete_attachment", args=[slug, pk, attachment_id]),
        reverse("catalogue:finding", args=[slug, pk, finding_id, "mask"]),
        reverse("catalogue:finding", args=[slug, pk, finding_id, "keep"]),
        *(
            reverse("catalogue:act", args=[slug, pk, action])
            for action in (
                "submit",
                "clear",
                "return",
                "approve",
                "correct",
                "withdraw",
                "validity",
                "release",
            )
        ),
    ]
    return gets, posts


def test_another_agencys_clerk_gets_404_on_every_staff_view(client, agency, clerk, other_agency_clerk):
    publication = factories.draft(agency, actor=clerk, body="电话 13912345678")
    version = publication.versions.get()
    attachment = services.add_attachment(version, name="a.pdf", data=files.pdf("x"), actor=clerk)
    (finding,) = services.submit_for_review(version, actor=clerk)
    gets, posts = staff_urls(agency, publication, finding.pk, attachment.pk)
    client.force_login(other_agency_clerk)
    for url in gets:
        assert client.get(url).status_code == 404, url
    for url in posts:
        assert client.post(url, {"note": "x", "reason": "x"}).status_code == 404, url
    version.refresh_from_db()
    assert version.state == "review" and version.findings.get().status == "open"


def test_a_clerk_cannot_review_or_approve(clerk_client, agency, clerk):
    publication = factories.draft(agency, actor=clerk)
    services.submit_for_review(publication.versions.get(), actor=clerk)
    for action in ("clear", "approve", "withdraw"):
        url = reverse("catalogue:act", args=[agency.slug, publication.pk, action])
        assert (
            clerk_client.post(url, {"published_on": "2024-06-05", "channels": ["website"]}).status_code == 404
        )


def test_the_anonymous_are_sent_to_sign_in(client, agency):
    response = client.get(reverse("catalogue:manage", args=[agency.slug]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_home_page_links_to_the_catalogue_and_the_guide(client, agency):
    page = text(client.get("/"))
    assert reverse("catalogue:agency", args=[agency.slug]) in page
    assert reverse("catalogue:guide", args=[agency.slug]) in page


def test_the_catalogue_list_runs_a_fixed_number_of_queries(client, agency, django_assert_max_num_queries):
    factories.imported(agency, count=30)
    with django_assert_max_num_queries(8):
        client.get(reverse("catalogue:agency", args=[agency.slug]))


def test_settings_page_saves_the_guide(client, agency):
    head = base.staff(agency, "office_head", username="officehead")
    client.force_login(head)
    url = reverse("catalogue:settings", args=[agency.slug])
    assert "目录设置与公开指南" in text(client.get(url))
    response = client.post(
        url,
        {
            "index_pattern": "{agency}-{year}-{serial:5}",
            "hours": "工作日9:00—17:00",
            "guide_intro": "",
            "apply_how": "",
            "apply_where": "",
            "fees": "",
            "remedies": "",
        },
    )
    assert response.status_code == 302
    assert "工作日9:00—17:00" in text(client.get(reverse("catalogue:guide", args=[agency.slug])))
    bad = client.post(url, {"index_pattern": "{year}", "hours": ""})
    assert "索引号格式" in text(bad)


def test_attachments_are_uploaded_and_checked_through_the_page(clerk_client, agency, clerk, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    publication = factories.draft(agency, actor=clerk)
    url = reverse("catalogue:upload", args=[agency.slug, publication.pk])
    good = SimpleUploadedFile("通知.docx", files.docx("第一段"))
    assert "已上传附件“通知.docx”" in text(clerk_client.post(url, {"file": good}, follow=True))
    wrong = SimpleUploadedFile("伪装.pdf", files.PNG)
    assert "内容与扩展名 .pdf 不符" in text(clerk_client.post(url, {"file": wrong}, follow=True))
    settings.GONGKAI_MAX_UPLOAD_BYTES = 10
    big = SimpleUploadedFile("大.png", files.PNG)
    assert "附件超过大小上限" in text(clerk_client.post(url, {"file": big}, follow=True))
    assert list(publication.versions.get().attachments.values_list("name", flat=True)) == ["通知.docx"]
