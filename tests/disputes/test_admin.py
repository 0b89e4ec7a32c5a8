from datetime import date

import pytest
import time_machine
from django.urls import reverse

from gongkai.audit.models import AuditEvent
from gongkai.disputes.models import Dispute
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _last_day_of_2025():
    with time_machine.travel(date(2025, 12, 31)):
        yield


@pytest.fixture
def admin_client(client):
    client.force_login(factories.UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def test_the_admin_files_and_decides_through_the_services(admin_client, agency):
    added = admin_client.post(
        reverse("admin:disputes_dispute_add"),
        {
            "agency": agency.pk,
            "kind": "review",
            "body": "某市人民政府",
            "case_number": "某府复〔2025〕3号",
            "filed_on": "2025-04-01",
            "note": "",
        },
    )
    assert added.status_code == 302, added.content.decode()[:2000]
    dispute = Dispute.objects.get()
    assert AuditEvent.objects.filter(event="dispute.filed", subject_id=str(dispute.pk)).exists()
    changed = admin_client.post(
        reverse("admin:disputes_dispute_change", args=[dispute.pk]),
        {"outcome": "corrected", "decided_on": "2025-06-01"},
    )
    assert changed.status_code == 302, changed.content.decode()[:2000]
    dispute.refresh_from_db()
    assert (dispute.outcome, dispute.decided_on) == ("corrected", date(2025, 6, 1))
    assert AuditEvent.objects.filter(event="dispute.decided", subject_id=str(dispute.pk)).exists()


def test_the_admin_refuses_a_lawsuit_after_review_without_its_review(admin_client, agency):
    response = admin_client.post(
        reverse("admin:disputes_dispute_add"),
        {
            "agency": agency.pk,
            "kind": "lawsuit_after_review",
            "body": "某区人民法院",
            "filed_on": "2025-04-01",
        },
    )
    assert response.status_code == 200
    assert "复议后起诉须关联该行政复议案件" in response.content.decode()
    assert not Dispute.objects.exists()
