"""依申请公开: a request, its clock events, reply, fee notice, letters and internal notes.

The columns ``received_on``, ``stage``, ``due_on``, ``concluded_on`` and ``reply_type`` on
Application are a cache of what gongkai.domain.cases derives from the ClockEvents; the services
refresh them in the same transaction as every event (and after a calendar change) so that the inbox
can filter by them in SQL. "Overdue" is never stored: it is ``due_on < today`` at query time.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.domain.cases import EVENT_LABELS, STAGE_LABELS, EventKind, Stage
from gongkai.domain.outcomes import (
    APPLICANT_TYPE_LABELS,
    CHANNEL_LABELS,
    REPLY_TYPE_LABELS,
    ApplicantType,
    Channel,
    ReplyType,
)

# Choices reuse the domain's StrEnum values and Chinese labels (style.md §2.6).
CHANNEL_CHOICES = [(c.value, CHANNEL_LABELS[c]) for c in Channel]
APPLICANT_TYPE_CHOICES = [(t.value, APPLICANT_TYPE_LABELS[t]) for t in ApplicantType]
REPLY_TYPE_CHOICES = [(r.value, REPLY_TYPE_LABELS[r]) for r in ReplyType]
STAGE_CHOICES = [(s.value, STAGE_LABELS[s]) for s in Stage]
EVENT_KIND_CHOICES = [(k.value, EVENT_LABELS[k]) for k in EventKind]


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO = "hk_macao", _("港澳居民来往内地通行证")
    TAIWAN = "taiwan", _("台湾居民来往大陆通行证")
    CREDIT_CODE = "credit_code", _("统一社会信用代码")
    OTHER = "other", _("其他证件")


class DeliveryForm(models.TextChoices):
    PAPER = "paper", _("纸质文本")
    ELECTRONIC = "electronic", _("电子文档")
    EMAIL = "email", _("电子邮件")
    PICKUP = "pickup", _("当面领取")
    OTHER = "other", _("其他")


class Source(models.TextChoices):
    ONLINE_FORM = "online_form", _("网上申请")
    INTAKE = "intake", _("工作人员登记")
    LEDGER = "ledger", _("台账导入")


class ReceiptBasis(models.TextChoices):
    """The event that fixed the receipt date (2019 Art. 31)."""

    HANDED_IN = "handed_in", _("当面提交之日")
    SIGNED_FOR = "signed_for", _("本机关签收之日")
    CONFIRMED = "confirmed", _("与申请人确认之日")
    BOTH_CONFIRMED = "both_confirmed", _("双方确认之日")
    LEDGER = "ledger", _("台账记载之日")


class Application(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("机关"), on_delete=models.PROTECT, related_name="applications"
    )
    ref = models.CharField(_("申请编号"), max_length=40)
    query_code = models.CharField(_("查询码"), max_length=16, unique=True)
    source = models.CharField(_("来源"), max_length=12, choices=Source.choices, default=Source.INTAKE)
    channel = models.CharField(_("申请方式"), max_length=16, choices=CHANNEL_CHOICES)
    receipt_basis = models.CharField(_("收到日期依据"), max_length=16, choices=ReceiptBasis.choices)
    applicant_type = models.CharField(_("申请人类型"), max_length=16, choices=APPLICANT_TYPE_CHOICES)
    # Personal data (个人信息保护法): read only through gongkai.agencies.access.
    applicant_name = models.CharField(_("申请人姓名或名称"), max_length=120)
    id_type = models.CharField(_("证件类型"), max_length=16, choices=IdType.choices, blank=True)
    id_number = models.CharField(_("证件号码"), max_length=40, blank=True)
    contact_person = models.CharField(_("联系人"), max_length=60, blank=True)
    phone = models.CharField(_("联系电话"), max_length=40, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=10, blank=True)
    content = models.TextField(_("所需政府信息的名称、文号或描述"))
    delivery_form = models.CharField(
        _("获取信息的方式"), max_length=12, choices=DeliveryForm.choices, default=DeliveryForm.ELECTRONIC
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承办人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_applications",
    )
    fee_yuan = models.DecimalField(_("收费金额（元）"), max_digits=10, decimal_places=2, default=0)
    # Cache of the derivation from the clock events (see the module docstring).
    received_on = models.DateField(_("收到日期"), db_index=True)
    rules = models.CharField(_("适用条例"), max_length=4, default="2019")
    stage = models.CharField(_("状态"), max_length=24, choices=STAGE_CHOICES, default=Stage.OPEN)
    due_on = models.DateField(_("答复期限"), null=True, blank=True)
    provisional = models.BooleanField(_("期限为暂定"), default=False)
    extension_pending = models.BooleanField(_("待批准延期"), default=False)
    concluded_on = models.DateField(_("办结日期"), null=True, blank=True)
    reply_type = models.CharField(_("办理结果"), max_length=40, choices=REPLY_TYPE_CHOICES, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        ordering = ["-received_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["agency", "ref"], name="unique_application_ref")]
        indexes = [
            models.Index(fields=["agency", "stage", "due_on"]),
            models.Index(fields=["agency", "received_on"]),
            models.Index(fields=["agency", "concluded_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.ref}"


class ClockEvent(models.Model):
    """One dated fact of a case; every date of the case derives from these."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("事件"), max_length=32, choices=EVENT_KIND_CHOICES)
    on = models.DateField(_("日期"))
    extension_days = models.PositiveSmallIntegerField(_("延期工作日"), default=0)
    delayed_until = models.DateField(_("延迟答复至"), null=True, blank=True)
    reply_type = models.CharField(_("答复类型"), max_length=40, choices=REPLY_TYPE_CHOICES, blank=True)
    give_up_reason = models.CharField(_("视为放弃原因"), max_length=20, blank=True)
    note = models.TextField(_("说明"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("时限事件")
        verbose_name_plural = _("时限事件")
        ordering = ["application", "id"]

    def __str__(self) -> str:
        return f"{self.on:%Y-%m-%d} {self.get_kind_display()}"


class ServiceMethod(models.TextChoices):
    """How the reply reached the applicant, which fixes the date that counts (国办公开办函〔2016〕235号)."""

    SIGNED = "signed", _("直接送达：申请人签收之日")
    POSTED = "posted", _("邮寄：交邮之日")
    ELECTRONIC = "electronic", _("电子方式：发送之日")


class Reply(models.Model):
    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="reply")
    reply_type = models.CharField(_("答复类型"), max_length=40, choices=REPLY_TYPE_CHOICES)
    withheld = models.TextField(_("不予公开的内容"), blank=True)
    reasons = models.TextField(_("理由与依据"), blank=True)
    service_method = models.CharField(_("送达方式"), max_length=12, choices=ServiceMethod.choices)
    served_on = models.DateField(_("送达日期"))
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("答复")
        verbose_name_plural = _("答复")

    def __str__(self) -> str:
        return f"{self.application.ref} {self.get_reply_type_display()}"


class FeeNotice(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="fee_notices")
    method = models.CharField(
        _("计收方式"), max_length=12, choices=[("by_count", _("按件计收")), ("by_volume", _("按量计收"))]
    )
    nth_in_month = models.PositiveIntegerField(_("当月第几件"), null=True, blank=True)
    pages = models.PositiveIntegerField(_("页数"), null=True, blank=True)
    basis = models.TextField(_("计费依据"))
    computed_yuan = models.PositiveIntegerField(_("按标准计算（元）"))
    amount_yuan = models.PositiveIntegerField(_("应缴金额（元）"))
    reduction_reason = models.TextField(_("减免理由"), blank=True)
    issued_on = models.DateField(_("送达日期"))
    pay_by = models.DateField(_("缴费期限"))
    paid_on = models.DateField(_("缴费日期"), null=True, blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("收费通知")
        verbose_name_plural = _("收费通知")

    def __str__(self) -> str:
        return f"{self.application.ref} {self.amount_yuan} 元"


class Consultation(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="consultations")
    party = models.CharField(_("被征求意见方"), max_length=120)
    party_contact = models.CharField(_("联系方式"), max_length=200, blank=True)
    is_agency = models.BooleanField(_("为其他机关"), default=False)
    sent_on = models.DateField(_("发函日期"))
    window_end = models.DateField(_("答复期限（15个工作日）"))
    answered_on = models.DateField(_("答复日期"), null=True, blank=True)
    answer = models.TextField(_("意见"), blank=True)

    class Meta:
        verbose_name = _("征求意见")
        verbose_name_plural = _("征求意见")

    def __str__(self) -> str:
        return f"{self.application.ref} → {self.party}"


class Note(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    text = models.TextField(_("内部备注"))
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("内部备注")
        verbose_name_plural = _("内部备注")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:40]


class LetterKind(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", _("受理回执")
    CORRECTION = "correction", _("补正告知书")
    CONSULTATION = "consultation", _("征求第三方意见书")
    FEE_NOTICE = "fee_notice", _("收费通知书")
    EXTENSION = "extension", _("延期答复告知书")
    REPLY = "reply", _("政府信息公开申请答复书")


class LetterTemplate(models.Model):
    """An agency's own wording of a letter; without one the national default in letters.py applies."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("机关"), on_delete=models.CASCADE, related_name="letter_templates"
    )
    kind = models.CharField(_("文书"), max_length=20, choices=LetterKind.choices)
    reply_type = models.CharField(
        _("答复类型（仅答复书）"), max_length=40, choices=REPLY_TYPE_CHOICES, blank=True
    )
    title = models.CharField(_("标题"), max_length=100)
    body = models.TextField(_("正文"), help_text=_("Django 模板语法，可用变量见文档"))
    version = models.PositiveIntegerField(_("版本"), default=1)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("文书模板")
        verbose_name_plural = _("文书模板")
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind", "reply_type"], name="unique_letter_template")
        ]

    def __str__(self) -> str:
        return f"{self.agency} · {self.get_kind_display()}"


def letter_path(letter: Letter, filename: str) -> str:
    return f"letters/{letter.application.agency_id}/{letter.application_id}/{filename}"


class Letter(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(_("文书"), max_length=20, choices=LetterKind.choices)
    template_version = models.CharField(_("模板版本"), max_length=40)
    file = models.FileField(_("文件"), upload_to=letter_path)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("生成时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("文书")
        verbose_name_plural = _("文书")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.application.ref} {self.get_kind_display()}"


class Notification(models.Model):
    """An e-mail already sent, so that `gongkai notify` never sends the same one twice."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notifications")
    key = models.CharField(_("通知键"), max_length=80)
    recipient = models.CharField(_("收件人"), max_length=200)
    sent_at = models.DateTimeField(_("发送时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("已发通知")
        verbose_name_plural = _("已发通知")
        constraints = [models.UniqueConstraint(fields=["application", "key"], name="unique_notification")]

    def __str__(self) -> str:
        return self.key
