"""Forms of the request pages: they parse and check input; the services make the change.

No form saves anything (style.md §4.1): views pass ``cleaned_data`` to one service.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.utils import timezone

from gongkai.applications.models import (
    APPLICANT_TYPE_CHOICES,
    CHANNEL_CHOICES,
    REPLY_TYPE_CHOICES,
    STAGE_CHOICES,
    DeliveryForm,
    IdType,
    LetterKind,
    ServiceMethod,
    Source,
)
from gongkai.applications.queries import InboxFilters, assignable_staff
from gongkai.applications.ratelimit import (
    HONEYPOT_FIELD,
    NOT_ACCEPTED,
    STARTED_FIELD,
    form_started_token,
    form_timing_problem,
    honeypot_filled,
)
from gongkai.applications.services import RECEIPT_BASIS, Applicant
from gongkai.domain.cases import GiveUpReason
from gongkai.domain.deadlines import MAX_EXTENSION, Rules
from gongkai.domain.errors import DomainError
from gongkai.domain.fees import FeeMethod
from gongkai.domain.identity import is_valid_resident_id
from gongkai.domain.outcomes import ApplicantType, Channel, ReplyType

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

INVALID_RESIDENT_ID = "居民身份证号码有误：请核对18位号码（含出生日期与末位校验码）。"
NO_CONTACT = "请至少填写一种联系方式：联系电话、电子邮箱或通信地址。"
EMAIL_DELIVERY_NEEDS_EMAIL = "选择以电子邮件获取信息时，请填写电子邮箱。"
ID_REQUIRED = "请填写身份证明（证件类型和号码）。"
NOT_IN_FUTURE = "日期不能晚于今天。"
PAGES_REQUIRED = "按量计收须填写页数。"
REDUCTION_NEEDS_REASON = "减免收费必须写明理由。"

# Where a service's DomainError points (its ``where``) → the form field that shows it.
_FIELD_FOR_WHERE = {
    "extension_days": "days",
    "delayed_until": "until",
    "give_up_reason": "reason",
    "on": "on",
    "received": "received_on",
}


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's refusal on the field it concerns, or above the form."""
    aliases = {**_FIELD_FOR_WHERE, **getattr(form, "field_for_where", {})}
    name = aliases.get(error.where, error.where)
    if name in form.fields and name not in (form.errors or {}):
        form.add_error(name, error.message)
    else:
        form.add_error(None, error.message)


def first_error(form: forms.Form) -> tuple[str, str]:
    """(field, message) of the first error, for the API's one error shape."""
    for name, errors in form.errors.items():
        return ("" if name == "__all__" else name), str(errors[0])
    return "", ""


