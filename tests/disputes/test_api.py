from datetime import date

import pytest
import time_machine

from gongkai.disputes.services import file_dispute
from gongkai.domain.outcomes import DisputeKind
from tests.applications.factories import make_application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _last_day_of_2025():
    with time_machine.travel(date(2025, 12, 31)):
        yield


def test_staff_file_and_decide_through_the_api(clerk_client, agency, clerk):
    application = make_application(agency, received=date(2025, 1, 6), actor=clerk)
    url = f"/api/disputes/{agency.slug}/"
    created = clerk_client.post(
        url,
        {
            "kind": "review",
            "body": "某市人民政府",
            "filed_on": "2025-03-01",
            "application_id": application.pk,
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    review = created.json()
    assert review["outcome"] == "pending" and review["application_ref"] == application.ref
    lawsuit = clerk_client.post(
        url,
        {
            "kind": "lawsuit_after_review",
            "body": "某区人民法院",
            "filed_on": "2025-06-01",
            "review_id": review["id"],
        },
        content_type="application/json",
    )
    assert lawsuit.status_code == 201 and lawsuit.json()["review_id"] == review["id"]
    decided = clerk_client.post(
        f"{url}{review['id']}/decide",
        {"outcome": "upheld", "decided_on": "2025-05-06"},
        content_type="application/json",
    )
    assert decided.status_code == 200 and decided.json()["outcome_label"] == "结果维持"
    listed = clerk_client.get(url).json()
    assert [d["kind"] for d in listed] == ["lawsuit_after_review", "review"]


def test_a_lawsuit_after_review_without_review_gets_the_error_shape(clerk_client, agency):
    response = clerk_client.post(
        f"/api/disputes/{agency.slug}/",
        {"kind": "lawsuit_after_review", "body": "某法院", "filed_on": "2025-06-01"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "message": "复议后起诉须关联该行政复议案件",
        "code": "invalid_input",
        "where": "review",
    }


def test_the_api_is_closed_to_visitors_and_other_agencies(client, agency, clerk, other_agency_clerk):
    review = file_dispute(
        agency, kind=DisputeKind.REVIEW, body="某市人民政府", filed_on=date(2025, 3, 1), actor=clerk
    )
    assert client.get(f"/api/disputes/{agency.slug}/").status_code == 401
    client.force_login(other_agency_clerk)
    assert client.get(f"/api/disputes/{agency.slug}/").status_code == 404
    response = client.post(
        f"/api/disputes/{agency.slug}/{review.pk}/decide",
        {"outcome": "upheld", "decided_on": "2025-05-06"},
        content_type="application/json",
    )
    assert response.status_code == 404
    foreign_case = client.post(
        "/api/disputes/other/",
        {"kind": "review", "body": "x", "filed_on": "2025-03-01", "review_id": review.pk},
        content_type="application/json",
    )
    assert foreign_case.status_code == 404  # another agency's review is not found, not linked
