"""The catalogue (主动公开): entries, their versions, attachments, channels, privacy findings.

A ``Publication`` is one catalogue entry (its 索引号 never changes). What it says lives in
``PublicationVersion`` rows: the first one goes draft → 保密审查 → 审批 → published; a correction
or a withdrawal after publication adds a version and never edits a published one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency
from gongkai.domain.privacy import PRIVACY_KIND_LABELS
from gongkai.domain.publication_rules import (
    DEFAULT_INDEX_PATTERN,
    VERSION_STATE_LABELS,
    DocumentType,
    ReleaseChannel,
    Validity,
)


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("未发布")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


# The domain's enums are the single source of the values; the models reuse them as choices.
VERSION_STATE_CHOICES = [(state.value, label) for state, label in VERSION_STATE_LABELS.items()]
DOCUMENT_TYPE_CHOICES = [(t.value, t.label) for t in DocumentType]
VALIDITY_CHOICES = [(v.value, v.label) for v in Validity]
CHANNEL_CHOICES = [(c.value, c.label) for c in ReleaseChannel]
PRIVACY_KIND_CHOICES = [(k.value, label) for k, label in PRIVACY_KIND_LABELS.items()]


class VersionKind(models.TextChoices):
    ORIGINAL = "original", _("首次发布")
    CORRECTION = "correction", _("更正")
    WITHDRAWAL = "withdrawal", _("撤回")


class FindingStatus(models.TextChoices):
    OPEN = "open", _("待处理")
    MASKED = "masked", _("已遮盖")
    KEPT = "kept", _("保留（已说明理由）")


class AttachmentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word (DOCX)"
    XLSX = "xlsx", "Excel (XLSX)"
    IMAGE = "image", _("图片")


class Category(models.Model):
    """信息分类: a tree per agency, seeded with the national categories; the code goes into 索引号."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("机关"), on_delete=models.CASCADE, related_name="catalogue_categories"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级分类"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.CharField(_("分类代码"), max_length=20)
    name = models.CharField(_("名称"), max_length=60)
    position = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("信息分类")
        verbose_name_plural = _("信息分类")
        ordering = ["position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="catalogue_category_unique_code"),
            models.UniqueConstraint(
                fields=["agency", "parent", "name"], name="catalogue_category_unique_name"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CatalogueSettings(models.Model):
    """An agency's 索引号 format and its 政府信息公开指南 (2019 Regulation Art. 12)."""

    agency = models.OneToOneField(
        Agency, verbose_name=_("机关"), on_delete=models.CASCADE, related_name="catalogue_settings"
    )
    index_pattern = models.CharField(
        _("索引号格式"),
        max_length=60,
        default=DEFAULT_INDEX_PATTERN,
        help_text=_("可用 {agency} 机构代码、{category} 分类代码、{year} 年份、{serial:4} 四位流水号"),
    )
    guide_intro = models.TextField(_("概述"), blank=True)
    apply_how = models.TextField(_("申请方式"), blank=True)
    apply_where = models.TextField(_("受理机构与地点"), blank=True)
    hours = models.CharField(_("受理时间"), max_length=200, blank=True)
    fees = models.TextField(_("收费"), blank=True)
    remedies = models.TextField(_("救济途径"), blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("目录设置与公开指南")
        verbose_name_plural = _("目录设置与公开指南")

    def __str__(self) -> str:
        return f"{self.agency} 公开指南"


class IndexSerial(models.Model):
    """The last serial used in one 索引号 series (see IndexPattern.series)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    series = models.CharField(max_length=120)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "series"], name="catalogue_serial_unique")]

    def __str__(self) -> str:
        return f"{self.series} → {self.last}"


class Publication(models.Model):
    """One catalogue entry; its content is in its versions, ``current`` is the one the public sees."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("发布机构"), on_delete=models.PROTECT, related_name="publications"
    )
    category = models.ForeignKey(
        Category, verbose_name=_("信息分类"), on_delete=models.PROTECT, related_name="+"
    )
    index_number = models.CharField(_("索引号"), max_length=80, blank=True)
    status = models.CharField(
        _("状态"), max_length=12, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT
    )
    doc_type = models.CharField(
        _("文件类型"), max_length=12, choices=DOCUMENT_TYPE_CHOICES, default=DocumentType.OTHER.value
    )
    validity = models.CharField(_("有效性"), max_length=10, choices=VALIDITY_CHOICES, blank=True)
    invalid_on = models.DateField(_("失效或废止日期"), null=True, blank=True)
    repealed_by = models.ForeignKey(
        "self",
        verbose_name=_("废止文件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="repeals",
    )
    written_on = models.DateField(_("成文日期"), null=True, blank=True)
    published_on = models.DateField(_("发布日期"), null=True, blank=True, db_index=True)
    current = models.ForeignKey(
        "PublicationVersion",
        verbose_name=_("公开版本"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported = models.BooleanField(_("导入"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("创建人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("主动公开信息")
        verbose_name_plural = _("主动公开信息")
        ordering = ["-published_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "index_number"],
                condition=~Q(index_number=""),
                name="catalogue_unique_index_number",
            ),
        ]
        indexes = [models.Index(fields=["agency", "status", "published_on"])]

    def __str__(self) -> str:
        title = self.current.title if self.current_id and self.current else ""
        return self.index_number or title or f"#{self.pk}"


class PublicationVersion(models.Model):
    """What one version of an entry says; immutable once published."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("版本"))
    kind = models.CharField(
        _("类型"), max_length=12, choices=VersionKind.choices, default=VersionKind.ORIGINAL
    )
    state = models.CharField(
        _("状态"), max_length=12, choices=VERSION_STATE_CHOICES, default="draft", db_index=True
    )
    title = models.CharField(_("标题"), max_length=300)
    body_html = models.TextField(_("正文"), blank=True)
    body_text = models.TextField(_("正文（纯文本）"), blank=True)
    doc_number = models.CharField(_("文号"), max_length=100, blank=True)
    written_on = models.DateField(_("成文日期"), null=True, blank=True)
    formed_on = models.DateField(
        _("形成或变更日期"), null=True, blank=True, help_text=_("计算20个工作日公开时限的起点")
    )
    keywords = models.CharField(_("主题词"), max_length=200, blank=True)
    reason = models.TextField(_("更正或撤回理由"), blank=True)
    published_on = models.DateField(_("本版发布日期"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("创建人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("信息版本")
        verbose_name_plural = _("信息版本")
        ordering = ["publication", "number"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "number"], name="catalogue_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.title}（第{self.number}版）"


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"catalogue/{instance.sha256[:2]}/{instance.sha256}{instance.extension}"


class Attachment(models.Model):
    version = models.ForeignKey(PublicationVersion, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("文件"), upload_to=attachment_path, max_length=200)
    name = models.CharField(_("文件名"), max_length=200)
    kind = models.CharField(_("类型"), max_length=8, choices=AttachmentKind.choices)
    size = models.PositiveIntegerField(_("大小（字节）"))
    sha256 = models.CharField(max_length=64)
    text = models.TextField(_("提取的文字"), blank=True)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    @property
    def extension(self) -> str:
        return "." + self.name.rsplit(".", 1)[-1].lower() if "." in self.name else ""


class ChannelRelease(models.Model):
    """One channel the entry went out on, with its date (the older reports count these)."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="releases")
    channel = models.CharField(_("渠道"), max_length=10, choices=CHANNEL_CHOICES)
    released_on = models.DateField(_("日期"))
    note = models.CharField(_("说明"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("发布渠道")
        verbose_name_plural = _("发布渠道")
        ordering = ["released_on", "channel"]
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "channel", "released_on"], name="catalogue_release_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.released_on}"


class PrivacyFinding(models.Model):
    """A piece of personal data found before review; it blocks publication until masked or kept."""

    version = models.ForeignKey(PublicationVersion, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(_("类型"), max_length=10, choices=PRIVACY_KIND_CHOICES)
    source = models.CharField(_("位置"), max_length=200)
    line = models.PositiveIntegerField(_("行"))
    column = models.PositiveIntegerField(_("列"))
    preview = models.CharField(_("遮盖后"), max_length=40)
    fingerprint = models.CharField(max_length=64)
    status = models.CharField(
        _("处理"), max_length=8, choices=FindingStatus.choices, default=FindingStatus.OPEN
    )
    reason = models.TextField(_("保留理由"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("个人信息检查结果")
        verbose_name_plural = _("个人信息检查结果")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.preview}（{self.where}）"

    @property
    def where(self) -> str:
        return f"{self.source} 第{self.line}行第{self.column}列"


class SearchEntry(models.Model):
    """What the search index holds for one visible entry; the tokens themselves live in the backend
    (SQLite: the FTS5 table catalogue_search, its rowid made from the date and this publication's
    id; PostgreSQL: the ``document`` tsvector column this table gets in migration 0002)."""

    publication = models.OneToOneField(
        Publication, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    version = models.ForeignKey(PublicationVersion, on_delete=models.CASCADE, related_name="+")
    published_on = models.DateField()
    facets = models.CharField(max_length=400)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["-published_on", "-publication"], name="catalogue_search_recent")]

    def __str__(self) -> str:
        return f"search entry {self.publication_id}"
