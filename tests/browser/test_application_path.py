"""A request from the public form to the reply letter, in Debian's chromium.

Runs on the real date: every action is dated today (the forms' default), so the browser's session
cookie and the services' "not in the future" check agree with the server's clock.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def act(page, summary: str, fields: dict[str, str] | None = None, *, expect: str) -> None:
    """Open an action on the case page, fill it, submit it (htmx) and wait for its message."""
    details = page.locator("details").filter(has=page.locator("summary").get_by_text(summary, exact=True))
    details.locator("summary").click()
    for selector, value in (fields or {}).items():
        field = details.locator(selector)
        if field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    details.locator("button[type=submit]").click()
    page.get_by_role("status").filter(has_text=expect).wait_for()


def test_a_request_from_the_public_form_to_the_reply_letter(
    page, login, agency, clerk, office_head, settings
):
    cache.clear()
    settings.GONGKAI_FORM_MIN_SECONDS = 0

    # The applicant: the public form, the receipt and the status page.
    page.goto(f"/applications/apply/{agency.slug}/")
    page.fill("input[name=name]", "李四")
    page.fill("input[name=id_number]", "11010519491231002X")
    page.fill("input[name=phone]", "13900139000")
    page.fill("input[name=email]", "lisi@example.org")
    page.fill("textarea[name=content]", "2023年度安全生产行政处罚决定书")
    page.select_option("select[name=delivery_form]", "paper")
    page.click("button[type=submit]")
    page.get_by_text("政府信息公开申请回执").wait_for()
    code = page.locator("#query-code").inner_text().strip()
    page.get_by_role("link", name="查询办理进度").click()
    page.wait_for_url("**/applications/status/**")
    expect(page.get_by_text("办理中").first).to_be_visible()
    assert "李四" not in page.content()

    # The clerk: inbox, then the case and its actions, each swapped in by htmx.
    login("clerk")
    page.get_by_role("link", name=agency.name).first.click()
    page.locator("[data-tab=all]").click()
    page.locator("table.inbox").get_by_text("李四").wait_for()
    page.locator("table.inbox a").first.click()
    page.get_by_text("答复期限").first.wait_for()
    act(page, "告知补正", {"textarea[name=what]": "请写明所需文件的文号"}, expect="已登记补正告知")
    act(page, "收到补正后的申请", expect="已登记收到补正后的申请")
    act(page, "征求第三方或其他机关意见", {"input[name=party]": "某化工有限公司"}, expect="15个工作日")
    act(page, "登记征求意见答复", {"textarea[name=answer]": "不同意公开配方"}, expect="已登记征求意见答复")
    details = page.locator("details").filter(has=page.locator("summary").get_by_text("收费通知", exact=True))
    details.locator("summary").click()
    details.locator("select[name=method]").select_option("by_volume")
    details.locator("input[name=pages]").fill("250")
    page.locator("#fee-preview").get_by_text("4700").wait_for()  # the htmx fee preview
    details.locator("button[type=submit]").click()
    page.get_by_role("status").filter(has_text="应缴 4700 元").wait_for()
    act(page, "登记缴费", expect="已登记缴费")
    act(
        page,
        "申请延期答复",
        {"input[name=days]": "10", "textarea[name=reason]": "需调取档案"},
        expect="待公开工作机构负责人审批",
    )
    case_url = page.url

    # The office head approves the extension.
    login("head")
    page.goto(case_url)
    act(page, "批准延期", expect="已批准延期")

    # The clerk replies (posted: the posting day counts) and generates the reply letter.
    login("clerk")
    page.goto(case_url)
    act(
        page,
        "答复",
        {
            "select[name=reply_type]": "partial",
            "textarea[name=withheld]": "第三方商业秘密部分",
            "textarea[name=reasons]": "《政府信息公开条例》第十五条",
            "select[name=service_method]": "posted",
        },
        expect="已登记答复",
    )
    expect(page.locator("#case-stage")).to_contain_text("已办结")
    page.locator("button[data-letter=reply]").click()
    page.get_by_role("status").filter(has_text="已生成政府信息公开申请答复书").wait_for()
    with page.expect_download() as download:
        page.locator("#letters a", has_text="政府信息公开申请答复书").click()
    with open(download.value.path(), "rb") as handle:
        content = handle.read()
    with zipfile.ZipFile(io.BytesIO(content)) as docx:
        assert "word/document.xml" in docx.namelist()
        assert "李四" in docx.read("word/document.xml").decode()

    # The public status now shows the outcome, still without the applicant.
    page.goto(f"/applications/status/?code={code}")
    assert "已办结" in page.content() and "部分公开" in page.content() and "李四" not in page.content()
