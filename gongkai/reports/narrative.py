"""The prose parts of a report: placeholders filled from the tables, and what the prose claims.

A section's text may hold placeholders such as ``{新收申请}``; each names one figure, found in the
report's tables by the format's cell path, or among the hand-entered figures. The filled text is
what is published, so the prose cannot drift from the tables. Prose typed as plain numbers is
read back with the report reader's phrase patterns and compared with the tables.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from gongkai.domain.annual_report import ReportTables

# Placeholder → cell path by format ("*" = every format). A path may sum several cells with "+".
_N, _O = ("2021", "2019"), ("pre2019-table",)


def _both(national: str, older: str | None = None) -> dict[str, str]:
    paths = dict.fromkeys(_N, national)
    if older:
        paths.update(dict.fromkeys(_O, older))
    return paths


def _everywhere(path: str) -> dict[str, str]:
    return dict.fromkeys((*_N, *_O), path)


PLACEHOLDERS: dict[str, dict[str, str]] = {
    "新收申请": _both("applications.new.total", "extra.requests.received.value"),
    "上年结转": _both("applications.carried_over.total"),
    "办结申请": _both("applications.total.total", "extra.requests.concluded.value"),
    "予以公开": _both("applications.granted.total", "extra.replies.granted.value"),
    "部分公开": _both("applications.partial.total", "extra.replies.partial.value"),
    "不予公开": _both("applications.refused.total", "extra.replies.refused.value"),
    "无法提供": _both("applications.unable.total"),
    "不予处理": _both("applications.not_processed.total"),
    "其他处理": _both("applications.other.total"),
    "结转下年": _both("applications.carried_forward.total"),
    "自然人申请": _both("applications.new.natural_person"),
    "行政复议": _both("disputes.review.total", "extra.reviews.total.value"),
    "行政诉讼": _both(
        "disputes.lawsuit_direct.total+disputes.lawsuit_after_review.total", "extra.lawsuits.total.value"
    ),
    "复议诉讼纠错": _both(
        "disputes.review.corrected+disputes.lawsuit_direct.corrected+disputes.lawsuit_after_review.corrected",
        "extra.reviews.corrected.value+extra.lawsuits.corrected.value",
    ),
    "制发规章": {"2021": "proactive.regulations.issued", "2019": "proactive.regulations.made"},
    "制发规范性文件": {
        "2021": "proactive.normative_documents.issued",
        "2019": "proactive.normative_documents.made",
        "pre2019-table": "extra.proactive.normative_documents_issued.value",
    },
    "废止规范性文件": {"2021": "proactive.normative_documents.repealed"},
    "现行有效规范性文件": {"2021": "proactive.normative_documents.in_force"},
    "行政许可决定": _both("proactive.licensing.decisions"),
    "行政处罚决定": _both("proactive.punishment.decisions"),
    "行政强制决定": _both("proactive.coercion.decisions"),
    "行政事业性收费": {"2021": "proactive.fees.amount_10k_yuan"},
    "主动公开信息": _everywhere("extra.proactive.total.value"),
    "政府网站信息": _everywhere("extra.proactive.website.value"),
    "政务微博信息": _everywhere("extra.proactive.weibo.value"),
    "政务微信信息": _everywhere("extra.proactive.wechat.value"),
    "政府公报信息": _everywhere("extra.proactive.gazette.value"),
    "新闻发布会": _everywhere("extra.response.press_conferences.value"),
    "政策解读稿件": _everywhere("extra.response.interpretations.value"),
    "工作会议": _everywhere("extra.training.meetings.value"),
    "培训班": _everywhere("extra.training.courses.value"),
    "培训人次": _everywhere("extra.training.trainees.value"),
    "工作人员": _everywhere("extra.staffing.staff.value"),
    "专项经费": _everywhere("extra.staffing.funding_10k_yuan.value"),
    "举报投诉": _everywhere("extra.complaints.value"),
    "建议提案": _everywhere("figure.proposals"),
    "网络问政": _everywhere("figure.online_qa"),
    "信息处理费": _both("figure.processing_fees_yuan", "extra.fees_10k_yuan.value"),
}

_PLACEHOLDER = re.compile(r"\{([^{}\s]{1,20})\}")
MISSING = "□"  # printed where a placeholder has no value, so the gap is visible


@dataclass(frozen=True)
class Filled:
    text: str
    unknown: tuple[str, ...]  # placeholders that do not exist
    unstated: tuple[str, ...]  # placeholders whose figure the report does not state


def figure_value(name: str, tables: ReportTables, figures: Mapping[str, int | float]) -> int | float | None:
    """The value of one placeholder in this report, or None when it does not state it."""
    path = PLACEHOLDERS.get(name, {}).get(tables.template)
    if path is None:
        return None
    values = [_path_value(part, tables, figures) for part in path.split("+")]
    if any(value is None for value in values):
        return None
    return sum(value for value in values if value is not None)


def _path_value(path: str, tables: ReportTables, figures: Mapping[str, int | float]) -> int | float | None:
    if path.startswith("figure."):
        return figures.get(path)
    table, rest = path.split(".", 1)
    row, column = rest.rsplit(".", 1)
    value = tables.cell(table, row, column)
    if value is None and table == "extra":
        value = figures.get(path)
    return value


def format_number(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value)
    return f"{value:.4f}".rstrip("0").rstrip(".")


def fill(text: str, tables: ReportTables, figures: Mapping[str, int | float]) -> Filled:
    unknown: list[str] = []
    unstated: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in PLACEHOLDERS:
            unknown.append(name)
            return match.group(0)
        value = figure_value(name, tables, figures)
        if value is None:
            unstated.append(name)
            return MISSING
        return format_number(value)

    filled = _PLACEHOLDER.sub(replace, text)
    return Filled(filled, tuple(dict.fromkeys(unknown)), tuple(dict.fromkeys(unstated)))


def placeholders_for(template: str) -> list[tuple[str, str]]:
    """(placeholder, cell path) pairs that work in this format, for the editor's help text."""
    return [(name, paths[template]) for name, paths in PLACEHOLDERS.items() if template in paths]


def sample_overview(template: str) -> str:
    """A starting text for 一、总体情况 whose figures all come from the tables."""
    if template == "pre2019-table":
        return "本年度共收到政府信息公开申请{新收申请}件，办结{办结申请}件。"
    return (
        "本年度新收政府信息公开申请{新收申请}件，上年结转{上年结转}件；办结{办结申请}件，"
        "其中予以公开{予以公开}件、部分公开{部分公开}件；结转下年度继续办理{结转下年}件。"
        "发生政府信息公开行政复议{行政复议}件、行政诉讼{行政诉讼}件。"
    )
