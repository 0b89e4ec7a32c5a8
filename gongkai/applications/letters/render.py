"""Fill a letter's template with the case and build the DOCX (python-docx).

The agency's own LetterTemplate wins over the national default (defaults.py). The layout follows
the usual shape of an official letter (GB/T 9704): title centred, a 文号-like line with the
request's number, the addressee, the body, the agency's name and the date at the bottom right.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from typing import Any

from django.template import Context, Engine, TemplateDoesNotExist, TemplateSyntaxError
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gongkai.applications.letters.defaults import NATIONAL_VERSION, REMEDIES, REMEDIES_MARKER, national_text
from gongkai.applications.models import Application, ClockEvent, LetterKind, LetterTemplate
from gongkai.applications.services import case_state, domain_events
from gongkai.domain.cases import CaseState, EventKind, derive_case
from gongkai.domain.deadlines import MAX_EXTENSION, Rules
from gongkai.domain.errors import InvalidInput, TransitionNotAllowed
from gongkai.domain.outcomes import ReplyType
from gongkai.workcalendar.queries import work_calendar

REGULATION = "《中华人民共和国政府信息公开条例》"
DEADLINE_ARTICLE = {Rules.R2019: "第三十三条", Rules.R2008: "第二十四条"}
BASE_DAYS = {Rules.R2019: 20, Rules.R2008: 15}
CORRECTION_PERIOD = "自收到本告知书之日起15个工作日内"  # project default; an agency may set its own
PAYMENT_METHOD = (
    "请持本通知书到本机关政府信息公开受理窗口办理缴费手续，或者按照本机关告知的非税收入缴款方式缴纳。"
)
REVIEW_BODY_UNKNOWN = "有管辖权的行政复议机关"

NOT_READY = {
    LetterKind.CORRECTION: "本案没有告知补正，不能生成补正告知书",
    LetterKind.CONSULTATION: "本案没有征求意见，不能生成征求意见书",
    LetterKind.FEE_NOTICE: "本案没有收费通知，不能生成收费通知书",
    LetterKind.EXTENSION: "本案没有批准延期，不能生成延期答复告知书",
    LetterKind.REPLY: "本案尚未办结，不能生成答复书",
}
BAD_TEMPLATE = "文书模板有误：{error}"

# An engine of its own: no autoescaping (the output is a Word file, not HTML) and no template
# loaders, so an agency's template can use the built-in tags and filters but not include files.
_ENGINE = Engine(autoescape=False)

_BODY_FONT, _TITLE_FONT = "仿宋", "宋体"
_BODY_SIZE, _TITLE_SIZE = Pt(16), Pt(22)  # 三号 body, 二号 title (GB/T 9704)


def cn_date(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def check_template_text(text: str) -> None:
    """Raise InvalidInput when ``text`` is not a valid letter template (for the admin's form)."""
    try:
        _ENGINE.from_string(text)
    except TemplateSyntaxError as error:
        raise InvalidInput(BAD_TEMPLATE.format(error=error), where="body") from error


def render_letter(
    application: Application,
    kind: LetterKind,
    *,
    reply_type: ReplyType | None = None,
    extra: Mapping[str, Any] | None = None,
) -> tuple[bytes, str, str]:
    """The letter as DOCX bytes, the template version used and the title.

    For a reply, ``reply_type`` defaults to the case's final reply type; passing one renders a draft.
    """
    kind, state = LetterKind(kind), case_state(application)
    if kind == LetterKind.REPLY:
        reply_type = reply_type or state.reply_type
    _check_ready(kind, state, reply_type)
    context = letter_context(application, kind, state=state, reply_type=reply_type, extra=extra or {})
    title, body, version = _template(application, kind, reply_type)
    paragraphs = _paragraphs(_fill(body, context))
    if kind == LetterKind.REPLY and not any(REMEDIES_MARKER in p for p in paragraphs):
        paragraphs += _paragraphs(_fill(REMEDIES, context))
    title = _fill(title, context).strip()
    addressee = (
        context["consultation"].party if kind == LetterKind.CONSULTATION else application.applicant_name
    )
    content = _docx(
        title=title,
        number=f"依申公开〔{application.ref}〕号",
        addressee=addressee,
        paragraphs=paragraphs,
        signature=application.agency.name,
        on=context["date"],
    )
    return content, version, title


def _check_ready(kind: LetterKind, state: CaseState, reply_type: ReplyType | None) -> None:
    ready = {
        LetterKind.ACKNOWLEDGEMENT: True,
        LetterKind.CORRECTION: state.correction_requested,
        LetterKind.CONSULTATION: EventKind.CONSULTATION_SENT in state.kinds,
        LetterKind.FEE_NOTICE: EventKind.FEE_NOTICE_ISSUED in state.kinds,
        LetterKind.EXTENSION: EventKind.EXTENSION_APPROVED in state.kinds,
        LetterKind.REPLY: reply_type is not None,
    }[kind]
    if not ready:
        raise TransitionNotAllowed(NOT_READY[kind], where="kind")


def _template(
    application: Application, kind: LetterKind, reply_type: ReplyType | None
) -> tuple[str, str, str]:
    """(title, body, version): the agency's own template if it has one for this letter, else the national."""
    own = LetterTemplate.objects.filter(
        agency=application.agency,
        kind=kind,
        reply_type=reply_type.value if kind == LetterKind.REPLY and reply_type else "",
    ).first()
    if own is not None:
        return own.title, own.body, f"agency-{application.agency_id}-v{own.version}"
    national = national_text(kind, reply_type)
    return national.title, national.body, NATIONAL_VERSION


def _fill(text: str, context: Mapping[str, Any]) -> str:
    try:
        return _ENGINE.from_string(text).render(Context(dict(context)))
    except (TemplateSyntaxError, TemplateDoesNotExist) as error:
        raise InvalidInput(BAD_TEMPLATE.format(error=error), where="body") from error


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def letter_context(
    application: Application,
    kind: LetterKind,
    *,
    state: CaseState,
    reply_type: ReplyType | None,
    extra: Mapping[str, Any],
) -> dict[str, Any]:
    """The variables a letter template may use (listed in defaults.py)."""
    events = list(application.events.order_by("id"))
    consultation = application.consultations.order_by("-sent_on", "-id").first()
    fee = application.fee_notices.order_by("-issued_on", "-id").first()
    reply = getattr(application, "reply", None) if state.concluded_on else None
    written = _state_when_written(application, kind, state)
    context: dict[str, Any] = {
        "application": application,
        "agency": application.agency,
        "ref": application.ref,
        "applicant": application.applicant_name,
        "content": application.content,
        "channel": application.get_channel_display(),
        "delivery": application.get_delivery_form_display(),
        "received": cn_date(written.received),
        "due": cn_date(written.due),
        "regulation": REGULATION,
        "rules": state.rules.value,
        "base_days": BASE_DAYS[state.rules],
        "max_extension": MAX_EXTENSION[state.rules],
        "deadline_article": DEADLINE_ARTICLE[state.rules],
        **_correction_context(events),
        "consultation": consultation,
        "consultation_sent": cn_date(consultation.sent_on) if consultation else "",
        "fee": fee,
        "fee_issued": cn_date(fee.issued_on) if fee else "",
        "fee_pay_by": cn_date(fee.pay_by) if fee else "",
        "payment_method": PAYMENT_METHOD,
        "extension_days": state.extension_days,
        "extension_reason": _last_note(events, EventKind.EXTENSION_REQUESTED) or "工作需要",
        "reply": reply,
        "reply_type_label": reply_type.label if reply_type else "",
        "withheld": reply.withheld if reply else "",
        "reasons": reply.reasons if reply else "",
        "concluded": cn_date(state.concluded_on),
        "withdrawn": EventKind.WITHDRAWN in state.kinds,
        "review_body": _review_body(application),
    }
    context["date"] = _letter_date(
        kind, events=events, state=state, consultation=consultation, fee=fee, reply=reply
    )
    context.update(extra)
    context["extra"] = dict(extra)
    if isinstance(context["date"], date):
        context["date"] = cn_date(context["date"])
    return context


def _state_when_written(application: Application, kind: LetterKind, state: CaseState) -> CaseState:
    """The case as it stood when the act the letter records was done (a receipt printed later still
    states the deadline of the day of receipt)."""
    if kind not in (LetterKind.ACKNOWLEDGEMENT, LetterKind.EXTENSION):
        return state
    events = domain_events(application)
    if kind == LetterKind.ACKNOWLEDGEMENT:
        receipt = (EventKind.RECEIVED, EventKind.RECEIPT_CORRECTED)
        end = next((i for i, event in enumerate(events) if event.kind not in receipt), len(events))
    else:
        end = 1 + max(i for i, event in enumerate(events) if event.kind == EventKind.EXTENSION_APPROVED)
    return derive_case(events[:end], calendar=work_calendar())


def _correction_context(events: list[ClockEvent]) -> dict[str, str]:
    asked = [e for e in events if e.kind == EventKind.CORRECTION_REQUESTED]
    return {
        "correction_what": asked[-1].note if asked else "",
        "correction_requested_on": cn_date(asked[-1].on) if asked else "",
        "correction_period": CORRECTION_PERIOD,
    }


def _last_note(events: list[ClockEvent], kind: EventKind) -> str:
    notes = [e.note for e in events if e.kind == kind and e.note]
    return notes[-1] if notes else ""


def _last_on(events: list[ClockEvent], kind: EventKind) -> date | None:
    days = [e.on for e in events if e.kind == kind]
    return days[-1] if days else None


def _review_body(application: Application) -> str:
    # 《行政复议法》(2023) Art. 24: a department's acts are reviewed by the government at its level,
    # a government's by the one above; both are the agency's parent in Gongkai's tree.
    parent = application.agency.parent
    return parent.name if parent is not None else REVIEW_BODY_UNKNOWN


def _letter_date(
    kind: LetterKind, *, events: list[ClockEvent], state: CaseState, consultation: Any, fee: Any, reply: Any
) -> date:
    """The day the letter speaks of: the act it records, not the day it was printed."""
    on: date | None = {
        LetterKind.ACKNOWLEDGEMENT: state.received,
        LetterKind.CORRECTION: _last_on(events, EventKind.CORRECTION_REQUESTED),
        LetterKind.CONSULTATION: consultation.sent_on if consultation else None,
        LetterKind.FEE_NOTICE: fee.issued_on if fee else None,
        LetterKind.EXTENSION: _last_on(events, EventKind.EXTENSION_APPROVED),
        LetterKind.REPLY: reply.served_on if reply else state.concluded_on,
    }[kind]
    return on or state.received


def _docx(
    *, title: str, number: str, addressee: str, paragraphs: list[str], signature: str, on: str
) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = _BODY_FONT, _BODY_SIZE
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), _BODY_FONT)
    document.core_properties.title, document.core_properties.author = title, signature
    _line(document, title, align=WD_ALIGN_PARAGRAPH.CENTER, font=_TITLE_FONT, size=_TITLE_SIZE, bold=True)
    _line(document, number, align=WD_ALIGN_PARAGRAPH.CENTER)
    _line(document, f"{addressee}：")
    for text in paragraphs:
        _line(document, text, indent=True)
    document.add_paragraph()
    _line(document, signature, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _line(document, on, align=WD_ALIGN_PARAGRAPH.RIGHT)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _line(
    document: Any,
    text: str,
    *,
    align: Any = None,
    font: str = "",
    size: Any = None,
    bold: bool = False,
    indent: bool = False,
) -> None:
    paragraph = document.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = _BODY_SIZE * 2  # two characters
    run = paragraph.add_run(text)
    run.bold = bold or None
    if font:
        run.font.name = font
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    if size is not None:
        run.font.size = size
