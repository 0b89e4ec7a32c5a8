"""The checks a matched phrase must pass before its figure counts as a statement of a field.

A guard looks at the match and the sentence around it and rejects: a figure about another year
or the year before ("去年", "2016年"), a cumulative count since some earlier time ("自2008年以来
累计"), a sub-category (a clause opening with "其中"), a channel count that is really the
year's total or is split ("网站公开52条，其他信息2167条"), two websites sharing one count, and a
"none" statement that is about something else (复议 applications, 行政许可, 收费 of other kinds).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "Context",
    "Guard",
    "after_none_of",
    "carried",
    "cases",
    "channel",
    "fee",
    "lawsuits_alone",
    "none_carried_over",
    "no_disputes",
    "no_fees",
    "no_requests",
    "one_website_only",
    "proactive",
    "received",
    "reply",
    "reply_first",
    "this_year",
    "year_opened",
    "year_part",
    "year_total",
]

_SENTENCE_MARKS = "。!?;\n"
_REACH = 400  # no sentence is longer: bounds the work on text without any full stop


@dataclass(frozen=True)
class Context:
    """The prose, the sentence [start, end) a match is in, and the report's year."""

    prose: str
    sentence_start: int
    sentence_end: int
    year: int | None

    @classmethod
    def around(cls, prose: str, position: int, year: int | None) -> Context:
        """The sentence around ``position``, at most _REACH characters either side of it."""
        low, high = max(0, position - _REACH), min(len(prose), position + _REACH)
        start = end = -1
        for mark in _SENTENCE_MARKS:  # each search narrowed to what the ones before left open
            found = prose.rfind(mark, max(low, start + 1), position)
            if found > start:
                start = found
            found = prose.find(mark, position, high if end < 0 else end)
            if found >= 0:
                end = found
        return cls(prose, max(low, start + 1), high if end < 0 else end, year)

    def clause_before(self, position: int) -> str:
        """The text from the clause's start (after the last comma) to ``position``."""
        return self.prose[
            max(self.sentence_start, self.prose.rfind(",", self.sentence_start, position) + 1) : position
        ]

    @property
    def sentence(self) -> str:
        return self.prose[self.sentence_start : self.sentence_end]


Guard = Callable[[re.Match[str], Context], bool]

_OTHER_YEAR = re.compile(r"(\d{4})年")
_PREVIOUS = re.compile(
    r"去年|(?<!结转)上年(?!度?(?:结转|转结))|(?<!结转)上一年(?!度?(?:结转|转结))|同比|同期|前年"
)


def _gap(match: re.Match[str]) -> str:
    return match.groupdict().get("g") or ""


def this_year(match: re.Match[str], context: Context) -> bool:
    """No other year and no "last year" in the clause before the figure."""
    figure = match.start("n") if match.groupdict().get("n") is not None else match.start()
    before = context.clause_before(figure)
    if _PREVIOUS.search(before):
        return False
    if context.year is None:
        return True
    return all(int(year) == context.year for year in _OTHER_YEAR.findall(before))


_SINCE = re.compile(r"以来|至今(?!年)|迄今|目前|历年|成立|上线|开通|建站")
_YEAR_WORDS = re.compile(r"全年|本年|当年|年度|今年|年内")
_DIGIT = re.compile(r"\d")
_MADE = re.compile(r"制作|获取|制发|产生|形成")
# "共制发政府信息130件,其中主动公开18件", "共公开政府信息4738条。其中,主动公开3810条" (but not "其中主动
# 公开制式文件787条", a kind among what was published)
_PUBLISHED_PART = re.compile(r"[,;。]?其中[,:]?主动公开(?:政府信息|信息)?(?:共|为)?\d")


_PUBLISHED = re.compile(r"公开|发布|公布")
# "累计公开846条,其中本年度公开214条", "截至2012年12月30日…共主动公开615条,今年新增94条": the year's
# own count follows, a part of the one before
_YEAR_PART_AFTER = re.compile(
    r"[,;:]?(?:其中[,:]?(?:本年度?|当年度?|今年|年内|全年|\d{4}年)|(?:本年度?|当年度?|今年|年内|全年)新增)"
)
_UP_TO = re.compile(r"截[止至]")


