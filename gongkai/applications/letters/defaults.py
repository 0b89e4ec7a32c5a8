"""The national default wording of each letter, in Django template syntax (one paragraph a line).

An agency may override any of them in the admin (LetterTemplate, per kind and, for the reply, per
reply type); render.py falls back to these. Articles are those of the 2019 Regulation (国务院令第711号)
unless the text says otherwise; the reply-deadline article follows the rules in force for the case.

Variables every template may use (render.py builds them):
  application, agency         the records (application.query_code, agency.phone, agency.address ...)
  ref, applicant, content     申请编号, 申请人, 申请内容
  channel, delivery           申请方式, 获取信息的方式 (labels)
  received, due, date         收到日期 (from which the clock runs), 答复期限, 文书日期 ("2025年3月4日")
  regulation                  《中华人民共和国政府信息公开条例》
  rules, base_days, max_extension, deadline_article    "2019"/"2008", 20/15, 20/15, 第三十三条/第二十四条
  correction_what, correction_requested_on, correction_period          补正
  consultation, consultation_sent                                       征求意见 (the latest)
  fee, fee_issued, fee_pay_by, payment_method                           收费通知 (the latest)
  extension_days, extension_reason                                      延期
  reply, reply_type_label, withheld, reasons, concluded, withdrawn, review_body    答复
  extra                       whatever the caller passed (also merged at the top level)
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.applications.models import LetterKind
from gongkai.domain.outcomes import ReplyType

NATIONAL_VERSION = "national-1"


@dataclass(frozen=True)
class LetterText:
    title: str
    body: str  # Django template syntax; each non-empty rendered line is one paragraph


def _body(*paragraphs: str) -> str:
    return "\n".join(paragraphs)


_RECEIVED = (
    "本机关于{{ received }}收到您（单位）提出的政府信息公开申请（申请编号：{{ ref }}），"
    "申请获取“{{ content }}”。"
)

DEFAULTS: dict[LetterKind, LetterText] = {
    LetterKind.ACKNOWLEDGEMENT: LetterText(
        "政府信息公开申请受理回执",
        _body(
            "本机关于{{ received }}收到您（单位）通过{{ channel }}方式提出的政府信息公开申请，"
            "申请获取“{{ content }}”。",
            "申请编号：{{ ref }}；查询码：{{ application.query_code }}。"
            "您可以凭申请编号和查询码查询办理进度。",
            # 2019 Art. 33 (2008 Art. 24): the reply period and the extension.
            "根据{{ regulation }}{{ deadline_article }}的规定，"
            "本机关将自收到申请之日起{{ base_days }}个工作日内予以答复"
            "{% if due %}（答复期限至{{ due }}）{% endif %}；需要延长答复期限的，"
            "经政府信息公开工作机构负责人同意并告知您，延长的期限最长不超过{{ max_extension }}个工作日。"
            "{% if rules == '2019' %}征求第三方和其他机关意见所需时间不计算在上述期限内。"
            "{% else %}征求第三方意见所需时间不计算在上述期限内。{% endif %}",
            "特此回执。",
        ),
    ),
    LetterKind.CORRECTION: LetterText(
        "政府信息公开申请补正告知书",
        _body(
            _RECEIVED,
            # 2019 Art. 30: once, within 7 working days, saying what to correct and by when.
            "经审查，您的申请内容不明确。根据{{ regulation }}第三十条的规定，请您对以下事项作出补正："
            "{{ correction_what }}",
            "请您{{ correction_period }}将补正后的申请提交本机关。答复期限自本机关收到补正的申请之日起计算。"
            "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
            "如有疑问，请与本机关联系{% if agency.phone %}（联系电话：{{ agency.phone }}）{% endif %}。",
            "特此告知。",
        ),
    ),
    # Addressed to the third party or the other agency; the applicant's identity is not disclosed.
    LetterKind.CONSULTATION: LetterText(
        "政府信息公开征求意见书",
        _body(
            "{% if consultation.is_agency %}"
            "本机关于{{ received }}收到一件政府信息公开申请，申请获取“{{ content }}”。"
            "该政府信息由本机关与贵机关共同制作。根据{{ regulation }}第三十四条的规定，现征求贵机关意见。",
            "请贵机关自收到本征求意见书之日起15个工作日内书面提出是否同意公开的意见。"
            "逾期未提出意见的，视为同意公开。",
            "{% else %}"
            "本机关于{{ received }}收到一件政府信息公开申请，申请获取“{{ content }}”。"
            "经审查，该政府信息公开可能损害贵方的合法权益。根据{{ regulation }}第三十二条的规定，"
            "现书面征求贵方意见。",
            "请贵方自收到本征求意见书之日起15个工作日内书面提出是否同意公开的意见；"
            "不同意公开的，请说明理由。"
            "逾期未提出意见的，由本机关依照{{ regulation }}的规定决定是否公开。",
            "第三方不同意公开且有合理理由的，本机关不予公开。本机关认为不公开可能对公共利益造成重大影响的，"
            "可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。"
            "{% endif %}",
            "联系方式：{{ agency.name }}{% if agency.address %}，地址：{{ agency.address }}{% endif %}"
            "{% if agency.phone %}，电话：{{ agency.phone }}{% endif %}。",
        ),
    ),
    LetterKind.FEE_NOTICE: LetterText(
        "政府信息公开信息处理费收费通知书",
        _body(
            _RECEIVED,
            # 2019 Art. 42; 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号).
            "根据{{ regulation }}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
            "的规定，您的申请需缴纳信息处理费。",
            "计收依据：{{ fee.basis }}",
            "应缴金额：人民币{{ fee.amount_yuan }}元{% if fee.reduction_reason %}（按标准计算为"
            "{{ fee.computed_yuan }}元，经本机关决定减免，理由：{{ fee.reduction_reason }}）{% endif %}。",
            "缴费方式：{{ payment_method }}",
            "请您自收到本通知之日的次日起20个工作日内缴纳{% if fee_pay_by %}（缴费期限至{{ fee_pay_by }}）"
            "{% endif %}。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。",
            "特此通知。",
        ),
    ),
    LetterKind.EXTENSION: LetterText(
        "政府信息公开申请延期答复告知书",
        _body(
            _RECEIVED,
            # 2019 Art. 33(2) (2008 Art. 24(2)): approved by the head of the disclosure office, told.
            "因{{ extension_reason }}，本机关不能在{{ regulation }}{{ deadline_article }}规定的"
            "{{ base_days }}个工作日内作出答复。经本机关政府信息公开工作机构负责人同意，"
            "答复期限延长{{ extension_days }}个工作日"
            "{% if due %}，本机关将于{{ due }}前作出答复{% endif %}。",
            "特此告知。",
        ),
    ),
}

REPLY_TITLE = "政府信息公开申请答复书"
_OPENING = _RECEIVED + "现答复如下："
_REASONS = "{% if reasons %}补充说明：{{ reasons }}{% endif %}"
_REFUSED = "根据{{ regulation }}{articles}、第三十六条第（三）项的规定，本机关不予公开。"


def _refused(finding: str, articles: str) -> str:
    # 2019 Art. 36(3): refused, with the ground (Art. 14, 15 or 16) stated.
    return _body(_OPENING, finding + _REFUSED.replace("{articles}", articles), _REASONS)


REPLY_BODIES: dict[ReplyType, str] = {
    # 2019 Art. 36(1)-(2).
    ReplyType.GRANTED: _body(
        _OPENING,
        "经审查，您申请获取的政府信息属于公开范围。根据{{ regulation }}第三十六条第（二）项的规定，"
        "本机关予以公开，现按{{ delivery }}的形式向您提供，详见附件。",
        _REASONS,
    ),
    # 2019 Art. 37 with Art. 36(3).
    ReplyType.PARTIAL: _body(
        _OPENING,
        "经审查，您申请获取的政府信息中含有不应当公开的内容，但是能够作区分处理。"
        "根据{{ regulation }}第三十七条、第三十六条第（三）项的规定，本机关向您提供可以公开的内容"
        "（详见附件），对以下内容不予公开：{{ withheld }}。",
        "不予公开的理由：{{ reasons }}",
    ),
    ReplyType.REFUSED_STATE_SECRET: _refused(
        "经审查，您申请获取的政府信息已依法确定为国家秘密。", "第十四条"
    ),
    ReplyType.REFUSED_LAW_PROHIBITED: _refused(
        "经审查，您申请获取的政府信息属于法律、行政法规禁止公开的政府信息。", "第十四条"
    ),
    ReplyType.REFUSED_THREE_SAFETIES: _refused(
        "经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。", "第十四条"
    ),
    ReplyType.REFUSED_THIRD_PARTY: _refused(
        "经审查，您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。"
        "{% if consultation %}本机关已依照{{ regulation }}第三十二条的规定书面征求第三方意见"
        "{% if consultation.answer %}，第三方意见为：{{ consultation.answer }}{% endif %}。{% endif %}",
        "第十五条",
    ),
    ReplyType.REFUSED_INTERNAL_AFFAIRS: _refused(
        "经审查，您申请获取的信息属于行政机关的内部事务信息"
        "（人事管理、后勤管理、内部工作流程等方面的信息）。",
        "第十六条第一款",
    ),
    ReplyType.REFUSED_PROCESS_INFO: _refused(
        "经审查，您申请获取的信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、"
        "请示报告等过程性信息。",
        "第十六条第二款",
    ),
    ReplyType.REFUSED_ENFORCEMENT_FILE: _refused(
        "经审查，您申请获取的信息属于行政执法案卷信息。", "第十六条第二款"
    ),
    # 2021 template row 8; the access rules of the laws concerned apply (2019 Art. 36(7)).
    ReplyType.REFUSED_QUERY_MATTER: _body(
        _OPENING,
        "经审查，您申请获取的信息属于行政查询事项，有关法律、行政法规对该类信息的获取有特别规定。"
        "根据{{ regulation }}第三十六条第（三）项、第（七）项的规定，本机关不作为政府信息公开申请予以公开，"
        "请您依照有关法律、行政法规的规定办理查询。",
        _REASONS,
    ),
    # 2019 Art. 36(4)-(5): not held; or held by another agency, named in the reasons.
    ReplyType.UNABLE_NOT_HELD: _body(
        _OPENING,
        "经检索，本机关没有制作或者获取您申请公开的政府信息。根据{{ regulation }}第三十六条第（四）项、"
        "第（五）项的规定，本机关无法提供。",
        _REASONS,
    ),
    # 2019 Art. 38.
    ReplyType.UNABLE_NEEDS_CREATION: _body(
        _OPENING,
        "经审查，本机关没有您所申请的现成信息，需要对现有政府信息进行加工、分析或者另行制作。"
        "根据{{ regulation }}第三十八条的规定，本机关不予提供。",
        _REASONS,
    ),
    # 2019 Art. 29(2)(ii) and 30.
    ReplyType.UNABLE_STILL_UNCLEAR: _body(
        _OPENING,
        "本机关{% if correction_requested_on %}已于{{ correction_requested_on }}{% endif %}"
        "告知您补正申请内容，补正后的申请内容仍不明确，本机关无法确定您所需的政府信息。"
        "根据{{ regulation }}第二十九条第二款第（二）项、第三十条的规定，本机关无法提供。",
        _REASONS,
    ),
    # 2019 Art. 39(1).
    ReplyType.NOT_PROCESSED_PETITION: _body(
        _OPENING,
        "经审查，您以政府信息公开申请的形式提出的是信访、投诉、举报等事项。根据{{ regulation }}"
        "第三十九条第一款的规定，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。",
        _REASONS,
    ),
    # 2019 Art. 36(6).
    ReplyType.NOT_PROCESSED_DUPLICATE: _body(
        _OPENING,
        "本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同的政府信息。"
        "根据{{ regulation }}第三十六条第（六）项的规定，本机关不予重复处理。",
        _REASONS,
    ),
    # 2019 Art. 39(2).
    ReplyType.NOT_PROCESSED_PUBLICATION: _body(
        _OPENING,
        "经审查，您申请获取的是政府公报、报刊、书籍等公开出版物。根据{{ regulation }}第三十九条第二款的规定，"
        "本机关告知您获取的途径：{{ reasons|default:'公开发行渠道、公共图书馆或者本机关门户网站' }}。",
    ),
    # 2019 Art. 35.
    ReplyType.NOT_PROCESSED_EXCESSIVE: _body(
        _OPENING,
        "您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由，本机关认为申请理由不合理。"
        "根据{{ regulation }}第三十五条的规定，本机关不予处理。",
        _REASONS,
    ),
    # Not a request for government information as Art. 2 and 27 define it.
    ReplyType.NOT_PROCESSED_CONFIRMATION: _body(
        _OPENING,
        "经审查，您要求本机关对已获取的政府信息予以确认或者重新出具，不属于申请获取政府信息的情形。"
        "根据{{ regulation }}第二条、第二十七条的规定，本机关不作为政府信息公开申请处理。",
        _REASONS,
    ),
    # 2019 Art. 30: no correction in time → treated as given up.
    ReplyType.OTHER_NO_CORRECTION: _body(
        _OPENING,
        "本机关{% if correction_requested_on %}已于{{ correction_requested_on }}{% endif %}告知您作出补正，"
        "您无正当理由逾期未补正。根据{{ regulation }}第三十条的规定，视为放弃申请，"
        "本机关不再处理该政府信息公开申请。",
    ),
    # 国办函〔2020〕109号: no payment within 20 working days → treated as given up.
    ReplyType.OTHER_NO_FEE_PAYMENT: _body(
        _OPENING,
        "本机关{% if fee_issued %}已于{{ fee_issued }}{% endif %}向您送达收费通知，"
        "您逾期未按收费通知要求缴纳费用。"
        "根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为放弃申请，"
        "本机关不再处理该政府信息公开申请。",
    ),
    ReplyType.OTHER_OTHER: _body(
        _OPENING,
        "{% if withdrawn %}您已于{{ concluded }}撤回该政府信息公开申请，本机关终止办理。"
        "{% else %}经审查，本机关对您的申请作如下处理：{{ reasons }}{% endif %}",
    ),
}

# 《行政复议法》(2023) Art. 20: 60 days; 《行政诉讼法》Art. 46: six months from knowing of the act.
REMEDIES = (
    "如对本答复不服，可以在收到本答复之日起60日内向{{ review_body }}申请行政复议，"
    "或者在6个月内向人民法院提起行政诉讼。"
)
REMEDIES_MARKER = "申请行政复议"  # an agency's own reply text that already states remedies keeps its wording


def national_text(kind: LetterKind, reply_type: ReplyType | None) -> LetterText:
    if kind == LetterKind.REPLY:
        assert reply_type is not None
        return LetterText(REPLY_TITLE, REPLY_BODIES[reply_type])
    return DEFAULTS[kind]
