"""The agency's own annual report (政府信息公开工作年度报告): versions, hand-entered figures, prose.

The tables are computed from the records whenever a draft is shown; publishing stores them as
they were (``tables``, the Report JSON of docs/domain.md §4) and locks the year (2019 Regulation
Art. 49–50). A later change to the year reopens the report as a new version; the published
version stays what the public sees until the new one is published.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Template(models.TextChoices):
    Y2021 = "2021", _("2021年格式（国办公开办函〔2021〕30号）")
    Y2019 = "2019", _("2019年格式（国办公开办函〔2019〕60号）")
    PRE2019 = "pre2019-table", _("2019年以前的政府信息公开情况统计表")


class Status(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已发布")


class SectionKey(models.TextChoices):
    """The prose parts of the 2021 format (国办公开办函〔2021〕30号): 一, 五 and 六."""

    OVERVIEW = "overview", _("一、总体情况")
    PROBLEMS = "problems", _("五、存在的主要问题及改进情况")
    OTHER = "other", _("六、其他需要报告的事项")


class AnnualReport(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("机关"), on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    template = models.CharField(_("格式"), max_length=16, choices=Template.choices)
    version = models.PositiveSmallIntegerField(_("版本"), default=1)
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    # The Report JSON (without findings) and the findings, as they stood when published.
    tables = models.JSONField(_("表格"), null=True, blank=True)
    findings = models.JSONField(_("检查结果"), default=list, blank=True)
    published_sections = models.JSONField(_("发布的正文"), default=dict, blank=True)  # key → filled text
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发布人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    override_reason = models.TextField(_("带错误发布的理由"), blank=True)
    locked = models.BooleanField(_("年度已锁定"), default=False)
    reopened_reason = models.TextField(_("重新打开的理由"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("年度报告")
        verbose_name_plural = _("年度报告")
        ordering = ["-year", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "version"], name="unique_report_version"),
            models.CheckConstraint(
                condition=models.Q(status="draft", published_at__isnull=True, locked=False)
                | models.Q(status="published", published_at__isnull=False),
                name="report_published_iff_published_at",
            ),
        ]
        indexes = [models.Index(fields=["agency", "year", "status"])]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}年度报告（第{self.version}版）"

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class ManualEntry(models.Model):
    """A figure no record holds, entered by hand for the agency's year (table 二's decisions and
    fees, the statistics table's meetings, trainings, staff, budget…). ``key`` is a cell path such
    as ``proactive.licensing.decisions`` or ``extra.training.courses.value`` (reports.manual)."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("机关"), on_delete=models.PROTECT, related_name="report_entries"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    key = models.CharField(_("项目"), max_length=80)
    value = models.DecimalField(_("数值"), max_digits=16, decimal_places=4)
    note = models.CharField(_("说明"), max_length=200, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("填报人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("填报时间"), auto_now=True)

    class Meta:
        verbose_name = _("人工填报数据")
        verbose_name_plural = _("人工填报数据")
        ordering = ["agency", "year", "key"]
        constraints = [models.UniqueConstraint(fields=["agency", "year", "key"], name="unique_manual_entry")]

    def __str__(self) -> str:
        return f"{self.year} {self.key} = {self.value}"


class NarrativeSection(models.Model):
    """One prose part of a report version; ``{新收申请}``-style placeholders are filled from its tables."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField(_("部分"), max_length=16, choices=SectionKey.choices)
    text = models.TextField(_("正文"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("修改人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        verbose_name = _("报告正文")
        verbose_name_plural = _("报告正文")
        ordering = ["report", "key"]
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="unique_report_section")]

    def __str__(self) -> str:
        return f"{self.report} {self.get_key_display()}"


class ReportReminder(models.Model):
    """A reminder already sent, so that `gongkai report_reminders` never sends the same one twice."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("年度"))
    stage = models.CharField(_("提醒阶段"), max_length=16)
    recipient = models.CharField(_("收件人"), max_length=200)
    sent_at = models.DateTimeField(_("发送时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("年报提醒")
        verbose_name_plural = _("年报提醒")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "stage", "recipient"], name="unique_report_reminder"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.year} {self.stage} → {self.recipient}"
