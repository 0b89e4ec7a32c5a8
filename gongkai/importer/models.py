"""Published reports of other agencies, as the report reader found them (docs/domain.md §5).

One row per distinct file (by SHA-256): importing the same file again changes nothing. ``fields``
holds only what the text states; ``tables`` is the Report JSON (docs/domain.md §4) of what was
read, ``findings`` the identities it breaks and its contradictions, each with its line numbers.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Template(models.TextChoices):
    Y2021 = "2021", _("2021年格式")
    Y2019 = "2019", _("2019年格式")
    PRE2019_TABLE = "pre2019-table", _("2019年以前（附统计表）")
    PRE2019_PROSE = "pre2019-prose", _("2019年以前（仅正文）")


class ImportedReport(models.Model):
    file_name = models.CharField(_("文件名"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    agency = models.CharField(_("机关（按报告原文）"), max_length=200, blank=True, db_index=True)
    year = models.PositiveSmallIntegerField(_("年度"), null=True, blank=True, db_index=True)
    template = models.CharField(_("格式"), max_length=16, choices=Template.choices)
    fields = models.JSONField(_("读出的数字"), default=dict, blank=True)
    tables = models.JSONField(_("读出的表格"), default=dict, blank=True)
    findings = models.JSONField(_("发现的问题"), default=list, blank=True)
    text = models.TextField(_("报告文字"))
    imported_at = models.DateTimeField(_("导入时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("已公布年报")
        verbose_name_plural = _("已公布年报")
        ordering = ["-imported_at", "-id"]
        indexes = [models.Index(fields=["year", "agency"])]

    def __str__(self) -> str:
        return f"{self.agency or self.file_name} {self.year or ''}".strip()