def year_part(match: re.Match[str], context: Context) -> bool:
    """ "累计公开信息846条,其中本年度公开214条": the year's own part of a cumulative count."""
    before = context.prose[context.sentence_start : match.start()]
    return (
        ("累计" in before or _UP_TO.search(before) is not None)
        and _PUBLISHED.search(before) is not None
        and "依申请" not in before
    )


def _not_cumulative(match: re.Match[str], context: Context) -> bool:
    """A 累计 count only within the year (全年累计, 截至<year>年底累计), never 以来/至今累计."""
    if _YEAR_PART_AFTER.match(context.prose, match.end()):
        return False  # "累计公开846条,其中本年度公开214条": the year's own count is a part of it
    if "累计" not in context.prose[context.sentence_start : match.end()]:
        return True
    sentence = context.sentence
    if _SINCE.search(sentence):
        return False
    if _YEAR_WORDS.search(sentence):
        return True
    if context.year is None:
        return False
    # "截至2020年底累计…", "2020年,全镇累计主动公开…": the count of the report's year
    opening = context.prose[context.sentence_start : context.prose.find("累计", context.sentence_start)]
    # "自2020年1月1日起至2020年12月31日止,累计…": the year itself, no other year named
    named = rf"[截至][止至]?(?:{context.year}|今)年(?:底|末|12月)|(?:^|[,:])[^,:]{{0,4}}{context.year}年"
    return re.search(named, opening) is not None and all(
        int(year) == context.year for year in _OTHER_YEAR.findall(opening)
    )


_CHANNEL = re.compile(
    r"网站|门户|(?<!互联)网(?!络|上)|微博|微信|公众号|公报|客户端|平台|专栏|栏目|媒体|APP|报刊|电视|广播|短信|头条|抖音|视频"
)
# "通过我镇政府信息公开平台发布政务信息总数47条": the disclosure platform holds all, it is no channel
_DISCLOSURE_PLACE = re.compile(r"(?<!网站)(?:政府)?信息公开(?:平台|专栏|目录)")
_NOT_TOTAL = re.compile(r"其中|申请|答复|依申请|领域")  # "重点领域信息公开218条": an area's


# "属于已经主动公开的2件" (a reply), "其他应主动公开的信息1796条", "法定主动公开41条" (kinds)
_REPLY_OR_DUTY = re.compile(r"(?:属于已|属于已经|(?<!回)应|应当|法定)$")  # "我局已主动公开…" is a total
# "各乡镇主动公开政府信息1638条,占47%": a share of the total, not the total
_SHARE = re.compile(r"[,(]?占")


def proactive(match: re.Match[str], context: Context) -> bool:
    """The year's total of proactively published items, not a part or a cumulative count."""
    clause = context.clause_before(match.start())
    gap = _DISCLOSURE_PLACE.sub("", _gap(match))
    return (
        not _REPLY_OR_DUTY.search(context.prose, max(0, match.start() - 4), match.start())
        and not _SHARE.match(context.prose, match.end())
        and this_year(match, context)
        and _not_cumulative(match, context)
        and not (_CHANNEL.search(gap) and not _SEVERAL_CHANNELS.search(gap) and not one_website_only(gap))
        and not _NOT_TOTAL.search(gap)
        and "依申请" not in clause
        and not (clause.startswith("其中") and _CHANNEL.search(clause))  # 其中通过网站公开…: a channel's part
        and not _under_channel_heading(match, context)
        and not ("主动公开" not in match.group(0) and _in_area_item(match.start(), context))
        and not (_SITE_BEFORE.search(clause) and not _BY_MEANS.search(clause))
        and not _OTHER_MEANS.search(clause)  # "通过“某某”微信公众号主动公开政务信息347条": WeChat's
        and not _after_a_part_opening(match, context, clause)
        and not (_WEBSITE.search(clause + match.group(0)) and _another_website_count(match, context))
        and not _up_to_now(context, match.start("n"))
    )


