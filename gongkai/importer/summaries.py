"""A report reader's result in words, for people reading the command's output."""

from __future__ import annotations

from gongkai.domain.extraction import FIELD_NAMES, FIELDS, ExtractedReport

TEMPLATE_NAMES = {
    "2021": "2021年格式（国办公开办函〔2021〕30号）",
    "2019": "2019年格式（国办公开办函〔2019〕60号）",
    "pre2019-table": "2019年以前（附政府信息公开情况统计表）",
    "pre2019-prose": "2019年以前（仅正文）",
}


def summary(report: ExtractedReport, *, file: str) -> str:
    """Several lines: the file, template, agency and year, the fields found, the findings."""
    year = report.year if report.year is not None else "（未写明）"
    lines = [
        file,
        f"  格式：{TEMPLATE_NAMES.get(report.template, report.template)}",
        f"  机关：{report.agency or '（未写明）'}　年度：{year}",
    ]
    stated = [f"{FIELD_NAMES[name]} {report.fields[name]}" for name in FIELDS if name in report.fields]
    lines.append("  数字：" + ("；".join(stated) if stated else "（正文未写明任何数字）"))
    if report.found:
        names = {"proactive": "表二", "applications": "表三", "disputes": "表四"}
        lines.append("  表格：读出" + "、".join(names[table] for table in report.found))
    if report.findings:
        lines.append(f"  问题（{len(report.findings)}）：")
        lines += [f"    - {finding.message}（{finding.where}）" for finding in report.findings]
    else:
        lines.append("  问题：无")
    return "\n".join(lines)
