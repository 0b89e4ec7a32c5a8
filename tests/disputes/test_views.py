from datetime import date

import pytest
import time_machine
from django.urls import reverse

from gongkai.disputes.models import Dispute
from gongkai.disputes.services import file_dispute
from gongkai.domain.outcomes import DisputeKind
from tests.applications.factories import make_application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _last_day_of_2025():
    with time_machine.travel(date(2025, 12, 31)):
        yield


def test_the_list_shows_the_agencys_disputes_with_their_outcome(clerk_client, agency, clerk):
    file_dispute(
        agency,
        kind=DisputeKind.REVIEW,
        body="某市人民政府",
        filed_on=date(2025, 3, 1),
        case_number="某府复〔2025〕7号",
        actor=clerk,
    )
    response = clerk_client.get(reverse("disputes:list", args=[agency.slug]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "某府复〔2025〕7号" in text and "尚未审结" in text and "登记结果" in text


def test_another_agencys_clerk_gets_404_and_a_visitor_is_sent_to_login(client, agency, other_agency_clerk):
    url = reverse("disputes:list", args=[agency.slug])
    assert client.get(url).status_code == 302
    client.force_login(other_agency_clerk)
    assert client.get(url).status_code == 404
    assert client.get(reverse("disputes:file", args=[agency.slug])).status_code == 404


def test_filing_a_lawsuit_after_review_through_the_form(clerk_client, agency, clerk):
    application = make_application(agency, received=date(2025, 1, 6), actor=clerk)
    review = file_dispute(
        agency,
        kind=DisputeKind.REVIEW,
        body="某市人民政府",
        filed_on=date(2025, 3, 1),
        application=application,
        actor=clerk,
    )
    url = reverse("disputes:file", args=[agency.slug])
    response = clerk_client.post(
        url,
        {
            "kind": "lawsuit_after_review",
            "body": "某区人民法院",
            "case_number": "",
            "filed_on": "2025-06-02",
            "application_ref": "",
            "review": review.pk,
        },
    )
    assert response.status_code == 302
    lawsuit = Dispute.objects.get(kind="lawsuit_after_review")
    assert lawsuit.review == review and lawsuit.application == application


def test_the_form_shows_the_services_reason_in_chinese(clerk_client, agency):
    url = reverse("disputes:file", args=[agency.slug])
    response = clerk_client.post(
        url, {"kind": "lawsuit_after_review", "body": "某区人民法院", "filed_on": "2025-06-02"}
    )
    assert response.status_code == 200
    assert "复议后起诉须关联该行政复议案件" in response.content.decode()
    response = clerk_client.post(
        url,
        {"kind": "review", "body": "某市人民政府", "filed_on": "2025-06-02", "application_ref": "2099-0001"},
    )
    assert "本机关没有编号为“2099-0001”的申请" in response.content.decode()
    assert not Dispute.objects.exists()


def test_deciding_through_the_form(clerk_client, agency, clerk):
    review = file_dispute(
        agency, kind=DisputeKind.REVIEW, body="某市人民政府", filed_on=date(2025, 3, 1), actor=clerk
    )
    url = reverse("disputes:decide", args=[agency.slug, review.pk])
    assert "结果纠正" in clerk_client.get(url).content.decode()
    response = clerk_client.post(
        url, {"outcome": "corrected", "decided_on": "2025-05-06", "note": "责令重新答复"}
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.outcome == "corrected" and "责令重新答复" in review.note