_YEAR_NAMED = re.compile(r"\d{4}年|全年|本年|当年|年度|今年|年内")


def _up_to_now(context: Context, start: int) -> bool:
    """ "截止目前,我局已…公开政府信息504条": a count up to now, unless a year is named after the words
    (截至目前,2014年度主动公开…393条)."""
    ends = [since.end() for since in _EVER_SINCE.finditer(context.prose, context.sentence_start, start)]
    return bool(ends) and not _YEAR_NAMED.search(context.prose, ends[-1], start)


# "通过政府门户网站主动公开信息138条": one website, the only channel named, carries the total.
_ONE_SITE = re.compile(
    r"(?:通过|在|利用|依托)[^、,和及与等]{0,15}?(?:网站|外网|门户网|信息网|政务网|政府网)[》”\"]?(?:\([^()]{1,12}\))?(?:上)?"
    r"(?=主动|公开|发布|共|全年|当年|累计|更新|$)"
)
_NOT_WEB_MEDIA = r"微信|微博|公众号|新媒体|客户端|APP|公报|报刊|电视|广播"  # channels other than a website
_OTHER_CHANNELS = re.compile(rf"{_NOT_WEB_MEDIA}|等|[、和及与]")


_OTHER_MEDIA = re.compile(rf"{_NOT_WEB_MEDIA}|网站|门户网")


def one_website_only(clause: str) -> bool:
    """Whether the clause before a total names one website as the means, and no other channel.

    What follows the website may list kinds of information ("通过政府网站公开政府文件、政策解读等
    信息55条"), not other channels.
    """
    site = _ONE_SITE.search(clause)
    return (
        site is not None
        and _OTHER_CHANNELS.search(clause, 0, site.end()) is None
        and _OTHER_MEDIA.search(clause, site.end()) is None
    )


# "政府网站主动公开政府信息189条": the website's own count, as "网站共发布政府信息60条" is.
_SITE_BEFORE = re.compile(r"(?:网站|门户网|信息网|公众号|微博|微信)(?:上)?$")
_BY_MEANS = re.compile(r"通过|在|利用|依托|借助")  # "通过政府网站主动公开…": the site is the means
_OTHER_MEANS = re.compile(
    r"(?:通过|在|利用|依托|借助)[^,;。、和及与]{0,20}?(?:微信|微博|公众号|客户端|APP|抖音|头条|视频号)"
)


def _after_a_part_opening(match: re.Match[str], context: Context, clause: str) -> bool:
    """ "…3217条，其中，区政府主动公开政府信息1142条": a part of the total before it."""
    start = match.start() - len(clause)
    if _YEAR_WORDS.search(clause):
        return False  # "累计…5928条，其中，本年度新增…2110条": the year's own within a cumulative count
    opening = context.prose.rfind("其中", context.sentence_start, start)
    if opening < 0:
        return False
    right_after = context.prose.endswith(("其中,", "其中:"), max(0, start - 3), start)
    # "…3217条,其中,区政府…1142条,各工作部门主动公开政府信息2075条": the parts go on after the first
    if not right_after and _DIGIT.search(context.prose, context.sentence_start, opening) is None:
        return False
    # "制作、获取政府信息总数3618条，其中主动公开政府信息1853条": of all information made, the part
    # published is the year's proactive total; so is the proactive part of all published ("共公开政府
    # 信息4738条。其中,主动公开3810条", the rest on request)
    whole_start = context.sentence_start
    if opening == whole_start:  # 其中 opens the sentence: the whole is in the one before
        whole_start = Context.around(context.prose, max(0, opening - 1), context.year).sentence_start
    whole = context.prose[whole_start:opening]
    return _MADE.search(whole) is None and not (_ALL_PUBLISHED.search(whole) and "主动" not in whole)