class ApplicationForm(forms.Form):
    """The request itself (2019 Art. 29): who asks, how to reach them, what they want, in what form.

    The 2019 Regulation dropped the "special needs" test of 2008 Art. 13: no purpose is asked.
    """

    id_required = True

    applicant_type = forms.ChoiceField(
        label="申请人类型",
        choices=APPLICANT_TYPE_CHOICES,
        initial=ApplicantType.NATURAL_PERSON.value,
        widget=forms.RadioSelect,
        help_text="自然人，或法人或其他组织（请选择组织类别）",
    )
    name = forms.CharField(label="姓名或名称", max_length=120)
    id_type = forms.ChoiceField(
        label="证件类型", choices=IdType.choices, initial=IdType.RESIDENT_ID, required=False
    )
    id_number = forms.CharField(label="证件号码", max_length=40, required=False)
    contact_person = forms.CharField(label="联系人（法人或其他组织填写）", max_length=60, required=False)
    phone = forms.CharField(label="联系电话", max_length=40, required=False)
    email = forms.EmailField(label="电子邮箱", required=False, help_text="填写后将收到受理确认邮件")
    address = forms.CharField(label="通信地址", max_length=200, required=False)
    postcode = forms.CharField(label="邮政编码", max_length=10, required=False)
    content = forms.CharField(
        label="所需政府信息的名称、文号或描述",
        max_length=5000,
        widget=forms.Textarea,
        help_text="请尽量写明文件名称、文号或其他便于查找的特征描述",
    )
    delivery_form = forms.ChoiceField(
        label="获取信息的方式", choices=DeliveryForm.choices, initial=DeliveryForm.ELECTRONIC
    )

    def clean_id_number(self) -> str:
        return "".join(str(self.cleaned_data.get("id_number") or "").split()).upper()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self._check_identity(data)
        if not any(data.get(name) for name in ("phone", "email", "address")):
            self.add_error("phone", NO_CONTACT)
        if (
            data.get("delivery_form") == DeliveryForm.EMAIL
            and not data.get("email")
            and "email" not in self.errors
        ):
            self.add_error("email", EMAIL_DELIVERY_NEEDS_EMAIL)
        return data

    def _check_identity(self, data: dict[str, Any]) -> None:
        id_type, id_number = data.get("id_type"), data.get("id_number")
        if self.id_required and not (id_type and id_number):
            self.add_error("id_number", ID_REQUIRED)
        elif id_number and not id_type:
            self.add_error("id_type", ID_REQUIRED)
        elif id_type == IdType.RESIDENT_ID and id_number and not is_valid_resident_id(id_number):
            self.add_error("id_number", INVALID_RESIDENT_ID)

    def applicant(self) -> Applicant:
        data = self.cleaned_data
        return Applicant(
            applicant_type=ApplicantType(data["applicant_type"]),
            name=data["name"].strip(),
            id_type=(data.get("id_type") or "") if data.get("id_number") else "",
            id_number=data.get("id_number") or "",
            contact_person=data.get("contact_person") or "",
            phone=data.get("phone") or "",
            email=data.get("email") or "",
            address=data.get("address") or "",
            postcode=data.get("postcode") or "",
        )


