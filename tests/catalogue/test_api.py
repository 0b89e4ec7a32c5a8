"""The JSON API: public catalogue and search; the workflow for staff, with the one error shape."""

from datetime import date

import pytest

from tests.catalogue import factories

pytestmark = pytest.mark.django_db
API = "/api/catalogue"


def test_the_public_list_has_published_entries_only(client, agency):
    shown = factories.published(agency, title="已发布的通知")
    factories.draft(agency, title="草稿")
    body = client.get(f"{API}/publications", {"agency": agency.slug}).json()
    assert [p["title"] for p in body] == ["已发布的通知"]
    assert body[0]["index_number"] == shown.index_number and body[0]["url"].endswith(f"/{shown.pk}/")


def test_a_draft_is_not_found_through_the_api(client, agency):
    hidden = factories.draft(agency)
    response = client.get(f"{API}/publications/{hidden.pk}")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_search_returns_highlighted_hits(client, agency):
    factories.published(agency, title="关于开展安全生产月活动的通知")
    body = client.get(f"{API}/search", {"q": "安全"}).json()
    assert body["total"] == 1 and body["total_is_exact"]
    assert body["hits"][0]["title_html"] == "关于开展<mark>安全</mark>生产月活动的通知"


def test_the_workflow_through_the_api_with_role_checks(client, agency, clerk, reviewer, leader):
    factories.category(agency)
    client.force_login(clerk)
    created = client.post(
        f"{API}/agencies/{agency.slug}/publications",
        {
            "category": "13",
            "title": "关于表彰的通知",
            "body": f"张三 {factories.ID_NUMBER}",
            "written_on": "2024-06-03",
        },
        content_type="application/json",
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    submitted = client.post(f"{API}/agencies/{agency.slug}/publications/{pk}/submit").json()
    (finding,) = submitted["findings"]
    assert (submitted["state"], finding["where"], finding["status"]) == ("review", "正文 第1行第4列", "open")
    denied = client.post(
        f"{API}/agencies/{agency.slug}/publications/{pk}/clear", {}, content_type="application/json"
    )
    assert denied.status_code == 404  # a clerk is not the reviewer
    client.force_login(reviewer)
    blocked = client.post(
        f"{API}/agencies/{agency.slug}/publications/{pk}/clear", {}, content_type="application/json"
    )
    assert blocked.status_code == 409 and blocked.json()["code"] == "privacy_open"
    client.post(f"{API}/agencies/{agency.slug}/publications/{pk}/findings/{finding['id']}/mask")
    cleared = client.post(
        f"{API}/agencies/{agency.slug}/publications/{pk}/clear", {}, content_type="application/json"
    )
    assert cleared.json()["state"] == "approval"
    client.force_login(leader)
    done = client.post(
        f"{API}/agencies/{agency.slug}/publications/{pk}/approve",
        {"published_on": "2024-06-05", "channels": ["website"]},
        content_type="application/json",
    ).json()
    assert done["status"] == "published" and done["index_number"]
    counts = client.get(f"{API}/agencies/{agency.slug}/timeliness", {"year": 2024}).json()
    assert counts == {"year": 2024, "published": 1, "on_time": 1, "late": 0}


def test_staff_routes_need_sign_in_and_the_agency(client, agency, other_agency_clerk):
    assert client.get(f"{API}/agencies/{agency.slug}/work").status_code == 401
    client.force_login(other_agency_clerk)
    assert client.get(f"{API}/agencies/{agency.slug}/work").status_code == 404
    payload = {"category": "13", "title": "x", "written_on": "2024-06-03"}
    response = client.post(
        f"{API}/agencies/{agency.slug}/publications", payload, content_type="application/json"
    )
    assert response.status_code == 404


def test_the_work_list_shows_drafts_to_staff(client, agency, clerk):
    factories.draft(agency, actor=clerk, title="草稿甲", written_on=date(2024, 6, 3))
    client.force_login(clerk)
    body = client.get(f"{API}/agencies/{agency.slug}/work").json()
    assert [(w["title"], w["state"]) for w in body] == [("草稿甲", "draft")]