_ALL_PUBLISHED = re.compile(r"(?:公开|发布)(?:了)?(?:各类)?(?:政府)?信息(?:共|共计)?\d")


# "(一)福田政府在线街道办事处主页。…2022年共主动公开政府信息165条": a paragraph on one channel.
_CHANNEL_HEADING = re.compile(
    r"(?:[一二三四五六七八九十]{1,2}、|\([一二三四五六七八九十]{1,2}\)|\d{1,2}[.、])"
    r"[^。\n]{0,24}?(?:网站|主页|在线|微信|微博|公众号|报刊|新媒体|公报|客户端)[^。\n]{0,6}。"
)


# The heading of a numbered item about one area of information: "(10)推进重大建设项目信息公开",
# "3.做好食品药品领域信息公开". Its "全年共发布信息291条" is that area's, not the year's total; an item
# about publishing in general ("(一)积极推进政府信息主动公开") is not an area.
_ITEM_MARK = re.compile(
    r"\((?:\d{1,2}|[一二三四五六七八九十]{1,3})\)|[一二三四五六七八九十]{1,3}、|(?<![\d.])\d{1,2}[.、](?!\d)"
    r"|(?<=[。;:,\n])[一二三四五六七八九十]{1,2}是"
)
_ITEM_HEADING = re.compile(r"[^。;:\n]{2,45}")  # "一是聚焦重点领域,拓宽主动公开范围": to its full stop
_AREA_HEADING = re.compile(
    r"(?:推进|推动|做好|加强|深化|抓好|强化|突出|落实|加大|着力|聚焦)(?!信息公开|政务公开)[^。;]{2,30}?(?:信息|政务)?公开"
    r"|领域|解读|回应"  # an item on policy interpretation counts only those
)
_GENERAL_HEADING = re.compile(r"主动|政务公开|政府信息公开|公开工作")


def _in_area_item(position: int, context: Context) -> bool:
    marks = list(_ITEM_MARK.finditer(context.prose, max(0, position - 300), position))
    heading = _ITEM_HEADING.match(context.prose, marks[-1].end(), position) if marks else None
    return (
        heading is not None
        and _AREA_HEADING.search(heading.group()) is not None
        and _GENERAL_HEADING.search(heading.group()) is None
    )


def _under_channel_heading(match: re.Match[str], context: Context) -> bool:
    paragraph = context.prose.rfind("\n", 0, match.start()) + 1
    return _CHANNEL_HEADING.match(context.prose, paragraph, match.start()) is not None


# "通过门户网站、微信、微博共发布各类信息17249条": the channels together, the year's total.
_SEVERAL_CHANNELS = re.compile(
    r"(?:网站|网|微信|微博|公众号|新媒体|公报|客户端|平台)[^,;。]{0,12}?[、和及与][^,;。]{0,12}?"
    r"(?:网站|微信|微博|公众号|新媒体|公报|客户端|平台|媒体)|等(?:渠道|平台|方式|形式|载体)"
    r"|(?:网站|微信|微博|公众号|新媒体)[^,;。]{0,12}?、[^,;。]{1,12}?等"
)
_YEAR_WORD_BEFORE = re.compile(r"(?:全|当|本|今|\d{4})$")


def year_total(match: re.Match[str], context: Context) -> bool:
    """The year's total (全年发布政府信息N条) unless a channel is the one publishing."""
    start = match.start()
    if not _YEAR_WORD_BEFORE.search(context.prose, max(0, start - 4), start) and not match.group(
        0
    ).startswith("年内"):
        return False
    if _PUBLISHED_PART.match(context.prose, match.end()):
        return False  # "共制发政府信息130件,其中主动公开18件": information made, of which a part published
    means = match.groupdict().get("m") or ""
    if _OTHER_MEANS.search(means) and not _SEVERAL_CHANNELS.search(means):
        return False  # "全年,通过微信公众号,发布信息87条": the account's count
    clause = context.clause_before(start)
    if _CHANNEL.search(clause) and not _BY_MEANS.search(clause):
        return False  # "“上海科技”网站全年发布信息2139条": the website's count, not the year's total
    return proactive(match, context)


