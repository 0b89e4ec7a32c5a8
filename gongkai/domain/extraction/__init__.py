"""The report reader: published annual reports (text) → template, agency, year, fields, tables.

Pure domain: the caller reads the file and passes its text. Modules, in reading order:

- ``normalize``: traditional → simplified, full-width → half-width, page furniture, line for line;
- ``numerals``: 2,825 / 1.2万 / 一千二百 / 三百余 → values (approximate ones marked);
- ``sections``: the prose (with line numbers) and the lines of each template table;
- ``rows``: flattened table rows (pipes, tabs, spaces, one cell a line, PDF text);
- ``tables`` and ``legacy``: tables 二/三/四 of 2019/2021, and the pre-2019 statistics table;
- ``phrases`` (with ``guards``): figures stated in the prose; ``titles``: agency and year;
- ``figures``: fields from tables and prose (``stated``: one place's figure, and the finding two
  places that disagree make); ``contradictions``: cross-checks between prose and tables;
- ``consistency``: a quick identity test before ``annual_report.checks.check_tables``;
- ``report``: :func:`extract_text` → :class:`ExtractedReport`.
"""

from __future__ import annotations

from gongkai.domain.extraction.figures import FIELD_NAMES, FIELDS
from gongkai.domain.extraction.report import ExtractedReport, extract_text

__all__ = ["FIELDS", "FIELD_NAMES", "ExtractedReport", "extract_text"]
