"""The agency and the year a report is about, from its title, its opening lines or its signature.

Titles follow "<机关><年>年(度)政府信息公开(工作)年度报告" (or "<年>年<机关>…"), sometimes broken
over two lines (PDF) or prefixed by a crawler ("标题："); the year is also stated as the statistics
period ("统计期限为2018年1月1日至2018年12月31日"). A pronoun ("我局") is not an agency: absent
rather than wrong.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

__all__ = ["find_agency", "find_year"]

_KIND = r"(?:政府信息公开|政务公开|信息公开)"
_TITLE = re.compile(
    rf"(?P<year>(?:19|20)\d{{2}})年度?(?!\d{{1,2}}月)(?P<after>[^,。;:]{{0,30}}?){_KIND}[^。;]{{0,10}}?(?:年度报告|年报|工作报告|报告)"
)
_TITLE_YEAR_LAST = re.compile(rf"{_KIND}(?:工作)?(?P<year>(?:19|20)\d{{2}})年度?(?:报告|年报|工作报告)")
_PERIOD = re.compile(r"((?:19|20)\d{2})年1月1日(?:起)?(?:至|到|-|—)(?:(?:19|20)\d{2}年)?12月31日")
_ANY_YEAR = re.compile(r"((?:19|20)\d{2})年")
# "现将我镇2023年政府信息公开工作情况报告如下", "编制2023年政府信息公开工作。"; not a plan for the next
# year ("2015年政府信息公开工作将…")
_YEAR_OF_WORK = re.compile(
    rf"((?:19|20)\d{{2}})年度?(?:的)?{_KIND}(?:工作)?(?:情况|年度报告|年报|工作报告|(?<=工作)(?=[,。;]|$))"
)
# A page cut to its body: "一、总体情况\n2021年,我局…" opens with the year reported on.
_OPENING_YEAR = re.compile(
    r"(?:总体情况|概述|基本情况)[^\n]{0,6}\n+[ \t]*((?:19|20)\d{2})年(?:度)?(?:,|以来|我|全|在|共|本)"
)
_TITLE_NO_YEAR = re.compile(rf"^(?P<after>[^,。;:\s]{{2,30}}?){_KIND}(?:工作)?(?:年度报告|年报)$")
# "2021年,榕城区政府办公室根据《条例》…": a page cut to its body names the agency in its opening.
_OPENING_AGENCY = re.compile(
    r"(?:19|20)\d{2}年(?:度)?,(?P<after>[^,。;:、()《\n]{2,24}?)"
    r"(?:认真|根据|按照|坚持|紧紧|深入|严格|全面|进一步|继续|始终|高度|积极|依据|依照|结合)"
)
_MADE_BY = re.compile(r"由([^,。;:由]{2,30}?)(?:负责)?编制")
_SUFFIX = re.compile(
    r"(?:局|委|委员会|办|办公室|厅|政府|处|院|会|镇|乡|街道|办事处|中心|站|所|署|队|部|馆|公司|集团|区|县|市|省)$"
)
_PLACE = re.compile(r"(?:镇|乡|街道|县|区|市)$")
_PRONOUN = re.compile(
    r"^(?:(?:我|本|该)(?:局|办|委|厅|镇|乡|街道|单位|机关|部门|中心|院|府|区|县|市|会|处)?|(?:人民)?政府|各级政府)$"
)
_PREFIX = re.compile(
    r"^(?:标题|名称|题目)[:]|^[a-z0-9][a-z0-9.\-]*\.(?:com|cn|net|org|gov)(?:\.cn)?", re.IGNORECASE
)
_DATE_LINE = re.compile(r"^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$")


@lru_cache(maxsize=4)  # find_year and find_agency read the same report's heads, one after the other
def _heads(text: str) -> tuple[tuple[int, str], ...]:
    """The first non-empty lines, each alone and joined with the next (titles broken by a PDF)."""
    found: list[tuple[int, str]] = []
    filled = [(index, line[:300]) for index, line in enumerate(text[:60_000].split("\n", 200)[:200]) if line][
        :30
    ]
    for position, (index, line) in enumerate(filled):
        found.append((index, line))
        if position + 1 < len(filled) and len(line) < 40 and ">" not in line and "|" not in line:
            found.append((index, line + filled[position + 1][1]))
    return tuple(found)


def find_year(text: str) -> int | None:
    """The year reported on; ``text`` is compact (spaces around CJK removed)."""
    for _, head in _heads(text):
        match = _TITLE.search(head) or _TITLE_YEAR_LAST.search(head)
        if match is not None:
            return int(match.group("year"))
    period = _PERIOD.search(text)
    if period is not None:
        return int(period.group(1))
    work = _YEAR_OF_WORK.search(text, 0, 3000)  # "现将我镇2023年政府信息公开工作情况报告如下"
    if work is not None:
        return int(work.group(1))
    opening = _OPENING_YEAR.search(text, 0, 3000)
    if opening is not None:
        return int(opening.group(1))
    counts = Counter(int(year) for year in _ANY_YEAR.findall(text, 0, 3000))
    if counts:
        year, count = counts.most_common(1)[0]
        if count >= 2:
            return year
    return None


# Words a title's sentence puts before the agency ("现向社会公布XX镇人民政府2023年…"), and page
# furniture a scrape glues to it ("无障碍浏览XX街道办事处"): the name starts after the last of them.
_LEAD_IN = re.compile(r".*(?:公布|发布|印发|编制|浏览|[>|]|^由|\d{1,2}日)")  # also a date line glued before


def _clean(name: str) -> str:
    name = _LEAD_IN.sub("", name.strip(" |"))
    if name.endswith("人民"):
        name += "政府"  # "张义镇人民政府信息公开工作年度报告": the title's 政府 belongs to both
    if "《" in name or "》" in name:
        return ""  # a document's title, not an agency
    name = _PREFIX.sub("", name.strip(" -—_|·:#*="))
    name = re.sub(r"^(?:关于|现将)", "", name)  # 公布/发布 and what precedes them went with _LEAD_IN
    name = re.sub(r"(?:关于|的)$", "", name)
    name = re.sub(r"(?<=人民政府)(?:党政综合办公室|党政办公室|党政办)$", "", name)  # a township's own office
    return "" if _PRONOUN.match(name) or len(name) < 2 or not _SUFFIX.search(name) else name


def find_agency(text: str) -> str:
    """The agency as the text names it, or "" when it does not say."""
    title = ""
    for index, head in _heads(text):
        match = _TITLE.search(head) or _TITLE_YEAR_LAST.search(head)
        if match is None:
            continue
        before = re.split(r"[,。;]", head[max(0, match.start() - 40) : match.start()])[-1]
        title = _clean(match.groupdict().get("after") or "") or _clean(before)
        if not title and index > 0:
            previous = [line for line in text.split("\n", index)[:index] if line]
            title = _clean(previous[-1]) if previous else ""
        break
    if not title:
        title = _untitled_agency(text)
    made = _MADE_BY.search(text)
    author = _clean(made.group(1)) if made else ""
    if author and (not title or title in author):
        title = author
    return _refined(title, text)


def _untitled_agency(text: str) -> str:
    """The agency of a report whose title has no year, or of a page cut to its body."""
    for _, head in _heads(text):
        match = _TITLE_NO_YEAR.match(head)
        if match is not None:
            return _clean(match.group("after"))
    opening = _OPENING_AGENCY.search(text, 0, 3000)
    return _clean(opening.group("after")) if opening is not None else ""


def _refined(agency: str, text: str) -> str:
    """A fuller name the text gives for the same agency: its signature, or "<镇>人民政府"."""
    if not agency:
        return ""
    tail = [line for line in text.rstrip().rsplit("\n", 12)[-12:] if line]
    for position, line in enumerate(tail):
        following = tail[position + 1] if position + 1 < len(tail) else ""
        if agency in line and line != agency and len(line) <= 30 and _SUFFIX.search(line):
            if _DATE_LINE.match(following) or position == len(tail) - 1:
                return line
    if _PLACE.search(agency) and f"{agency}人民政府" in text:
        return f"{agency}人民政府"
    return agency