class PublicApplicationForm(ApplicationForm):
    """The online form, with its two spam guards (gongkai.applications.ratelimit)."""

    homepage = forms.CharField(
        label="请勿填写此项",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[STARTED_FIELD].initial = form_started_token()
        assert HONEYPOT_FIELD in self.fields

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if honeypot_filled(data.get(HONEYPOT_FIELD)):
            raise forms.ValidationError(NOT_ACCEPTED, code="honeypot")
        problem = form_timing_problem(str(data.get(STARTED_FIELD) or ""))
        if problem:
            raise forms.ValidationError(problem, code="timing")
        return data


def channel_choices() -> list[tuple[str, str]]:
    """Each channel with the event that fixes its receipt date (2019 Art. 31)."""
    return [(c.value, f"{c.label}（收到日期：{RECEIPT_BASIS[c].label}）") for c in Channel]


class IntakeForm(ApplicationForm):
    """A request that arrived in person, by post, fax or e-mail, recorded by staff.

    The identity proof may be missing from a letter: the case is recorded and a correction asked.
    """

    id_required = False

    channel = forms.ChoiceField(label="申请方式", choices=channel_choices, initial=Channel.IN_PERSON.value)
    received_on = forms.DateField(
        label="收到日期",
        widget=DATE_INPUT,
        initial=timezone.localdate,
        help_text="按申请方式确定：当面提交之日、签收之日，或与申请人确认之日",
    )
    note = forms.CharField(label="登记说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    field_order = ["channel", "received_on"]

    def clean_received_on(self) -> date:
        received: date = self.cleaned_data["received_on"]
        if received > timezone.localdate():
            raise forms.ValidationError(NOT_IN_FUTURE)
        return received

    def service_arguments(self) -> dict[str, Any]:
        """The keyword arguments of ``services.register_application`` but the agency and actor."""
        data = self.cleaned_data
        return {
            "applicant": self.applicant(),
            "content": data["content"],
            "channel": Channel(data["channel"]),
            "received_on": data["received_on"],
            "delivery_form": data["delivery_form"],
            "note": data["note"],
            "source": Source.INTAKE,
        }


class InboxFilterForm(forms.Form):
    """The inbox's filters and search (a GET form; every field optional)."""

    q = forms.CharField(
        label="搜索",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": "编号、申请内容或申请人", "type": "search"}),
    )
    stage = forms.ChoiceField(label="状态", required=False, choices=[("", "全部状态"), *STAGE_CHOICES])
    assignee = forms.ChoiceField(label="承办人", required=False)
    channel = forms.ChoiceField(
        label="申请方式", required=False, choices=[("", "全部方式"), *CHANNEL_CHOICES]
    )
    year = forms.TypedChoiceField(label="收到年份", required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, agency: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        staff = [(str(user.pk), user.get_username()) for user in assignable_staff(agency)]
        assignee, year = self.fields["assignee"], self.fields["year"]
        assert isinstance(assignee, forms.ChoiceField) and isinstance(year, forms.ChoiceField)
        assignee.choices = [("", "全部承办人"), ("none", "未指定"), *staff]
        this_year = timezone.localdate().year
        year.choices = [
            ("", "全部年份"),
            *((str(y), f"{y}年") for y in range(this_year, 2007, -1)),
        ]

    def filters(self) -> InboxFilters:
        if not self.is_bound or not self.is_valid():
            return InboxFilters()
        data = self.cleaned_data
        return InboxFilters(
            stage=data["stage"],
            assignee=data["assignee"],
            channel=data["channel"],
            year=data["year"],
            q=data["q"],
        )

    def query_string(self) -> str:
        """The filters as a query string, for the tab and page links."""
        if not self.is_bound or not self.is_valid():
            return ""
        return urlencode({name: value for name, value in self.cleaned_data.items() if value})


# --- the case page's actions -----------------------------------------------------------------


class ActionForm(forms.Form):
    def __init__(self, *args: Any, application: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.application = application


class DatedForm(ActionForm):
    on = forms.DateField(label="日期", widget=DATE_INPUT, initial=timezone.localdate)


class CorrectionRequestForm(DatedForm):  # 补正告知, 2019 Art. 30
    what = forms.CharField(label="需要补正的事项", widget=forms.Textarea(attrs={"rows": 3}))


class CorrectedRequestForm(DatedForm):
    note = forms.CharField(label="说明", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].label = "收到补正后申请的日期（自此日重新计算答复期限）"


class ConsultationStartForm(DatedForm):  # 征求意见, 2019 Art. 32, 34
    party = forms.CharField(label="被征求意见的第三方或机关", max_length=120)
    party_contact = forms.CharField(label="联系方式", max_length=200, required=False)
    is_agency = forms.BooleanField(label="被征求意见方为其他行政机关（第三十四条）", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].label = "发出征求意见函的日期"


class ConsultationEndForm(DatedForm):
    answer = forms.CharField(
        label="意见（逾期未答复的，请注明）", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class FeeNoticeForm(DatedForm):  # 国办函〔2020〕109号
    method = forms.ChoiceField(
        label="计收方式",
        choices=[(FeeMethod.BY_COUNT.value, "按件计收"), (FeeMethod.BY_VOLUME.value, "按量计收")],
    )
    pages = forms.IntegerField(label="页数（按量计收）", min_value=0, required=False)
    reduced_to_yuan = forms.IntegerField(
        label="减免后金额（元，不减免请留空；0 为免收）", min_value=0, required=False
    )
    reduction_reason = forms.CharField(label="减免理由", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("method") == FeeMethod.BY_VOLUME and data.get("pages") is None:
            self.add_error("pages", PAGES_REQUIRED)
        if data.get("method") == FeeMethod.BY_COUNT:
            data["pages"] = None
        if data.get("reduced_to_yuan") is not None and not (data.get("reduction_reason") or "").strip():
            self.add_error("reduction_reason", REDUCTION_NEEDS_REASON)
        return data


class PaymentForm(DatedForm):
    pass


class ExtensionRequestForm(DatedForm):  # 延期答复, 2019 Art. 33(2)
    days = forms.IntegerField(
        label="延长工作日数",
        min_value=1,
        max_value=MAX_EXTENSION[Rules.R2019],
        initial=MAX_EXTENSION[Rules.R2019],
    )
    reason = forms.CharField(label="延期理由", widget=forms.Textarea(attrs={"rows": 2}))


class ExtensionDecisionForm(DatedForm):
    note = forms.CharField(label="审批意见", required=False)


class DelayedReplyForm(DatedForm):  # 延迟答复, 2019 Art. 35
    until = forms.DateField(label="延迟答复至", widget=DATE_INPUT)
    reason = forms.CharField(
        label="决定理由（申请数量或频次明显超过合理范围）", widget=forms.Textarea(attrs={"rows": 2})
    )


def reply_type_choices() -> list[tuple[str, str]]:
    # 逾期不补正 / 不缴费 are recorded as "given up", not as a reply (gongkai.domain.cases).
    given_up = {ReplyType.OTHER_NO_CORRECTION.value, ReplyType.OTHER_NO_FEE_PAYMENT.value}
    return [(value, label) for value, label in REPLY_TYPE_CHOICES if value not in given_up]


class ReplyForm(ActionForm):
    field_for_where = {"on": "served_on"}

    reply_type = forms.ChoiceField(label="答复类型", choices=reply_type_choices)
    withheld = forms.CharField(
        label="不予公开的内容（部分公开时必填）", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reasons = forms.CharField(label="理由与依据", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    service_method = forms.ChoiceField(label="送达方式", choices=ServiceMethod.choices)
    served_on = forms.DateField(
        label="送达日期（申请人签收之日，或交邮之日）", widget=DATE_INPUT, initial=timezone.localdate
    )


GIVE_UP_LABELS = {
    GiveUpReason.NO_CORRECTION.value: "申请人无正当理由逾期不补正",
    GiveUpReason.NO_FEE_PAYMENT.value: "申请人逾期未按收费通知要求缴纳费用",
}


class GiveUpForm(DatedForm):
    reason = forms.ChoiceField(label="视为放弃的原因", choices=list(GIVE_UP_LABELS.items()))
    note = forms.CharField(label="说明", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.application is not None and self.application.stage == "awaiting_payment":
            self.fields["reason"].initial = GiveUpReason.NO_FEE_PAYMENT.value


class WithdrawForm(DatedForm):
    note = forms.CharField(label="说明", required=False)


class ReceiptDateForm(DatedForm):
    reason = forms.CharField(label="更正理由")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].label = "更正后的收到日期"


class AssignForm(ActionForm):
    assignee: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="承办人", queryset=None, required=False, empty_label="（不指定）"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assignee"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = assignable_staff(self.application.agency) if self.application is not None else None
        if self.application is not None:
            field.initial = self.application.assignee_id


class NoteForm(ActionForm):
    text = forms.CharField(label="内部备注（仅本机关工作人员可见）", widget=forms.Textarea(attrs={"rows": 2}))


class FeePreviewForm(forms.Form):
    method = forms.ChoiceField(choices=[(m.value, m.value) for m in FeeMethod], required=False)
    pages = forms.IntegerField(min_value=0, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("method") == FeeMethod.BY_VOLUME and data.get("pages") is None:
            self.add_error("pages", PAGES_REQUIRED)
        return data

    def estimate_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        method = FeeMethod(data.get("method") or FeeMethod.BY_COUNT)
        return {"method": method, "pages": data.get("pages") if method == FeeMethod.BY_VOLUME else None}


class LetterForm(ActionForm):
    kind = forms.ChoiceField(label="文书", choices=LetterKind.choices, initial=LetterKind.REPLY)
