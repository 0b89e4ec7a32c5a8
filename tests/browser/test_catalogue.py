"""Done when: a reviewer sees a planted ID number blocked with its location; once published, the item is
in the catalogue and a two-character query finds it."""

import pytest
from playwright.sync_api import expect

from gongkai.catalogue import services
from tests import factories as base
from tests.catalogue import factories

pytestmark = pytest.mark.browser


@pytest.fixture
def sign_in(browser, live_server):
    """A page signed in as the user, in its own browser context (closed while the server still runs)."""
    contexts = []

    def open_as(username):
        context = browser.new_context(locale="zh-CN", base_url=live_server.url)
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.goto("/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", "pw-for-tests-123")
        page.click("button[type=submit]")
        page.wait_for_url(lambda url: "/login/" not in url)
        return page

    yield open_as
    for context in contexts:
        context.close()


def test_a_planted_id_number_is_blocked_then_the_published_item_is_found(sign_in, page, agency):
    clerk = base.staff(agency, "clerk", username="clerk")
    base.staff(agency, "reviewer", username="reviewer")
    base.staff(agency, "leader", username="leader")
    body = f"经研究，拟表彰以下同志：\n张某某，身份证号码{factories.ID_NUMBER}，安全生产先进个人。"
    publication = factories.draft(agency, actor=clerk, title="关于表彰安全生产先进个人的决定", body=body)
    services.submit_for_review(publication.versions.get(), actor=clerk)
    work = f"/catalogue/{agency.slug}/manage/{publication.pk}/"

    reviewer = sign_in("reviewer")
    reviewer.goto(work)
    finding = reviewer.locator("li.finding-open")
    assert "居民身份证号码" in finding.inner_text()
    assert "正文 第2行第10列" in finding.inner_text() and "阻止发布" in finding.inner_text()
    reviewer.get_by_role("button", name="保密审查通过").click()
    expect(reviewer.get_by_text("尚有1处疑似个人信息未处理")).to_be_visible()
    reviewer.get_by_role("button", name="遮盖").click()
    expect(reviewer.get_by_text("已遮盖：正文 第2行第10列")).to_be_visible()
    reviewer.get_by_role("button", name="保密审查通过").click()
    expect(reviewer.get_by_text("保密审查通过，已送审批")).to_be_visible()

    leader = sign_in("leader")
    leader.goto(work)
    leader.get_by_role("button", name="审批通过并发布").click()
    expect(leader.get_by_text("已发布，索引号")).to_be_visible()

    page.goto(f"/catalogue/{agency.slug}/")
    expect(page.get_by_role("link", name="关于表彰安全生产先进个人的决定")).to_be_visible()
    page.fill("input[name=q]", "先进")
    page.get_by_role("button", name="检索").click()
    expect(page.get_by_text("共找到 1 条结果")).to_be_visible()
    hit = page.locator("ol.results li").first
    assert hit.locator("mark").first.inner_text() == "先进"
    hit.locator("a.result-title").click()
    expect(page.get_by_role("heading", name="关于表彰安全生产先进个人的决定")).to_be_visible()
    assert factories.ID_NUMBER not in page.content() and "1101**********002X" in page.content()