_NOT_A_SITE = re.compile(rf"{_NOT_WEB_MEDIA}|平台|专栏|栏目|[、和及与]")
_YEAR_OPENING = re.compile(r"(?:\d{4}年度?|全年|本年度?|今年|当年)[,]?[^,;:]{0,20}$")


def year_opened(match: re.Match[str], context: Context) -> bool:
    """ "2022年,全镇政府信息公开566条": the year opens the sentence, no channel before the count."""
    before = context.prose[max(context.sentence_start, match.start() - 24) : match.start()]
    opening = _YEAR_OPENING.search(before)
    return (
        opening is not None
        and not _NOT_A_SITE.search(opening.group())  # a website, alone, carries the total
        and not _NOT_TOTAL.search(opening.group())
        and proactive(match, context)
    )


_WEBSITE = re.compile(r"网站|门户网|信息网|政务网|政府网")
_OTHER_CHANNEL = re.compile(r"(?:微博|微信|网站|公众号)[、和及与]?$")
# "网站公开52条，其他信息2167条", "网站发布政务类信息34条,概况类信息150条": the count is split
_MORE_PARTS = re.compile(
    r"(?!\()[,、]?(?:(?:其他(?!方式|渠道|途径|平台)|另有|另|以及)[^,;。!?\n:]{0,10}?|(?!其中)[^,;。!?\n:\d]{1,8}类(?:信息)?)\d"
)
# A kind of information, not all a channel carried: "解读信息", "新闻信息", "政务动态类信息" (but not
# "工作动态信息", most of what a small site carries); a list of kinds closed by 等 ("政府文件、政策解读等
# 信息") is everything.
_ONE_KIND = re.compile(r"^(?!.*[等各]).*(?:解读|新闻|要闻|类)(?:信息|稿件|文章)?$")


_AMONG = re.compile(r"(?:信息|内容)中")
_NEXT_ITEM = re.compile(r"、[^,;。!?\n:\d、]{0,8}?(?:文件|解读|类(?:信息)?)\d")


def _before_figure(match: re.Match[str]) -> str:
    return match.group(0)[: match.start("n") - match.start()]


_EVER_SINCE = re.compile(r"自[^,;。\n]{0,20}以来|至今(?!年)|迄今|截[至止]目前|到目前为止")
_WEBSITE_COUNT = re.compile(r"网站[^,;。!?\n:\d、和及与]{0,20}\d+(?:条|篇|件)")


def _another_website_count(match: re.Match[str], context: Context) -> bool:
    """ "在市政府门户网站公开信息41条,在本委网站公开信息299条": each website's own count, no total."""
    prose, start = context.prose, match.start()
    after = prose[match.end() : context.sentence_end]
    after = after[: after.find("其中")] if "其中" in after else after  # its parts are no other website's
    elsewhere = prose[context.sentence_start : start - 1], after
    return any(_WEBSITE_COUNT.search(part) for part in elsewhere)


