from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    CHINESE_CALENDAR = "chinese-calendar", _("chinese-calendar 软件包")
    CSV = "csv", _("CSV 导入")
    ADMIN = "admin", _("后台编辑")


class CalendarDay(models.Model):
    """A day that differs from the plain week: a holiday on a weekday, a make-up workday, a named rest day.

    Days not stored follow the week (Monday–Friday working). A year is official only once it is in
    CalendarYear; until then it is provisional (domain.md §1, "Working days").
    """

    date = models.DateField(_("日期"), unique=True)
    is_working = models.BooleanField(_("工作日"))
    name = models.CharField(_("名称"), max_length=40, blank=True, help_text=_("节假日或调休名称"))
    source = models.CharField(_("来源"), max_length=20, choices=Source.choices)
    version = models.PositiveIntegerField(_("版本"), default=1)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("更新人"), null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("日历日")
        verbose_name_plural = _("日历日")
        ordering = ["date"]

    def __str__(self) -> str:
        kind = "上班" if self.is_working else "休息"
        return f"{self.date:%Y-%m-%d} {kind} {self.name}".strip()


class CalendarYear(models.Model):
    """A year whose official holiday arrangement (国务院办公厅通知) has been loaded."""

    year = models.PositiveSmallIntegerField(_("年份"), unique=True)
    source = models.CharField(_("来源"), max_length=20, choices=Source.choices)
    version = models.PositiveIntegerField(_("版本"), default=1)
    loaded_at = models.DateTimeField(_("载入时间"), auto_now=True)

    class Meta:
        verbose_name = _("已载入年份")
        verbose_name_plural = _("已载入年份")
        ordering = ["year"]

    def __str__(self) -> str:
        return f"{self.year}（{self.get_source_display()}，第{self.version}版）"
