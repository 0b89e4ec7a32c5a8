"""The case page's actions: for each, its form, the clock event it records and the one service it calls.

The case page shows an action only when ``allowed_events(state)`` lists its event (or it records
no event: assignment, notes, letters); the service still checks the transition, in its transaction.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gongkai.agencies.access import has_role
from gongkai.applications import forms, services
from gongkai.applications.models import Application, LetterKind
from gongkai.domain.cases import EventKind, GiveUpReason
from gongkai.domain.fees import FeeMethod
from gongkai.domain.outcomes import ReplyType

LETTERS_MODULE = "gongkai.applications.letters.services"
Perform = Callable[[Application, dict[str, Any], Any], str]


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    form: type[forms.ActionForm]
    perform: Perform  # calls one service; returns the message shown on success
    event: EventKind | None = None  # None: not a clock event, always offered
    roles: tuple[str, ...] = ()  # beyond casework, e.g. the office head for approvals

    def offered(self, *, allowed: list[EventKind], user: Any, application: Application) -> bool:
        if self.event is not None and self.event not in allowed:
            return False
        if self.name == "letter" and not letters_available():
            return False
        return not self.roles or has_role(user, application.agency, *self.roles)


def letters_available() -> bool:
    """Whether the letters module (DOCX 文书, written separately) is installed."""
    try:
        return importlib.util.find_spec(LETTERS_MODULE) is not None
    except ModuleNotFoundError:
        return False


def _correction(app: Application, d: dict[str, Any], actor: Any) -> str:
    services.request_correction(app, on=d["on"], what=d["what"], actor=actor)
    return "已登记补正告知；答复期限在收到补正后的申请之日重新起算。"


def _corrected(app: Application, d: dict[str, Any], actor: Any) -> str:
    services.record_corrected_request(app, on=d["on"], note=d["note"], actor=actor)
    return "已登记收到补正后的申请，答复期限重新起算。"


def _consultation_start(app: Application, d: dict[str, Any], actor: Any) -> str:
    consultation = services.start_consultation(
        app,
        on=d["on"],
        party=d["party"],
        party_contact=d["party_contact"],
        is_agency=d["is_agency"],
        actor=actor,
    )
    until = f"{consultation.window_end:%Y年%m月%d日}"
    return f"已登记征求意见，{consultation.party}应于{until}前答复（15个工作日）。"


def _consultation_end(app: Application, d: dict[str, Any], actor: Any) -> str:
    services.end_consultation(app, on=d["on"], answer=d["answer"], actor=actor)
    return "已登记征求意见答复，答复期限恢复计算。"


def _fee_notice(app: Application, d: dict[str, Any], actor: Any) -> str:
    notice = services.issue_fee_notice(
        app,
        on=d["on"],
        method=FeeMethod(d["method"]),
        pages=d["pages"],
        reduced_to_yuan=d["reduced_to_yuan"],
        reduction_reason=d["reduction_reason"],
        actor=actor,
    )
    if notice is None:
        return "按标准不收费（或已减免为零），未发出收费通知。"
    return f"已登记收费通知：应缴 {notice.amount_yuan} 元，缴费期限 {notice.pay_by:%Y年%m月%d日}。"


def _payment(app: Application, d: dict[str, Any], actor: Any) -> str:
    services.record_payment(app, on=d["on"], actor=actor)
    return "已登记缴费，答复期限恢复计算。"


def _extension_request(app: Application, d: dict[str, Any], actor: Any) -> str:
    services.request_extension(app, on=d["on"], days=d["days"], reason=d["reason"], actor=actor)
    return "已提交延期申请，待公开工作机构负责人审批。"


def _extension_approve(app: Application, d: dict[str, Any], actor: Any) -> str:
    services.approve_extension(app, on=d["on"], note=d["note"], actor=actor)
    return "已批准延期。"


def _extension_reject(app: Application, d: dict[str, Any], actor: Any) -> str:
    services.reject_extension(app, on=d["on"], note=d["note"], actor=actor)
    return "已不批准延期。"


def _delayed_reply(app: Application, d: dict[str, Any], actor: Any) -> str:
    services.set_delayed_reply(app, on=d["on"], until=d["until"], reason=d["reason"], actor=actor)
    return f"已记录延迟答复决定，答复期限为 {d['until']:%Y年%m月%d日}。"


def _reply(app: Application, d: dict[str, Any], actor: Any) -> str:
    services.send_reply(
        app,
        reply_type=ReplyType(d["reply_type"]),
        service_method=d["service_method"],
        served_on=d["served_on"],
        withheld=d["withheld"],
        reasons=d["reasons"],
        actor=actor,
    )
    return "已登记答复，案件办结。"


def _give_up(app: Application, d: dict[str, Any], actor: Any) -> str:
    services.give_up(app, on=d["on"], reason=GiveUpReason(d["reason"]), note=d["note"], actor=actor)
    return "已登记视为放弃申请，案件办结。"


def _withdraw(app: Application, d: dict[str, Any], actor: Any) -> str:
    services.withdraw(app, on=d["on"], note=d["note"], actor=actor)
    return "已登记申请人撤回申请，案件办结。"


def _receipt_date(app: Application, d: dict[str, Any], actor: Any) -> str:
    services.correct_receipt_date(app, on=d["on"], reason=d["reason"], actor=actor)
    return "已更正收到日期，答复期限已重新计算。"


def _assign(app: Application, d: dict[str, Any], actor: Any) -> str:
    services.assign(app, assignee=d["assignee"], actor=actor)
    return f"承办人：{d['assignee'].get_username()}" if d["assignee"] else "已取消指定承办人。"


def _note(app: Application, d: dict[str, Any], actor: Any) -> str:
    services.add_note(app, text=d["text"], actor=actor)
    return "已添加内部备注。"


def _letter(app: Application, d: dict[str, Any], actor: Any) -> str:
    generate_letter = importlib.import_module(LETTERS_MODULE).generate_letter
    letter = generate_letter(app, kind=LetterKind(d["kind"]), actor=actor)
    return f"已生成{letter.get_kind_display()}。"


ACTIONS: dict[str, Action] = {
    action.name: action
    for action in [
        Action(
            "correction", "告知补正", forms.CorrectionRequestForm, _correction, EventKind.CORRECTION_REQUESTED
        ),
        Action(
            "corrected",
            "收到补正后的申请",
            forms.CorrectedRequestForm,
            _corrected,
            EventKind.CORRECTION_RECEIVED,
        ),
        Action(
            "consultation_start",
            "征求第三方或其他机关意见",
            forms.ConsultationStartForm,
            _consultation_start,
            EventKind.CONSULTATION_SENT,
        ),
        Action(
            "consultation_end",
            "登记征求意见答复",
            forms.ConsultationEndForm,
            _consultation_end,
            EventKind.CONSULTATION_ANSWERED,
        ),
        Action("fee_notice", "收费通知", forms.FeeNoticeForm, _fee_notice, EventKind.FEE_NOTICE_ISSUED),
        Action("payment", "登记缴费", forms.PaymentForm, _payment, EventKind.FEE_PAID),
        Action(
            "extension_request",
            "申请延期答复",
            forms.ExtensionRequestForm,
            _extension_request,
            EventKind.EXTENSION_REQUESTED,
        ),
        Action(
            "extension_approve",
            "批准延期",
            forms.ExtensionDecisionForm,
            _extension_approve,
            EventKind.EXTENSION_APPROVED,
            roles=("office_head",),
        ),
        Action(
            "extension_reject",
            "不批准延期",
            forms.ExtensionDecisionForm,
            _extension_reject,
            EventKind.EXTENSION_REJECTED,
            roles=("office_head",),
        ),
        Action(
            "delayed_reply",
            "决定延迟答复（第三十五条）",
            forms.DelayedReplyForm,
            _delayed_reply,
            EventKind.DELAYED_REPLY_SET,
        ),
        Action("reply", "答复", forms.ReplyForm, _reply, EventKind.REPLIED),
        Action("give_up", "视为放弃申请", forms.GiveUpForm, _give_up, EventKind.GIVEN_UP),
        Action("withdraw", "申请人撤回", forms.WithdrawForm, _withdraw, EventKind.WITHDRAWN),
        Action(
            "receipt_date", "更正收到日期", forms.ReceiptDateForm, _receipt_date, EventKind.RECEIPT_CORRECTED
        ),
        Action("assign", "指定承办人", forms.AssignForm, _assign),
        Action("note", "添加内部备注", forms.NoteForm, _note),
        Action("letter", "生成文书", forms.LetterForm, _letter),
    ]
}