def channel(match: re.Match[str], context: Context) -> bool:
    """One channel's own count: not split, not shared by two websites, not a 其中 part."""
    start = match.start()
    if start > 0 and context.prose[start - 1] == "条":
        return False  # "两条微信阅读量…"
    if _OTHER_CHANNEL.search(context.prose, max(0, start - 4), start):
        return False  # "微博微信公开信息2148条": two channels together
    clause = context.clause_before(start)
    clause = clause[max(clause.rfind("("), clause.rfind(":")) + 1 :]  # "(其中:政府网站…": the list's own part
    if match.group(0).startswith("网") and (
        _WEBSITE.search(clause) or _another_website_count(match, context)
    ):
        return False  # two websites named: neither carries the count alone
    if _MORE_PARTS.match(context.prose, match.end()):
        return False  # "网站公开52条，其他信息2167条": the channel's count is split
    if _ONE_KIND.search(_before_figure(match)) or _AMONG.search(_before_figure(match)):
        return False  # "网站发布解读信息127条", "网站上公开的信息中便民服务信息6条": one kind of its items
    listed = _NEXT_ITEM.match(context.prose, match.end())
    if listed and not _CHANNEL.search(listed.group()):
        return False  # "门户网站公开政府信息88条、规范性文件2条": the channel's items, listed by kind
    if _EVER_SINCE.search(context.prose, context.sentence_start, start):
        return False  # "自街道成立以来利用区政府网站公布信息92条": not the year's
    # "累计主动公开政府信息128条，其中在政府门户网站发布28条": the total's 累计 is not the channel's
    if _YEAR_PART_AFTER.match(context.prose, match.end()):
        return False  # "截至2012年底,网站共主动公开615条,今年新增94条": not the year's
    cumulative = "累计" in clause or "累计" in match.group(0)
    return this_year(match, context) and (not cumulative or _not_cumulative(match, context))


_REQUEST_NOISE = re.compile(
    r"复议|诉讼|举报|投诉|结转|撤回|补正|减免|许可|审批|办理|办结|答复|处理|通过|其中|当面|网上|网络|信函|传真|邮寄"
)


def about_requests(match: re.Match[str], context: Context) -> bool:
    """A figure in a sentence about disclosure requests, for the year."""
    return "申请" in context.sentence and this_year(match, context)


def received(match: re.Match[str], context: Context) -> bool:
    """Requests received in the year, all channels together."""
    gap = _gap(match)
    if gap.startswith("办理") and match.group(0).startswith("接受"):
        gap = gap[2:]  # "接受办理政府信息公开申请62件": received for handling
    clause = context.clause_before(match.start())
    clause = clause[clause.rfind(":") + 1 :]  # "2.依申请公开办理情况:我街道…共收到…": after the heading
    if _REQUEST_NOISE.search(gap) or _REQUEST_NOISE.search(clause):
        return False
    sentence = context.sentence
    if "公开" not in gap + match.group(0) and "信息公开" not in sentence and "依申请" not in sentence:
        return False
    if _WITH_CARRIED.match(context.prose, match.end()):
        return False  # "共收到申请41件(含上年度结转3件)": new and carried over together
    return this_year(match, context)


_WITH_CARRIED = re.compile(
    r"[(,]?(?:含|包含|包括|其中)(?:(?:上一?年度?|去年|\d{4}年度?)(?:的)?(?:结转|转结)|(?:本年度?)?新收)"
)


_NONE_NOISE = re.compile(
    r"\d|复议|诉讼|举报|投诉|减免|收费|撤回|补正|不予|予以|部分|驳回|拒绝|逾期|超期|延期|答复|办结|涉及|许可|审批|纠错|败诉"
    r"|(?<!主动公开)以外|需要|应当|结转|转结"
)


def _topic(
    match: re.Match[str],
    context: Context,
    words: re.Pattern[str],
    heading_words: re.Pattern[str] | None = None,
) -> bool:
    """Whether the sentence, or the heading just before it, is about ``words`` (the heading may be
    about ``heading_words`` instead): "四、因政府信息公开申请行政复议、提起行政诉讼的情况" then
    "本年度无行政复议。"."""
    if words.search(context.sentence):
        return True
    prose, start = context.prose, context.sentence_start
    line_start = prose.rfind("\n", max(0, start - _REACH), start) + 1
    if line_start < start:  # the sentence is not the first of its paragraph: the paragraph's start
        return words.search(prose, line_start, start) is not None
    heading_start = prose.rfind("\n", max(0, start - 60), start - 1) + 1
    heading = prose[heading_start : start - 1]
    return (
        _HEADING.match(heading) is not None
        and len(heading) <= 40
        and (words.search(heading) or (heading_words and heading_words.search(heading))) is not None
    )


