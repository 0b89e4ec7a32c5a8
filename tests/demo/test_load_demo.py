"""`gongkai load_demo` builds a year of requests that covers every case the product handles."""

import json
from datetime import date

import pytest
from django.db.models import Sum
from django.utils import timezone

from gongkai.applications.models import Application, ClockEvent, Consultation, FeeNotice, Letter
from gongkai.demo.agencies import SEED_AGENCIES
from gongkai.disputes.models import Dispute
from gongkai.domain.cases import EventKind, Stage
from gongkai.domain.outcomes import ReplyType

pytestmark = pytest.mark.django_db


def load(gongkai):
    result = gongkai("load_demo")
    assert result.code == 0, result
    return result


def test_load_demo_builds_a_year_that_covers_every_case(gongkai):
    # One load, several stories (loading takes seconds; each check below names what it covers).
    result = load(gongkai)
    assert "答复类型 21 种均有案例" in result.out
    every_reply_type_pause_and_deadline_rule()
    the_inbox_has_open_work_due_soon_overdue_and_paused()
    a_lawsuit_after_review_is_linked_to_its_review()
    letters_are_stored_with_their_cases()


def every_reply_type_pause_and_deadline_rule():
    concluded = Application.objects.filter(stage=Stage.CONCLUDED)
    assert set(concluded.values_list("reply_type", flat=True)) == {r.value for r in ReplyType}
    kinds = set(ClockEvent.objects.values_list("kind", flat=True))
    for kind in (
        EventKind.CORRECTION_REQUESTED,
        EventKind.CORRECTION_RECEIVED,
        EventKind.CONSULTATION_ANSWERED,
        EventKind.FEE_PAID,
        EventKind.EXTENSION_APPROVED,
        EventKind.EXTENSION_REJECTED,
        EventKind.DELAYED_REPLY_SET,
        EventKind.RECEIPT_CORRECTED,
        EventKind.WITHDRAWN,
        EventKind.GIVEN_UP,
    ):
        assert kind in kinds, kind
    assert (
        Consultation.objects.filter(is_agency=True).exists()
        and Consultation.objects.filter(is_agency=False).exists()
    )
    assert {n.method for n in FeeNotice.objects.all()} == {"by_count", "by_volume"}
    assert FeeNotice.objects.exclude(reduction_reason="").exists()


def the_inbox_has_open_work_due_soon_overdue_and_paused():
    today = timezone.localdate()
    open_cases = Application.objects.exclude(stage=Stage.CONCLUDED)
    assert {Stage.OPEN, Stage.CONSULTING, Stage.AWAITING_CORRECTION, Stage.AWAITING_PAYMENT} <= set(
        open_cases.values_list("stage", flat=True)
    )
    assert open_cases.filter(due_on__lt=today).exists()
    assert open_cases.filter(due_on__gte=today).exists()
    assert open_cases.filter(extension_pending=True).exists()
    assert (
        Application.objects.filter(received_on__year=2025).exclude(concluded_on__year=2025).exists()
    )  # carried


def a_lawsuit_after_review_is_linked_to_its_review():
    lawsuit = Dispute.objects.get(kind="lawsuit_after_review")
    assert lawsuit.review.kind == "review" and lawsuit.review.agency == lawsuit.agency
    assert lawsuit.application == lawsuit.review.application is not None
    assert set(Dispute.objects.values_list("outcome", flat=True)) >= {"upheld", "corrected", "pending"}


def letters_are_stored_with_their_cases():
    kinds = set(Letter.objects.values_list("kind", flat=True))
    assert {"acknowledgement", "correction", "consultation", "fee_notice", "extension", "reply"} <= kinds
    assert all(letter.file.storage.exists(letter.file.name) for letter in Letter.objects.all())


def test_each_seed_agencys_report_year_holds_what_its_report_states(gongkai, corpus):
    load(gongkai)
    for seed in SEED_AGENCIES:
        labels = json.loads((corpus / seed.corpus_file.replace(".txt", ".json")).read_text(encoding="utf-8"))
        matches_its_report(seed, labels["fields"])
    # seed-004: "依申请公开3件，均为网络申请……同意公开政府信息公开申请3件"
    cases = Application.objects.filter(agency__slug="liuzhou-zjj", received_on__year=2018)
    assert {(c.channel, c.reply_type, c.rules) for c in cases} == {("online", "granted", "2008")}
    assert all(c.concluded_on <= c.due_on for c in cases)


def matches_its_report(seed, stated):
    assert "requests_received" in stated, seed.slug  # every seed report states how many requests it received
    received = Application.objects.filter(agency__slug=seed.slug, received_on__year=seed.year)
    concluded = Application.objects.filter(agency__slug=seed.slug, concluded_on__year=seed.year)
    assert received.count() == stated["requests_received"], seed.slug
    carried_over = Application.objects.filter(agency__slug=seed.slug, received_on__lt=date(seed.year, 1, 1))
    assert not carried_over.exists(), seed.slug
    refused = [r.value for r in ReplyType if r.group == "refused"]
    for field, reply_types in (
        ("granted", ["granted"]),
        ("partially_granted", ["partial"]),
        ("refused", refused),
    ):
        if field in stated:
            assert concluded.filter(reply_type__in=reply_types).count() == stated[field], (seed.slug, field)
    disputes = Dispute.objects.filter(agency__slug=seed.slug, filed_on__year=seed.year)
    if "admin_reviews" in stated:
        assert disputes.filter(kind="review").count() == stated["admin_reviews"], seed.slug
    if "lawsuits" in stated:
        assert disputes.exclude(kind="review").count() == stated["lawsuits"], seed.slug
    if "fees_yuan" in stated:
        assert (received.aggregate(total=Sum("fee_yuan"))["total"] or 0) == stated["fees_yuan"], seed.slug
