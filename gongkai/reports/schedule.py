"""When a year's report is due, and which format it takes."""

from __future__ import annotations

import datetime as dt

from gongkai.domain.annual_report import TemplateId


def report_deadline(year: int, *, is_government: bool) -> dt.date:
    """The last day to publish the report on ``year``.

    2019 Regulation Art. 49: departments by 31 January, county-level-and-above governments by
    31 March of the next year. 2008 Regulation Art. 31 (reports on 2018 and before): every
    agency by 31 March.
    """
    if is_government or year <= 2018:
        return dt.date(year + 1, 3, 31)
    return dt.date(year + 1, 1, 31)


def default_template(year: int) -> TemplateId:
    """国办公开办函〔2021〕30号 from 2021, 〔2019〕60号 for 2019–2020, the statistics table before."""
    if year >= 2021:
        return "2021"
    if year >= 2019:
        return "2019"
    return "pre2019-table"


TEMPLATE_OPTIONS: dict[str, TemplateId] = {"2021": "2021", "2019": "2019", "pre2019": "pre2019-table"}