_ON_REQUESTS = re.compile(r"依申请|公开申请|申请公开")
_HEADING = re.compile(r"[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[、.](?!\d)")


# "未收到法人或者其他组织…的申请" speaks of some applicants only; "公民、法人或者其他组织" of all.
_SOME_APPLICANTS = re.compile(r"^(?!.*(?:公民|自然人|个人|群众|公众|社会|任何)).*(?:法人|组织|企业)")


_NOT_RECEIVED = re.compile(r"(?:未|没有|没|无)(?:收到|接到|受理|接收)")


def no_requests(match: re.Match[str], context: Context) -> bool:
    """A none-statement (未收到…申请) about requests for information, nothing qualifying them."""
    gap = _gap(match)
    tail_start = match.end("g") if "g" in match.re.groupindex else match.start()
    named = gap + match.group(0)[tail_start - match.start() :]
    about = "公开" in named or "信息" in named or (not gap and _topic(match, context, _ON_REQUESTS))
    if not gap and not _NOT_RECEIVED.match(match.group(0)) and named.startswith("依申请公开"):
        return False  # "没有依申请公开事项": nothing said of requests received
    return (
        about
        and not _NONE_NOISE.search(gap)
        and not _SOME_APPLICANTS.search(gap)
        and this_year(match, context)
    )


_DISPUTE_TAIL = re.compile(
    r"纠错|纠正|败诉|撤销|确认违法|维持|被(?!提起|申请|行政诉讼|诉讼|起诉)|费用|支出|经费"
)
_ON_DISCLOSURE = re.compile(
    r"公开|申请行政复议|提起行政诉讼"
)  # the report's own section: 申请行政复议和提起行政诉讼情况
# A disclosure report's section on its disputes, short-named: "(六)复议、诉讼和申诉情况"
_DISPUTES_HEADING = re.compile(r"复议[、和及与]?(?:行政)?诉讼")
_DISPUTE_GAP = re.compile(r"\d|纠错|纠正|败诉|撤销|维持|以外|应当|需要|申请人")


def no_disputes(match: re.Match[str], context: Context) -> bool:
    """None at all (没有发生因政府信息公开而产生的行政复议), not "none corrected"."""
    tail = match.groupdict().get("t") or match.groupdict().get("u") or ""
    return (
        _topic(match, context, _ON_DISCLOSURE, _DISPUTES_HEADING)
        and not _DISPUTE_GAP.search(_gap(match))
        and not _DISPUTE_TAIL.search(tail)
        and this_year(match, context)
    )


def no_fees(match: re.Match[str], context: Context) -> bool:
    """No fee (未收取费用) for disclosure, never about 行政事业性收费."""
    gap = _gap(match)
    if _FEE_GAP.search(gap) or "逾期" in context.prose[max(0, match.start() - 3) : match.start()]:
        return False
    sentence = context.sentence
    return _topic(match, context, _ON_FEES) and "事业性" not in sentence


_ON_FEES = re.compile(r"公开|申请|处理费")
_FEE_GAP = re.compile(r"事业性|复议|诉讼|按|\d")


def fee(match: re.Match[str], context: Context) -> bool:
    return "事业性" not in context.clause_before(match.start()) and this_year(match, context)


_TOGETHER = re.compile(r"^[和及与、或](?:提起)?(?:行政)?诉讼")
_CASES_GAP = re.compile(r"纠错|维持|败诉|诉讼|复议")


def cases(match: re.Match[str], context: Context) -> bool:
    """A count of reviews or suits ("有1件涉及政府信息公开工作的行政复议"), not of some outcome,
    nor of reviews and suits together ("2件行政复议和行政诉讼")."""
    if _TOGETHER.search(context.prose[match.end() : match.end() + 8]):
        return False
    return not _CASES_GAP.search(_gap(match)) and this_year(match, context)


_REVIEWS_AND = re.compile(r"复议[和及与、或]?(?:提起)?(?:行政)?$")


