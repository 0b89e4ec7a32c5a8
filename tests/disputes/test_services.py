from datetime import date

import pytest
import time_machine

from gongkai.audit.models import AuditEvent
from gongkai.disputes.models import Dispute
from gongkai.disputes.queries import dispute_counts
from gongkai.disputes.services import ALREADY_DECIDED, decide_dispute, file_dispute
from gongkai.domain.errors import InvalidInput, TransitionNotAllowed
from gongkai.domain.outcomes import DisputeKind, DisputeOutcome
from tests.applications.factories import make_application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _last_day_of_2025():
    with time_machine.travel(date(2025, 12, 31)):
        yield


def _review(agency, clerk, *, filed_on=date(2025, 3, 1), application=None, case_number=""):
    return file_dispute(
        agency,
        kind=DisputeKind.REVIEW,
        body="某市人民政府",
        filed_on=filed_on,
        case_number=case_number,
        application=application,
        actor=clerk,
    )


def test_a_review_is_filed_pending_decided_and_each_step_is_audited(agency, clerk):
    application = make_application(agency, received=date(2025, 1, 6), actor=clerk)
    review = _review(agency, clerk, application=application)
    assert review.outcome == DisputeOutcome.PENDING and review.decided_on is None
    decide_dispute(
        review, outcome=DisputeOutcome.UPHELD, decided_on=date(2025, 5, 6), actor=clerk, note="维持"
    )
    review.refresh_from_db()
    assert (review.outcome, review.decided_on) == ("upheld", date(2025, 5, 6))
    events = AuditEvent.objects.filter(subject_type="disputes.dispute", subject_id=str(review.pk))
    assert sorted(events.values_list("event", flat=True)) == ["dispute.decided", "dispute.filed"]
    decided = events.get(event="dispute.decided")
    assert decided.before["outcome"] == "pending" and decided.after["outcome"] == "upheld"


def test_a_case_number_is_registered_once_per_body(agency, clerk):
    _review(agency, clerk, case_number="某府复〔2025〕1号")
    with pytest.raises(InvalidInput, match="案号已经登记过"):
        _review(agency, clerk, case_number="某府复〔2025〕1号")
    assert Dispute.objects.count() == 1


def test_a_lawsuit_after_review_without_its_review_is_refused(agency, clerk):
    with pytest.raises(InvalidInput) as error:
        file_dispute(
            agency,
            kind=DisputeKind.LAWSUIT_AFTER_REVIEW,
            body="某区人民法院",
            filed_on=date(2025, 6, 1),
            actor=clerk,
        )
    assert error.value.where == "review"
    assert not Dispute.objects.exists()


def test_a_lawsuit_after_review_links_its_review_and_inherits_its_case(agency, clerk):
    application = make_application(agency, received=date(2025, 1, 6), actor=clerk)
    review = _review(agency, clerk, application=application)
    lawsuit = file_dispute(
        agency,
        kind=DisputeKind.LAWSUIT_AFTER_REVIEW,
        body="某区人民法院",
        filed_on=date(2025, 6, 1),
        review=review,
        actor=clerk,
    )
    assert lawsuit.review == review and lawsuit.application == application
    assert list(review.lawsuits.all()) == [lawsuit]


def test_the_linked_review_must_be_a_review_of_the_same_agency(agency, other_agency, clerk):
    foreign_review = _review(other_agency, clerk)
    with pytest.raises(InvalidInput, match="本机关的行政复议"):
        file_dispute(
            agency,
            kind=DisputeKind.LAWSUIT_AFTER_REVIEW,
            body="某区人民法院",
            filed_on=date(2025, 6, 1),
            review=foreign_review,
            actor=clerk,
        )
    direct = file_dispute(
        agency, kind=DisputeKind.LAWSUIT_DIRECT, body="某区人民法院", filed_on=date(2025, 6, 1), actor=clerk
    )
    with pytest.raises(InvalidInput, match="本机关的行政复议"):
        file_dispute(
            agency,
            kind=DisputeKind.LAWSUIT_AFTER_REVIEW,
            body="某区人民法院",
            filed_on=date(2025, 6, 1),
            review=direct,
            actor=clerk,
        )


def test_only_a_lawsuit_after_review_may_name_a_review(agency, clerk):
    review = _review(agency, clerk)
    with pytest.raises(InvalidInput) as error:
        file_dispute(
            agency,
            kind=DisputeKind.LAWSUIT_DIRECT,
            body="某区人民法院",
            filed_on=date(2025, 6, 1),
            review=review,
            actor=clerk,
        )
    assert error.value.where == "review"


def test_a_dispute_about_another_agencys_case_is_refused(agency, other_agency, clerk):
    foreign = make_application(other_agency, received=date(2025, 1, 6), actor=clerk)
    with pytest.raises(InvalidInput) as error:
        _review(agency, clerk, application=foreign)
    assert error.value.where == "application"


def test_dates_in_the_future_or_before_filing_are_refused(agency, clerk):
    with pytest.raises(InvalidInput) as error:
        _review(agency, clerk, filed_on=date(2026, 1, 5))
    assert error.value.where == "filed_on"
    review = _review(agency, clerk)
    with pytest.raises(InvalidInput, match="不能早于"):
        decide_dispute(review, outcome=DisputeOutcome.CORRECTED, decided_on=date(2025, 2, 1), actor=clerk)
    with pytest.raises(InvalidInput) as error:
        decide_dispute(review, outcome=DisputeOutcome.CORRECTED, decided_on=date(2026, 2, 1), actor=clerk)
    assert error.value.where == "decided_on"
    assert Dispute.objects.get(pk=review.pk).outcome == "pending"


def test_a_decided_dispute_cannot_be_decided_again_nor_decided_pending(agency, clerk):
    review = _review(agency, clerk)
    with pytest.raises(InvalidInput):
        decide_dispute(review, outcome=DisputeOutcome.PENDING, decided_on=date(2025, 4, 1), actor=clerk)
    decide_dispute(review, outcome=DisputeOutcome.OTHER, decided_on=date(2025, 4, 1), actor=clerk)
    with pytest.raises(TransitionNotAllowed, match=ALREADY_DECIDED):
        decide_dispute(review, outcome=DisputeOutcome.UPHELD, decided_on=date(2025, 4, 2), actor=clerk)


def test_dispute_counts_follow_table_four_and_count_later_decisions_as_pending(agency, clerk):
    upheld = _review(agency, clerk, filed_on=date(2024, 3, 1))
    decide_dispute(upheld, outcome=DisputeOutcome.UPHELD, decided_on=date(2024, 6, 1), actor=clerk)
    late = file_dispute(
        agency, kind=DisputeKind.REVIEW, body="某市人民政府", filed_on=date(2024, 11, 1), actor=clerk
    )
    decide_dispute(late, outcome=DisputeOutcome.CORRECTED, decided_on=date(2025, 1, 10), actor=clerk)
    file_dispute(
        agency,
        kind=DisputeKind.LAWSUIT_AFTER_REVIEW,
        body="某区人民法院",
        filed_on=date(2024, 12, 1),
        review=upheld,
        actor=clerk,
    )
    _review(agency, clerk, filed_on=date(2025, 2, 1))  # another year
    table = dispute_counts(agency, year=2024)
    assert table["review"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2}
    assert table["lawsuit_after_review"]["pending"] == 1 and table["lawsuit_after_review"]["total"] == 1
    assert table["lawsuit_direct"]["total"] == 0
