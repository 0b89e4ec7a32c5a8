"""行政复议 and 行政诉讼 about disclosure work: one row of table 四 each (domain.md §3)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.domain.outcomes import DisputeKind, DisputeOutcome


class DisputeKindChoices(models.TextChoices):
    """The groups of table 四 of the 2021 template (国办公开办函〔2021〕30号)."""

    REVIEW = DisputeKind.REVIEW.value, _("行政复议")
    LAWSUIT_DIRECT = DisputeKind.LAWSUIT_DIRECT.value, _("行政诉讼（未经复议直接起诉）")
    LAWSUIT_AFTER_REVIEW = DisputeKind.LAWSUIT_AFTER_REVIEW.value, _("行政诉讼（复议后起诉）")


class DisputeOutcomeChoices(models.TextChoices):
    """The result columns of table 四."""

    UPHELD = DisputeOutcome.UPHELD.value, _("结果维持")
    CORRECTED = DisputeOutcome.CORRECTED.value, _("结果纠正")
    OTHER = DisputeOutcome.OTHER.value, _("其他结果")
    PENDING = DisputeOutcome.PENDING.value, _("尚未审结")


DISPUTE_KIND_LABELS: dict[DisputeKind, str] = {
    DisputeKind(v): str(label) for v, label in DisputeKindChoices.choices
}
DISPUTE_OUTCOME_LABELS: dict[DisputeOutcome, str] = {
    DisputeOutcome(v): str(label) for v, label in DisputeOutcomeChoices.choices
}


class Dispute(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("被申请人/被告机关"),
        on_delete=models.PROTECT,
        related_name="disputes",
    )
    application = models.ForeignKey(
        "applications.Application",
        verbose_name=_("涉及的申请"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="disputes",
    )
    kind = models.CharField(_("类别"), max_length=24, choices=DisputeKindChoices.choices)
    body = models.CharField(_("复议机关或法院"), max_length=120)
    case_number = models.CharField(_("案号"), max_length=80, blank=True)
    filed_on = models.DateField(_("申请或立案日期"))
    decided_on = models.DateField(_("审结日期"), null=True, blank=True)
    outcome = models.CharField(
        _("结果"), max_length=12, choices=DisputeOutcomeChoices.choices, default=DisputeOutcome.PENDING.value
    )
    review = models.ForeignKey(
        "self",
        verbose_name=_("前置行政复议"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lawsuits",
        help_text=_("复议后起诉的，须关联本机关的行政复议案件"),
    )
    note = models.TextField(_("说明"), blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("行政复议或诉讼")
        verbose_name_plural = _("行政复议或诉讼")
        ordering = ["-filed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome=DisputeOutcome.PENDING.value, decided_on__isnull=True)
                | (~Q(outcome=DisputeOutcome.PENDING.value) & Q(decided_on__isnull=False)),
                name="dispute_decided_iff_outcome",
                violation_error_message=_("审结的案件须有审结日期和结果，未审结的两者都应为空"),
            ),
            models.CheckConstraint(
                condition=Q(kind=DisputeKind.LAWSUIT_AFTER_REVIEW.value, review__isnull=False)
                | (~Q(kind=DisputeKind.LAWSUIT_AFTER_REVIEW.value) & Q(review__isnull=True)),
                name="dispute_review_iff_lawsuit_after_review",
                violation_error_message=_("只有复议后起诉的案件关联行政复议，且必须关联"),
            ),
            models.UniqueConstraint(
                fields=["agency", "body", "case_number"],
                condition=~Q(case_number=""),
                name="unique_dispute_case_number",
                violation_error_message=_("该复议机关或法院的这一案号已经登记过"),
            ),
        ]
        indexes = [models.Index(fields=["agency", "filed_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_number or self.filed_on}"

    def problems(self) -> dict[str, str]:
        """What is wrong with the record, by field; the services raise the first, clean() all."""
        found: dict[str, str] = {}
        today = timezone.localdate()
        for name, label in (("filed_on", "申请或立案日期"), ("decided_on", "审结日期")):
            on = getattr(self, name)
            if on is not None and on > today:
                found[name] = f"{label}{on.isoformat()}晚于今天，不能登记尚未发生的事"
        if self.application is not None and self.application.agency_id != self.agency_id:
            found["application"] = "所涉申请不属于本机关"
        if self.decided_on and self.filed_on and self.decided_on < self.filed_on:
            found["decided_on"] = "审结日期不能早于申请或立案日期"
        if self.kind == DisputeKind.LAWSUIT_AFTER_REVIEW:
            found.update(self._review_problems())
        elif self.review_id:
            found["review"] = "只有复议后起诉的案件关联行政复议"
        return found

    def _review_problems(self) -> dict[str, str]:
        review = self.review
        if review is None:
            return {"review": "复议后起诉须关联该行政复议案件"}
        if review.kind != DisputeKind.REVIEW or review.agency_id != self.agency_id:
            return {"review": "关联的案件须是本机关的行政复议"}
        if self.filed_on and self.filed_on < review.filed_on:
            return {"filed_on": "复议后起诉的日期不能早于行政复议的申请日期"}
        return {}

    def clean(self) -> None:
        problems = self.problems()
        if problems:
            raise ValidationError(problems)
