import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_staff_sign_in_from_the_home_page(page, login, clerk, agency):
    page.goto("/")
    assert "政府信息公开" in page.title()
    login("clerk")
    expect(page.get_by_text("退出（clerk）")).to_be_visible()
    expect(page.locator(f"#{agency.slug}").get_by_text(agency.name)).to_be_visible()