def lawsuits_alone(match: re.Match[str], context: Context) -> bool:
    """Suits alone ("诉讼9件"), not "行政复议和行政诉讼2件" (the two together)."""
    start = match.start()
    if _ONE_KIND_OF_SUIT.search(context.clause_before(start)):
        return False  # "经复议后起诉的行政诉讼0件": one of the two kinds the total adds up
    return not _REVIEWS_AND.search(context.prose, max(0, start - 8), start) and this_year(match, context)


_ONE_KIND_OF_SUIT = re.compile(r"复议后|经复议|直接起诉|未经复议")


# One kind of applicant, unless all of them are of it ("申请人均为自然人").
_ASIDE = re.compile(r"\([^()]*\)")
_APPLICANT_GROUP = re.compile(
    r"(?<!均为)(?<!全部为)(?<!都是)(?<!全是)(?:自然人|法人|商业企业|科研机构|公益组织|法律服务机构)"
)


_REQUESTS_HANDLED = re.compile(r"收到|受理|接到|答复|办结")


# "属于已经主动公开的2件": a kind of reply to requests (the information was published already)
_ALREADY_PUBLISHED = re.compile(r"已(?:经)?主动公开")


def reply(match: re.Match[str], context: Context) -> bool:
    """A reply count for all requests, not for one kind of applicant ("自然人申请中，予以公开15件")."""
    before = _ALREADY_PUBLISHED.sub("", context.prose[context.sentence_start : match.start()])
    before = _ASIDE.sub("", before)  # "(其中:自然人申请32件、企业申请2件)": who applied, said aside
    if "主动公开" in before and not _REQUESTS_HANDLED.search(before):
        return False  # "主动公开信息43条，其中…不予公开0件": information, not replies to requests
    return not _APPLICANT_GROUP.search(before) and this_year(match, context)


def reply_first(match: re.Match[str], context: Context) -> bool:
    """A figure before its reply ("收到申请5件，对其中3件予以公开"), in a sentence about requests."""
    return "申请" in context.sentence and reply(match, context)


_NEXT_YEAR_NAMED = re.compile(r"(\d{4})年")


def into_next_year(match: re.Match[str], context: Context) -> bool:
    """ "4件结转至2024年" in the report on 2023: carried on into the next year."""
    named = _NEXT_YEAR_NAMED.match(context.prose, match.end())
    return named is not None and context.year is not None and int(named.group(1)) == context.year + 1


_LAST_YEAR = re.compile(r"(?:上一?年度?|去年|(?P<y>\d{4})年度?)$")


def none_carried_over(match: re.Match[str], context: Context) -> bool:
    """ "2021年未转结政府信息公开申请" in the report on 2022: none carried over from the year before."""
    named = _LAST_YEAR.search(context.prose, max(0, match.start() - 8), match.start())
    if named is None:
        return False
    year = named.group("y")
    return year is None or (context.year is not None and int(year) == context.year - 1)


def carried(offset: int) -> Guard:
    """Requests carried in from the year before (``offset`` -1) or on to the next (+1): "2021年结转…"
    in a report on 2022 names the year before, not another year's figure; "2021年结转至2022年…" too."""

    def check(match: re.Match[str], context: Context) -> bool:
        groups = match.groupdict()
        named, to = groups.get("y"), groups.get("to")
        if to is not None and (context.year is None or int(to) != context.year):
            return False  # "2022年结转至2023年2件" is carried into 2023
        if named is not None:
            return context.year is not None and int(named) == context.year + offset
        return this_year(match, context)

    return check


def after_none_of(chars: str, guard: Guard = this_year) -> Guard:
    """The match must not follow one of ``chars`` (a lookbehind kept out of the regex, for speed)."""

    def check(match: re.Match[str], context: Context) -> bool:
        start = match.start()
        if start >= 2 and (match.group(0).startswith("公开") or context.prose.startswith("同意", start - 2)):
            start -= 2  # the phrase began with 同意/予以/全部
        return (start == 0 or context.prose[start - 1] not in chars) and guard(match, context)

    return check
