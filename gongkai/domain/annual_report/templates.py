"""The national annual-report formats, row by row, as data.

Four format ids (docs/domain.md §1 and §4):

- ``"2021"``: 国办公开办函〔2021〕30号, reports on 2021 and later;
- ``"2019"``: 国办公开办函〔2019〕60号, reports on 2019–2020 (table 二 differs; （六）其他处理 is one row);
- ``"pre2019-table"``: the 政府信息公开情况统计表 many reports attached before 2019 (seed 002),
  modelled as one single-column table, :data:`PRE2019_TABLE`;
- ``"pre2019-prose"``: older reports with no table; their figures use :data:`PRE2019_TABLE`'s ids.

How the data is shaped:

- A :class:`TableSpec` lists :class:`Row` s and :class:`Column` s; a cell is addressed as
  ``"<table id>.<row id>.<column id>"`` (row ids may contain a dot: ``refused.state_secret``).
- Table 二 (``proactive``) gives each row its own columns: ``Row.columns`` overrides the table's;
  ``TableSpec.columns`` is then the union, in first-seen order. Use :meth:`TableSpec.columns_for`.
- Table 四 (``disputes``) is printed transposed (one line of numbers under column groups); here its
  groups are rows (``review``, ``lawsuit_direct``, ``lawsuit_after_review``) and its results columns.
- The printed identities are data: ``Row.sum_of`` (this row is the sum of those rows) and
  ``Column.sum_of`` (this column is the sum of those columns). ``Row.within`` marks a 其中 row
  (at most the named row). The checks in ``checks.py`` read these.
- Labels are the formats' exact wording with full-width punctuation, as the official documents
  print them. Published reports vary (half-width brackets, "规范性文件"): a reader compares after
  normalising punctuation and also tries ``Row.aliases``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from gongkai.domain.outcomes import APPLICANT_TYPE_LABELS, ApplicantType, ReplyType

TemplateId = Literal["2021", "2019", "pre2019-table", "pre2019-prose"]
TableId = Literal["proactive", "applications", "disputes", "extra"]

TEMPLATE_IDS: tuple[TemplateId, ...] = ("2021", "2019", "pre2019-table", "pre2019-prose")
TABLE_IDS: tuple[TableId, ...] = ("proactive", "applications", "disputes", "extra")

# The single value column of the pre-2019 statistics table and of ReportTables.extra.
EXTRA_COLUMN = "value"

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．]|其中[：:])\s*")
_TRAILING_NOTE = re.compile(r"（[^（）]*）$")


def _short(label: str) -> str:
    """The label without its numbering and trailing note: "（二）部分公开（区分处理的…）" → "部分公开"."""
    return _TRAILING_NOTE.sub("", _NUMBERING.sub("", label)).strip() or label


@dataclass(frozen=True)
class Column:
    """One value column of a table.

    ``group_label`` is the merged header above it (法人或其他组织); ``signed`` columns may hold
    negative numbers (2019 本年增/减); ``sum_of`` lists the columns this one totals; ``name``
    overrides the label in messages where the label alone is ambiguous (法人或其他组织 其他).
    """

    id: str
    label: str
    group_label: str = ""
    signed: bool = False
    sum_of: tuple[str, ...] = ()
    name: str = ""

    @property
    def display_name(self) -> str:
        return self.name or self.label


@dataclass(frozen=True)
class Row:
    """One row of a table, with the template's exact label.

    ``section_label`` is the merged label cell on its left (三、本年度办理结果, （三）不予公开,
    第二十条第（一）项) or, in the one-column pre-2019 table, the heading line above it.
    ``is_subtotal`` rows (the （三）–（六） group rows of table 三) carry numbers in the JSON but the
    template prints no numbers on them. ``aliases`` are other wordings reports use.
    ``columns`` overrides the table's columns (table 二). ``parent`` is the row this one is a
    numbered item of (for labels); ``sum_of`` the rows it is the sum of; ``within`` the row it is
    a part of (其中, at most that row). ``unit`` is the pre-2019 table's 单位. ``name`` overrides
    the short label used in messages.
    """

    id: str
    label: str
    section_label: str = ""
    is_subtotal: bool = False
    aliases: tuple[str, ...] = ()
    columns: tuple[Column, ...] = ()
    parent: str = ""
    sum_of: tuple[str, ...] = ()
    within: str = ""
    unit: str = ""
    name: str = ""

    @property
    def short_label(self) -> str:
        """The label without numbering or trailing note: "（七）总计" → "总计"."""
        return self.name or _short(self.label)


@dataclass(frozen=True)
class TableSpec:
    """One table of a format: rows, columns and the identities between them.

    ``id`` is also the attribute of :class:`~gongkai.domain.annual_report.tables.ReportTables`
    holding its cells. ``short_title`` names it in messages (表三). ``corner_label`` is the text of
    the top-left header cell (信息内容; table 三's 勾稽关系 note).
    """

    id: TableId
    title: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    short_title: str = ""
    corner_label: str = ""

    @cached_property
    def _rows_by_id(self) -> dict[str, Row]:
        return {row.id: row for row in self.rows}

    @cached_property
    def _columns_by_id(self) -> dict[str, Column]:
        return {column.id: column for column in self.columns}

    @property
    def row_ids(self) -> tuple[str, ...]:
        return tuple(row.id for row in self.rows)

    def has_row(self, row_id: str) -> bool:
        return row_id in self._rows_by_id

    def row(self, row_id: str) -> Row:
        """The row with this id; KeyError if the table has none."""
        return self._rows_by_id[row_id]

    def column(self, column_id: str) -> Column:
        """The column with this id (any row's); KeyError if the table has none."""
        return self._columns_by_id[column_id]

    def columns_for(self, row_id: str) -> tuple[Column, ...]:
        """The columns the row has: its own (table 二) or the table's."""
        return self.row(row_id).columns or self.columns

    def children(self, row_id: str) -> tuple[Row, ...]:
        """The numbered items printed under a row (1.属于国家秘密 … under （三）不予公开)."""
        return tuple(row for row in self.rows if row.parent == row_id)

    def label_path(self, row_id: str) -> tuple[str, ...]:
        """Merged cells and label, outside in.

        ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密") for ``refused.state_secret``.
        """
        row = self.row(row_id)
        if row.parent:
            return (*self.label_path(row.parent), row.label)
        return (row.section_label, row.label) if row.section_label else (row.label,)

    def row_name(self, row_id: str) -> str:
        """The row's name in messages: "总计", "不予公开：属于国家秘密"."""
        row = self.row(row_id)
        if row.parent and not row.name:
            return f"{self.row(row.parent).short_label}：{row.short_label}"
        return row.short_label

    def column_name(self, column_id: str) -> str:
        return self.column(column_id).display_name


@dataclass(frozen=True)
class ReportTemplate:
    """A national format: its document number and its tables 二, 三, 四."""

    id: TemplateId
    name: str
    tables: tuple[TableSpec, ...]

    def table(self, table_id: str) -> TableSpec:
        """The table with this id; KeyError if the format has none."""
        for spec in self.tables:
            if spec.id == table_id:
                return spec
        raise KeyError(table_id)


def _union_columns(rows: tuple[Row, ...]) -> tuple[Column, ...]:
    seen: dict[str, Column] = {}
    for row in rows:
        for column in row.columns:
            if seen.setdefault(column.id, column) != column:
                raise ValueError(f"column {column.id!r} is defined twice with different labels")
    return tuple(seen.values())


# ---------------------------------------------------------------------------------------------
# Table 二: proactive publication (主动公开政府信息情况)

_ART20_1 = "第二十条第（一）项"
_ART20_5 = "第二十条第（五）项"
_ART20_6 = "第二十条第（六）项"
_ART20_8 = "第二十条第（八）项"
_ART20_9 = "第二十条第（九）项"
_PROACTIVE_TITLE = "二、主动公开政府信息情况"

# 2021 format.
_DOCUMENT_COLUMNS_2021 = (
    Column("issued", "本年制发件数"),
    Column("repealed", "本年废止件数"),
    Column("in_force", "现行有效件数"),
)
_DECISIONS_2021 = (Column("decisions", "本年处理决定数量"),)
_PROACTIVE_ROWS_2021 = (
    Row("regulations", "规章", _ART20_1, columns=_DOCUMENT_COLUMNS_2021),
    Row(
        "normative_documents",
        "行政规范性文件",
        _ART20_1,
        aliases=("规范性文件",),
        columns=_DOCUMENT_COLUMNS_2021,
    ),
    Row("licensing", "行政许可", _ART20_5, columns=_DECISIONS_2021),
    Row("punishment", "行政处罚", _ART20_6, columns=_DECISIONS_2021),
    Row("coercion", "行政强制", _ART20_6, columns=_DECISIONS_2021),
    Row(
        "fees", "行政事业性收费", _ART20_8, columns=(Column("amount_10k_yuan", "本年收费金额（单位：万元）"),)
    ),
)
PROACTIVE_2021 = TableSpec(
    "proactive",
    _PROACTIVE_TITLE,
    _PROACTIVE_ROWS_2021,
    _union_columns(_PROACTIVE_ROWS_2021),
    short_title="表二",
    corner_label="信息内容",
)

# 2019 format: 本年增/减 is signed ("+2", "-1"); 采购总金额 is in yuan (the format names no unit,
# reports write "251000元" or "25.1万元": a reader converts to yuan).
_DOCUMENT_COLUMNS_2019 = (
    Column("made", "本年新制作数量"),
    Column("published", "本年新公开数量"),
    Column("total_public", "对外公开总数量"),
)
_ITEM_COLUMNS_2019 = (
    Column("previous_year", "上一年项目数量"),
    Column("change", "本年增/减", signed=True),
    Column("decisions", "处理决定数量"),
)
_PROACTIVE_ROWS_2019 = (
    Row("regulations", "规章", _ART20_1, columns=_DOCUMENT_COLUMNS_2019),
    Row(
        "normative_documents",
        "规范性文件",
        _ART20_1,
        aliases=("行政规范性文件",),
        columns=_DOCUMENT_COLUMNS_2019,
    ),
    Row("licensing", "行政许可", _ART20_5, columns=_ITEM_COLUMNS_2019),
    Row("other_services", "其他对外管理服务事项", _ART20_5, columns=_ITEM_COLUMNS_2019),
    Row("punishment", "行政处罚", _ART20_6, columns=_ITEM_COLUMNS_2019),
    Row("coercion", "行政强制", _ART20_6, columns=_ITEM_COLUMNS_2019),
    Row("fees", "行政事业性收费", _ART20_8, columns=_ITEM_COLUMNS_2019[:2]),
    Row(
        "procurement",
        "政府集中采购",
        _ART20_9,
        columns=(Column("projects", "采购项目数量"), Column("amount", "采购总金额")),
    ),
)
PROACTIVE_2019 = TableSpec(
    "proactive",
    _PROACTIVE_TITLE,
    _PROACTIVE_ROWS_2019,
    _union_columns(_PROACTIVE_ROWS_2019),
    short_title="表二",
    corner_label="信息内容",
)

# ---------------------------------------------------------------------------------------------
# Table 三: requests received and handled (收到和处理政府信息公开申请情况)

_APPLICANT_GROUP = "法人或其他组织"
APPLICANT_COLUMN_IDS: tuple[str, ...] = tuple(t.value for t in ApplicantType)
APPLICATION_COLUMNS: tuple[Column, ...] = (
    Column(ApplicantType.NATURAL_PERSON.value, APPLICANT_TYPE_LABELS[ApplicantType.NATURAL_PERSON]),
    *(
        Column(t.value, APPLICANT_TYPE_LABELS[t], group_label=_APPLICANT_GROUP)
        for t in ApplicantType
        if t is not ApplicantType.NATURAL_PERSON and t is not ApplicantType.OTHER_ORG
    ),
    Column(ApplicantType.OTHER_ORG.value, "其他", group_label=_APPLICANT_GROUP, name="法人或其他组织—其他"),
    Column("total", "总计", sum_of=APPLICANT_COLUMN_IDS),
)

RESULTS = "三、本年度办理结果"
RESULT_GROUPS: tuple[str, ...] = ("granted", "partial", "refused", "unable", "not_processed", "other")

_REFUSED = "（三）不予公开"
_UNABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"
_OTHER = "（六）其他处理"


def _group(
    row_id: str, label: str, items: tuple[tuple[ReplyType, str, tuple[str, ...]], ...]
) -> tuple[Row, ...]:
    """A subtotal row (merged label, no printed numbers) and its numbered sub-rows."""
    subrows = tuple(
        Row(reply.value, item_label, label, aliases=aliases, parent=row_id)
        for reply, item_label, aliases in items
    )
    subtotal = Row(row_id, label, RESULTS, is_subtotal=True, sum_of=tuple(r.id for r in subrows))
    return (subtotal, *subrows)


_REFUSED_ROWS = _group(
    "refused",
    _REFUSED,
    (
        (ReplyType.REFUSED_STATE_SECRET, "1.属于国家秘密", ()),
        (ReplyType.REFUSED_LAW_PROHIBITED, "2.其他法律行政法规禁止公开", ()),
        (
            ReplyType.REFUSED_THREE_SAFETIES,
            "3.危及“三安全一稳定”",
            ('3.危及"三安全一稳定"', "3.危及三安全一稳定"),
        ),
        (ReplyType.REFUSED_THIRD_PARTY, "4.保护第三方合法权益", ()),
        (ReplyType.REFUSED_INTERNAL_AFFAIRS, "5.属于三类内部事务信息", ()),
        (ReplyType.REFUSED_PROCESS_INFO, "6.属于四类过程性信息", ()),
        (ReplyType.REFUSED_ENFORCEMENT_FILE, "7.属于行政执法案卷", ()),
        (ReplyType.REFUSED_QUERY_MATTER, "8.属于行政查询事项", ()),
    ),
)
_UNABLE_ROWS = _group(
    "unable",
    _UNABLE,
    (
        (ReplyType.UNABLE_NOT_HELD, "1.本机关不掌握相关政府信息", ()),
        (ReplyType.UNABLE_NEEDS_CREATION, "2.没有现成信息需要另行制作", ()),
        (ReplyType.UNABLE_STILL_UNCLEAR, "3.补正后申请内容仍不明确", ()),
    ),
)
_NOT_PROCESSED_ROWS = _group(
    "not_processed",
    _NOT_PROCESSED,
    (
        (ReplyType.NOT_PROCESSED_PETITION, "1.信访举报投诉类申请", ()),
        (ReplyType.NOT_PROCESSED_DUPLICATE, "2.重复申请", ()),
        (ReplyType.NOT_PROCESSED_PUBLICATION, "3.要求提供公开出版物", ()),
        (ReplyType.NOT_PROCESSED_EXCESSIVE, "4.无正当理由大量反复申请", ()),
        (ReplyType.NOT_PROCESSED_CONFIRMATION, "5.要求行政机关确认或重新出具已获取信息", ()),
    ),
)
_OTHER_ROWS_2021 = _group(
    "other",
    _OTHER,
    (
        (
            ReplyType.OTHER_NO_CORRECTION,
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ("1.申请人无正当理由逾期不补正",),
        ),
        (
            ReplyType.OTHER_NO_FEE_PAYMENT,
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            ("2.申请人逾期未按收费通知要求缴纳费用",),
        ),
        (ReplyType.OTHER_OTHER, "3.其他", ()),
    ),
)
# 2019 format: （六）其他处理 is one row with numbers of its own.
_OTHER_ROW_2019 = Row("other", _OTHER, RESULTS)


def _application_rows(other_rows: tuple[Row, ...]) -> tuple[Row, ...]:
    return (
        Row("new", "一、本年新收政府信息公开申请数量"),
        Row("carried_over", "二、上年结转政府信息公开申请数量"),
        Row("granted", "（一）予以公开", RESULTS),
        Row(
            "partial",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            RESULTS,
            aliases=("（二）部分公开",),
        ),
        *_REFUSED_ROWS,
        *_UNABLE_ROWS,
        *_NOT_PROCESSED_ROWS,
        *other_rows,
        Row("total", "（七）总计", RESULTS, sum_of=RESULT_GROUPS),
        Row("carried_forward", "四、结转下年度继续办理"),
    )


_APPLICATIONS_TITLE = "三、收到和处理政府信息公开申请情况"
_APPLICATIONS_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICATIONS_2021 = TableSpec(
    "applications",
    _APPLICATIONS_TITLE,
    _application_rows(_OTHER_ROWS_2021),
    APPLICATION_COLUMNS,
    short_title="表三",
    corner_label=_APPLICATIONS_CORNER,
)
APPLICATIONS_2019 = TableSpec(
    "applications",
    _APPLICATIONS_TITLE,
    _application_rows((_OTHER_ROW_2019,)),
    APPLICATION_COLUMNS,
    short_title="表三",
    corner_label=_APPLICATIONS_CORNER,
)

# ---------------------------------------------------------------------------------------------
# Table 四: reviews and lawsuits (政府信息公开行政复议、行政诉讼情况), transposed: groups are rows.

_DISPUTE_PARTS = ("upheld", "corrected", "other", "pending")
DISPUTES = TableSpec(
    "disputes",
    "四、政府信息公开行政复议、行政诉讼情况",
    (
        Row("review", "行政复议"),
        Row("lawsuit_direct", "未经复议直接起诉", "行政诉讼", name="行政诉讼（未经复议直接起诉）"),
        Row("lawsuit_after_review", "复议后起诉", "行政诉讼", name="行政诉讼（复议后起诉）"),
    ),
    (
        Column("upheld", "结果维持"),
        Column("corrected", "结果纠正"),
        Column("other", "其他结果"),
        Column("pending", "尚未审结"),
        Column("total", "总计", sum_of=_DISPUTE_PARTS),
    ),
    short_title="表四",
)

# ---------------------------------------------------------------------------------------------
# The pre-2019 statistics table (政府信息公开情况统计表, seed 002), one value column 统计数.
# Its heading lines (一、主动公开情况 …, marked "——") are section labels: a renderer prints one each
# time section_label changes. These ids are also where any report's figures outside the three
# national tables go (ReportTables.extra): website items, trainings, fees of the older reports.

_P1 = "一、主动公开情况"
_P1_2 = "（二）通过不同渠道和方式公开政府信息的情况"
_P2 = "二、回应解读情况"
_P2_2 = "（二）通过不同渠道和方式回应解读的情况"
_P3 = "三、依申请公开情况"
_P8 = "八、机构建设和保障经费情况"
_P9 = "九、政府信息公开会议和培训情况"
_REQUESTS = ("requests.in_person", "requests.fax", "requests.online", "requests.letter")
_REPLIES = (
    "replies.already_public",
    "replies.granted",
    "replies.partial",
    "replies.refused",
    "replies.not_this_agency",
    "replies.not_exist",
    "replies.change_requested",
    "replies.other_route",
)


def _s(
    row_id: str,
    label: str,
    unit: str,
    section: str = "",
    *,
    parent: str = "",
    within: str = "",
    sum_of: tuple[str, ...] = (),
) -> Row:
    return Row(row_id, label, section, unit=unit, parent=parent, within=within, sum_of=sum_of)


_STATISTICS_ROWS = (
    _s("proactive.total", "（一）主动公开政府信息数", "条", _P1),
    _s("proactive.normative_documents", "其中：主动公开规范性文件数", "条", _P1, within="proactive.total"),
    _s("proactive.normative_documents_issued", "制发规范性文件总数", "件", _P1),
    _s("proactive.gazette", "1.政府公报公开政府信息数", "条", _P1_2, within="proactive.total"),
    _s("proactive.website", "2.政府网站公开政府信息数", "条", _P1_2, within="proactive.total"),
    _s("proactive.weibo", "3.政务微博公开政府信息数", "条", _P1_2, within="proactive.total"),
    _s("proactive.wechat", "4.政务微信公开政府信息数", "条", _P1_2, within="proactive.total"),
    _s("proactive.other_channels", "5.其他方式公开政府信息数", "条", _P1_2, within="proactive.total"),
    _s("response.hot_topics", "（一）回应公众关注热点或重大舆情数", "次", _P2),
    _s("response.press_conferences", "1.参加或举办新闻发布会总次数", "次", _P2_2),
    _s(
        "response.press_conferences_by_head",
        "其中：主要负责同志参加新闻发布会次数",
        "次",
        _P2_2,
        parent="response.press_conferences",
        within="response.press_conferences",
    ),
    _s("response.online_interviews", "2.政府网站在线访谈次数", "次", _P2_2),
    _s(
        "response.online_interviews_by_head",
        "其中：主要负责同志参加政府网站在线访谈次数",
        "次",
        _P2_2,
        parent="response.online_interviews",
        within="response.online_interviews",
    ),
    _s("response.interpretations", "3.政策解读稿件发布数", "篇", _P2_2),
    _s("response.weibo_wechat", "4.微博微信回应事件数", "次", _P2_2),
    _s("response.other", "5.其他方式回应事件数", "次", _P2_2),
    _s("requests.received", "（一）收到申请数", "件", _P3, sum_of=_REQUESTS),
    _s("requests.in_person", "1.当面申请数", "件", _P3, parent="requests.received"),
    _s("requests.fax", "2.传真申请数", "件", _P3, parent="requests.received"),
    _s("requests.online", "3.网络申请数", "件", _P3, parent="requests.received"),
    _s("requests.letter", "4.信函申请数", "件", _P3, parent="requests.received"),
    _s("requests.concluded", "（二）申请办结数", "件", _P3, sum_of=("requests.on_time", "requests.extended")),
    _s("requests.on_time", "1.按时办结数", "件", _P3, parent="requests.concluded"),
    _s("requests.extended", "2.延期办结数", "件", _P3, parent="requests.concluded"),
    _s("replies.total", "（三）申请答复数", "件", _P3, sum_of=_REPLIES),
    _s("replies.already_public", "1.属于已主动公开范围数", "件", _P3, parent="replies.total"),
    _s("replies.granted", "2.同意公开答复数", "件", _P3, parent="replies.total"),
    _s("replies.partial", "3.同意部分公开答复数", "件", _P3, parent="replies.total"),
    _s("replies.refused", "4.不同意公开答复数", "件", _P3, parent="replies.total"),
    *(
        _s(f"replies.refused.{key}", label, "件", _P3, parent="replies.refused", within="replies.refused")
        for key, label in (
            ("state_secret", "其中：涉及国家秘密"),
            ("trade_secret", "涉及商业秘密"),
            ("privacy", "涉及个人隐私"),
            ("security_stability", "危及国家安全、公共安全、经济安全和社会稳定"),
            ("not_government_info", "不是《条例》所指政府信息"),
            ("other_law", "法律法规规定的其他情形"),
        )
    ),
    _s("replies.not_this_agency", "5.不属于本行政机关公开数", "件", _P3, parent="replies.total"),
    _s("replies.not_exist", "6.申请信息不存在数", "件", _P3, parent="replies.total"),
    _s("replies.change_requested", "7.告知作出更改补充数", "件", _P3, parent="replies.total"),
    _s("replies.other_route", "8.告知通过其他途径办理数", "件", _P3, parent="replies.total"),
    _s(
        "reviews.total",
        "四、行政复议数量",
        "件",
        sum_of=("reviews.upheld", "reviews.corrected", "reviews.other"),
    ),
    _s("reviews.upheld", "（一）维持具体行政行为数", "件", parent="reviews.total"),
    _s("reviews.corrected", "（二）被依法纠错数", "件", parent="reviews.total"),
    _s("reviews.other", "（三）其他情形数", "件", parent="reviews.total"),
    _s(
        "lawsuits.total",
        "五、行政诉讼数量",
        "件",
        sum_of=("lawsuits.upheld", "lawsuits.corrected", "lawsuits.other"),
    ),
    _s("lawsuits.upheld", "（一）维持具体行政行为或者驳回原告诉讼请求数", "件", parent="lawsuits.total"),
    _s("lawsuits.corrected", "（二）被依法纠错数", "件", parent="lawsuits.total"),
    _s("lawsuits.other", "（三）其他情形数", "件", parent="lawsuits.total"),
    _s("complaints", "六、举报投诉数量", "件"),
    _s("fees_10k_yuan", "七、依申请公开信息收取的费用", "万元"),
    _s("staffing.offices", "（一）政府信息公开工作专门机构数", "个", _P8),
    _s("staffing.reading_points", "（二）设置政府信息公开查阅点数", "个", _P8),
    _s(
        "staffing.staff",
        "（三）从事政府信息公开工作人员数",
        "人",
        _P8,
        sum_of=("staffing.full_time", "staffing.part_time"),
    ),
    _s(
        "staffing.full_time",
        "1.专职人员数（不包括政府公报及政府网站工作人员数）",
        "人",
        _P8,
        parent="staffing.staff",
    ),
    _s("staffing.part_time", "2.兼职人员数", "人", _P8, parent="staffing.staff"),
    _s(
        "staffing.funding_10k_yuan",
        "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）",
        "万元",
        _P8,
    ),
    _s("training.meetings", "（一）召开政府信息公开工作会议或专题会议数", "次", _P9),
    _s("training.courses", "（二）举办各类培训班数", "次", _P9),
    _s("training.trainees", "（三）接受培训人员数", "人次", _P9),
)
PRE2019_TABLE = TableSpec(
    "extra",
    "政府信息公开情况统计表",
    _STATISTICS_ROWS,
    (Column(EXTRA_COLUMN, "统计数"),),
    short_title="统计表",
    corner_label="统计指标",
)

# ---------------------------------------------------------------------------------------------

TEMPLATES: dict[str, ReportTemplate] = {
    "2021": ReportTemplate("2021", "国办公开办函〔2021〕30号", (PROACTIVE_2021, APPLICATIONS_2021, DISPUTES)),
    "2019": ReportTemplate("2019", "国办公开办函〔2019〕60号", (PROACTIVE_2019, APPLICATIONS_2019, DISPUTES)),
}


def specs_for(template: TemplateId) -> dict[str, TableSpec]:
    """The tables a report in this format may hold cells for, by ReportTables attribute.

    Every format has ``extra`` (:data:`PRE2019_TABLE`'s rows); the pre-2019 formats have nothing else.
    """
    national = TEMPLATES[template].tables if template in TEMPLATES else ()
    return {**{spec.id: spec for spec in national}, "extra": PRE2019_TABLE}


# ---------------------------------------------------------------------------------------------
# Each canonical reply type's row in each older format (docs/domain.md §1: "one table in the code").
#   "2019": the 2019 format's table 三 row (（六）其他处理 has no sub-rows there);
#   "pre2019-table": the numbered reply row of the statistics table (（三）申请答复数 1–8), so that
#     summing mapped counts gives that table's rows;
#   "pre2019-table.reason": for refusals, the 其中 reason row where one corresponds.
# The 2008 Regulation (Art. 21) knew fewer outcomes: rows marked "nearest" have no exact
# counterpart and take the closest numbered row; PRE2019_NEAREST lists them.

_P = "pre2019-table"
_R = "pre2019-table.reason"


def _older(pre2019: str, reason: str = "", *, row_2019: str) -> dict[str, str]:
    return {"2019": row_2019, _P: pre2019, **({_R: reason} if reason else {})}


def _same(reply: ReplyType, pre2019: str, reason: str = "") -> dict[str, str]:
    return _older(pre2019, reason, row_2019=reply.value)


REPLY_TYPE_TO_OLDER: dict[ReplyType, dict[str, str]] = {
    ReplyType.GRANTED: _same(ReplyType.GRANTED, "replies.granted"),
    ReplyType.PARTIAL: _same(ReplyType.PARTIAL, "replies.partial"),
    ReplyType.REFUSED_STATE_SECRET: _same(
        ReplyType.REFUSED_STATE_SECRET, "replies.refused", "replies.refused.state_secret"
    ),
    ReplyType.REFUSED_LAW_PROHIBITED: _same(
        ReplyType.REFUSED_LAW_PROHIBITED, "replies.refused", "replies.refused.other_law"
    ),
    ReplyType.REFUSED_THREE_SAFETIES: _same(
        ReplyType.REFUSED_THREE_SAFETIES, "replies.refused", "replies.refused.security_stability"
    ),
    # 第三方合法权益 is either 商业秘密 or 个人隐私: no single reason row.
    ReplyType.REFUSED_THIRD_PARTY: _same(ReplyType.REFUSED_THIRD_PARTY, "replies.refused"),
    # 国办发〔2010〕5号: internal-management and process information is generally not
    # "government information" within the 2008 Regulation.
    ReplyType.REFUSED_INTERNAL_AFFAIRS: _same(
        ReplyType.REFUSED_INTERNAL_AFFAIRS, "replies.refused", "replies.refused.not_government_info"
    ),
    ReplyType.REFUSED_PROCESS_INFO: _same(
        ReplyType.REFUSED_PROCESS_INFO, "replies.refused", "replies.refused.not_government_info"
    ),
    ReplyType.REFUSED_ENFORCEMENT_FILE: _same(ReplyType.REFUSED_ENFORCEMENT_FILE, "replies.refused"),
    ReplyType.REFUSED_QUERY_MATTER: _same(ReplyType.REFUSED_QUERY_MATTER, "replies.refused"),
    # 2008 Art. 21(3): 不存在 / 不属于本机关公开; 2019 counts both as 本机关不掌握.
    ReplyType.UNABLE_NOT_HELD: _same(ReplyType.UNABLE_NOT_HELD, "replies.not_exist"),
    ReplyType.UNABLE_NEEDS_CREATION: _same(ReplyType.UNABLE_NEEDS_CREATION, "replies.not_exist"),  # nearest
    # 2008 Art. 21(4): 申请内容不明确的，应当告知申请人作出更改、补充.
    ReplyType.UNABLE_STILL_UNCLEAR: _same(ReplyType.UNABLE_STILL_UNCLEAR, "replies.change_requested"),
    # 国办发〔2010〕5号: petitions in the form of a request are guided to the proper channel.
    ReplyType.NOT_PROCESSED_PETITION: _same(ReplyType.NOT_PROCESSED_PETITION, "replies.other_route"),
    ReplyType.NOT_PROCESSED_DUPLICATE: _same(
        ReplyType.NOT_PROCESSED_DUPLICATE, "replies.other_route"
    ),  # nearest
    ReplyType.NOT_PROCESSED_PUBLICATION: _same(ReplyType.NOT_PROCESSED_PUBLICATION, "replies.other_route"),
    ReplyType.NOT_PROCESSED_EXCESSIVE: _same(
        ReplyType.NOT_PROCESSED_EXCESSIVE, "replies.other_route"
    ),  # nearest
    ReplyType.NOT_PROCESSED_CONFIRMATION: _same(
        ReplyType.NOT_PROCESSED_CONFIRMATION, "replies.other_route"
    ),  # nearest
    ReplyType.OTHER_NO_CORRECTION: _older("replies.change_requested", row_2019="other"),
    ReplyType.OTHER_NO_FEE_PAYMENT: _older("replies.other_route", row_2019="other"),  # nearest
    ReplyType.OTHER_OTHER: _older("replies.other_route", row_2019="other"),  # nearest
}

PRE2019_NEAREST: frozenset[ReplyType] = frozenset(
    {
        ReplyType.UNABLE_NEEDS_CREATION,
        ReplyType.NOT_PROCESSED_DUPLICATE,
        ReplyType.NOT_PROCESSED_EXCESSIVE,
        ReplyType.NOT_PROCESSED_CONFIRMATION,
        ReplyType.OTHER_NO_FEE_PAYMENT,
        ReplyType.OTHER_OTHER,
    }
)
