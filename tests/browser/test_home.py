import pytest

pytestmark = pytest.mark.browser


def test_staff_sign_in_from_the_home_page(page, login, clerk, agency):
    page.goto("/")
    assert "政府信息公开" in page.title()
    login("clerk")
    assert page.get_by_text("退出（clerk）").is_visible()
    assert page.locator(f"#{agency.slug}").get_by_text(agency.name).is_visible()
