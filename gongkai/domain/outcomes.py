"""The national template's vocabulary: reply types, applicant columns, request channels.

Ids are those of docs/domain.md §1 and are used everywhere: models' choices, the JSON output,
the importer and the report reader.
"""

from __future__ import annotations

from enum import StrEnum


class ReplyType(StrEnum):
    """Final handling of a request: one row of table 三 of the 2021 template."""

    GRANTED = "granted"  # （一）予以公开
    PARTIAL = "partial"  # （二）部分公开
    REFUSED_STATE_SECRET = "refused.state_secret"  # noqa: S105 - （三）1.属于国家秘密, not a password
    REFUSED_LAW_PROHIBITED = "refused.law_prohibited"  # 2.其他法律行政法规禁止公开
    REFUSED_THREE_SAFETIES = "refused.three_safeties"  # 3.危及“三安全一稳定”
    REFUSED_THIRD_PARTY = "refused.third_party"  # 4.保护第三方合法权益
    REFUSED_INTERNAL_AFFAIRS = "refused.internal_affairs"  # 5.属于三类内部事务信息
    REFUSED_PROCESS_INFO = "refused.process_info"  # 6.属于四类过程性信息
    REFUSED_ENFORCEMENT_FILE = "refused.enforcement_file"  # 7.属于行政执法案卷
    REFUSED_QUERY_MATTER = "refused.query_matter"  # 8.属于行政查询事项
    UNABLE_NOT_HELD = "unable.not_held"  # （四）1.本机关不掌握相关政府信息
    UNABLE_NEEDS_CREATION = "unable.needs_creation"  # 2.没有现成信息需要另行制作
    UNABLE_STILL_UNCLEAR = "unable.still_unclear"  # 3.补正后申请内容仍不明确
    NOT_PROCESSED_PETITION = "not_processed.petition"  # （五）1.信访举报投诉类申请
    NOT_PROCESSED_DUPLICATE = "not_processed.duplicate"  # 2.重复申请
    NOT_PROCESSED_PUBLICATION = "not_processed.publication"  # 3.要求提供公开出版物
    NOT_PROCESSED_EXCESSIVE = "not_processed.excessive"  # 4.无正当理由大量反复申请
    NOT_PROCESSED_CONFIRMATION = "not_processed.confirmation"  # 5.要求确认或重新出具已获取信息
    OTHER_NO_CORRECTION = "other.no_correction"  # （六）1.逾期不补正
    OTHER_NO_FEE_PAYMENT = "other.no_fee_payment"  # 2.逾期未缴纳费用
    OTHER_OTHER = "other.other"  # 3.其他 (withdrawals are counted here)

    @property
    def group(self) -> str:
        """The subtotal the type belongs to: granted, partial, refused, unable, not_processed, other."""
        return self.value.split(".", 1)[0]

    @property
    def label(self) -> str:
        return REPLY_TYPE_LABELS[self]


REPLY_TYPE_LABELS: dict[ReplyType, str] = {
    ReplyType.GRANTED: "予以公开",
    ReplyType.PARTIAL: "部分公开",
    ReplyType.REFUSED_STATE_SECRET: "不予公开：属于国家秘密",
    ReplyType.REFUSED_LAW_PROHIBITED: "不予公开：其他法律行政法规禁止公开",
    ReplyType.REFUSED_THREE_SAFETIES: "不予公开：危及“三安全一稳定”",
    ReplyType.REFUSED_THIRD_PARTY: "不予公开：保护第三方合法权益",
    ReplyType.REFUSED_INTERNAL_AFFAIRS: "不予公开：属于三类内部事务信息",
    ReplyType.REFUSED_PROCESS_INFO: "不予公开：属于四类过程性信息",
    ReplyType.REFUSED_ENFORCEMENT_FILE: "不予公开：属于行政执法案卷",
    ReplyType.REFUSED_QUERY_MATTER: "不予公开：属于行政查询事项",
    ReplyType.UNABLE_NOT_HELD: "无法提供：本机关不掌握相关政府信息",
    ReplyType.UNABLE_NEEDS_CREATION: "无法提供：没有现成信息需要另行制作",
    ReplyType.UNABLE_STILL_UNCLEAR: "无法提供：补正后申请内容仍不明确",
    ReplyType.NOT_PROCESSED_PETITION: "不予处理：信访举报投诉类申请",
    ReplyType.NOT_PROCESSED_DUPLICATE: "不予处理：重复申请",
    ReplyType.NOT_PROCESSED_PUBLICATION: "不予处理：要求提供公开出版物",
    ReplyType.NOT_PROCESSED_EXCESSIVE: "不予处理：无正当理由大量反复申请",
    ReplyType.NOT_PROCESSED_CONFIRMATION: "不予处理：要求行政机关确认或重新出具已获取信息",
    ReplyType.OTHER_NO_CORRECTION: "其他处理：申请人无正当理由逾期不补正",
    ReplyType.OTHER_NO_FEE_PAYMENT: "其他处理：申请人逾期未按收费通知要求缴纳费用",
    ReplyType.OTHER_OTHER: "其他处理：其他",
}

REPLY_GROUPS: tuple[str, ...] = ("granted", "partial", "refused", "unable", "not_processed", "other")


class ApplicantType(StrEnum):
    """The applicant columns of table 三."""

    NATURAL_PERSON = "natural_person"  # 自然人
    COMMERCIAL = "commercial"  # 商业企业
    RESEARCH = "research"  # 科研机构
    PUBLIC_INTEREST = "public_interest"  # 社会公益组织
    LEGAL_SERVICES = "legal_services"  # 法律服务机构
    OTHER_ORG = "other_org"  # 其他

    @property
    def label(self) -> str:
        return APPLICANT_TYPE_LABELS[self]


APPLICANT_TYPE_LABELS: dict[ApplicantType, str] = {
    ApplicantType.NATURAL_PERSON: "自然人",
    ApplicantType.COMMERCIAL: "商业企业",
    ApplicantType.RESEARCH: "科研机构",
    ApplicantType.PUBLIC_INTEREST: "社会公益组织",
    ApplicantType.LEGAL_SERVICES: "法律服务机构",
    ApplicantType.OTHER_ORG: "其他",
}


class Channel(StrEnum):
    """How a request arrived; fixes which event gives the receipt date (2019 Art. 31)."""

    IN_PERSON = "in_person"  # 当面: the day it is handed in
    POST_SIGNED = "post_signed"  # 邮寄(需签收): the day the agency signs for it
    POST_ORDINARY = "post_ordinary"  # 平信: the day the office confirms with the applicant
    ONLINE = "online"  # 互联网: the day both sides confirm it
    FAX = "fax"  # 传真: the day both sides confirm it
    EMAIL = "email"  # 电子邮件: the day both sides confirm it

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


CHANNEL_LABELS: dict[Channel, str] = {
    Channel.IN_PERSON: "当面",
    Channel.POST_SIGNED: "邮寄（签收）",
    Channel.POST_ORDINARY: "平信",
    Channel.ONLINE: "网络",
    Channel.FAX: "传真",
    Channel.EMAIL: "电子邮件",
}


class DisputeKind(StrEnum):
    """The groups of table 四."""

    REVIEW = "review"  # 行政复议
    LAWSUIT_DIRECT = "lawsuit_direct"  # 行政诉讼 未经复议直接起诉
    LAWSUIT_AFTER_REVIEW = "lawsuit_after_review"  # 行政诉讼 复议后起诉


class DisputeOutcome(StrEnum):
    """The result columns of table 四."""

    UPHELD = "upheld"  # 结果维持
    CORRECTED = "corrected"  # 结果纠正
    OTHER = "other"  # 其他结果
    PENDING = "pending"  # 尚未审结
